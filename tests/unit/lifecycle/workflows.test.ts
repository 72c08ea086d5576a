import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { workflowProposals, workflowKey, type WorkflowContact, type WorkflowInput } from '../../../lib/lifecycle/workflows';
import { DEFAULT_WORKFLOW_SETTINGS, WorkflowSettings, parseWorkflowSettings, type WorkflowSettings as Settings } from '../../../lib/lifecycle/settings';
import { nextBestActions, learnSuccessRates, DEFAULT_NBA_SETTINGS, type NbaContext } from '../../../lib/scoring/nba';
import type { AccountFacts } from '../../../lib/scoring/rules';

const DAY = 86_400_000;
const NOW = new Date('2026-12-01T10:00:00.000Z');
const ago = (days: number, now = NOW) => new Date(now.getTime() - days * DAY).toISOString();
const consent = (purposes: string[], grantedDaysAgo = 400, withdrawnDaysAgo: number | null = null) =>
  purposes.map((purpose) => ({
    purpose,
    lawfulBasis: 'consent',
    grantedAt: ago(grantedDaysAgo),
    source: 'test',
    withdrawnAt: withdrawnDaysAgo === null ? null : ago(withdrawnDaysAgo),
  })) as WorkflowContact['consent'];
const ALL = ['sales', 'marketing', 'support', 'surveys', 'account_management'];
const contact = (id: string, over: Partial<WorkflowContact> = {}): WorkflowContact => ({
  id,
  firstName: 'Zoé',
  lastName: id,
  emails: [`${id}@acme.fr`],
  birthday: null,
  consent: consent(ALL),
  doNotContact: false,
  ...over,
});

function input(over: Omit<Partial<WorkflowInput>, 'account'> & { account?: Partial<WorkflowInput['account']> } = {}): WorkflowInput {
  return {
    contacts: [contact('c1')],
    surveys: [],
    interactions: [],
    done: new Set(),
    ...over,
    account: {
      id: 'a1',
      lifecycle: 'active',
      startedAt: Date.parse(ago(400)),
      lastActivityAt: Date.parse(ago(10)),
      churnedAt: null,
      renewalDate: null,
      ...over.account,
    },
  };
}
const only = (rule: keyof Settings, patch: Record<string, unknown> = {}): Settings => {
  const s = structuredClone(DEFAULT_WORKFLOW_SETTINGS);
  for (const k of Object.keys(s) as (keyof Settings)[]) s[k].enabled = k === rule;
  Object.assign(s[rule], patch);
  return s;
};
const rules = (i: WorkflowInput, s: Settings, now = NOW) => workflowProposals(i, s, now).map((p) => `${p.rule}:${p.contactId ?? '-'}:${p.period}`);

describe('each workflow on a clock', () => {
  it('welcome: a new account within its first days, once', () => {
    const s = only('welcome');
    const i = input({ account: { startedAt: Date.parse(ago(3)), lifecycle: 'new' } });
    expect(rules(i, s)).toEqual(['welcome:c1:once']);
    expect(rules(i, s, new Date(NOW.getTime() + 11 * DAY))).toEqual([]); // day 14: too late
    expect(rules({ ...i, done: new Set([workflowKey('welcome', 'a1', 'once')]) }, s)).toEqual([]);
    expect(rules(i, only('welcome', { enabled: false }))).toEqual([]);
  });

  it('onboarding: a check-in from day 30 for 14 days', () => {
    const s = only('onboarding');
    const start = Date.parse(ago(29));
    const i = input({ account: { startedAt: start } });
    expect(rules(i, s)).toEqual([]);
    expect(rules(i, s, new Date(NOW.getTime() + DAY))).toEqual(['onboarding:c1:once']);
    expect(workflowProposals(i, s, new Date(NOW.getTime() + 5 * DAY))[0]!.dueAt).toBe(new Date(start + 30 * DAY).toISOString());
    expect(rules(i, s, new Date(NOW.getTime() + 15 * DAY))).toEqual([]);
  });

  it('birthday: YYYY-MM-DD and --MM-DD, leadDays ahead, one per year, wishes only with marketing consent', () => {
    const s = only('birthday');
    const i = input({
      contacts: [
        contact('c1', { birthday: '1980-12-05' }),
        contact('c2', { birthday: '--12-03' }),
        contact('c3', { birthday: '--12-25' }),
        contact('c4', { birthday: '--12-02', consent: consent(['sales']) }),
      ],
    });
    expect(rules(i, s)).toEqual(['birthday:c1:2026', 'birthday:c2:2026']);
    expect(workflowProposals(i, s, NOW)[0]!.reason).toEqual({ key: 'birthday_in_days', params: { days: 4, name: 'Zoé c1' } });
    expect(workflowProposals(i, s, NOW)[0]!.dueAt).toBe('2026-12-05T09:00:00.000Z');
    // A week before the next year's birthday: a new period.
    expect(rules(i, s, new Date('2027-11-30T10:00:00Z'))).toContain('birthday:c1:2027');
    // Early January proposes the birthday of early January, in the new year.
    const jan = input({ contacts: [contact('c1', { birthday: '--01-02' })] });
    expect(rules(jan, s, new Date('2026-12-30T10:00:00Z'))).toEqual(['birthday:c1:2027']);
  });

  it('renewal: the tightest lead reached, internal (no contact needed)', () => {
    const s = only('renewal'); // leads 90 and 30
    const i = (days: number) => input({ contacts: [], account: { renewalDate: new Date(NOW.getTime() + days * DAY).toISOString().slice(0, 10) } });
    expect(rules(i(120), s)).toEqual([]);
    expect(rules(i(80), s)).toEqual(['renewal:-:2027-02-19@90']);
    expect(rules(i(20), s)).toEqual(['renewal:-:2026-12-21@30']);
    expect(rules(i(-1), s)).toEqual([]);
    const p = workflowProposals(i(80), s, NOW)[0]!;
    expect(p.mode).toBe('schedule');
    expect(p.reason).toEqual({ key: 'renewal_in_days', params: { days: 80 } });
  });

  it('win-back: a dormant account per dormancy; a lost one after lostAfterDays and until lostMaxDays', () => {
    const s = only('win_back');
    const dormant = input({ account: { lifecycle: 'dormant', lastActivityAt: Date.parse('2026-06-01T00:00:00Z') } });
    expect(rules(dormant, s)).toEqual(['win_back:c1:dormant:2026-06-01']);
    const lost = (days: number) => input({ account: { lifecycle: 'churned', churnedAt: ago(days).slice(0, 10) } });
    expect(rules(lost(30), s)).toEqual([]);
    expect(rules(lost(100), s)).toEqual([`win_back:c1:lost:${ago(100).slice(0, 10)}`]);
    expect(rules(lost(400), s)).toEqual([]);
    expect(rules(input(), s)).toEqual([]); // active
  });

  it('NPS recovery: after a detractor answer (0–6), within withinDays, unless a later answer is no longer one', () => {
    const s = only('nps_recovery');
    const nps = (id: string, score: number, days: number, contactId: string | null = 'c1') => ({ id, kind: 'nps', score, contactId, respondedAt: ago(days) });
    expect(rules(input({ surveys: [nps('s1', 6, 2)] }), s)).toEqual(['nps_recovery:c1:s1']);
    expect(rules(input({ surveys: [nps('s1', 7, 2)] }), s)).toEqual([]);
    expect(rules(input({ surveys: [nps('s1', 3, 20)] }), s)).toEqual([]);
    expect(rules(input({ surveys: [nps('s1', 3, 5), nps('s2', 9, 1)] }), s)).toEqual([]);
    // An answer without a contact: the account's first reachable contact is called.
    expect(rules(input({ surveys: [nps('s3', 0, 1, null)] }), s)).toEqual(['nps_recovery:c1:s3']);
    expect(workflowProposals(input({ surveys: [nps('s1', 4, 2)] }), s, NOW)[0]!.reason).toEqual({
      key: 'nps_detractor',
      params: { score: 4, name: 'Zoé c1', days: 2 },
    });
  });

  it('CSAT: after a ticket is solved, unless the contact already answered a CSAT since', () => {
    const s = only('csat_request');
    const ticket = (id: string, status: string, days: number) => ({
      id,
      channel: 'ticket',
      ticketStatus: status,
      contactIds: ['c1'],
      occurredAt: ago(days + 3),
      updatedAt: `${ago(days)}-0000-node`,
    });
    expect(rules(input({ interactions: [ticket('t1', 'solved', 1)] }), s)).toEqual(['csat_request:c1:t1']);
    expect(rules(input({ interactions: [ticket('t1', 'open', 1)] }), s)).toEqual([]);
    expect(rules(input({ interactions: [ticket('t1', 'solved', 9)] }), s)).toEqual([]);
    expect(
      rules(input({ interactions: [ticket('t1', 'solved', 2)], surveys: [{ id: 's', kind: 'csat', score: 5, contactId: 'c1', respondedAt: ago(1) }] }), s),
    ).toEqual([]);
    expect(rules(input({ interactions: [{ ...ticket('t1', 'solved', 1), channel: 'email' }] }), s)).toEqual([]);
  });
});

describe('consent, objection and dedupe', () => {
  const everything = (c: WorkflowContact[]) =>
    input({
      contacts: c,
      account: { lifecycle: 'dormant', startedAt: Date.parse(ago(3)), lastActivityAt: null },
      surveys: [{ id: 's1', kind: 'nps', score: 2, contactId: c[0]?.id ?? null, respondedAt: ago(1) }],
      interactions: [
        { id: 't1', channel: 'ticket', ticketStatus: 'solved', contactIds: c.map((x) => x.id), occurredAt: ago(2), updatedAt: `${ago(1)}-0000-n` },
      ],
    });

  it('proposes nothing to a do-not-contact contact, nor for a purpose withdrawn or never granted', () => {
    const allOn = DEFAULT_WORKFLOW_SETTINGS;
    const blocked = [
      contact('dnc', { doNotContact: true, birthday: '--12-02' }),
      contact('withdrawn', { consent: consent(ALL, 400, 5), birthday: '--12-02' }),
      contact('none', { consent: [], birthday: '--12-02' }),
      contact('future', { consent: consent(ALL, -3), birthday: '--12-02' }),
      { ...contact('gone', { birthday: '--12-02' }), deletedAt: '2026-11-01T00:00:00.000Z-0000-x' },
    ];
    const props = workflowProposals(everything(blocked), allOn, NOW);
    expect(props.filter((p) => p.contactId !== null)).toEqual([]);
    // Only what reaches no one is left: none of these rules is internal.
    expect(props).toEqual([]);
  });

  it('property: no proposal ever names a contact who may not be reached for its purpose, and done keys never come back', () => {
    const arbContact = fc.record({
      id: fc.constantFrom('c1', 'c2', 'c3'),
      dnc: fc.boolean(),
      purposes: fc.subarray(ALL),
      withdrawn: fc.boolean(),
      birthday: fc.option(fc.constantFrom('--12-01', '--12-04', '1990-12-07', '--06-01'), { nil: null }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(arbContact, { selector: (c) => c.id, maxLength: 3 }), fc.integer({ min: 0, max: 120 }), fc.boolean(), (cs, age, markDone) => {
        const contacts = cs.map((c) => contact(c.id, { doNotContact: c.dnc, consent: consent(c.purposes, 400, c.withdrawn ? 1 : null), birthday: c.birthday }));
        const i = { ...everything(contacts), account: { ...everything(contacts).account, startedAt: Date.parse(ago(age)) } };
        const first = workflowProposals(i, DEFAULT_WORKFLOW_SETTINGS, NOW);
        for (const p of first) {
          if (!p.contactId) continue;
          const c = contacts.find((x) => x.id === p.contactId)!;
          expect(c.doNotContact).toBe(false);
          expect(c.consent.some((e) => e.purpose === p.purpose && e.withdrawnAt === null)).toBe(true);
        }
        expect(new Set(first.map((p) => p.key)).size).toBe(first.length);
        if (markDone) expect(workflowProposals({ ...i, done: new Set(first.map((p) => p.key)) }, DEFAULT_WORKFLOW_SETTINGS, NOW)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('settings', () => {
  it('fills defaults, keeps a stored partial value, and falls back to the defaults on a corrupt one', () => {
    expect(DEFAULT_WORKFLOW_SETTINGS.renewal).toEqual({ enabled: true, mode: 'schedule', leadDays: [90, 30] });
    expect(parseWorkflowSettings({ birthday: { enabled: false } }).birthday).toEqual({ enabled: false, mode: 'propose', leadDays: 7 });
    expect(parseWorkflowSettings({ birthday: { leadDays: -4 } })).toEqual(DEFAULT_WORKFLOW_SETTINGS);
    expect(parseWorkflowSettings('nonsense')).toEqual(DEFAULT_WORKFLOW_SETTINGS);
    expect(WorkflowSettings.safeParse({ renewal: { leadDays: [] } }).success).toBe(false);
  });
});

describe('next-best-actions from workflows', () => {
  const facts = (over: Partial<AccountFacts> = {}): AccountFacts => ({
    id: 'a1',
    name: 'Acme',
    tier: 'key',
    lifecycle: 'active',
    lifecycleStage: 'active',
    owner: null,
    industry: null,
    size: null,
    tags: [],
    annualValue: 10000,
    currency: 'EUR',
    churnProbability: 0.1,
    clv: null,
    valueTier: null,
    rfmR: 3,
    rfmF: 3,
    rfmM: 3,
    rfmLabel: 'promising',
    daysSinceLastInteraction: 10,
    lastInteractionAt: ago(10),
    daysSinceLastOrder: null,
    lastOrderAt: null,
    orderCount: 0,
    interactionsLast90d: 2,
    openTickets: 0,
    lastNps: null,
    lastCsat: null,
    daysToRenewal: null,
    renewalDate: null,
    contractStart: null,
    churnedAt: null,
    segments: [],
    custom: {},
    ...over,
  });
  const ctx = (over: Partial<NbaContext>): NbaContext => ({
    now: NOW,
    facts: facts(),
    contacts: [{ ...contact('c1'), birthday: '--12-03' }],
    lastNpsByContact: new Map(),
    lastNpsAt: Date.parse(ago(10)),
    startedAt: Date.parse(ago(3)),
    feedback: [],
    tasks: [],
    rates: learnSuccessRates([]),
    accountValue: 10000,
    ...over,
  });

  it('the built-in birthday and welcome triggers stand down when workflows run (so a workflow turned off stops them)', () => {
    const legacy = nextBestActions(ctx({ facts: facts({ lifecycle: 'new' }) })).map((a) => a.type);
    expect(legacy).toEqual(expect.arrayContaining(['birthday_message', 'welcome_new']));
    const off = nextBestActions(ctx({ facts: facts({ lifecycle: 'new' }), proposals: [] })).map((a) => a.type);
    expect(off).not.toContain('birthday_message');
    expect(off).not.toContain('welcome_new');
  });

  it('ranks a proposal with the others, carries its ledger key, and drops it when consent went since', () => {
    const proposal = {
      actionType: 'recovery_call' as const,
      contactId: 'c1',
      rule: 'nps_recovery',
      key: 'nps_recovery|c1|s1',
      period: 's1',
      reason: { key: 'nps_detractor' as const, params: { score: 3, name: 'Zoé', days: 1 } },
    };
    const out = nextBestActions(ctx({ proposals: [proposal] }));
    expect(out.find((a) => a.type === 'recovery_call')).toMatchObject({
      contactId: 'c1',
      workflow: { rule: 'nps_recovery', key: 'nps_recovery|c1|s1', period: 's1' },
    });
    const objected = nextBestActions(ctx({ proposals: [proposal], contacts: [{ ...contact('c1'), doNotContact: true }] }));
    expect(objected.find((a) => a.type === 'recovery_call')).toBeUndefined();
  });

  it('a lost account gets only its win-back; a tier about to drop is announced to a contact who may hear it', () => {
    const winBack = {
      actionType: 'win_back' as const,
      contactId: 'c1',
      rule: 'win_back',
      key: 'win_back|a1|lost:2026-08-01',
      period: 'lost:2026-08-01',
      reason: { key: 'lost_days' as const, params: { days: 120 } },
    };
    const lost = nextBestActions(
      ctx({
        facts: facts({ lifecycle: 'churned', churnProbability: 1 }),
        proposals: [winBack],
        loyalty: { drop: { tier: 'Gold', to: 'Silver', days: 12, points: 800 }, referralBonus: 0 },
      }),
    );
    expect(lost.map((a) => a.type)).toEqual(['win_back']);
    const active = nextBestActions(ctx({ proposals: [], loyalty: { drop: { tier: 'Gold', to: 'Silver', days: 12, points: 800 }, referralBonus: 0 } }));
    expect(active.find((a) => a.type === 'loyalty_tier_drop')?.reason).toMatchObject({
      key: 'loyalty_tier_drop',
      params: { tier: 'Gold', to: 'Silver', days: 12, points: 800 },
    });
    const noMarketing = nextBestActions(
      ctx({
        proposals: [],
        contacts: [{ ...contact('c1'), consent: consent(['sales']) }],
        loyalty: { drop: { tier: 'Gold', to: null, days: 3, points: 10 }, referralBonus: 0 },
      }),
    );
    expect(noMarketing.find((a) => a.type === 'loyalty_tier_drop')).toBeUndefined();
  });

  it('a promoter is asked for a referral, with the points a referral earns when the programme has a bonus', () => {
    const promoters = new Map([['c1', { score: 10, at: Date.parse(ago(5)) }]]);
    const out = nextBestActions(
      ctx({ proposals: [], lastNpsByContact: promoters, loyalty: { drop: null, referralBonus: 250 }, settings: { ...DEFAULT_NBA_SETTINGS, maxActions: 9 } }),
    );
    expect(out.find((a) => a.type === 'ask_referral')?.reason).toMatchObject({ key: 'promoter_bonus', params: { score: 10, points: 250 } });
  });
});
