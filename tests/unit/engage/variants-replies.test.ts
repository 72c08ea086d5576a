import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { assignVariant, type PriorUse } from '../../../lib/engage/variants';
import { matchReplies, type InteractionForReply, type UseForReply } from '../../../lib/engage/replies';
import type { Template } from '../../../lib/schema/template';

const variant = (id: string, active = true) => ({ id, label: id.toUpperCase(), active, fr: { subject: '', body: 'x' }, en: { subject: '', body: 'x' } });
const tpl = (
  ids: string[],
  abTest: Template['abTest'] = { id: 't1', status: 'running', startedAt: '2026-12-01T00:00:00Z', stoppedAt: null, winnerVariantId: null },
) => ({ id: '0192f000-0000-7000-8000-000000000001', variants: ids.map((i) => variant(i)), abTest }) as Pick<Template, 'id' | 'variants' | 'abTest'>;

describe('variant assignment', () => {
  it('one variant, or no running test: always that one (or the kept winner)', () => {
    expect(assignVariant(tpl(['a'], null), 'c1', [])).toEqual({ variantId: 'a', testId: null, reason: 'only' });
    const stopped = tpl(['a', 'b'], {
      id: 't1',
      status: 'stopped',
      startedAt: '2026-12-01T00:00:00Z',
      stoppedAt: '2026-12-02T00:00:00Z',
      winnerVariantId: 'b',
    });
    expect(assignVariant(stopped, 'c1', [])).toEqual({ variantId: 'b', testId: null, reason: 'winner' });
  });

  it('sticky: a contact keeps the variant they had in this test', () => {
    const prior: PriorUse[] = [
      { contactId: 'c1', variantId: 'b', testId: 't1' },
      { contactId: 'c2', variantId: 'b', testId: 't1' },
    ];
    expect(assignVariant(tpl(['a', 'b']), 'c1', prior)).toEqual({ variantId: 'b', testId: 't1', reason: 'sticky' });
    // a use from an earlier test does not stick
    expect(assignVariant(tpl(['a', 'b']), 'c3', [{ contactId: 'c3', variantId: 'b', testId: 't0' }]).reason).toBe('balanced');
  });

  it('balanced: a new contact gets the variant with the fewest uses in the test', () => {
    const prior: PriorUse[] = [
      { contactId: 'c1', variantId: 'a', testId: 't1' },
      { contactId: 'c2', variantId: 'b', testId: 't1' },
      { contactId: 'c3', variantId: 'a', testId: 't1' },
      { contactId: 'c9', variantId: 'b', testId: 't0' },
      { contactId: 'c8', variantId: 'b', testId: 't0' },
    ];
    expect(assignVariant(tpl(['a', 'b']), 'c4', prior)).toEqual({ variantId: 'b', testId: 't1', reason: 'balanced' });
    // the same from index counts
    expect(
      assignVariant(tpl(['a', 'b']), 'c4', {
        sticky: null,
        counts: new Map([
          ['a', 2],
          ['b', 1],
        ]),
      }),
    ).toEqual({ variantId: 'b', testId: 't1', reason: 'balanced' });
    expect(
      assignVariant(tpl(['a', 'b']), 'c4', {
        sticky: 'a',
        counts: new Map([
          ['a', 2],
          ['b', 1],
        ]),
      }).reason,
    ).toBe('sticky');
  });

  it('deterministic: the same state gives the same variant', () => {
    const a1 = assignVariant(tpl(['a', 'b', 'c']), 'contact-x', []);
    const a2 = assignVariant(tpl(['a', 'b', 'c']), 'contact-x', []);
    expect(a1).toEqual(a2);
  });

  it('property: new contacts one after the other keep the variants within one use of each other; returning contacts keep theirs', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 4 }), fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 120 }), (k, contacts) => {
        const t = tpl(['a', 'b', 'c', 'd'].slice(0, k));
        const prior: PriorUse[] = [];
        for (const c of contacts) {
          const a = assignVariant(t, `c${c}`, prior);
          const before = prior.find((p) => p.contactId === `c${c}`);
          if (before) expect(a.variantId).toBe(before.variantId);
          prior.push({ contactId: `c${c}`, variantId: a.variantId, testId: a.testId });
        }
        // first uses only (a returning contact's use follows their variant, not the balance)
        const firsts = prior.filter((p, i) => prior.findIndex((q) => q.contactId === p.contactId) === i);
        const sizes = t.variants.map((v) => firsts.filter((p) => p.variantId === v.id).length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1 + (prior.length - firsts.length));
      }),
    );
  });

  it('a retired variant is never assigned', () => {
    const t = { ...tpl(['a', 'b', 'c']), variants: [variant('a'), variant('b', false), variant('c')] };
    for (let i = 0; i < 20; i++) expect(assignVariant(t, `c${i}`, [{ contactId: `c${i}`, variantId: 'b', testId: 't1' }]).variantId).not.toBe('b');
  });
});

const use = (id: string, usedAt: string, over: Partial<UseForReply> = {}): UseForReply => ({
  id,
  contactId: 'c1',
  usedAt,
  site: 'gmail',
  threadRef: null,
  ...over,
});
const inbound = (id: string, occurredAt: string, over: Partial<InteractionForReply> = {}): InteractionForReply => ({
  id,
  contactIds: ['c1'],
  channel: 'email',
  direction: 'inbound',
  occurredAt,
  source: null,
  ...over,
});

describe('replies from logged interactions', () => {
  it('an inbound e-mail from the contact within the window after the use is its reply', () => {
    const r = matchReplies([use('u1', '2026-12-01T09:00:00Z')], [inbound('i1', '2026-12-03T10:00:00Z')], 7);
    expect(r.get('u1')).toEqual({ interactionId: 'i1', at: '2026-12-03T10:00:00Z' });
  });

  it('before the use, after the window, outbound, another channel, another contact or deleted: not a reply', () => {
    const u = [use('u1', '2026-12-01T09:00:00Z')];
    for (const i of [
      inbound('i', '2026-11-30T10:00:00Z'),
      inbound('i', '2026-12-01T09:00:00Z'),
      inbound('i', '2026-12-09T09:00:01Z'),
      inbound('i', '2026-12-02T10:00:00Z', { direction: 'outbound' }),
      inbound('i', '2026-12-02T10:00:00Z', { channel: 'call' }),
      inbound('i', '2026-12-02T10:00:00Z', { contactIds: ['c2'] }),
      inbound('i', '2026-12-02T10:00:00Z', { deletedAt: '2026-12-02T11:00:00.000Z-0000-abcd' }),
    ]) {
      expect(matchReplies(u, [i], 7).size).toBe(0);
    }
  });

  it('in the same thread a reply counts whenever it comes', () => {
    const u = [use('u1', '2026-11-01T09:00:00Z', { threadRef: 'thread-f:1' })];
    const late = inbound('i1', '2026-12-20T10:00:00Z', { source: { site: 'gmail', ref: 'thread-f:1' } });
    expect(matchReplies(u, [late], 7).get('u1')?.interactionId).toBe('i1');
    const elsewhere = inbound('i2', '2026-12-20T10:00:00Z', { source: { site: 'gmail', ref: 'thread-f:2' } });
    expect(matchReplies(u, [elsewhere], 7).size).toBe(0);
  });

  it('each reply answers one use: the latest before it in its thread, else the latest within the window', () => {
    const uses = [use('u1', '2026-12-01T09:00:00Z', { threadRef: 'T' }), use('u2', '2026-12-02T09:00:00Z', { threadRef: 'U' })];
    const inThread = inbound('i1', '2026-12-03T10:00:00Z', { source: { site: 'gmail', ref: 'T' } });
    expect([...matchReplies(uses, [inThread], 7).keys()]).toEqual(['u1']);
    const noThread = inbound('i2', '2026-12-03T10:00:00Z');
    expect([...matchReplies(uses, [noThread], 7).keys()]).toEqual(['u2']);
  });

  it('a use keeps its first reply', () => {
    const r = matchReplies([use('u1', '2026-12-01T09:00:00Z')], [inbound('i2', '2026-12-04T10:00:00Z'), inbound('i1', '2026-12-02T10:00:00Z')], 7);
    expect(r.get('u1')?.interactionId).toBe('i1');
  });

  it('property: replies are always after their use and from its contact', () => {
    const at = fc.integer({ min: 0, max: 30 * 24 }).map((h) => new Date(Date.UTC(2026, 10, 1) + h * 3_600_000).toISOString());
    fc.assert(
      fc.property(
        fc.array(fc.record({ c: fc.constantFrom('c1', 'c2', 'c3'), at, t: fc.constantFrom(null, 'T1', 'T2') }), { maxLength: 15 }),
        fc.array(fc.record({ c: fc.constantFrom('c1', 'c2', 'c3'), at, t: fc.constantFrom(null, 'T1', 'T2') }), { maxLength: 15 }),
        (us, is) => {
          const uses = us.map((u, k) => use(`u${k}`, u.at, { contactId: u.c, threadRef: u.t }));
          const ints = is.map((i, k) => inbound(`i${k}`, i.at, { contactIds: [i.c], source: i.t ? { site: 'gmail', ref: i.t } : null }));
          const r = matchReplies(uses, ints, 7);
          const usedReplies = new Set<string>();
          for (const [uid, rep] of r) {
            const u = uses.find((x) => x.id === uid)!;
            const i = ints.find((x) => x.id === rep.interactionId)!;
            expect(Date.parse(i.occurredAt)).toBeGreaterThan(Date.parse(u.usedAt));
            expect(i.contactIds).toContain(u.contactId);
            expect(usedReplies.has(i.id)).toBe(false);
            usedReplies.add(i.id);
          }
        },
      ),
    );
  });
});
