import type { ConsentEntry, Purpose } from '../../schema';
import { Purpose as PurposeEnum, LawfulBasis as BasisEnum } from '../../schema';
import type { RetentionPolicy } from '../../gdpr/retention';
import type { ErasureReport } from '../../gdpr/erase';
import type { AuditEntry } from '../../db/db';
import { parseHlc } from '../../clock/hlc';

export const PURPOSES = PurposeEnum.options as readonly Purpose[];
export const LAWFUL_BASES = BasisEnum.options;
export const RETENTION_FIELDS = ['interactionsMonths', 'closedTasksMonths', 'surveysMonths', 'feedbackMonths', 'ordersMonths'] as const;
export type RetentionField = (typeof RETENTION_FIELDS)[number];

export function backupFileName(now: Date): string {
  return `carnet-backup-${now.toISOString().slice(0, 10)}.json`;
}

/** The policy editor's text boxes: '' keeps records until deleted by hand. */
export function policyToForm(p: RetentionPolicy): Record<RetentionField, string> {
  return Object.fromEntries(RETENTION_FIELDS.map((f) => [f, p[f] === null ? '' : String(p[f])])) as Record<RetentionField, string>;
}

/** Back to a policy; a box that is not a whole number of months from 1 to 1200 is reported by name. */
export function formToPolicy(form: Record<RetentionField, string>): { policy: RetentionPolicy } | { invalid: RetentionField[] } {
  const invalid: RetentionField[] = [];
  const policy = {} as RetentionPolicy;
  for (const f of RETENTION_FIELDS) {
    const v = (form[f] ?? '').trim();
    if (v === '') policy[f] = null;
    else if (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 1200) policy[f] = Number(v);
    else invalid.push(f);
  }
  return invalid.length ? { invalid } : { policy };
}

export interface PurposeState {
  purpose: Purpose;
  active: ConsentEntry | null;
  history: ConsentEntry[];
}

/** Per purpose: the entry in force now (if any) and the whole history, newest first. */
export function consentByPurpose(ledger: ConsentEntry[], now = new Date()): PurposeState[] {
  const t = now.toISOString();
  return PURPOSES.map((purpose) => {
    const history = ledger.filter((e) => e.purpose === purpose).sort((a, b) => b.grantedAt.localeCompare(a.grantedAt));
    const active = history.find((e) => e.grantedAt <= t && (!e.withdrawnAt || e.withdrawnAt > t)) ?? null;
    return { purpose, active, history };
  });
}

/** Audit entries newest first, with a wall-clock date from their HLC stamp. */
export function auditHistory(entries: AuditEntry[]): (AuditEntry & { date: string })[] {
  return [...entries]
    .sort((a, b) => b.at.localeCompare(a.at))
    .map((e) => {
      let date = '';
      try {
        date = new Date(parseHlc(e.at).ms).toISOString();
      } catch {
        date = '';
      }
      return { ...e, date };
    });
}

/** Table → count lines of an erasure report, deleted then scrubbed, without zeros. */
export function erasureLines(r: ErasureReport): { kind: 'deleted' | 'scrubbed'; table: string; n: number }[] {
  const out: { kind: 'deleted' | 'scrubbed'; table: string; n: number }[] = [];
  for (const [table, n] of Object.entries(r.deleted)) if (n) out.push({ kind: 'deleted', table, n });
  for (const [table, n] of Object.entries(r.scrubbed)) if (n) out.push({ kind: 'scrubbed', table, n });
  return out;
}

/** The editable fields of the rectification form, and their parse back into an update patch. */
export const RECTIFIABLE = ['firstName', 'lastName', 'emails', 'phones', 'title', 'linkedinUrl', 'notes'] as const;
export type Rectifiable = (typeof RECTIFIABLE)[number];

export function contactToForm(c: Record<Rectifiable, unknown>): Record<Rectifiable, string> {
  return Object.fromEntries(
    RECTIFIABLE.map((f) => {
      const v = c[f];
      return [f, Array.isArray(v) ? v.join(', ') : v == null ? '' : String(v)];
    }),
  ) as Record<Rectifiable, string>;
}

/** Only the fields that changed; lists are comma-separated, empty optional text becomes null. */
export function rectificationPatch(before: Record<Rectifiable, string>, after: Record<Rectifiable, string>): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const f of RECTIFIABLE) {
    if (before[f] === after[f]) continue;
    const v = after[f].trim();
    if (f === 'emails' || f === 'phones')
      patch[f] = v
        ? v
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : [];
    else if (f === 'firstName' || f === 'lastName') patch[f] = v;
    else patch[f] = v || null;
  }
  return patch;
}
