import type { Rng } from './prng';
import { businessTime, DAY, iso, isoDate, YEAR, type AccountPlan, type ContactRef, type DemoInput, type IdMaker } from './plan';
import { DEAL_NAME, fill } from './texts';
import { PRODUCTS } from './vocab';

/** Mean days between orders by tier (the gamma-distributed purchase rate is centred on it). */
const DAYS_BETWEEN_ORDERS = { strategic: 10, key: 20, standard: 35, small: 60 } as const;
/** Dropout after each purchase, Beta(a, b) by archetype: the BG/NBD story. */
const DROPOUT = {
  healthy: [1, 60],
  onboarding: [1, 60],
  prospect: [1, 1],
  at_risk: [2, 25],
  dormant: [3, 12],
  churned: [2, 20],
} as const;

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Orders as BG/NBD tells it: while "alive", purchases arrive as a Poisson process with a gamma-distributed
 * rate; after each purchase the buyer drops out with a beta-distributed probability. Amounts are gamma
 * around a per-account mean (Gamma-Gamma). Some accounts buy once and never again.
 */
export function generateOrders(rng: Rng, plan: AccountPlan, contacts: ContactRef[], ids: IdMaker): DemoInput<'orders'>[] {
  const out: DemoInput<'orders'>[] = [];
  if (plan.contractStartMs === null || plan.annualValue === null) return out;
  const end = Math.min(plan.nowMs, plan.churnedAtMs ?? plan.lastActivityMs ?? plan.nowMs);
  const meanRate = 1 / DAYS_BETWEEN_ORDERS[plan.tier];
  const rate = rng.gamma(2.5, meanRate / 2.5);
  const [a, b] = DROPOUT[plan.archetype];
  const dropout = rng.beta(a, b);
  const oneOff = rng.chance(0.12);
  const meanAmount = oneOff ? plan.annualValue * rng.range(0.3, 1) : Math.max(80, (plan.annualValue * rng.range(0.5, 1)) / (rate * 365));
  const buyers = contacts.filter((c) => c.buyer);
  const buyer = buyers[0] ?? contacts[0];
  const fr = plan.lang === 'fr';
  let t = plan.contractStartMs + rng.int(0, 14) * DAY;
  let k = 0;
  let last = 0;
  while (t <= end) {
    const thinned = plan.archetype === 'at_risk' && plan.declineStartMs !== null && t > plan.declineStartMs && rng.chance(0.5);
    if (t >= plan.windowStartMs && !thinned) {
      const ms = businessTime(rng, t, end);
      k++;
      const credit = k > 1 && rng.chance(0.02);
      const amount = credit ? -round2(last * rng.range(0.05, 0.3)) : round2(Math.max(20, rng.gamma(4, meanAmount / 4)));
      if (!credit) last = amount;
      const product = rng.pick(PRODUCTS);
      const year = new Date(ms).getUTCFullYear();
      const number = String(plan.index * 1000 + k).padStart(8, '0');
      out.push({
        id: ids.next('orders', ms),
        accountId: plan.id,
        contactId: (rng.chance(0.8) ? buyer : rng.pick(contacts))?.id ?? null,
        occurredAt: iso(ms),
        amount,
        currency: plan.currency,
        ref: credit ? `${fr ? 'AV' : 'CN'}-${year}-${number}` : `${fr ? 'FA' : 'INV'}-${year}-${number}`,
        description: credit ? (fr ? `Avoir — ${product.fr}` : `Credit note — ${product.en}`) : `${product[plan.lang]} × ${rng.int(1, 40)}`,
      });
    }
    if (oneOff || rng.chance(dropout)) break;
    t += rng.exponential(rate) * DAY;
  }
  return out;
}

function stageFor(daysToClose: number): 'qualification' | 'proposal' | 'negotiation' {
  return daysToClose > 90 ? 'qualification' : daysToClose > 30 ? 'proposal' : 'negotiation';
}

export function generateDeals(rng: Rng, plan: AccountPlan, contacts: ContactRef[], ids: IdMaker): DemoInput<'deals'>[] {
  const out: DemoInput<'deals'>[] = [];
  const lang = plan.lang;
  const decider = contacts.find((c) => !c.doNotContact) ?? contacts[0];
  const add = (kind: 'new_business' | 'upsell' | 'renewal', stage: DemoInput<'deals'>['stage'], amount: number, closeMs: number) => {
    const created = Math.min(plan.nowMs - DAY, closeMs - rng.int(30, 120) * DAY);
    const product = rng.pick(PRODUCTS)[lang];
    out.push({
      id: ids.next('deals', created),
      accountId: plan.id,
      contactId: decider?.id ?? null,
      name: fill(DEAL_NAME[lang][kind], { company: plan.shortName, product, n: new Date(closeMs).getUTCFullYear() }),
      kind,
      stage,
      amount: Math.round(amount / 10) * 10,
      currency: plan.currency,
      closeDate: isoDate(closeMs),
      owner: plan.owner,
      notes: null,
    });
  };
  const value = plan.annualValue;
  if (plan.archetype === 'prospect') {
    const close = plan.nowMs + rng.int(20, 150) * DAY;
    const potential = rng.range(8000, 120000) * (plan.currency === 'GBP' ? 0.86 : 1);
    add('new_business', rng.chance(0.15) ? 'lost' : stageFor((close - plan.nowMs) / DAY), potential, close);
    return out;
  }
  if (plan.contractStartMs === null || value === null) return out;
  if (plan.contractStartMs >= plan.windowStartMs) add('new_business', 'won', value, plan.contractStartMs);
  // Past anniversaries in the window were renewals: won, or lost for the churned account's last one.
  for (let t = plan.contractStartMs + YEAR; t <= plan.nowMs; t += YEAR) {
    if (t < plan.windowStartMs) continue;
    const lost = plan.churnedAtMs !== null && t >= plan.churnedAtMs - DAY;
    add('renewal', lost ? 'lost' : 'won', value * rng.range(0.95, 1.08), t);
    if (lost) break;
  }
  if (plan.renewalMs !== null && plan.churnedAtMs === null) {
    const days = (plan.renewalMs - plan.nowMs) / DAY;
    if (days <= 150) add('renewal', stageFor(days), value * rng.range(0.97, 1.1), plan.renewalMs);
  }
  if ((plan.archetype === 'healthy' || plan.archetype === 'onboarding') && rng.chance(0.25)) {
    const open = rng.chance(0.6);
    const close = open ? plan.nowMs + rng.int(10, 120) * DAY : plan.nowMs - rng.int(10, 300) * DAY;
    add('upsell', open ? stageFor((close - plan.nowMs) / DAY) : rng.chance(0.6) ? 'won' : 'lost', value * rng.range(0.1, 0.3), close);
  }
  return out;
}
