import { describe, expect, it } from 'vitest';
import { mergeStates, recordFromState, stateFromMutation, stateFromRecord, emptyState, type RecordState } from '../../../lib/sync/shared/merge';
import { backoffDelay } from '../../../lib/sync/client/backoff';

const s = (ms: number, node = 'aaaa') => `${new Date(Date.UTC(2026, 0, 1, 0, 0, 0, ms)).toISOString()}-0000-${node}`;

function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomState(r: () => number): RecordState {
  const st = emptyState();
  if (r() < 0.7) st.createdAt = s(Math.floor(r() * 5));
  if (r() < 0.2) st.deletedAt = s(Math.floor(r() * 50), 'dddd');
  for (const f of ['a', 'b', 'c']) {
    if (r() < 0.6) {
      const stamp = s(Math.floor(r() * 10), r() < 0.5 ? 'aaaa' : 'bbbb');
      st.fields[f] = r() < 0.5 ? `v${Math.floor(r() * 3)}` : [Math.floor(r() * 3)];
      st.clock[f] = stamp;
    }
  }
  return st;
}

describe('mergeStates', () => {
  it('is commutative, associative and idempotent (many random states)', () => {
    const r = rng(42);
    for (let i = 0; i < 2000; i++) {
      const [a, b, c] = [randomState(r), randomState(r), randomState(r)];
      expect(mergeStates(a, b)).toEqual(mergeStates(b, a));
      expect(mergeStates(mergeStates(a, b), c)).toEqual(mergeStates(a, mergeStates(b, c)));
      expect(mergeStates(a, a)).toEqual(a);
    }
  });

  it('keeps the later write of each field, independently', () => {
    const base = stateFromMutation({ op: 'upsert', fields: { firstName: 'Ann', lastName: 'Lee' }, hlc: s(1) });
    const fromA = stateFromMutation({ op: 'upsert', fields: { firstName: 'Anne' }, hlc: s(5, 'aaaa') });
    const fromB = stateFromMutation({ op: 'upsert', fields: { firstName: 'Annie', lastName: 'Li' }, hlc: s(3, 'bbbb') });
    const m = mergeStates(mergeStates(base, fromB), fromA);
    expect(m.fields).toEqual({ firstName: 'Anne', lastName: 'Li' });
  });

  it('lets a tombstone win over a later edit', () => {
    const m = mergeStates(stateFromMutation({ op: 'delete', fields: {}, hlc: s(2) }), stateFromMutation({ op: 'upsert', fields: { title: 'x' }, hlc: s(9) }));
    expect(m.deletedAt).toBe(s(2));
    expect(recordFromState('id', m)).toMatchObject({ deletedAt: s(2), updatedAt: s(9), title: 'x' });
  });

  it('round-trips a stored record: a field missing from fieldClock was written at createdAt', () => {
    const rec = {
      id: 'x',
      createdAt: s(1),
      updatedAt: s(4),
      deletedAt: null,
      fieldClock: { title: s(4) },
      title: 'CTO',
      firstName: 'Ann',
      searchTokens: ['ann'],
    };
    const st = stateFromRecord(rec);
    expect(st.clock).toEqual({ title: s(4), firstName: s(1) });
    expect(st.fields).not.toHaveProperty('searchTokens');
    const { searchTokens: _s, ...plain } = rec;
    expect(recordFromState('x', st)).toEqual(plain);
  });
});

describe('backoffDelay', () => {
  it('grows exponentially with jitter, is capped, and respects Retry-After', () => {
    expect(backoffDelay(1, { random: () => 0 })).toBe(2_500);
    expect(backoffDelay(1, { random: () => 1 })).toBe(5_000);
    expect(backoffDelay(3, { random: () => 1 })).toBe(20_000);
    expect(backoffDelay(50, { random: () => 1 })).toBe(15 * 60_000);
    expect(backoffDelay(1, { random: () => 0, retryAfterMs: 30_000 })).toBe(30_000);
  });
});
