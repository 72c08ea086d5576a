import { uuidv7 } from 'uuidv7';
import { Phone } from '../../schema';
import { differentPeople, type PersonKey } from '../identifiers';
import { canonicalLinkedin, domainFromWebsite, emailDomain, isFreeMailDomain, splitFullName, splitMulti } from '../values';
import type { AccountResolver } from './accounts';
import { check } from './check';
import { domainsForCompany } from './company-domains';
import type { PlanContext } from './context';
import { normTags } from './fields';
import type { Known } from './known';
import { fillPatch, mergeInto } from './merge';
import { all, first, type Values } from './row';
import type { PlannedUpdate } from './types';

/** Contacts of one file: matched by e-mail, then LinkedIn URL, then external id, in the file first and then in Carnet. */
export interface ContactPlanner {
  /**
   * Adds or merges the row's person; returns its id, or null when the row is invalid (reported when `countRow`:
   * a contacts file counts its rows, an orders or tickets file only borrows the person).
   */
  plan(v: Values, line: number, countRow: boolean): string | null;
  /** The account of a contact the plan created or matched. */
  accountOf(contactId: string): string | null;
}

const who = (c: Record<string, unknown>): PersonKey => ({
  emails: (c.emails as string[] | undefined) ?? [],
  name: `${(c.firstName as string | undefined) ?? ''} ${(c.lastName as string | undefined) ?? ''}`,
});

const keysOf = (c: Record<string, unknown>) => {
  const externalId = (c.custom as Record<string, unknown> | undefined)?.externalId;
  return [
    ...((c.emails as string[]) ?? []).map((e) => `e:${e}`),
    ...(c.linkedinUrl ? [`l:${c.linkedinUrl as string}`] : []),
    ...(externalId ? [`x:${String(externalId)}`] : []),
  ];
};

/** The contact a row describes, before matching: names, e-mails, valid phones, LinkedIn, birthday, tags. */
function contactInput(ctx: PlanContext, v: Values, line: number): Record<string, unknown> {
  let firstName = first(v, 'firstName');
  let lastName = first(v, 'lastName');
  if (!firstName && !lastName && first(v, 'fullName')) ({ firstName, lastName } = splitFullName(first(v, 'fullName')));
  const emails = [
    ...new Set(
      all(v, 'email')
        .flatMap(splitMulti)
        .map((e) => e.toLowerCase()),
    ),
  ];
  const phones: string[] = [];
  for (const p of all(v, 'phone').flatMap(splitMulti)) {
    if (Phone.safeParse(p).success) phones.push(p);
    else ctx.summary.warnings.push({ line, reason: `phones: "${p}" is not a phone number; left out` });
  }
  let linkedinUrl: string | null = null;
  for (const u of [...all(v, 'linkedinUrl'), ...all(v, 'website')]) linkedinUrl ??= canonicalLinkedin(u);
  let birthday: string | null = null;
  const b = first(v, 'birthday');
  if (b && !/^0?0\/0?0\/0{2,4}$/.test(b)) {
    const d = ctx.dateOf(v, 'birthday', 'date');
    if (d.value) birthday = d.value;
    else ctx.summary.warnings.push({ line, reason: `birthday: "${b}" is not a date; left out` });
  } else if (first(v, 'birthMonth') && first(v, 'birthDay')) {
    const y = first(v, 'birthYear');
    const m = first(v, 'birthMonth').padStart(2, '0');
    const d = first(v, 'birthDay').padStart(2, '0');
    birthday = /^\d{4}$/.test(y) ? `${y}-${m}-${d}` : `--${m}-${d}`;
  }
  const externalId = ctx.exactId(v, 'externalId', line);
  return {
    firstName: firstName.slice(0, 100),
    lastName: lastName.slice(0, 100),
    emails,
    phones: [...new Set(phones)],
    linkedinUrl,
    title: first(v, 'title') || null,
    birthday,
    tags: normTags(all(v, 'tags')),
    notes: all(v, 'notes').join('\n\n') || null,
    owner: first(v, 'owner') || null,
    custom: externalId ? { externalId } : {},
  };
}

export function createContactPlanner(ctx: PlanContext, known: Known, accounts: AccountResolver): ContactPlanner {
  const { summary } = ctx;
  const inFile = new Map<string, Record<string, unknown>>();
  const inFileById = new Map<string, Record<string, unknown>>();
  /** The line that created each contact of the file (to name it in a warning). */
  const lineOf = new Map<string, number>();
  const updateOf = new Map<string, PlannedUpdate>();

  const plan = (v: Values, line: number, countRow: boolean): string | null => {
    const input = contactInput(ctx, v, line);
    const company = first(v, 'company') || null;
    const businessDomains = (input.emails as string[]).map(emailDomain).filter((d): d is string => !!d && !isFreeMailDomain(d));
    const site = domainFromWebsite(first(v, 'website'));
    if (site && !canonicalLinkedin(first(v, 'website')) && !isFreeMailDomain(site) && company) businessDomains.push(site);
    const accountExternalId = ctx.exactId(v, 'accountExternalId', line);
    input.accountId =
      (accountExternalId ? accounts.resolve({ name: null, domains: [], externalId: accountExternalId }, line, false) : null) ??
      accounts.resolve({ name: company, domains: domainsForCompany(company, businessDomains), matchDomains: [...new Set(businessDomains)] }, line, true);
    const r = check('contacts', input);
    if (!r.ok) {
      if (countRow) summary.invalid.push({ line, reason: r.reason });
      return null;
    }
    const keys = keysOf(r.data);
    // An id shared with a record whose e-mail and name both differ is not that record: two people.
    const refused = new Set<string>();
    const conflict = (k: string, other: PersonKey, where: { line?: number }): boolean => {
      if (!k.startsWith('x:') || !differentPeople(who(r.data), other)) return false;
      refused.add(k);
      const value = k.slice(2, 82);
      const column = ctx.columnOf('externalId');
      summary.warnings.push(
        where.line !== undefined
          ? {
              line,
              key: 'import.issue.idConflictFile',
              params: { column, value, other: String(where.line) },
              reason: `${column}: "${value}" is also line ${where.line}'s, a person with another e-mail and name; kept as two people`,
            }
          : {
              line,
              key: 'import.issue.idConflictDb',
              params: { column, value },
              reason: `${column}: "${value}" belongs to a contact in Carnet with another e-mail and name; kept as two people`,
            },
      );
      return true;
    };
    for (const k of keys) {
      const f = inFile.get(k);
      if (!f || conflict(k, who(f), { line: lineOf.get(f.id as string) })) continue;
      mergeInto(f, r.data);
      for (const k2 of keysOf(f)) inFile.set(k2, f);
      if (countRow) summary.duplicates++;
      return f.id as string;
    }
    for (const k of keys) {
      const db = known.contacts.get(k);
      if (!db || conflict(k, who(db as unknown as Record<string, unknown>), {})) continue;
      const earlier = updateOf.get(db.id);
      const patch = fillPatch({ ...db, ...(earlier?.patch ?? {}) } as Record<string, unknown>, r.data);
      if (earlier) {
        Object.assign(earlier.patch, patch);
        if (countRow) summary.duplicates++;
      } else if (Object.keys(patch).length) {
        const update: PlannedUpdate = { entity: 'contacts', id: db.id, patch, line };
        ctx.updates.push(update);
        updateOf.set(db.id, update);
        ctx.count('contacts', 'updated');
        if (countRow) summary.updated++;
      } else if (countRow) summary.duplicates++;
      return db.id;
    }
    const rec = { ...r.data, id: uuidv7() };
    ctx.inserts.contacts.push(rec);
    inFileById.set(rec.id, rec);
    lineOf.set(rec.id, line);
    for (const k of keys) if (!refused.has(k)) inFile.set(k, rec);
    ctx.count('contacts', 'new');
    if (countRow) summary.new++;
    return rec.id;
  };

  const accountOf = (id: string): string | null =>
    (inFileById.get(id)?.accountId as string | null | undefined) ?? known.contactsById.get(id)?.accountId ?? null;

  return { plan, accountOf };
}
