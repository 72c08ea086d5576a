import * as z from 'zod/mini';
import { ValidationError, type EntityName } from '../schema';
import { getDb } from '../db/db';
import { remove, writeTransaction } from '../db/write';
import { META_KEYS } from '../schema/meta-keys';

const Months = z.nullable(z.number().check(z.int(), z.gte(1), z.lte(1200)));

/** How long records are kept, in months after their date; null keeps them until deleted by hand. */
export const RetentionPolicy = z.object({
  interactionsMonths: z._default(Months, null),
  closedTasksMonths: z._default(Months, null),
  surveysMonths: z._default(Months, null),
  feedbackMonths: z._default(Months, null),
  ordersMonths: z._default(Months, null),
});
export type RetentionPolicy = z.infer<typeof RetentionPolicy>;
export const RETENTION_KEY = META_KEYS.retentionPolicy;

export async function getRetentionPolicy(): Promise<RetentionPolicy> {
  const stored = (await getDb().meta.get(RETENTION_KEY))?.value;
  const r = RetentionPolicy.safeParse(stored ?? {});
  return r.success ? r.data : RetentionPolicy.parse({});
}

export async function saveRetentionPolicy(input: z.input<typeof RetentionPolicy>): Promise<RetentionPolicy> {
  const r = RetentionPolicy.safeParse(input);
  if (!r.success) throw ValidationError.from('retention', r.error);
  await getDb().meta.put({ key: RETENTION_KEY, value: r.data });
  return r.data;
}

function cutoff(now: Date, months: number): string {
  const d = new Date(now.getTime());
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString();
}

interface Rule {
  table: EntityName;
  months: keyof RetentionPolicy;
  /** The record's date the period runs from; null exempts it (an open task). */
  dateOf: (r: Record<string, unknown>) => string | null;
  label: (r: Record<string, unknown>) => string;
}

const RULES: Rule[] = [
  {
    table: 'interactions',
    months: 'interactionsMonths',
    dateOf: (r) => r.occurredAt as string,
    label: (r) => `${r.channel as string}: ${r.subject as string}`,
  },
  {
    table: 'tasks',
    months: 'closedTasksMonths',
    dateOf: (r) => (r.status === 'done' ? ((r.doneAt as string | null) ?? (r.dueAt as string | null)) : null),
    label: (r) => r.title as string,
  },
  { table: 'surveys', months: 'surveysMonths', dateOf: (r) => r.respondedAt as string, label: (r) => `${r.kind as string} ${r.score as number}` },
  { table: 'feedback', months: 'feedbackMonths', dateOf: (r) => r.at as string, label: (r) => `${r.actionType as string}: ${r.outcome as string}` },
  {
    table: 'orders',
    months: 'ordersMonths',
    dateOf: (r) => r.occurredAt as string,
    label: (r) => `${(r.ref as string | null) ?? ''} ${r.amount as number}`.trim(),
  },
];

export interface RetentionPreview {
  counts: Partial<Record<EntityName, number>>;
  /** Up to 5 examples per table, oldest first, for the confirmation screen. */
  sample: Partial<Record<EntityName, { id: string; date: string; label: string }[]>>;
  total: number;
}

async function due(policy: RetentionPolicy, now: Date): Promise<Map<EntityName, { id: string; date: string; label: string }[]>> {
  const out = new Map<EntityName, { id: string; date: string; label: string }[]>();
  for (const rule of RULES) {
    const months = policy[rule.months];
    if (months === null) continue;
    const limit = cutoff(now, months);
    const rows = (await getDb().table(rule.table).toArray()) as Record<string, unknown>[];
    const hits = rows
      .filter((r) => !r.deletedAt)
      .map((r) => ({ r, date: rule.dateOf(r) }))
      .filter((x): x is { r: Record<string, unknown>; date: string } => !!x.date && x.date < limit)
      .sort((a, b) => a.date.localeCompare(b.date))
      .map(({ r, date }) => ({ id: r.id as string, date, label: rule.label(r) }));
    if (hits.length) out.set(rule.table, hits);
  }
  return out;
}

/** What applyRetention would delete now, without deleting anything. */
export async function previewRetention(input: z.input<typeof RetentionPolicy>, now = new Date()): Promise<RetentionPreview> {
  const policy = RetentionPolicy.parse(input);
  const hits = await due(policy, now);
  const preview: RetentionPreview = { counts: {}, sample: {}, total: 0 };
  for (const [table, list] of hits) {
    preview.counts[table] = list.length;
    preview.sample[table] = list.slice(0, 5);
    preview.total += list.length;
  }
  return preview;
}

/** Deletes (tombstones, so sync propagates) every record past its retention period, in one transaction. */
export async function applyRetention(input: z.input<typeof RetentionPolicy>, now = new Date()): Promise<Partial<Record<EntityName, number>>> {
  const policy = RetentionPolicy.parse(input);
  const hits = await due(policy, now);
  const counts: Partial<Record<EntityName, number>> = {};
  await writeTransaction([...hits.keys()], async () => {
    for (const [table, list] of hits) {
      for (const h of list) await remove(table, h.id);
      counts[table] = list.length;
    }
  });
  return counts;
}
