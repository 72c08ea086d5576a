/**
 * Demo agency clients: for about one account in seven (active ones), campaign figures per day for the last 13 weeks
 * and per month for the ten months before, a plan with a ROAS or CPA target and a monthly budget. Four kinds of
 * client so the agency view and the alerts have something to show: steady, under target for two months, a sudden
 * drop in the last days, overspending this month. A separate random stream: the rest of the demo is unchanged.
 */
import type { AccountPlan, DemoInput } from './plan';
import { DAY, isoDate, type IdMaker } from './plan';
import { mix, Rng } from './prng';
import type { AdChannel } from '../schema';

type Kind = 'steady' | 'under_target' | 'drop' | 'overspend';

const CAMPAIGNS: Record<'fr' | 'en', Record<AdChannel, string[]>> = {
  fr: {
    google_ads: ['Marque - Recherche', 'Générique - Produits', 'PMax - Catalogue', 'Concurrents - Recherche'],
    meta_ads: ['Prospection - Audiences similaires', 'Retargeting - 30 jours'],
    microsoft_ads: ['Marque - Bing'],
    linkedin_ads: ['Décideurs - Contenu sponsorisé'],
    other: ['Display - Remarketing'],
  },
  en: {
    google_ads: ['Brand - Search', 'Generic - Products', 'PMax - Catalogue', 'Competitors - Search'],
    meta_ads: ['Prospecting - Lookalike', 'Retargeting - 30 days'],
    microsoft_ads: ['Brand - Bing'],
    linkedin_ads: ['Decision makers - Sponsored content'],
    other: ['Display - Remarketing'],
  },
};

const WEEKDAY = [1.05, 1.1, 1.08, 1.04, 0.98, 0.8, 0.75];

export function isAgencyClient(plan: AccountPlan): boolean {
  return plan.index % 7 === 3 && (plan.archetype === 'healthy' || plan.archetype === 'at_risk' || plan.archetype === 'onboarding');
}

function poisson(rng: Rng, lambda: number): number {
  if (lambda > 40) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * (rng.next() + rng.next() + rng.next() - 1.5) * 2));
  const l = Math.exp(-lambda);
  let k = 0;
  let p = 1;
  do {
    k++;
    p *= rng.next();
  } while (p > l);
  return k - 1;
}

export function generateAgency(plan: AccountPlan, ids: IdMaker): { campaignStats: DemoInput<'campaignStats'>[]; agencyPlans: DemoInput<'agencyPlans'>[] } {
  if (!isAgencyClient(plan)) return { campaignStats: [], agencyPlans: [] };
  const rng = new Rng(mix(plan.seedHash, plan.index, 0xa9e4c7));
  const kind: Kind = (['steady', 'steady', 'under_target', 'drop', 'overspend', 'steady', 'under_target'] as const)[Math.floor(plan.index / 7) % 7]!;
  const leadGen = rng.chance(0.3);
  const scale = plan.currency === 'GBP' ? 0.86 : plan.currency === 'USD' ? 1.08 : 1;
  const budget = Math.round((rng.range(3_000, 25_000) * scale) / 100) * 100;
  const channels: AdChannel[] = rng.chance(0.6)
    ? ['google_ads', 'meta_ads']
    : rng.chance(0.5)
      ? ['google_ads']
      : ['google_ads', 'microsoft_ads', plan.lang === 'fr' ? 'linkedin_ads' : 'meta_ads'];
  const campaigns: { channel: AdChannel; name: string; share: number; cpc: number; cr: number; aov: number }[] = [];
  for (const ch of channels) {
    const names = CAMPAIGNS[plan.lang][ch];
    const n = ch === 'google_ads' ? rng.int(2, 3) : 1;
    for (let i = 0; i < n; i++) {
      campaigns.push({
        channel: ch,
        name: names[i % names.length]!,
        share: rng.range(0.5, 1.5),
        cpc: rng.range(0.35, ch === 'linkedin_ads' ? 4.5 : 1.4),
        cr: rng.range(0.02, 0.07),
        aov: leadGen ? 0 : rng.range(45, 140),
      });
    }
  }
  const totalShare = campaigns.reduce((s, c) => s + c.share, 0);
  // the client's usual ROAS / CPA, and its target set just under it (a steady client meets it)
  const baseRoas = campaigns.reduce((s, c) => s + (c.share / totalShare) * ((c.cr * c.aov) / c.cpc), 0);
  const baseCpa = campaigns.reduce((s, c) => s + (c.share / totalShare) * (c.cpc / c.cr), 0);
  const today = Math.floor(plan.nowMs / DAY) * DAY;
  const firstDaily = today - 91 * DAY;
  const month = (t: number) => new Date(t).toISOString().slice(0, 7);
  const yesterday = new Date(today - DAY);
  const thisMonth = month(yesterday.getTime());
  const lastMonth = month(Date.UTC(yesterday.getUTCFullYear(), yesterday.getUTCMonth() - 1, 1));
  const prevMonth = month(Date.UTC(yesterday.getUTCFullYear(), yesterday.getUTCMonth() - 2, 1));
  const factors = (t: number): { spend: number; cr: number } => {
    const m = month(t);
    if (kind === 'under_target' && (m === lastMonth || m === prevMonth || m === thisMonth)) return { spend: 1, cr: 0.62 };
    if (kind === 'drop' && t >= today - 8 * DAY) return { spend: 1, cr: 0.4 };
    if (kind === 'overspend' && m === thisMonth) return { spend: 1.45, cr: 0.95 };
    return { spend: 1, cr: 1 };
  };
  const stats: DemoInput<'campaignStats'>[] = [];
  const row = (t: number, period: 'day' | 'month', endT: number, c: (typeof campaigns)[number], clicks: number, f: { cr: number }) => {
    const conversions = period === 'day' ? poisson(rng, clicks * c.cr * f.cr) : Math.round(clicks * c.cr * f.cr * rng.range(0.9, 1.1));
    const spend = Math.round(clicks * c.cpc * rng.range(0.92, 1.08) * 100) / 100;
    const value = c.aov ? Math.round(conversions * c.aov * rng.range(0.8, 1.2) * 100) / 100 : 0;
    stats.push({
      id: ids.next('campaignStats', t),
      accountId: plan.id,
      period,
      date: isoDate(t),
      endDate: isoDate(endT),
      channel: c.channel,
      campaign: c.name,
      campaignId: null,
      spend,
      impressions: Math.round(clicks / rng.range(0.02, 0.08)),
      clicks,
      conversions,
      conversionValue: value,
      currency: plan.currency,
      source: 'demo',
    });
  };
  // monthly rows for the ten months before the daily ones
  const firstDailyMonth = new Date(firstDaily);
  for (let k = 10; k >= 1; k--) {
    const start = Date.UTC(firstDailyMonth.getUTCFullYear(), firstDailyMonth.getUTCMonth() - k, 1);
    const end = Date.UTC(firstDailyMonth.getUTCFullYear(), firstDailyMonth.getUTCMonth() - k + 1, 0);
    for (const c of campaigns) {
      const clicks = Math.round(((budget * (c.share / totalShare)) / c.cpc) * rng.range(0.85, 1.1));
      row(start, 'month', end, c, clicks, factors(start));
    }
  }
  // daily rows from the first of the month 13 weeks ago to yesterday (whole months: daily rows win over monthly ones)
  const dailyStart = Date.UTC(firstDailyMonth.getUTCFullYear(), firstDailyMonth.getUTCMonth(), 1);
  for (let t = dailyStart; t < today; t += DAY) {
    const wd = (Math.floor(t / DAY) + 3) % 7;
    const demand = rng.range(0.85, 1.15);
    for (const c of campaigns) {
      const f = factors(t);
      const clicks = poisson(rng, ((budget * (c.share / totalShare)) / 30.4 / c.cpc) * WEEKDAY[wd]! * demand * f.spend);
      row(t, 'day', t, c, clicks, f);
    }
  }
  const target = leadGen
    ? { metric: 'cpa' as const, op: 'max' as const, value: Math.round(baseCpa * rng.range(1.05, 1.2)) }
    : { metric: 'roas' as const, op: 'min' as const, value: Math.round(baseRoas * rng.range(0.8, 0.92) * 10) / 10 };
  return {
    campaignStats: stats,
    agencyPlans: [
      {
        id: ids.next('agencyPlans', today - 120 * DAY),
        accountId: plan.id,
        targets: [target],
        monthlyBudget: budget,
        currency: plan.currency,
        pacingTolerance: 0.1,
        adAccounts: [],
        reportLanguage: plan.lang,
        notes: null,
      },
    ],
  };
}
