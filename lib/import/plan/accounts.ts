import { uuidv7 } from 'uuidv7';
import { canonicalLinkedin, currencyOf, domainFromWebsite, isFreeMailDomain, parseNumber } from '../values';
import { check } from './check';
import type { PlanContext } from './context';
import { normTags, sizeBucket } from './fields';
import type { Known } from './known';
import { mergeInto, fillPatch } from './merge';
import { all, first, type Values } from './row';

export interface CompanyRef {
  name: string | null;
  domains: string[];
  externalId?: string | null;
  /** Domains to look the company up by when they differ from those a new account gets. */
  matchDomains?: string[];
}

/** Accounts of one file: matched by domain, then external id, then name, in the file first and then in Carnet. */
export interface AccountResolver {
  /** The id of the account for this company, creating it in the plan when neither the file nor Carnet has it. */
  resolve(company: CompanyRef, line: number, create: boolean): string | null;
  /** The account row planner of an accounts file. */
  planRow(v: Values, line: number): void;
}

const keysOf = (a: { domains: string[]; externalId?: string | null; name?: string | null }) => [
  ...a.domains.map((d) => `d:${d}`),
  ...(a.externalId ? [`x:${a.externalId}`] : []),
  ...(a.name ? [`n:${a.name.toLowerCase()}`] : []),
];

export function createAccountResolver(ctx: PlanContext, known: Known): AccountResolver {
  const { summary, inserts } = ctx;
  const inFile = new Map<string, Record<string, unknown>>();

  const resolve = (a: CompanyRef, line: number, create: boolean): string | null => {
    for (const k of keysOf({ ...a, domains: a.matchDomains ?? a.domains })) {
      const f = inFile.get(k);
      if (f) {
        const newDomains = a.domains.filter((d) => !(f.domains as string[]).includes(d));
        if (newDomains.length) {
          f.domains = [...(f.domains as string[]), ...newDomains];
          for (const d of newDomains) inFile.set(`d:${d}`, f);
        }
        return f.id as string;
      }
      const db = known.accounts.get(k);
      if (db) return db.id;
    }
    if (!create || !a.name) return null;
    const input: Record<string, unknown> = { id: uuidv7(), name: a.name.slice(0, 200), domains: a.domains, currency: ctx.defaultCurrency };
    if (a.externalId) input.custom = { externalId: a.externalId };
    const r = check('accounts', input);
    if (!r.ok) {
      summary.warnings.push({ line, reason: `company not created: ${r.reason}` });
      return null;
    }
    inserts.accounts.push(r.data);
    ctx.count('accounts', 'new');
    for (const k of keysOf(a)) inFile.set(k, r.data);
    return input.id as string;
  };

  const planRow = (v: Values, line: number): void => {
    if (ctx.skipDeleted(v, line)) return;
    const doms = [...all(v, 'domain'), ...all(v, 'website')].map(domainFromWebsite).filter((d): d is string => !!d && !isFreeMailDomain(d));
    const employees = parseNumber(first(v, 'employees'), ctx.decimalComma);
    const revenue = parseNumber(first(v, 'revenue'), ctx.decimalComma);
    const annualValue = parseNumber(first(v, 'annualValue'), ctx.decimalComma);
    const renewal = ctx.dateOf(v, 'renewalDate', 'date');
    const start = ctx.dateOf(v, 'contractStart', 'date');
    if (renewal.bad || start.bad) {
      summary.invalid.push({ line, reason: (renewal.bad ?? start.bad)! });
      return;
    }
    const externalId = ctx.exactId(v, 'externalId', line);
    const custom: Record<string, string | number> = {};
    if (externalId) custom.externalId = externalId;
    if (revenue !== null) custom.revenue = revenue;
    const input: Record<string, unknown> = {
      name: first(v, 'name'),
      domains: [...new Set(doms)],
      industry: first(v, 'industry') || null,
      size: employees !== null && employees > 0 ? sizeBucket(employees) : null,
      owner: first(v, 'owner') || null,
      annualValue,
      currency: currencyOf(first(v, 'currency')) ?? ctx.defaultCurrency,
      renewalDate: renewal.value,
      contractStart: start.value,
      linkedinUrl: canonicalLinkedin(first(v, 'linkedinUrl')),
      tags: normTags(all(v, 'tags')),
      notes: all(v, 'notes').join('\n\n') || null,
      custom,
    };
    const r = check('accounts', input);
    if (!r.ok) {
      summary.invalid.push({ line, reason: r.reason });
      return;
    }
    const keys = keysOf({ domains: input.domains as string[], externalId, name: input.name as string });
    const fileMatch = keys.map((k) => inFile.get(k)).find(Boolean);
    if (fileMatch) {
      mergeInto(fileMatch, r.data);
      summary.duplicates++;
      return;
    }
    const dbMatch = keys.map((k) => known.accounts.get(k)).find(Boolean);
    if (dbMatch) {
      const patch = fillPatch(dbMatch as unknown as Record<string, unknown>, r.data, ['currency', 'name']);
      if (Object.keys(patch).length) {
        ctx.updates.push({ entity: 'accounts', id: dbMatch.id, patch, line });
        ctx.count('accounts', 'updated');
        summary.updated++;
      } else summary.duplicates++;
      return;
    }
    const rec = { ...r.data, id: uuidv7() };
    inserts.accounts.push(rec);
    for (const k of keys) inFile.set(k, rec);
    ctx.count('accounts', 'new');
    summary.new++;
  };

  return { resolve, planRow };
}
