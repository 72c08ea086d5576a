/**
 * Evaluates a segment's rule tree (lib/schema/segment.ts) against an account's flat facts.
 * Semantics, chosen so a rule never throws on odd data:
 * - A missing field (undefined, null, '' or []) satisfies only `neq`, `exists: false` and `eq null`.
 * - Strings compare case-insensitively; a numeric string compares as a number against a number.
 * - On an array field (tags, segments) `eq`/`contains` mean "has this element", `neq` "has not", `in` "has any of".
 * - `gt`/`gte`/`lt`/`lte` need two numbers or two ISO dates; anything else is false.
 * - `within_days: N` is true when the field's date is at most N days from now, past or future.
 * - An empty `and` group is true, an empty `or` group false; segmentsFor ignores segments with no condition at all.
 */
import type { RuleCondition, RuleGroup } from '../schema/segment';
import type { Lifecycle, ValueTier } from './lifecycle';
import type { RfmLabel } from './rfm';
import { DAY_MS } from './time';

export type FactValue = string | number | boolean | null | undefined | readonly (string | number)[];

/** Everything a rule, a KPI filter or an action's eligibility can look at, flat. */
export interface AccountFacts {
  id: string;
  name: string;
  tier: string;
  lifecycle: Lifecycle;
  /** The stage stored on the account by the user (schema LifecycleStage). */
  lifecycleStage: string;
  owner: string | null;
  industry: string | null;
  size: string | null;
  tags: string[];
  annualValue: number | null;
  currency: string;
  churnProbability: number | null;
  clv: number | null;
  valueTier: ValueTier | null;
  rfmR: number | null;
  rfmF: number | null;
  rfmM: number | null;
  rfmLabel: RfmLabel | null;
  daysSinceLastInteraction: number | null;
  lastInteractionAt: string | null;
  daysSinceLastOrder: number | null;
  lastOrderAt: string | null;
  orderCount: number;
  interactionsLast90d: number;
  openTickets: number;
  lastNps: number | null;
  lastCsat: number | null;
  daysToRenewal: number | null;
  renewalDate: string | null;
  contractStart: string | null;
  churnedAt: string | null;
  /** Loyalty programme (lib/loyalty): the tier's name, its rank (0 = none, 1 = lowest), qualifying points, badges, referrals made. */
  loyaltyTier?: string | null;
  loyaltyTierRank?: number;
  loyaltyPoints?: number | null;
  loyaltyBadges?: string[];
  referrals?: number;
  /** Segment keys already known (rfm:…, lifecycle:…, tag:…); user segments are added after evaluation. */
  segments: string[];
  custom: Record<string, string | number | boolean | null>;
}

export const FACT_FIELDS = [
  'name',
  'tier',
  'lifecycle',
  'lifecycleStage',
  'owner',
  'industry',
  'size',
  'tags',
  'annualValue',
  'currency',
  'churnProbability',
  'clv',
  'valueTier',
  'rfmR',
  'rfmF',
  'rfmM',
  'rfmLabel',
  'daysSinceLastInteraction',
  'lastInteractionAt',
  'daysSinceLastOrder',
  'lastOrderAt',
  'orderCount',
  'interactionsLast90d',
  'openTickets',
  'lastNps',
  'lastCsat',
  'daysToRenewal',
  'renewalDate',
  'contractStart',
  'churnedAt',
  'segments',
  'loyaltyTier',
  'loyaltyTierRank',
  'loyaltyPoints',
  'loyaltyBadges',
  'referrals',
] as const satisfies readonly (keyof AccountFacts)[];

/** A field path: a fact name, or `custom.<key>` for a custom field. */
export function factValue(facts: Partial<AccountFacts>, field: string): FactValue {
  if (field.startsWith('custom.')) return facts.custom?.[field.slice(7)];
  if (!Object.hasOwn(facts, field)) return undefined;
  const v = (facts as Record<string, unknown>)[field];
  if (v === undefined || v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || Array.isArray(v)) return v as FactValue;
  return undefined;
}

type Scalar = string | number | boolean | null;
const isMissing = (v: FactValue) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
const ISO_DATE = /^\d{4}-\d\d-\d\d/;

function num(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && v.trim() !== '' && !ISO_DATE.test(v)) {
    const n = Number(v);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

function same(a: Scalar | string | number, b: Scalar | string | number): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  const na = num(a),
    nb = num(b);
  if (na !== null && nb !== null && (typeof a === 'number' || typeof b === 'number')) return na === nb;
  return a === b;
}

function compare(fact: FactValue, value: RuleCondition['value']): number | null {
  if (Array.isArray(fact) || Array.isArray(value)) return null;
  const nf = num(fact),
    nv = num(value);
  if (nf !== null && nv !== null) return nf - nv;
  if (typeof fact === 'string' && typeof value === 'string' && ISO_DATE.test(fact) && ISO_DATE.test(value)) {
    const a = Date.parse(fact),
      b = Date.parse(value);
    if (!Number.isNaN(a) && !Number.isNaN(b)) return a - b;
  }
  return null;
}

export function evaluateCondition(c: RuleCondition, facts: Partial<AccountFacts>, now: Date): boolean {
  const fact = factValue(facts, c.field);
  const v = c.value;
  if (c.operator === 'exists') {
    const want = v === null ? true : v !== false && v !== 'false' && v !== 0;
    return isMissing(fact) !== want;
  }
  if (isMissing(fact)) {
    if (c.operator === 'neq') return v !== null;
    if (c.operator === 'eq') return v === null;
    return false;
  }
  const list = Array.isArray(fact) ? (fact as readonly (string | number)[]) : null;
  switch (c.operator) {
    case 'eq':
      if (Array.isArray(v)) return false;
      return list ? list.some((x) => same(x, v)) : same(fact as Scalar, v);
    case 'neq':
      if (Array.isArray(v)) return true;
      return list ? !list.some((x) => same(x, v)) : !same(fact as Scalar, v);
    case 'gt': {
      const d = compare(fact, v);
      return d !== null && d > 0;
    }
    case 'gte': {
      const d = compare(fact, v);
      return d !== null && d >= 0;
    }
    case 'lt': {
      const d = compare(fact, v);
      return d !== null && d < 0;
    }
    case 'lte': {
      const d = compare(fact, v);
      return d !== null && d <= 0;
    }
    case 'contains':
      if (v === null || Array.isArray(v)) return false;
      if (list) return list.some((x) => same(x, v));
      return typeof fact === 'string' && fact.toLowerCase().includes(String(v).toLowerCase());
    case 'in': {
      const options = Array.isArray(v) ? v : v === null ? [] : [v];
      return list ? list.some((x) => options.some((o) => same(x, o))) : options.some((o) => same(fact as Scalar, o));
    }
    case 'within_days': {
      const days = num(v);
      if (days === null || typeof fact !== 'string') return false;
      const at = Date.parse(fact);
      return !Number.isNaN(at) && Math.abs(now.getTime() - at) <= days * DAY_MS;
    }
  }
}

const isGroup = (r: RuleCondition | RuleGroup): r is RuleGroup => 'op' in r && 'rules' in r;

export function evaluateRule(group: RuleGroup, facts: Partial<AccountFacts>, now: Date): boolean {
  if (group.op === 'and') return group.rules.every((r) => (isGroup(r) ? evaluateRule(r, facts, now) : evaluateCondition(r, facts, now)));
  return group.rules.some((r) => (isGroup(r) ? evaluateRule(r, facts, now) : evaluateCondition(r, facts, now)));
}

export function hasConditions(group: RuleGroup): boolean {
  return group.rules.some((r) => (isGroup(r) ? hasConditions(r) : true));
}

/** Ids of the user's segments whose rule the account satisfies (deleted and condition-less segments skipped). */
export function segmentsFor(
  segments: readonly { id: string; rule: RuleGroup; deletedAt?: string | null }[],
  facts: Partial<AccountFacts>,
  now: Date,
): string[] {
  return segments.filter((s) => !s.deletedAt && hasConditions(s.rule) && evaluateRule(s.rule, facts, now)).map((s) => s.id);
}
