import type { Template } from '../schema/template';
import { activeVariants } from './template';

export interface PriorUse {
  contactId: string | null;
  variantId: string;
  testId: string | null;
}

export interface Assignment {
  variantId: string;
  /** The running A/B test this use belongs to, or null. */
  testId: string | null;
  /** sticky: the contact had this variant before in the test; balanced: fewest contacts so far; only: one variant. */
  reason: 'sticky' | 'balanced' | 'only' | 'winner';
}

/** FNV-1a: a stable, well-spread 32-bit hash (ties between equally used variants are broken by it). */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Which variant this contact gets. While a test runs: the variant the contact already had in this test (so a
 * contact never sees two versions), else the variant with the fewest contacts so far (balanced), ties broken by a
 * hash of the template and contact (deterministic: the same state gives the same answer on every device). Without a
 * running test: the kept winner, else the first active variant.
 */
export function assignVariant(t: Pick<Template, 'id' | 'variants' | 'abTest'>, contactId: string | null, prior: readonly PriorUse[]): Assignment {
  const active = activeVariants(t);
  if (active.length === 0) throw new Error('template has no active variant');
  const test = t.abTest?.status === 'running' && active.length >= 2 ? t.abTest : null;
  if (!test) {
    const winner = t.abTest?.winnerVariantId ? active.find((v) => v.id === t.abTest!.winnerVariantId) : undefined;
    return winner ? { variantId: winner.id, testId: null, reason: 'winner' } : { variantId: active[0]!.id, testId: null, reason: 'only' };
  }
  const inTest = prior.filter((u) => u.testId === test.id);
  if (contactId) {
    const mine = inTest.find((u) => u.contactId === contactId && active.some((v) => v.id === u.variantId));
    if (mine) return { variantId: mine.variantId, testId: test.id, reason: 'sticky' };
  }
  // Count contacts (a contact counts once); uses without a contact count each.
  const counts = new Map(active.map((v) => [v.id, 0]));
  const seen = new Set<string>();
  for (const u of inTest) {
    if (!counts.has(u.variantId)) continue;
    if (u.contactId) {
      const key = `${u.contactId}`;
      if (seen.has(key)) continue;
      seen.add(key);
    }
    counts.set(u.variantId, counts.get(u.variantId)! + 1);
  }
  const min = Math.min(...counts.values());
  const tied = active.filter((v) => counts.get(v.id) === min);
  const pick = tied[hash32(`${t.id}:${contactId ?? inTest.length}`) % tied.length]!;
  return { variantId: pick.id, testId: test.id, reason: 'balanced' };
}
