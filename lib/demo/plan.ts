import type { EntityInput } from '../schema';
import { demoId, type DemoEntity } from './ids';
import type { Rng } from './prng';
import type { Country, Lang } from './vocab';

export const DAY = 86_400_000;
export const YEAR = 365 * DAY;
/** Two years of history before `now`. */
export const HISTORY = 730 * DAY;

export type Archetype = 'prospect' | 'onboarding' | 'healthy' | 'at_risk' | 'dormant' | 'churned';
export type TierName = 'strategic' | 'key' | 'standard' | 'small';

/** A generated input with the id the loader keeps, so relationships hold. */
export type DemoInput<N extends DemoEntity> = EntityInput<N> & { id: string };
export type DemoRecords = { [N in DemoEntity]: DemoInput<N>[] };

/** Everything decided about one account before its records are written out. */
export interface AccountPlan {
  index: number;
  seedHash: number;
  id: string;
  name: string;
  /** Name without the legal form, as people say it. */
  shortName: string;
  domain: string;
  lang: Lang;
  country: Country;
  currency: 'EUR' | 'GBP' | 'USD';
  archetype: Archetype;
  tier: TierName;
  owner: string;
  annualValue: number | null;
  nowMs: number;
  windowStartMs: number;
  firstTouchMs: number;
  contractStartMs: number | null;
  churnedAtMs: number | null;
  /** Dormant: when activity stopped. */
  lastActivityMs: number | null;
  /** At risk: when engagement started to fall. */
  declineStartMs: number | null;
  renewalMs: number | null;
  mailSite: 'gmail' | 'outlook';
  helpdesk: 'zendesk' | 'freshdesk';
}

export interface ContactRef {
  id: string;
  firstName: string;
  lang: Lang;
  doNotContact: boolean;
  buyer: boolean;
}

export const iso = (ms: number): string => new Date(ms).toISOString();
export const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Per-account id factory: each entity has its own running sub-index. */
export class IdMaker {
  private counters: Partial<Record<DemoEntity, number>> = {};
  constructor(
    private readonly index: number,
    private readonly seedHash: number,
  ) {}
  next(entity: DemoEntity, ms: number): string {
    const sub = this.counters[entity] ?? 0;
    this.counters[entity] = sub + 1;
    return demoId(ms, entity, this.index, sub, this.seedHash);
  }
}

/** Moves a time onto a weekday, between 07:00 and 18:00 UTC, never after `limit`. */
export function businessTime(rng: Rng, ms: number, limit: number): number {
  const day = Math.floor(ms / DAY);
  const dow = (day + 3) % 7; // 0 = Monday (1970-01-01 was a Thursday)
  let d = day;
  if (dow === 5) d -= 1;
  if (dow === 6) d += 1;
  let t = d * DAY + rng.int(7, 17) * 3_600_000 + rng.int(0, 59) * 60_000 + rng.int(0, 59) * 1000;
  if (t > limit) t = limit - rng.int(10, 240) * 60_000;
  return t;
}

/** Where in a decline we are: 0 at its start, 1 at its end. */
export function progress(t: number, from: number | null, to: number): number {
  if (from === null || t <= from) return 0;
  return Math.min(1, (t - from) / Math.max(1, to - from));
}
