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

/** What a running test's assignment needs: the contact's variant so far in it, and its uses per variant. */
export interface TestState {
  sticky: string | null;
  counts: ReadonlyMap<string, number>;
}

/** The test state from a list of uses (the repository counts from an index instead). */
export function testStateOf(prior: readonly PriorUse[], testId: string, contactId: string | null): TestState {
  const inTest = prior.filter((u) => u.testId === testId);
  const counts = new Map<string, number>();
  for (const u of inTest) counts.set(u.variantId, (counts.get(u.variantId) ?? 0) + 1);
  const sticky = contactId ? ([...inTest].reverse().find((u) => u.contactId === contactId)?.variantId ?? null) : null;
  return { sticky, counts };
}

/**
 * Which variant this contact gets. While a test runs: the variant the contact already had in this test (so a
 * contact never sees two versions), else the variant with the fewest uses so far (balanced), ties broken by a hash
 * of the template and contact (deterministic: the same state gives the same answer on every device). Without a
 * running test: the kept winner, else the first active variant.
 */
export function assignVariant(t: Pick<Template, 'id' | 'variants' | 'abTest'>, contactId: string | null, state: TestState | readonly PriorUse[]): Assignment {
  const active = activeVariants(t);
  if (active.length === 0) throw new Error('template has no active variant');
  const test = t.abTest?.status === 'running' && active.length >= 2 ? t.abTest : null;
  if (!test) {
    const winner = t.abTest?.winnerVariantId ? active.find((v) => v.id === t.abTest!.winnerVariantId) : undefined;
    return winner ? { variantId: winner.id, testId: null, reason: 'winner' } : { variantId: active[0]!.id, testId: null, reason: 'only' };
  }
  const { sticky, counts } = Array.isArray(state) ? testStateOf(state as readonly PriorUse[], test.id, contactId) : (state as TestState);
  if (sticky && active.some((v) => v.id === sticky)) return { variantId: sticky, testId: test.id, reason: 'sticky' };
  const n = (id: string) => counts.get(id) ?? 0;
  const min = Math.min(...active.map((v) => n(v.id)));
  const tied = active.filter((v) => n(v.id) === min);
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const pick = tied[hash32(`${t.id}:${contactId ?? total}`) % tied.length]!;
  return { variantId: pick.id, testId: test.id, reason: 'balanced' };
}
