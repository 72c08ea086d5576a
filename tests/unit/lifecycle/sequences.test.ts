import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { enrolRefusal, isFinished, planSteps, stopDecision, type ReplyLike, type StopContext } from '../../../lib/lifecycle/sequences';
import { SequenceInput, EnrolmentInput } from '../../../lib/schema/sequence';

const NOW = new Date('2026-12-03T10:00:00.000Z');
const day = (n: number) => new Date(NOW.getTime() + n * 86_400_000).toISOString();
const T1 = '0190a0a0-0000-7000-8000-000000000001';
const T2 = '0190a0a0-0000-7000-8000-000000000002';
const consent = (purpose = 'sales', withdrawnAt: string | null = null) =>
  [{ purpose, basis: 'consent', grantedAt: day(-100), withdrawnAt, source: null }] as never;
const contact = { consent: consent(), doNotContact: false };
const account = { lifecycleStage: 'active', churnedAt: null };
const enrolment = { status: 'active' as const, enrolledAt: NOW.toISOString(), contactId: 'c1' };
const reply = (over: Partial<ReplyLike> = {}): ReplyLike => ({ id: 'i1', direction: 'inbound', occurredAt: day(2), contactIds: ['c1'], ...over });
const ctx = (over: Partial<StopContext> = {}): StopContext => ({ purpose: 'sales', contact, account, interactions: [], ...over });

describe('sequence steps', () => {
  it('dates each step from the previous one', () => {
    const steps = planSteps(
      {
        steps: [
          { templateId: T1, delayDays: 0, note: null },
          { templateId: T2, delayDays: 3, note: 'call' },
          { templateId: T1, delayDays: 4, note: null },
        ],
      },
      NOW,
    );
    expect(steps.map((s) => s.dueAt)).toEqual([day(0), day(3), day(7)]);
    expect(steps[1]).toMatchObject({ index: 1, templateId: T2, note: 'call' });
  });
});

describe('enrolling', () => {
  const check = { sequence: { archived: false, purpose: 'sales' as const }, contact, account, enrolments: [] };
  it('accepts a consenting contact of a live account', () => expect(enrolRefusal(check, NOW)).toBeNull());
  it('refuses without consent for the purpose, on do-not-contact, twice, on an archived sequence or a churned account', () => {
    expect(enrolRefusal({ ...check, sequence: { archived: false, purpose: 'marketing' } }, NOW)).toBe('no_consent');
    expect(enrolRefusal({ ...check, contact: { ...contact, doNotContact: true } }, NOW)).toBe('no_consent');
    expect(enrolRefusal({ ...check, enrolments: [{ status: 'active', deletedAt: null }] }, NOW)).toBe('already_enrolled');
    expect(enrolRefusal({ ...check, enrolments: [{ status: 'stopped', deletedAt: null }] }, NOW)).toBeNull();
    expect(enrolRefusal({ ...check, sequence: { archived: true, purpose: 'sales' } }, NOW)).toBe('archived');
    expect(enrolRefusal({ ...check, account: { lifecycleStage: 'churned', churnedAt: '2026-11-01' } }, NOW)).toBe('churned');
  });
});

describe('stop rules on a clock', () => {
  it('goes on while nothing happened', () => expect(stopDecision(enrolment, ctx(), new Date(day(5)))).toBeNull());
  it('stops on the first reply from the contact after enrolling, once the clock reaches it', () => {
    const c = ctx({ interactions: [reply({ id: 'late', occurredAt: day(4) }), reply({ id: 'first', occurredAt: day(2) })] });
    expect(stopDecision(enrolment, c, new Date(day(1)))).toBeNull();
    expect(stopDecision(enrolment, c, new Date(day(3)))).toEqual({ reason: 'replied', detail: 'first' });
  });
  it('ignores replies before enrolling, outbound messages, notes and other people', () => {
    const c = ctx({
      interactions: [reply({ occurredAt: day(-1) }), reply({ direction: 'outbound' }), reply({ direction: 'internal' }), reply({ contactIds: ['c2'] })],
    });
    expect(stopDecision(enrolment, c, new Date(day(5)))).toBeNull();
  });
  it('stops on an objection (consent withdrawn, do-not-contact, contact gone) and on churn', () => {
    expect(stopDecision(enrolment, ctx({ contact: { consent: consent('sales', day(1)), doNotContact: false } }), new Date(day(2)))?.reason).toBe('objected');
    expect(stopDecision(enrolment, ctx({ contact: { consent: consent('sales', day(1)), doNotContact: false } }), new Date(day(0.5)))).toBeNull();
    expect(stopDecision(enrolment, ctx({ contact: { ...contact, doNotContact: true } }), NOW)?.reason).toBe('objected');
    expect(stopDecision(enrolment, ctx({ contact: null }), NOW)?.reason).toBe('objected');
    expect(stopDecision(enrolment, ctx({ account: { lifecycleStage: 'churned', churnedAt: null } }), NOW)?.reason).toBe('churned');
  });
  it('a reply wins over the other reasons; a stopped enrolment stays stopped', () => {
    expect(stopDecision(enrolment, ctx({ contact: { ...contact, doNotContact: true }, interactions: [reply()] }), new Date(day(3)))?.reason).toBe('replied');
    expect(stopDecision({ ...enrolment, status: 'stopped' }, ctx({ interactions: [reply()] }), new Date(day(3)))).toBeNull();
  });
  it('finishes once every step task is done or gone', () => {
    const e = { status: 'active' as const, taskIds: ['a', 'b'] };
    expect(
      isFinished(e, [
        { id: 'a', status: 'done', deletedAt: null },
        { id: 'b', status: 'open', deletedAt: null },
      ]),
    ).toBe(false);
    expect(
      isFinished(e, [
        { id: 'a', status: 'done', deletedAt: null },
        { id: 'b', status: 'open', deletedAt: 'x' },
      ]),
    ).toBe(true);
  });
  it('property: no reply can come before the enrolment or after now', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ at: fc.integer({ min: -30, max: 30 }), dir: fc.constantFrom('inbound', 'outbound', 'internal') as fc.Arbitrary<ReplyLike['direction']> }),
          { maxLength: 12 },
        ),
        fc.integer({ min: 0, max: 30 }),
        (xs, nowDay) => {
          const interactions = xs.map((x, i) => reply({ id: `i${i}`, occurredAt: day(x.at), direction: x.dir }));
          const d = stopDecision(enrolment, ctx({ interactions }), new Date(day(nowDay)));
          const expected = xs.some((x) => x.dir === 'inbound' && x.at > 0 && x.at <= nowDay);
          expect(d?.reason === 'replied').toBe(expected);
        },
      ),
    );
  });
});

describe('sequence schemas at the boundary', () => {
  it('property: any input parses or is refused, never throws; parsed steps keep their bounds', () => {
    fc.assert(
      fc.property(
        fc.anything(),
        fc.array(
          fc.record({
            templateId: fc.oneof(fc.constant(T1), fc.string()),
            delayDays: fc.oneof(fc.integer({ min: -5, max: 400 }), fc.double()),
            note: fc.option(fc.string({ maxLength: 600 })),
          }),
          { maxLength: 25 },
        ),
        fc.string({ maxLength: 120 }),
        (junk, steps, name) => {
          expect(SequenceInput.safeParse(junk).success).toBeTypeOf('boolean');
          const r = SequenceInput.safeParse({ name, steps });
          if (r.success) {
            expect(r.data.steps.length).toBeGreaterThan(0);
            expect(r.data.steps.length).toBeLessThanOrEqual(20);
            for (const s of r.data.steps) expect(Number.isInteger(s.delayDays) && s.delayDays >= 0 && s.delayDays <= 365).toBe(true);
            expect(r.data.purpose).toBe('sales');
            expect(r.data.name.trim()).toBe(r.data.name);
          }
        },
      ),
    );
  });
  it('an enrolment gets its defaults', () => {
    const r = EnrolmentInput.parse({ sequenceId: T1, contactId: T2, enrolledAt: NOW.toISOString() });
    expect(r).toMatchObject({ status: 'active', stopReason: null, stoppedAt: null, taskIds: [], accountId: null });
  });
});
