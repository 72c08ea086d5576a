import { uuidv7 } from 'uuidv7';
import {
  ENTITIES, Phone, Tag, type AccountInput, type DealInput, type EntityName, type InteractionInput,type Account, type Contact,
} from '../schema';
import {
  contactsByEmails, contactsByLinkedinUrls, accountsByDomains, accountsByNames, accountsWithExternalId, contactsWithExternalId,
  interactionsBySourceRefs, orderRefs, liveDeals,
} from '../db/import-lookups';
import type { ParsedCsv, CsvRow } from './parse';
import { planCampaigns, type CampaignReportSummary } from './campaign-plan';
import type { ImportEntity, Mapping, PresetDef, Target } from './presets';
import {
  canonicalLinkedin, clean, currencyOf, detectDayOrder, domainFromWebsite, emailDomain, isFreeMailDomain, parseDateParts,
  parseNumber, splitFullName, splitMulti, toIsoDate, toIsoDateTime, type DayOrder,
} from './values';
import { differentPeople, idDamage, type PersonKey } from './identifiers';

export type PlannedEntity = 'accounts' | 'contacts' | 'orders' | 'interactions' | 'deals' | 'campaignStats' | 'agencyPlans';
const WRITE_ORDER: PlannedEntity[] = ['accounts', 'contacts', 'deals', 'orders', 'interactions', 'agencyPlans', 'campaignStats'];

export interface PlannedUpdate {
  entity: PlannedEntity;
  id: string;
  patch: Record<string, unknown>;
  line: number;
}

export interface RowIssue {
  line: number;
  /** In English, for logs and tests; `key` (with `params`) is what the screen shows, translated. */
  reason: string;
  /** A message key for the reason in the UI's language (the English reason is the fallback), with its values. */
  key?: string;
  params?: Record<string, string | number>;
}

/** The contact import's own issue keys (each issue's `key` is a full catalog key). */
export type IssueKey = `import.issue.${'idScientific' | 'idRounded' | 'idConflictFile' | 'idConflictDb'}`;

export interface PlanSummary {
  rows: number;
  new: number;
  updated: number;
  /** Rows repeating an earlier row of the file, or an existing record with nothing new. */
  duplicates: number;
  invalid: RowIssue[];
  /** Values dropped from otherwise valid rows (a phone that is not a phone number, a birthday that is not a date). */
  warnings: RowIssue[];
  byEntity: Partial<Record<PlannedEntity, { new: number; updated: number }>>;
  /** Rows that carry no record: a report's totals rows, a footer line. */
  skipped?: number;
  /** Campaign reports: what the file covers (lib/import/campaign-plan.ts). */
  campaigns?: CampaignReportSummary;
}

/** A dry run's result: plain data (structured-clonable, so a worker can post it), applied by runImport. */
export interface ImportPlan {
  preset: { id: string; name: string; entity: ImportEntity };
  /** Inserts carry their pre-assigned ids, so contacts can point at accounts created by the same import. */
  inserts: Record<PlannedEntity, Record<string, unknown>[]>;
  updates: PlannedUpdate[];
  summary: PlanSummary;
}

export interface PlanOptions {
  currency?: string;
  /** Campaign reports: the client the figures belong to, when the file does not say (or names one account). */
  accountId?: string;
  signal?: AbortSignal;
  onProgress?: (done: number) => void;
}

/**
 * Parses with the entity's input schema (the input object strips unknown keys, keeps a pre-assigned id);
 * contacts also get the record-level rule "a name or an email". The reason names the field and value.
 */
export function check(entity: EntityName, input: object): { ok: true; data: Record<string, unknown> } | { ok: false; reason: string } {
  const r = ENTITIES[entity].input.safeParse(input);
  let issues: { path: PropertyKey[]; message: string; format?: string }[] = [];
  if (r.success) {
    const data = r.data as Record<string, unknown>;
    if (entity === 'contacts' && !hasNameOrEmail(data)) {
      issues = [{ path: ['lastName'], message: 'a contact needs a name or an email' }];
    } else {
      if ('id' in input) data.id = (input as { id: string }).id;
      return { ok: true, data };
    }
  } else issues = r.error.issues as typeof issues;
  const valueAt = (path: PropertyKey[]): unknown => path.reduce<unknown>((o, k) => (o as Record<PropertyKey, unknown> | null)?.[k], input);
  return {
    ok: false,
    reason: issues
      .map((i) => {
        const v = valueAt(i.path);
        const shown = typeof v === 'string' && v !== '' ? ` ("${v.slice(0, 80)}")` : '';
        const fmt = i.format;
        const message = i.message === 'Invalid input' && fmt ? `not a valid ${fmt === 'email' ? 'email address' : fmt}` : i.message;
        return `${i.path.map(String).join('.') || entity}: ${message}${shown}`;
      })
      .join('; '),
  };
}

function hasNameOrEmail(c: Record<string, unknown>): boolean {
  return (c.firstName as string).trim() !== '' || (c.lastName as string).trim() !== '' || (c.emails as string[]).length > 0;
}

export type Values = Map<Target, string[]>;

export function rowValues(header: string[], mapping: Mapping, row: CsvRow): Values {
  const v: Values = new Map();
  header.forEach((h, i) => {
    const t = mapping[h];
    if (!t) return;
    const cell = clean(row.cells[i]);
    if (!cell) return;
    const list = v.get(t);
    if (list) list.push(cell);
    else v.set(t, [cell]);
  });
  return v;
}

export const first = (v: Values, t: Target): string => v.get(t)?.[0] ?? '';
export const all = (v: Values, t: Target): string[] => v.get(t) ?? [];

function normTags(values: string[]): string[] {
  const out = new Set<string>();
  for (const cell of values) {
    for (let t of splitMulti(cell.replace(/,/g, ';'))) {
      t = t.replace(/^\*\s*/, '').trim();
      if (!t || /^my contacts$/i.test(t) || !Tag.safeParse(t).success) continue;
      out.add(t.slice(0, 64));
    }
  }
  return [...out];
}

function sizeBucket(n: number): AccountInput['size'] {
  if (n <= 10) return '1-10';
  if (n <= 50) return '11-50';
  if (n <= 200) return '51-200';
  if (n <= 1000) return '201-1000';
  if (n <= 5000) return '1001-5000';
  return '5000+';
}

const TICKET_STATUS: Record<string, InteractionInput['ticketStatus']> = {
  new: 'new', open: 'open', pending: 'pending', 'waiting on customer': 'pending', 'waiting on third party': 'on_hold',
  hold: 'on_hold', 'on-hold': 'on_hold', 'on hold': 'on_hold', resolved: 'solved', solved: 'solved', closed: 'closed',
};

function dealStage(s: string): DealInput['stage'] {
  const x = s.toLowerCase();
  if (/won|gagn/.test(x)) return 'won';
  if (/lost|perdu/.test(x)) return 'lost';
  if (/negotiat|review|négo/.test(x)) return 'negotiation';
  if (/propos|quote|decision|perception|devis/.test(x)) return 'proposal';
  return 'qualification';
}

function dealKind(s: string): DealInput['kind'] {
  const x = s.toLowerCase();
  if (/renew|renouvel/.test(x)) return 'renewal';
  if (/existing|upsell|upgrade/.test(x)) return 'upsell';
  return 'new_business';
}

const alnum = (s: string) => s.normalize('NFD').replace(/[^a-zA-Z0-9]/g, '').toLowerCase();

/** Whether a domain looks like the company's own: "Acme Inc" ~ acme.com, "Burlington Textiles" ~ burlington.com. */
function resembles(company: string, domain: string): boolean {
  const label = alnum(domain.split('.').slice(0, -1).join(''));
  const name = alnum(company);
  const firstWord = alnum(company.split(/\s+/)[0] ?? '');
  return label.length >= 2 && (name.includes(label) || (firstWord.length >= 3 && label.includes(firstWord)));
}

/**
 * Domains a new company account gets from a contact's business e-mails: those resembling the company name,
 * else the only one; several unrelated domains (private or old addresses) give none rather than a wrong one.
 */
function domainsForCompany(company: string | null, domains: string[]): string[] {
  const unique = [...new Set(domains)];
  const like = company ? unique.filter((d) => resembles(company, d)) : [];
  return like.length ? like : unique.length === 1 ? unique : [];
}

const truthy = (s: string) => /^(true|1|yes|oui)$/i.test(s);

function mergeInto(target: Record<string, unknown>, extra: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(extra)) {
    const cur = target[k];
    if (Array.isArray(cur) && Array.isArray(v)) target[k] = [...new Set([...cur, ...v])];
    else if (k === 'custom' && cur && typeof cur === 'object' && v && typeof v === 'object') target[k] = { ...v, ...cur };
    else if ((cur === null || cur === undefined || cur === '') && v !== null && v !== undefined && v !== '') target[k] = v;
  }
}

/** Fields the existing record lacks or arrays it would gain: the update a matching row brings. */
function fillPatch(existing: Record<string, unknown>, incoming: Record<string, unknown>, skip: string[] = []): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(incoming)) {
    if (skip.includes(k) || k === 'id' || v === null || v === undefined || v === '') continue;
    const cur = existing[k];
    if (Array.isArray(v)) {
      const curArr = Array.isArray(cur) ? cur : [];
      const added = v.filter((x) => !curArr.includes(x));
      if (added.length) patch[k] = [...curArr, ...added];
    } else if (k === 'custom' && typeof v === 'object') {
      const curObj = (cur ?? {}) as Record<string, unknown>;
      const add = Object.fromEntries(Object.entries(v as object).filter(([ck]) => curObj[ck] === undefined));
      if (Object.keys(add).length) patch[k] = { ...curObj, ...add };
    } else if (cur === null || cur === undefined || cur === '' || (k === 'accountId' && !cur)) {
      patch[k] = v;
    }
  }
  return patch;
}

/** Builds the dry run for a parsed file under a mapping: what would be created, updated, skipped, and why. */
export async function buildPlan(parsed: ParsedCsv, preset: PresetDef, mapping: Mapping, opts: PlanOptions = {}): Promise<ImportPlan> {
  if (preset.entity === 'campaigns') return planCampaigns(parsed, preset, mapping, opts);
  const { header, rows } = parsed;
  const entity = preset.entity;
  const defaultCurrency = opts.currency ?? preset.defaultCurrency ?? 'EUR';
  const summary: PlanSummary = { rows: rows.length, new: 0, updated: 0, duplicates: 0, invalid: [], warnings: [], byEntity: {} };
  const inserts: ImportPlan['inserts'] = { accounts: [], contacts: [], orders: [], interactions: [], deals: [], campaignStats: [], agencyPlans: [] };
  const updates: PlannedUpdate[] = [];
  const count = (e: PlannedEntity, kind: 'new' | 'updated') => {
    const c = (summary.byEntity[e] ??= { new: 0, updated: 0 });
    c[kind]++;
  };

  const values = rows.map((r) => rowValues(header, mapping, r));

  // Per-file choices: day order of each date field, decimal comma.
  const preferDmy = parsed.delimiter === ';';
  const dayOrder = new Map<Target, DayOrder>();
  for (const t of ['birthday', 'occurredAt', 'closeDate', 'renewalDate', 'contractStart'] as Target[]) {
    const vals = values.flatMap((v) => all(v, t));
    if (vals.length) dayOrder.set(t, detectDayOrder(vals, preferDmy) ?? (preferDmy ? 'dmy' : 'mdy'));
  }
  const numbers = values.flatMap((v) => [...all(v, 'amount'), ...all(v, 'unitPrice'), ...all(v, 'revenue')]);
  const decimalComma = preferDmy || numbers.some((n) => /^[-\d\s\u00a0.]*,\d{1,2}$/.test(n.replace(/[^\d\s\u00a0.,-]/g, '')));

  const dateOf = (v: Values, t: Target, kind: 'date' | 'datetime'): { value: string | null; bad: string | null } => {
    const cell = first(v, t);
    if (!cell) return { value: null, bad: null };
    const p = parseDateParts(cell, dayOrder.get(t) ?? 'mdy');
    if (!p) return { value: null, bad: `${t}: "${cell}" is not a date` };
    return { value: kind === 'date' ? toIsoDate(p) : toIsoDateTime(p), bad: null };
  };

  const columnOf = (t: Target) => header.find((h) => mapping[h] === t) ?? t;
  /**
   * The identifier a row gives in this field, or '' when a spreadsheet damaged it (scientific notation, rounded
   * digits): such a value would match rows and records it does not name, so it is reported and left out.
   */
  const exactId = (v: Values, t: Target, line: number): string => {
    const cell = first(v, t);
    const damage = cell ? idDamage(cell) : null;
    if (!damage) return cell;
    const column = columnOf(t);
    const how = damage === 'scientific' ? 'in scientific notation' : 'rounded to 15 digits';
    summary.warnings.push({
      line,
      key: damage === 'scientific' ? 'import.issue.idScientific' : 'import.issue.idRounded',
      params: { column, value: cell.slice(0, 80) },
      reason: `${column}: "${cell.slice(0, 80)}" is ${how} (a spreadsheet re-save); not used to match, not kept`,
    });
    return '';
  };

  // ---------- what the database already holds ----------
  const emails = new Set<string>();
  const linkedins = new Set<string>();
  const domains = new Set<string>();
  const companyNames = new Set<string>();
  for (const v of values) {
    for (const e of [...all(v, 'email')].flatMap(splitMulti)) {
      emails.add(e.toLowerCase());
      const d = emailDomain(e);
      if (d && !isFreeMailDomain(d)) domains.add(d);
    }
    for (const u of [...all(v, 'linkedinUrl'), ...all(v, 'website')]) {
      const c = canonicalLinkedin(u);
      if (c) linkedins.add(c);
    }
    for (const w of [...all(v, 'website'), ...all(v, 'domain')]) {
      const d = domainFromWebsite(w);
      if (d && !isFreeMailDomain(d)) domains.add(d);
    }
    for (const n of [...all(v, 'company'), ...all(v, 'name')]) companyNames.add(n);
  }
  const dbContacts = new Map<string, Contact>();
  for (const c of await contactsByEmails([...emails])) for (const e of c.emails) dbContacts.set(`e:${e}`, c);
  for (const c of await contactsByLinkedinUrls([...linkedins])) if (c.linkedinUrl) dbContacts.set(`l:${c.linkedinUrl}`, c);
  for (const c of await contactsWithExternalId()) dbContacts.set(`x:${String(c.custom.externalId)}`, c);
  const dbAccounts = new Map<string, Account>();
  for (const a of await accountsByDomains([...domains])) for (const d of a.domains) dbAccounts.set(`d:${d}`, a);
  const byName = entity === 'tickets' || entity === 'contacts' || entity === 'deals' || entity === 'orders' || entity === 'accounts';
  if (byName) for (const a of await accountsByNames([...companyNames])) dbAccounts.set(`n:${a.name.toLowerCase()}`, a);
  for (const a of await accountsWithExternalId()) dbAccounts.set(`x:${String(a.custom.externalId)}`, a);

  // ---------- accounts: matched by domain, then external id, then name ----------
  const fileAccounts = new Map<string, Record<string, unknown>>();
  const accountKeys = (a: { domains: string[]; externalId?: string | null; name?: string | null }) => [
    ...a.domains.map((d) => `d:${d}`),
    ...(a.externalId ? [`x:${a.externalId}`] : []),
    ...(a.name ? [`n:${a.name.toLowerCase()}`] : []),
  ];
  /** The id of the account for this company, creating it in the plan when neither the file nor the db has it. */
  const resolveAccount = (
    a: { name: string | null; domains: string[]; externalId?: string | null; matchDomains?: string[] },
    line: number,
    create: boolean,
  ): string | null => {
    const keys = accountKeys({ ...a, domains: a.matchDomains ?? a.domains });
    for (const k of keys) {
      const f = fileAccounts.get(k);
      if (f) {
        const newDomains = a.domains.filter((d) => !(f.domains as string[]).includes(d));
        if (newDomains.length) {
          f.domains = [...(f.domains as string[]), ...newDomains];
          for (const d of newDomains) fileAccounts.set(`d:${d}`, f);
        }
        return f.id as string;
      }
      const db = dbAccounts.get(k);
      if (db) return db.id;
    }
    if (!create || !a.name) return null;
    const input: Record<string, unknown> = { id: uuidv7(), name: a.name.slice(0, 200), domains: a.domains, currency: defaultCurrency };
    if (a.externalId) input.custom = { externalId: a.externalId };
    const r = check('accounts', input);
    if (!r.ok) {
      summary.warnings.push({ line, reason: `company not created: ${r.reason}` });
      return null;
    }
    inserts.accounts.push(r.data);
    count('accounts', 'new');
    for (const k of accountKeys(a)) fileAccounts.set(k, r.data);
    return input.id as string;
  };

  // ---------- contacts: matched by email, then LinkedIn URL, then external id ----------
  const fileContacts = new Map<string, Record<string, unknown>>();
  /** The line that created each contact of the file (to name it in a warning). */
  const fileLines = new Map<string, number>();
  const who = (c: Record<string, unknown>): PersonKey => ({
    emails: (c.emails as string[] | undefined) ?? [],
    name: `${(c.firstName as string | undefined) ?? ''} ${(c.lastName as string | undefined) ?? ''}`,
  });
  const contactKeys = (c: Record<string, unknown>) => [
    ...((c.emails as string[]) ?? []).map((e) => `e:${e}`),
    ...(c.linkedinUrl ? [`l:${c.linkedinUrl as string}`] : []),
    ...((c.custom as Record<string, unknown> | undefined)?.externalId ? [`x:${String((c.custom as Record<string, unknown>).externalId)}`] : []),
  ];

  const buildContact = (v: Values, line: number): { input: Record<string, unknown>; issues: string[] } => {
    const issues: string[] = [];
    let firstName = first(v, 'firstName');
    let lastName = first(v, 'lastName');
    if (!firstName && !lastName && first(v, 'fullName')) ({ firstName, lastName } = splitFullName(first(v, 'fullName')));
    const emailList = [...new Set(all(v, 'email').flatMap(splitMulti).map((e) => e.toLowerCase()))];
    const phones: string[] = [];
    for (const p of all(v, 'phone').flatMap(splitMulti)) {
      if (Phone.safeParse(p).success) phones.push(p);
      else summary.warnings.push({ line, reason: `phones: "${p}" is not a phone number; left out` });
    }
    let linkedinUrl: string | null = null;
    for (const u of [...all(v, 'linkedinUrl'), ...all(v, 'website')]) linkedinUrl ??= canonicalLinkedin(u);
    let birthday: string | null = null;
    const b = first(v, 'birthday');
    if (b && !/^0?0\/0?0\/0{2,4}$/.test(b)) {
      const d = dateOf(v, 'birthday', 'date');
      if (d.value) birthday = d.value;
      else summary.warnings.push({ line, reason: `birthday: "${b}" is not a date; left out` });
    } else if (first(v, 'birthMonth') && first(v, 'birthDay')) {
      const y = first(v, 'birthYear');
      const m = first(v, 'birthMonth').padStart(2, '0');
      const d = first(v, 'birthDay').padStart(2, '0');
      birthday = /^\d{4}$/.test(y) ? `${y}-${m}-${d}` : `--${m}-${d}`;
    }
    const externalId = exactId(v, 'externalId', line);
    const input: Record<string, unknown> = {
      firstName: firstName.slice(0, 100),
      lastName: lastName.slice(0, 100),
      emails: emailList,
      phones: [...new Set(phones)],
      linkedinUrl,
      title: first(v, 'title') || null,
      birthday,
      tags: normTags(all(v, 'tags')),
      notes: all(v, 'notes').join('\n\n') || null,
      owner: first(v, 'owner') || null,
      custom: externalId ? { externalId } : {},
    };
    return { input, issues };
  };

  /** Adds or merges a contact; returns its id, or null when the row is invalid (already reported). */
  const planContact = (v: Values, line: number, countRow: boolean): string | null => {
    const { input } = buildContact(v, line);
    const company = first(v, 'company') || null;
    const businessDomains = (input.emails as string[])
      .map(emailDomain)
      .filter((d): d is string => !!d && !isFreeMailDomain(d));
    const site = domainFromWebsite(first(v, 'website'));
    if (site && !canonicalLinkedin(first(v, 'website')) && !isFreeMailDomain(site) && company) businessDomains.push(site);
    const accountExternalId = exactId(v, 'accountExternalId', line);
    const accountId =
      (accountExternalId ? resolveAccount({ name: null, domains: [], externalId: accountExternalId }, line, false) : null) ??
      resolveAccount({ name: company, domains: domainsForCompany(company, businessDomains), matchDomains: [...new Set(businessDomains)] }, line, true);
    input.accountId = accountId;
    const r = check('contacts', input);
    if (!r.ok) {
      if (countRow) summary.invalid.push({ line, reason: r.reason });
      return null;
    }
    const keys = contactKeys(r.data);
    // An id shared with a record whose e-mail and name both differ is not that record: two people.
    const refused = new Set<string>();
    const conflict = (k: string, other: PersonKey, where: { line?: number }): boolean => {
      if (!k.startsWith('x:') || !differentPeople(who(r.data), other)) return false;
      refused.add(k);
      const value = k.slice(2, 82);
      const column = columnOf('externalId');
      summary.warnings.push(
        where.line !== undefined
          ? { line, key: 'import.issue.idConflictFile', params: { column, value, other: String(where.line) }, reason: `${column}: "${value}" is also line ${where.line}'s, a person with another e-mail and name; kept as two people` }
          : { line, key: 'import.issue.idConflictDb', params: { column, value }, reason: `${column}: "${value}" belongs to a contact in Carnet with another e-mail and name; kept as two people` },
      );
      return true;
    };
    for (const k of keys) {
      const f = fileContacts.get(k);
      if (f) {
        if (conflict(k, who(f), { line: fileLines.get(f.id as string) })) continue;
        mergeInto(f, r.data);
        for (const k2 of contactKeys(f)) fileContacts.set(k2, f);
        if (countRow) summary.duplicates++;
        return f.id as string;
      }
    }
    for (const k of keys) {
      const db = dbContacts.get(k);
      if (!db || conflict(k, who(db as unknown as Record<string, unknown>), {})) continue;
      const existingUpdate = updates.find((u) => u.entity === 'contacts' && u.id === db.id);
      const patch = fillPatch({ ...db, ...(existingUpdate?.patch ?? {}) } as Record<string, unknown>, r.data);
      if (existingUpdate) {
        Object.assign(existingUpdate.patch, patch);
        if (countRow) summary.duplicates++;
      } else if (Object.keys(patch).length) {
        updates.push({ entity: 'contacts', id: db.id, patch, line });
        count('contacts', 'updated');
        if (countRow) summary.updated++;
      } else if (countRow) summary.duplicates++;
      return db.id;
    }
    const rec = { ...r.data, id: uuidv7() };
    inserts.contacts.push(rec);
    fileLines.set(rec.id, line);
    for (const k of keys) if (!refused.has(k)) fileContacts.set(k, rec);
    count('contacts', 'new');
    if (countRow) summary.new++;
    return rec.id;
  };

  const skipDeleted = (v: Values, line: number): boolean => {
    if (truthy(first(v, 'deleted'))) {
      summary.invalid.push({ line, reason: 'deleted: the row is marked deleted in the source system' });
      return true;
    }
    return false;
  };

  // ---------- per kind of file ----------
  const dbOrderRefs = entity === 'orders' ? await orderRefs() : new Set<string>();
  const fileOrders = new Map<string, Record<string, unknown>>();
  const site = preset.site ?? 'import';
  const dbTickets = new Map<string, string>();
  if (entity === 'tickets') {
    const refs = values.map((v) => first(v, 'ref')).filter((r) => r && !idDamage(r));
    for (const i of await interactionsBySourceRefs(site, refs)) if (i.source) dbTickets.set(i.source.ref, i.id);
  }
  const fileTickets = new Map<string, Record<string, unknown>>();
  const dbDeals = entity === 'deals' ? await liveDeals() : [];
  const fileDeals = new Map<string, Record<string, unknown>>();

  for (let i = 0; i < rows.length; i++) {
    if (i % 2000 === 0) {
      if (opts.signal?.aborted) throw new DOMException('The import was cancelled.', 'AbortError');
      opts.onProgress?.(i / rows.length);
    }
    const v = values[i]!;
    const line = rows[i]!.line;

    if (entity === 'contacts') {
      if (!skipDeleted(v, line)) planContact(v, line, true);
      continue;
    }

    if (entity === 'accounts') {
      if (skipDeleted(v, line)) continue;
      const doms = [...all(v, 'domain'), ...all(v, 'website')]
        .map(domainFromWebsite)
        .filter((d): d is string => !!d && !isFreeMailDomain(d));
      const employees = parseNumber(first(v, 'employees'), decimalComma);
      const revenue = parseNumber(first(v, 'revenue'), decimalComma);
      const annualValue = parseNumber(first(v, 'annualValue'), decimalComma);
      const renewal = dateOf(v, 'renewalDate', 'date');
      const start = dateOf(v, 'contractStart', 'date');
      if (renewal.bad || start.bad) {
        summary.invalid.push({ line, reason: (renewal.bad ?? start.bad)! });
        continue;
      }
      const externalId = exactId(v, 'externalId', line);
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
        currency: currencyOf(first(v, 'currency')) ?? defaultCurrency,
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
        continue;
      }
      const keys = accountKeys({ domains: input.domains as string[], externalId, name: input.name as string });
      const inFile = keys.map((k) => fileAccounts.get(k)).find(Boolean);
      if (inFile) {
        mergeInto(inFile, r.data);
        summary.duplicates++;
        continue;
      }
      const inDb = keys.map((k) => dbAccounts.get(k)).find(Boolean);
      if (inDb) {
        const patch = fillPatch(inDb as unknown as Record<string, unknown>, r.data, ['currency', 'name']);
        if (Object.keys(patch).length) {
          updates.push({ entity: 'accounts', id: inDb.id, patch, line });
          count('accounts', 'updated');
          summary.updated++;
        } else summary.duplicates++;
        continue;
      }
      const rec = { ...r.data, id: uuidv7() };
      inserts.accounts.push(rec);
      for (const k of keys) fileAccounts.set(k, rec);
      count('accounts', 'new');
      summary.new++;
      continue;
    }

    if (entity === 'orders') {
      const when = dateOf(v, 'occurredAt', 'datetime');
      if (when.bad || !when.value) {
        summary.invalid.push({ line, reason: when.bad ?? 'occurredAt: the date is missing' });
        continue;
      }
      let amount = parseNumber(first(v, 'amount'), decimalComma);
      if (amount === null && first(v, 'unitPrice')) {
        const q = parseNumber(first(v, 'quantity') || '1', decimalComma);
        const p = parseNumber(first(v, 'unitPrice'), decimalComma);
        amount = q !== null && p !== null ? Math.round(q * p * 100) / 100 : null;
      }
      if (amount === null) {
        summary.invalid.push({ line, reason: `amount: "${first(v, 'amount') || first(v, 'unitPrice')}" is not a number` });
        continue;
      }
      const ref = exactId(v, 'ref', line) || null;
      const existing = ref ? fileOrders.get(ref) : undefined;
      if (existing) {
        existing.amount = Math.round(((existing.amount as number) + amount) * 100) / 100;
        continue;
      }
      if (ref && dbOrderRefs.has(ref)) {
        summary.duplicates++;
        continue;
      }
      const customerId = exactId(v, 'customerId', line).replace(/\.0+$/, '');
      const email = first(v, 'email').toLowerCase();
      let contactId: string | null = null;
      let accountId: string | null = null;
      if (email) {
        contactId = planContact(v, line, false);
        const c = inserts.contacts.find((x) => x.id === contactId) ?? dbContacts.get(`e:${email}`);
        accountId = ((c as Record<string, unknown> | undefined)?.accountId as string | null) ?? null;
      }
      accountId ??= customerId
        ? resolveAccount({ name: first(v, 'company') || `Customer ${customerId}`, domains: [], externalId: customerId }, line, true)
        : first(v, 'company')
          ? resolveAccount({ name: first(v, 'company'), domains: [] }, line, true)
          : null;
      const description = first(v, 'description');
      const input: Record<string, unknown> = {
        accountId,
        contactId,
        occurredAt: when.value,
        amount,
        currency: currencyOf(first(v, 'currency')) ?? currencyOf(first(v, 'amount')) ?? defaultCurrency,
        ref,
        description: description ? description.slice(0, 2000) : null,
      };
      const r = check('orders', input);
      if (!r.ok) {
        summary.invalid.push({ line, reason: r.reason });
        continue;
      }
      const rec = { ...r.data, id: uuidv7() };
      inserts.orders.push(rec);
      if (ref) fileOrders.set(ref, rec);
      count('orders', 'new');
      summary.new++;
      continue;
    }

    if (entity === 'tickets') {
      const ref = exactId(v, 'ref', line);
      const when = dateOf(v, 'occurredAt', 'datetime');
      if (when.bad || !when.value) {
        summary.invalid.push({ line, reason: when.bad ?? 'occurredAt: the date is missing' });
        continue;
      }
      const statusCell = first(v, 'status');
      const ticketStatus = statusCell ? (TICKET_STATUS[statusCell.toLowerCase()] ?? null) : null;
      if (statusCell && !ticketStatus) summary.warnings.push({ line, reason: `ticketStatus: unknown status "${statusCell}"; left empty` });
      const hasPerson = first(v, 'email') || first(v, 'fullName') || first(v, 'firstName') || first(v, 'lastName');
      const contactId = hasPerson ? planContact(v, line, false) : null;
      const contact = contactId ? (inserts.contacts.find((x) => x.id === contactId) ?? [...dbContacts.values()].find((c) => c.id === contactId)) : undefined;
      const accountId =
        ((contact as Record<string, unknown> | undefined)?.accountId as string | null | undefined) ??
        (first(v, 'company') ? resolveAccount({ name: first(v, 'company'), domains: [] }, line, true) : null);
      const input: Record<string, unknown> = {
        accountId,
        contactIds: contactId ? [contactId] : [],
        channel: 'ticket',
        direction: 'inbound',
        occurredAt: when.value,
        subject: first(v, 'subject').slice(0, 1000),
        summary: all(v, 'summary').join('\n\n') || null,
        source: ref ? { site, ref, url: first(v, 'url') || null } : null,
        ticketStatus,
      };
      const r = check('interactions', input);
      if (!r.ok) {
        summary.invalid.push({ line, reason: r.reason });
        continue;
      }
      if (ref && fileTickets.has(ref)) {
        mergeInto(fileTickets.get(ref)!, r.data);
        summary.duplicates++;
        continue;
      }
      const dbId = ref ? dbTickets.get(ref) : undefined;
      if (dbId) {
        const { contactIds: _c, ...patch } = r.data;
        updates.push({ entity: 'interactions', id: dbId, patch, line });
        count('interactions', 'updated');
        summary.updated++;
        continue;
      }
      const rec = { ...r.data, id: uuidv7() };
      inserts.interactions.push(rec);
      if (ref) fileTickets.set(ref, rec);
      count('interactions', 'new');
      summary.new++;
      continue;
    }

    if (entity === 'deals') {
      if (skipDeleted(v, line)) continue;
      const close = dateOf(v, 'closeDate', 'date');
      if (close.bad) {
        summary.invalid.push({ line, reason: close.bad });
        continue;
      }
      const accountExternalId = exactId(v, 'accountExternalId', line);
      const company = first(v, 'company');
      const accountId =
        (accountExternalId ? resolveAccount({ name: null, domains: [], externalId: accountExternalId }, line, false) : null) ??
        (company ? resolveAccount({ name: company, domains: [] }, line, true) : null);
      if (!accountId) {
        summary.invalid.push({
          line,
          reason: accountExternalId
            ? `accountId: no account with id "${accountExternalId}" in Carnet; import the accounts file first`
            : 'accountId: the deal names no company',
        });
        continue;
      }
      const amountCell = first(v, 'amount');
      const amount = amountCell ? parseNumber(amountCell, decimalComma) : null;
      if (amountCell && amount === null) {
        summary.invalid.push({ line, reason: `amount: "${amountCell}" is not a number` });
        continue;
      }
      const input: Record<string, unknown> = {
        accountId,
        name: first(v, 'name').slice(0, 300),
        kind: dealKind(first(v, 'kind')),
        stage: dealStage(first(v, 'stage')),
        amount,
        currency: currencyOf(first(v, 'currency')) ?? currencyOf(amountCell) ?? defaultCurrency,
        closeDate: close.value,
        owner: first(v, 'owner') || null,
        notes: all(v, 'notes').join('\n\n') || null,
      };
      const r = check('deals', input);
      if (!r.ok) {
        summary.invalid.push({ line, reason: r.reason });
        continue;
      }
      const key = exactId(v, 'externalId', line) || `${accountId}|${(input.name as string).toLowerCase()}`;
      if (fileDeals.has(key)) {
        mergeInto(fileDeals.get(key)!, r.data);
        summary.duplicates++;
        continue;
      }
      const inDb = dbDeals.find((d) => d.accountId === accountId && d.name.toLowerCase() === (input.name as string).toLowerCase());
      if (inDb) {
        const patch = fillPatch(inDb as unknown as Record<string, unknown>, r.data, ['currency', 'kind']);
        if (r.data.stage !== inDb.stage) patch.stage = r.data.stage;
        if (Object.keys(patch).length) {
          updates.push({ entity: 'deals', id: inDb.id, patch, line });
          count('deals', 'updated');
          summary.updated++;
        } else summary.duplicates++;
        continue;
      }
      const rec = { ...r.data, id: uuidv7() };
      inserts.deals.push(rec);
      fileDeals.set(key, rec);
      count('deals', 'new');
      summary.new++;
    }
  }
  opts.onProgress?.(1);
  return { preset: { id: preset.id, name: preset.name, entity }, inserts, updates, summary };
}

export { WRITE_ORDER };
