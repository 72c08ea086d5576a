/** Seeded synthetic portfolio for benchmarks and tests: accounts, contacts, interactions, orders, surveys. */
import type { PortfolioInput } from '../lib/portfolio/score';
import { mulberry32, gamma, exponential, type Rng } from '../lib/scoring/random';

const DAY = 86_400_000;
const CHANNELS = ['email', 'call', 'meeting', 'linkedin', 'ticket', 'chat'] as const;
const TIERS = ['strategic', 'key', 'standard', 'small'] as const;

/** Deterministic UUIDv7-shaped id from a counter. */
function uuid7(n: number, rng: Rng): string {
  const hex = (v: number, len: number) => Math.floor(v).toString(16).padStart(len, '0').slice(-len);
  const ts = 0x0190000000000 + n;
  const t = hex(ts, 12);
  return `${t.slice(0, 8)}-${t.slice(8, 12)}-7${hex(rng() * 0xfff, 3)}-${'89ab'[Math.floor(rng() * 4)]}${hex(rng() * 0xfff, 3)}-${hex(rng() * 0xffffff, 6)}${hex(rng() * 0xffffff, 6)}`;
}

const hlc = (ms: number) => `${new Date(ms).toISOString()}-0000-bench`;
const iso = (ms: number) => new Date(ms).toISOString();
const isoDate = (ms: number) => iso(ms).slice(0, 10);

export interface SyntheticOptions {
  accounts: number;
  seed?: number;
  /** Share of accounts that buy (have orders). */
  buyerShare?: number;
  /** Mean interactions per account over the two years. */
  meanInteractions?: number;
}

type Mutable = {
  -readonly [K in Exclude<keyof PortfolioInput, 'referrals' | 'workflowRuns' | 'loyalty' | 'campaignStats' | 'agencyPlans'>]: NonNullable<
    PortfolioInput[K]
  >[number][];
};

export function syntheticPortfolio(now: Date, opts: SyntheticOptions): Mutable & { churnedTruth: Map<string, boolean> } {
  const rng = mulberry32(opts.seed ?? 1);
  const t = now.getTime();
  let counter = 0;
  const id = () => uuid7(counter++, rng);
  const out: Mutable & { churnedTruth: Map<string, boolean> } = {
    accounts: [],
    contacts: [],
    interactions: [],
    orders: [],
    surveys: [],
    tasks: [],
    feedback: [],
    segments: [],
    churnedTruth: new Map(),
  };
  const consentAll = (at: number) =>
    (['sales', 'marketing', 'support', 'surveys', 'account_management'] as const).map((purpose) => ({
      purpose,
      lawfulBasis: 'legitimate_interest' as const,
      grantedAt: iso(at),
      source: 'synthetic',
      withdrawnAt: null,
    }));
  for (let k = 0; k < opts.accounts; k++) {
    const accountId = id();
    const start = t - Math.floor(30 + rng() * 1000) * DAY;
    // a latent engagement level drives contact frequency, sentiment, NPS and churn
    const engagement = rng();
    const churns = rng() < 0.35 - 0.3 * engagement;
    const churnAt = churns ? start + (t - start) * (0.4 + 0.6 * rng()) : NaN;
    const churnedAt = churns && rng() < 0.6 && churnAt < t - 30 * DAY ? churnAt : NaN;
    out.churnedTruth.set(accountId, churns);
    const end = churns ? churnAt : t;
    const annual = rng() < 0.8 ? Math.round(Math.exp(8 + 1.2 * (rng() + rng() + rng() - 1.5))) : null;
    const renewal = start + Math.ceil((t - start) / (365 * DAY)) * 365 * DAY;
    out.accounts.push({
      id: accountId,
      createdAt: hlc(start),
      name: `Account ${k}`,
      tier: TIERS[Math.floor(rng() * 4)]!,
      lifecycleStage: 'active',
      owner: ['alice', 'bruno', 'chloe'][k % 3]!,
      industry: ['retail', 'industry', 'services', null][k % 4]!,
      tags: rng() < 0.2 ? ['vip'] : [],
      annualValue: annual,
      currency: 'EUR',
      contractStart: isoDate(start),
      renewalDate: isoDate(renewal),
      churnedAt: Number.isNaN(churnedAt) ? null : isoDate(churnedAt),
      deletedAt: null,
    });
    const contactIds: string[] = [];
    const nContacts = 1 + Math.floor(rng() * 3);
    for (let c = 0; c < nContacts; c++) {
      const cid = id();
      contactIds.push(cid);
      out.contacts.push({
        id: cid,
        accountId,
        firstName: `First${c}`,
        lastName: `Last${k}`,
        emails: [`c${c}@a${k}.example`],
        birthday:
          rng() < 0.3
            ? `19${60 + Math.floor(rng() * 40)}-${String(1 + Math.floor(rng() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rng() * 28)).padStart(2, '0')}`
            : null,
        consent: rng() < 0.9 ? consentAll(start) : [],
        doNotContact: rng() < 0.03,
        deletedAt: null,
      });
    }
    const rate = ((opts.meanInteractions ?? 15) * (0.3 + 1.4 * engagement)) / (2 * 365 * DAY);
    // churners disengage first: contact thins out and turns negative over the 120 days before they leave
    const fading = (at: number) => churns && churnAt - at < 120 * DAY;
    for (let at = Math.max(start, t - 2 * 365 * DAY) + exponential(rng, rate); at < end; at += exponential(rng, rate)) {
      if (fading(at) && rng() < 0.7) continue;
      const channel = CHANNELS[Math.floor(rng() * CHANNELS.length)]!;
      const neg = rng() < (fading(at) ? 0.6 : 0.4 - 0.35 * engagement);
      out.interactions.push({
        accountId,
        contactIds: [contactIds[0]!],
        channel,
        direction: rng() < 0.5 ? 'inbound' : 'outbound',
        occurredAt: iso(at),
        sentiment: rng() < 0.5 ? (neg ? 'negative' : rng() < 0.5 ? 'positive' : 'neutral') : null,
        ticketStatus: channel === 'ticket' ? (t - at < 30 * DAY && rng() < 0.5 ? 'open' : 'solved') : null,
        deletedAt: null,
      });
      if (rng() < 0.04)
        out.surveys.push({
          accountId,
          contactId: contactIds[0]!,
          kind: 'nps',
          score: Math.min(10, Math.max(0, Math.round(3 + 7 * engagement + 2 * (rng() - 0.5)))),
          respondedAt: iso(at),
        });
    }
    if (rng() < (opts.buyerShare ?? 0.6)) {
      // buyer: weekly Poisson rate λ until the account churns
      const lambda = gamma(rng, 0.8) / 6;
      const spend = 50 + gamma(rng, 3) * 100;
      let at = start;
      out.orders.push({ accountId, occurredAt: iso(at), amount: Math.round(spend * (0.5 + rng())) });
      for (;;) {
        at += exponential(rng, lambda) * 7 * DAY;
        if (at >= end) break;
        out.orders.push({ accountId, occurredAt: iso(at), amount: Math.round(spend * (0.5 + rng())) });
      }
    }
    if (rng() < 0.05)
      out.feedback.push({
        accountId,
        contactId: null,
        actionType: 'ask_nps',
        outcome: rng() < 0.5 ? 'accepted' : 'dismissed',
        at: iso(t - rng() * 60 * DAY),
        snoozeUntil: null,
      });
  }
  out.segments.push({
    id: 'seg-vip-risk',
    rule: {
      op: 'and',
      rules: [
        { field: 'tags', operator: 'contains', value: 'vip' },
        { field: 'churnProbability', operator: 'gte', value: 0.5 },
      ],
    },
    deletedAt: null,
  });
  return out;
}
