import { generateFeedback, generateInteractions, generateSurveys, generateTasks } from './activity';
import { generateDeals, generateOrders } from './commerce';
import { demoId, MAX_ACCOUNT_INDEX, type DemoEntity } from './ids';
import { generateContacts } from './people';
import { generateAgency } from './agency';
import { DAY, HISTORY, IdMaker, isoDate, YEAR, type AccountPlan, type Archetype, type DemoInput, type DemoRecords, type TierName } from './plan';
import { hash32, mix, Rng } from './prng';
import { NOTE, fill } from './texts';
import {
  BE_LEGAL,
  CITIES,
  COUNTRIES_BY_LANG,
  COUNTRY,
  EN_PREFIXES,
  FR_LEGAL,
  FR_PATTERNS,
  FR_SURNAMES,
  LEGAL,
  OWNERS,
  SECTORS,
  TAGS,
  slug,
  type Lang,
} from './vocab';

export const DEMO_ENTITIES: readonly DemoEntity[] = [
  'accounts',
  'contacts',
  'interactions',
  'orders',
  'deals',
  'tasks',
  'surveys',
  'segments',
  'feedback',
  'campaignStats',
  'agencyPlans',
];

export interface PortfolioOptions {
  seed: number | string;
  /** Number of accounts, 1 to 16 million. */
  accounts: number;
  /** The reference "today": all history lies in the two years before it. */
  now: Date;
  /** Relative weights of French and English accounts; default half and half. */
  locales?: Partial<Record<Lang, number>>;
  /** Accounts per yielded chunk (default 100). */
  chunkSize?: number;
  /** Mean interactions per account over two years (default 24), scaled by tier and activity. */
  interactionsPerAccount?: number;
}

export interface DemoChunk extends DemoRecords {
  /** Index of the first account in this chunk, and how many accounts it holds. */
  start: number;
  size: number;
}

const ARCHETYPES: Record<Archetype, number> = { prospect: 7, onboarding: 6, healthy: 52, at_risk: 13, dormant: 7, churned: 15 };
const TIERS: Record<TierName, number> = { strategic: 5, key: 15, standard: 50, small: 30 };
const VALUE_RANGE: Record<TierName, [number, number]> = {
  strategic: [250_000, 1_500_000],
  key: [60_000, 250_000],
  standard: [12_000, 60_000],
  small: [1_500, 12_000],
};
const SIZES: Record<TierName, Record<string, number>> = {
  strategic: { '201-1000': 2, '1001-5000': 5, '5000+': 3 },
  key: { '51-200': 2, '201-1000': 5, '1001-5000': 2 },
  standard: { '11-50': 4, '51-200': 5, '201-1000': 1 },
  small: { '1-10': 5, '11-50': 4 },
};
const EMPLOYEES: Record<string, [number, number]> = {
  '1-10': [2, 10],
  '11-50': [11, 50],
  '51-200': [51, 200],
  '201-1000': [201, 1000],
  '1001-5000': [1001, 5000],
  '5000+': [5001, 40000],
};
const FR_REGIONS = [
  'Ouest',
  'Est',
  'Sud',
  'Nord',
  'Atlantique',
  'Provence',
  'Alsace',
  'Bretagne',
  'Normandie',
  'Savoie',
  'Occitanie',
  'Auvergne',
  'Loire',
  'Champagne',
  'Picardie',
  'Touraine',
  'Lorraine',
  'Vendée',
  'Gironde',
  'Jura',
];
const EN_REGIONS = [
  'North',
  'South',
  'East',
  'West',
  'Midlands',
  'Pacific',
  'Atlantic',
  'Highland',
  'Valley',
  'Coastal',
  'Metro',
  'Central',
  'Northern',
  'Southern',
  'Western',
  'Eastern',
  'Union',
  'United',
  'Global',
  'Direct',
];
const MULTIPLIERS = [7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47];

interface Context {
  seedHash: number;
  nowMs: number;
  locales: Record<Lang, number>;
  meanInteractions: number;
}

function contextOf(opts: { seed: number | string; now: Date; locales?: Partial<Record<Lang, number>>; interactionsPerAccount?: number }): Context {
  const nowMs = opts.now.getTime();
  if (!Number.isFinite(nowMs)) throw new TypeError('demo: now must be a valid Date');
  const fr = opts.locales?.fr ?? 0.5;
  const en = opts.locales?.en ?? 0.5;
  if (!(fr >= 0 && en >= 0 && fr + en > 0)) throw new RangeError('demo: locales weights must be ≥ 0 and not both 0');
  return { seedHash: hash32(opts.seed), nowMs, locales: { fr, en }, meanInteractions: opts.interactionsPerAccount ?? 24 };
}

/**
 * A company name and domain unique within the portfolio: index i maps through a seeded affine permutation
 * onto (family name or place word) × sector, then a region word, then a number, as the portfolio grows.
 */
function identity(rng: Rng, ctx: Context, index: number, lang: Lang, country: keyof typeof COUNTRY) {
  const sectorsN = SECTORS.length;
  const heads = lang === 'fr' ? FR_SURNAMES : EN_PREFIXES;
  const space = heads.length * sectorsN;
  const a = MULTIPLIERS[ctx.seedHash % MULTIPLIERS.length]!;
  const k = (a * (index % space) + (ctx.seedHash % space)) % space;
  const q = Math.floor(index / space);
  const head = heads[Math.floor(k / sectorsN)]!;
  const sector = SECTORS[k % sectorsN]!;
  const regions = lang === 'fr' ? FR_REGIONS : EN_REGIONS;
  const qualifier = q === 0 ? '' : q <= regions.length ? regions[q - 1]! : String(q - regions.length + 1);
  const tld = COUNTRY[country].tld;
  let shortName: string;
  let domain: string;
  let name: string;
  if (lang === 'fr') {
    const pattern = rng.pick(FR_PATTERNS);
    shortName = fill(pattern, { s: sector.fr, n: head }) + (qualifier ? ` ${qualifier}` : '');
    domain = [slug(head), slug(sector.fr), qualifier && slug(qualifier)].filter(Boolean).join('-') + `.${tld}`;
    name = `${shortName} ${rng.pick(country === 'BE' ? BE_LEGAL : FR_LEGAL)}`;
  } else {
    shortName = `${head} ${sector.en}` + (qualifier ? ` ${qualifier}` : '');
    domain = [slug(head, ''), slug(sector.en, ''), qualifier && slug(qualifier, '')].join('') + `.${tld}`;
    name = `${shortName} ${rng.pick(LEGAL[country as 'GB' | 'US' | 'IE'])}`;
  }
  return { name, shortName, domain, industry: sector.industry };
}

/** The benchmark account's own name: outside the portfolio's name space, so both can be loaded together. */
function heavyIdentity(lang: Lang, country: keyof typeof COUNTRY) {
  return lang === 'fr'
    ? { name: 'Groupe Vasseur Logistique SA', shortName: 'Groupe Vasseur', domain: `groupe-vasseur.${COUNTRY[country].tld}`, industry: 'Transport & Logistics' }
    : {
        name: 'Kingsmead Holdings plc',
        shortName: 'Kingsmead Holdings',
        domain: `kingsmeadholdings.${COUNTRY[country].tld}`,
        industry: 'Transport & Logistics',
      };
}

function planAccount(rng: Rng, ctx: Context, index: number, force?: { archetype?: Archetype; tier?: TierName; lang?: Lang }) {
  const lang: Lang = force?.lang ?? rng.weighted(ctx.locales);
  const country = rng.weighted(COUNTRIES_BY_LANG[lang]);
  const { currency, valueScale } = COUNTRY[country];
  const archetype = force?.archetype ?? rng.weighted(ARCHETYPES);
  const tier = force?.tier ?? rng.weighted(TIERS);
  const now = ctx.nowMs;
  const who = index === MAX_ACCOUNT_INDEX ? heavyIdentity(lang, country) : identity(rng, ctx, index, lang, country);
  let contractStartMs: number | null = null;
  let churnedAtMs: number | null = null;
  let lastActivityMs: number | null = null;
  let declineStartMs: number | null = null;
  let firstTouchMs: number;
  switch (archetype) {
    case 'prospect':
      firstTouchMs = now - rng.int(20, 240) * DAY;
      break;
    case 'onboarding':
      contractStartMs = now - rng.int(7, 90) * DAY;
      break;
    case 'churned': {
      churnedAtMs = now - rng.int(14, 700) * DAY;
      contractStartMs = churnedAtMs - rng.int(1, 4) * YEAR;
      break;
    }
    default:
      contractStartMs = now - rng.int(120, 6 * 365) * DAY;
  }
  if (contractStartMs !== null) {
    contractStartMs = Math.floor(contractStartMs / DAY) * DAY;
    firstTouchMs = contractStartMs - rng.int(30, 120) * DAY;
  }
  if (archetype === 'dormant') lastActivityMs = now - rng.int(120, 300) * DAY;
  if (archetype === 'at_risk') declineStartMs = now - rng.int(90, 240) * DAY;
  let renewalMs: number | null = null;
  if (contractStartMs !== null) {
    if (churnedAtMs !== null) renewalMs = churnedAtMs;
    else {
      const years = Math.max(1, Math.ceil((now - contractStartMs) / YEAR));
      renewalMs = contractStartMs + years * YEAR;
    }
  }
  const [lo, hi] = VALUE_RANGE[tier];
  const annualValue = contractStartMs === null ? null : Math.round((rng.range(lo, hi) * valueScale) / 100) * 100;
  const owners = rng.chance(0.1) ? OWNERS[lang === 'fr' ? 'en' : 'fr'] : OWNERS[lang];
  const plan: AccountPlan = {
    index,
    seedHash: ctx.seedHash,
    id: demoId(firstTouchMs!, 'accounts', index, 0, ctx.seedHash),
    name: who.name,
    shortName: who.shortName,
    domain: who.domain,
    lang,
    country,
    currency,
    archetype,
    tier,
    owner: rng.pick(owners),
    annualValue,
    nowMs: now,
    windowStartMs: now - HISTORY,
    firstTouchMs: firstTouchMs!,
    contractStartMs,
    churnedAtMs,
    lastActivityMs,
    declineStartMs,
    renewalMs,
    mailSite: rng.chance(0.7) ? 'gmail' : 'outlook',
    helpdesk: rng.chance(0.8) ? 'zendesk' : 'freshdesk',
  };
  return { plan, industry: who.industry };
}

function accountRecord(rng: Rng, plan: AccountPlan, industry: string): DemoInput<'accounts'> {
  const size = rng.weighted(SIZES[plan.tier]) as DemoInput<'accounts'>['size'];
  const [eLo, eHi] = EMPLOYEES[size!]!;
  const stage: DemoInput<'accounts'>['lifecycleStage'] =
    plan.archetype === 'healthy'
      ? 'active'
      : plan.archetype === 'at_risk'
        ? rng.chance(0.6)
          ? 'at_risk'
          : 'active' // not every decline has been noticed yet
        : plan.archetype === 'dormant'
          ? rng.chance(0.7)
            ? 'dormant'
            : 'active'
          : plan.archetype;
  const tags = rng.sample(TAGS, rng.pick([0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 3]));
  return {
    id: plan.id,
    name: plan.name,
    domains: [plan.domain],
    industry,
    size,
    owner: plan.owner,
    lifecycleStage: stage,
    tier: plan.tier,
    currency: plan.currency,
    annualValue: plan.annualValue,
    contractStart: plan.contractStartMs === null ? null : isoDate(plan.contractStartMs),
    renewalDate: plan.renewalMs === null ? null : isoDate(plan.renewalMs),
    churnedAt: plan.churnedAtMs === null ? null : isoDate(plan.churnedAtMs),
    linkedinUrl: rng.chance(0.6) ? `https://www.linkedin.com/company/${plan.domain.split('.')[0]}` : null,
    tags,
    custom: {
      country: plan.country,
      city: rng.pick(CITIES[plan.country]),
      employees: rng.int(eLo, eHi),
      customerNumber: plan.contractStartMs === null ? null : `C-${String(plan.index + 1).padStart(6, '0')}`,
      paymentTermsDays: rng.pick([30, 30, 45, 60]),
    },
    notes: rng.chance(0.2)
      ? fill(rng.pick(NOTE[plan.lang][plan.archetype === 'at_risk' || plan.archetype === 'churned' ? 'neg' : 'neu']), { first: '', company: plan.shortName })
          .replace(/\s+/g, ' ')
          .trim()
      : null,
  };
}

function emptyRecords(): DemoRecords {
  return {
    accounts: [],
    contacts: [],
    interactions: [],
    orders: [],
    deals: [],
    tasks: [],
    surveys: [],
    segments: [],
    feedback: [],
    campaignStats: [],
    agencyPlans: [],
  };
}

interface AccountOverrides {
  archetype?: Archetype;
  tier?: TierName;
  lang?: Lang;
  contacts?: number;
  interactions?: number;
}

/** All records of one account; a pure function of (seed, index, now, options), so chunking never changes it. */
function generateAccountInto(out: DemoRecords, ctx: Context, index: number, over: AccountOverrides = {}): void {
  const rng = new Rng(mix(ctx.seedHash, index));
  const { plan, industry } = planAccount(rng, ctx, index, over);
  const ids = new IdMaker(index, ctx.seedHash);
  ids.next('accounts', plan.firstTouchMs); // sub-index 0 is the account itself
  out.accounts.push(accountRecord(rng, plan, industry));
  const { records: contacts, refs } = generateContacts(rng, plan, ids, over.contacts);
  out.contacts.push(...contacts);
  const { records: interactions, tickets } = generateInteractions(rng, plan, refs, ids, {
    mean: ctx.meanInteractions,
    count: over.interactions,
  });
  for (const r of interactions) out.interactions.push(r);
  for (const r of generateOrders(rng, plan, refs, ids)) out.orders.push(r);
  out.deals.push(...generateDeals(rng, plan, refs, ids));
  out.tasks.push(...generateTasks(rng, plan, refs, ids));
  for (const r of generateSurveys(rng, plan, refs, tickets, ids)) out.surveys.push(r);
  out.feedback.push(...generateFeedback(rng, plan, refs, ids));
  const agency = generateAgency(plan, ids);
  for (const r of agency.campaignStats) out.campaignStats.push(r);
  out.agencyPlans.push(...agency.agencyPlans);
}

/** A few saved segments, in the portfolio's main language. */
function segments(ctx: Context): DemoInput<'segments'>[] {
  const fr = ctx.locales.fr > ctx.locales.en;
  const at = ctx.nowMs - 30 * DAY;
  const id = (i: number) => demoId(at + i, 'segments', 0, i, ctx.seedHash);
  return [
    {
      id: id(0),
      name: fr ? 'Comptes stratégiques à risque' : 'Strategic accounts at risk',
      description: fr ? 'Comptes stratégiques et clés marqués à risque' : 'Strategic and key accounts flagged at risk',
      rule: {
        op: 'and',
        rules: [
          { field: 'lifecycleStage', operator: 'eq', value: 'at_risk' },
          { field: 'tier', operator: 'in', value: ['strategic', 'key'] },
        ],
      },
      color: '#d64545',
    },
    {
      id: id(1),
      name: fr ? 'Renouvellements sous 90 jours' : 'Renewals in the next 90 days',
      description: null,
      rule: {
        op: 'and',
        rules: [
          { field: 'renewalDate', operator: 'within_days', value: 90 },
          { field: 'lifecycleStage', operator: 'neq', value: 'churned' },
        ],
      },
      color: '#e08a00',
    },
    {
      id: id(2),
      name: fr ? 'Clients francophones' : 'French-speaking customers',
      description: null,
      rule: { op: 'or', rules: [{ field: 'custom.country', operator: 'in', value: ['FR', 'BE'] }] },
      color: '#2f6fd6',
    },
    {
      id: id(3),
      name: fr ? 'Comptes dormants à relancer' : 'Dormant accounts to re-engage',
      description: null,
      rule: {
        op: 'and',
        rules: [
          { field: 'lifecycleStage', operator: 'eq', value: 'dormant' },
          {
            op: 'or',
            rules: [
              { field: 'tier', operator: 'eq', value: 'key' },
              { field: 'annualValue', operator: 'gte', value: 20000 },
            ],
          },
        ],
      },
      color: '#7a7a7a',
    },
  ];
}

/**
 * The demo portfolio, one chunk of accounts at a time (with their contacts, interactions, orders, deals,
 * tasks, surveys and feedback; the saved segments come with the first chunk). Nothing is kept between
 * chunks, so 100 000 accounts take no more memory than 100. Same seed and now → same records.
 */
export function* generatePortfolio(opts: PortfolioOptions): Generator<DemoChunk, void, undefined> {
  const ctx = contextOf(opts);
  const n = opts.accounts;
  if (!Number.isInteger(n) || n < 0 || n > MAX_ACCOUNT_INDEX) throw new RangeError(`demo: accounts must be an integer from 0 to ${MAX_ACCOUNT_INDEX}`);
  const chunkSize = Math.max(1, Math.floor(opts.chunkSize ?? 100));
  for (let start = 0; start < n; start += chunkSize) {
    const size = Math.min(chunkSize, n - start);
    const out = emptyRecords();
    if (start === 0) out.segments.push(...segments(ctx));
    for (let i = start; i < start + size; i++) generateAccountInto(out, ctx, i);
    yield { ...out, start, size };
  }
}

export interface HeavyAccountOptions {
  seed: number | string;
  now: Date;
  /** Exact number of interactions (default 10 000). */
  interactions?: number;
  contacts?: number;
  lang?: Lang;
}

/** One healthy strategic account with a long history, for the 360° view benchmark. Its ids never clash with a portfolio's. */
export function generateHeavyAccount(opts: HeavyAccountOptions): DemoChunk {
  const ctx = contextOf(opts);
  const out = emptyRecords();
  generateAccountInto(out, ctx, MAX_ACCOUNT_INDEX, {
    archetype: 'healthy',
    tier: 'strategic',
    lang: opts.lang ?? 'fr',
    contacts: opts.contacts ?? 6,
    interactions: opts.interactions ?? 10_000,
  });
  return { ...out, start: MAX_ACCOUNT_INDEX, size: 1 };
}
