import { describe, expect, it } from 'vitest';
import {
  nextBestActions,
  learnSuccessRates,
  suppression,
  daysUntilBirthday,
  executionFor,
  ACTION_TYPES,
  ACTION_CATALOGUE,
  type NbaContext,
  type ContactLike,
} from '../../../lib/scoring/nba';
import { mayContact } from '../../../lib/scoring/consent';
import { renderTemplate, gmailComposeUrl, mailtoUrl, templateLang } from '../../../lib/scoring/templates';
import type { AccountFacts } from '../../../lib/scoring/rules';

const now = new Date('2026-06-01T12:00:00Z');
const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * 86_400_000).toISOString();
const grant = (purpose: string, withdrawnAt: string | null = null) =>
  ({ purpose, lawfulBasis: 'consent', grantedAt: at(400), source: 'form', withdrawnAt }) as ContactLike['consent'][number];
const ALL = ['sales', 'marketing', 'support', 'surveys', 'account_management'].map((p) => grant(p));

const contact = (over: Partial<ContactLike> = {}): ContactLike => ({
  id: 'c1',
  firstName: 'Claire',
  lastName: 'Martin',
  emails: ['claire@acme.fr'],
  birthday: null,
  consent: ALL,
  doNotContact: false,
  ...over,
});
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
  lastInteractionAt: at(10),
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
const ctx = (over: Partial<NbaContext> = {}): NbaContext => ({
  now,
  facts: facts(),
  contacts: [contact()],
  lastNpsByContact: new Map(),
  lastNpsAt: now.getTime() - 10 * 86_400_000,
  startedAt: NaN,
  feedback: [],
  tasks: [],
  rates: learnSuccessRates([]),
  accountValue: 10000,
  ...over,
});
const types = (c: NbaContext) => nextBestActions(c).map((a) => a.type);

describe('next best actions', () => {
  it('suggests calling an at-risk account with EV = P(success) × value at stake', () => {
    const acts = nextBestActions(ctx({ facts: facts({ lifecycle: 'at_risk', churnProbability: 0.6 }) }));
    const call = acts.find((a) => a.type === 'call_at_risk')!;
    expect(call.contactId).toBe('c1');
    expect(call.purpose).toBe('account_management');
    expect(call.probability).toBeCloseTo(3 / 8, 12);
    expect(call.valueAtStake).toBeCloseTo(6000, 9);
    expect(call.expectedValue).toBeCloseTo((3 / 8) * 6000, 9);
    expect(call.reason).toEqual({ key: 'churn_risk_high', weight: call.expectedValue, params: { percent: 60 } });
    expect(call.execute).toEqual({ kind: 'task', titleKey: 'task.call_at_risk', dueInDays: 2 });
  });
  it('renewal, NPS, referral, tickets, dormant, upsell, birthday, welcome', () => {
    expect(types(ctx({ facts: facts({ daysToRenewal: 45 }) }))).toContain('renewal_proposal');
    expect(types(ctx({ facts: facts({ daysToRenewal: 90 }) }))).not.toContain('renewal_proposal');
    expect(types(ctx({ lastNpsAt: null }))).toContain('ask_nps');
    expect(types(ctx({ lastNpsAt: now.getTime() - 100 * 86_400_000 }))).toContain('ask_nps');
    expect(types(ctx())).not.toContain('ask_nps');
    const promoter = new Map([['c1', { score: 9, at: now.getTime() - 20 * 86_400_000 }]]);
    expect(types(ctx({ lastNpsByContact: promoter }))).toContain('ask_referral');
    expect(types(ctx({ lastNpsByContact: new Map([['c1', { score: 8, at: now.getTime() }]]) }))).not.toContain('ask_referral');
    const tickets = nextBestActions(ctx({ facts: facts({ openTickets: 2 }), contacts: [] }));
    expect(tickets.map((a) => a.type)).toEqual(['resolve_tickets']);
    expect(tickets[0]!.contactId).toBeNull();
    expect(types(ctx({ facts: facts({ lifecycle: 'dormant', daysSinceLastInteraction: 150 }) }))).toContain('reengage_dormant');
    expect(types(ctx({ facts: facts({ rfmLabel: 'champions', churnProbability: 0.05 }) }))).toContain('propose_upsell');
    expect(types(ctx({ facts: facts({ rfmLabel: 'champions', churnProbability: 0.4 }) }))).not.toContain('propose_upsell');
    expect(types(ctx({ contacts: [contact({ birthday: '--06-04' })] }))).toContain('birthday_message');
    expect(types(ctx({ contacts: [contact({ birthday: '1980-07-04' })] }))).not.toContain('birthday_message');
    expect(types(ctx({ facts: facts({ lifecycle: 'new' }), startedAt: now.getTime() - 5 * 86_400_000 }))).toContain('welcome_new');
    expect(nextBestActions(ctx({ facts: facts({ lifecycle: 'churned', openTickets: 3 }) }))).toEqual([]);
  });
  it("ranks by today's sampled value, shows the mean's expected value, and caps the list", () => {
    const acts = nextBestActions(ctx({ facts: facts({ lifecycle: 'at_risk', churnProbability: 0.7, daysToRenewal: 20, openTickets: 1 }), lastNpsAt: null }));
    expect(acts).toHaveLength(3);
    for (let i = 1; i < acts.length; i++) expect(acts[i - 1]!.sampledValue).toBeGreaterThanOrEqual(acts[i]!.sampledValue);
    for (const a of acts) {
      expect(a.expectedValue).toBeCloseTo(a.probability * a.valueAtStake, 9);
      expect(a.sampledValue).toBeGreaterThan(0);
      expect(a.sampledValue).toBeLessThan(a.valueAtStake);
    }
  });
  it('suppresses for do-not-contact, missing or withdrawn consent', () => {
    const risky = facts({ lifecycle: 'at_risk', churnProbability: 0.6 });
    expect(types(ctx({ facts: risky, contacts: [contact({ doNotContact: true })] }))).not.toContain('call_at_risk');
    expect(types(ctx({ facts: risky, contacts: [contact({ consent: [grant('marketing')] })] }))).not.toContain('call_at_risk');
    expect(types(ctx({ facts: risky, contacts: [contact({ consent: [grant('account_management', at(5))] })] }))).not.toContain('call_at_risk');
    // a withdrawal scheduled in the future does not yet count
    expect(
      types(ctx({ facts: risky, contacts: [contact({ consent: [grant('account_management', new Date(now.getTime() + 86_400_000).toISOString())] })] })),
    ).toContain('call_at_risk');
    // the second contact is allowed: chosen instead
    const acts = nextBestActions(ctx({ facts: risky, contacts: [contact({ doNotContact: true }), contact({ id: 'c2' })] }));
    expect(acts.find((a) => a.type === 'call_at_risk')!.contactId).toBe('c2');
    expect(mayContact(contact({ consent: [] }), 'sales', now)).toBe(false);
  });
  it('suppresses by cooldown, snooze, recent dismissal and open task', () => {
    const risky = facts({ lifecycle: 'at_risk', churnProbability: 0.6 });
    const fb = (outcome: 'accepted' | 'dismissed' | 'snoozed', daysAgo: number, snoozeUntil: string | null = null) => ({
      actionType: 'call_at_risk',
      outcome,
      at: at(daysAgo),
      snoozeUntil,
    });
    const c = (feedback: NbaContext['feedback'], tasks: NbaContext['tasks'] = []) => ctx({ facts: risky, feedback, tasks });
    expect(suppression('call_at_risk', 'c1', c([fb('accepted', 3)]))).toBe('cooldown');
    expect(suppression('call_at_risk', 'c1', c([fb('accepted', 30)]))).toBeNull();
    expect(suppression('call_at_risk', 'c1', c([fb('snoozed', 1, at(-3))]))).toBe('snoozed');
    expect(suppression('call_at_risk', 'c1', c([fb('snoozed', 5, at(1))]))).toBeNull();
    expect(suppression('call_at_risk', 'c1', c([fb('dismissed', 10)]))).toBe('dismissed');
    expect(suppression('call_at_risk', 'c1', c([fb('dismissed', 40)]))).toBeNull();
    expect(suppression('call_at_risk', 'c1', c([], [{ actionType: 'call_at_risk', status: 'open' }]))).toBe('task_open');
    expect(suppression('call_at_risk', 'c1', c([], [{ actionType: 'call_at_risk', status: 'done', doneAt: at(3) }]))).toBe('cooldown');
    expect(types(c([fb('dismissed', 10)]))).not.toContain('call_at_risk');
  });
  it('an account action done with one contact is not offered for the next; a personal one is', () => {
    const risky = facts({ lifecycle: 'at_risk', churnProbability: 0.6 });
    const two = [contact(), contact({ id: 'c2', firstName: 'Paul', emails: ['paul@acme.fr'] })];
    const withTask = ctx({ facts: risky, contacts: two, tasks: [{ actionType: 'call_at_risk', status: 'open', contactId: 'c1' }] as NbaContext['tasks'] });
    expect(types(withTask)).not.toContain('call_at_risk');
    expect(suppression('call_at_risk', 'c2', withTask)).toBe('task_open');
    const birthdayDone = ctx({
      contacts: two,
      feedback: [{ actionType: 'birthday_message', outcome: 'accepted', at: at(1), snoozeUntil: null, contactId: 'c1' }] as NbaContext['feedback'],
    });
    expect(suppression('birthday_message', 'c1', birthdayDone)).toBe('cooldown');
    expect(suppression('birthday_message', 'c2', birthdayDone)).toBeNull();
  });
  it('learns success rates with a Beta posterior (snoozes ignored)', () => {
    const r = learnSuccessRates([
      { actionType: 'ask_nps', outcome: 'accepted' },
      { actionType: 'ask_nps', outcome: 'accepted' },
      { actionType: 'ask_nps', outcome: 'dismissed' },
      { actionType: 'ask_nps', outcome: 'snoozed' },
      { actionType: 'unknown', outcome: 'accepted' },
    ]);
    const prior = ACTION_CATALOGUE.ask_nps.prior;
    expect(r.ask_nps).toEqual({ alpha: prior.alpha + 2, beta: prior.beta + 1, mean: (prior.alpha + 2) / (prior.alpha + prior.beta + 3) });
    expect(r.call_at_risk.mean).toBeCloseTo(3 / 8, 12);
    for (const t of ACTION_TYPES) expect(executionFor(t)).not.toBeNull();
    expect(executionFor('nope')).toBeNull();
  });
  it('birthdays', () => {
    expect(daysUntilBirthday('--06-01', now)).toBe(0);
    expect(daysUntilBirthday('1990-05-31', now)).toBe(364);
    expect(daysUntilBirthday('---06-03', now)).toBe(2);
    expect(daysUntilBirthday('bad', now)).toBeNull();
  });
});

describe('templates', () => {
  it('fills FR and EN from the contact and account', () => {
    const fr = renderTemplate('renewal_proposal', 'fr', { firstName: 'Claire', lastName: 'Martin' }, { name: 'Acme', renewalDate: '2026-07-15' }, 'Paul');
    expect(fr.subject).toBe('Renouvellement de votre contrat Acme');
    expect(fr.body).toMatch(/^Bonjour Claire,\n\n/);
    expect(fr.body).toContain('15 juillet 2026');
    expect(fr.body.endsWith('Paul')).toBe(true);
    const en = renderTemplate('welcome', 'en', { firstName: '', lastName: 'Martin' }, { name: 'Acme' });
    expect(en.body.startsWith('Hello,\n')).toBe(true);
    expect(en.subject).toBe('Welcome aboard, Acme!');
    expect(en.body).not.toMatch(/\{\w+\}/);
    expect(templateLang({ firstName: '', lastName: '', language: 'fr-FR' })).toBe('fr');
    expect(templateLang({ firstName: '', lastName: '', language: 'de' }, 'fr')).toBe('fr');
  });
  it('builds compose URLs that round-trip', () => {
    const body = 'Bonjour Claire,\n\nÇa va ? 50% & co';
    const g = new URL(gmailComposeUrl('claire@acme.fr', 'Objet : test', body));
    expect(g.searchParams.get('to')).toBe('claire@acme.fr');
    expect(g.searchParams.get('su')).toBe('Objet : test');
    expect(g.searchParams.get('body')).toBe(body.replace(/\n/g, '\r\n'));
    const m = mailtoUrl(['a@x.fr', 'b@y.fr'], 'Hi there', body);
    expect(m.startsWith('mailto:a@x.fr,b@y.fr?subject=Hi%20there&body=')).toBe(true);
    expect(decodeURIComponent(m.split('body=')[1]!)).toBe(body.replace(/\n/g, '\r\n'));
  });
});
