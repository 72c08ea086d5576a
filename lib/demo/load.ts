import { insertBatch } from '../db/write';
import { clearPortfolioTables, getDemoMarker, hasLiveData, setDemoMarker, type DemoMarker } from '../db/maintenance';
import { DEMO_ENTITIES, generateHeavyAccount, generatePortfolio, type DemoChunk } from './generate';
import type { DemoEntity } from './ids';
import type { Lang } from './vocab';

export type DemoCounts = Record<DemoEntity, number>;

export interface LoadProgress {
  accountsDone: number;
  accountsTotal: number;
  counts: DemoCounts;
}

export interface LoadDemoOptions {
  /** Number of accounts (default 200). */
  accounts?: number;
  seed?: number | string;
  /** The "today" the history leads up to; default the current time. */
  now?: Date;
  locales?: Partial<Record<Lang, number>>;
  /** Mean interactions per account over two years (default 24). */
  interactionsPerAccount?: number;
  /** Also load one strategic account with this many interactions (the 360° benchmark case). */
  heavyAccountInteractions?: number;
  /** Accounts per transaction (default 50). */
  chunkSize?: number;
  onProgress?: (p: LoadProgress) => void;
  /** Stops between chunks; chunks already written stay (each is whole), clearAllData removes them. */
  signal?: AbortSignal;
}

export const DEFAULT_DEMO_SEED = 'carnet-demo';

export class DemoAlreadyLoadedError extends Error {
  constructor(readonly marker: DemoMarker) {
    super(`demo data is already loaded (seed ${String(marker.seed)}, ${marker.accounts} accounts): clear it first`);
    this.name = 'DemoAlreadyLoadedError';
  }
}

export function emptyCounts(): DemoCounts {
  return { accounts: 0, contacts: 0, interactions: 0, orders: 0, deals: 0, tasks: 0, surveys: 0, segments: 0, feedback: 0, campaignStats: 0, agencyPlans: 0 };
}

async function writeChunk(chunk: DemoChunk, counts: DemoCounts): Promise<void> {
  const written = await insertBatch({
    accounts: chunk.accounts,
    contacts: chunk.contacts,
    interactions: chunk.interactions,
    orders: chunk.orders,
    deals: chunk.deals,
    tasks: chunk.tasks,
    surveys: chunk.surveys,
    segments: chunk.segments,
    feedback: chunk.feedback,
    campaignStats: chunk.campaignStats,
    agencyPlans: chunk.agencyPlans,
  });
  for (const name of DEMO_ENTITIES) counts[name] += written[name] ?? 0;
}

/**
 * Generates the demo portfolio and writes it chunk by chunk, each chunk one validated transaction over all
 * tables, kept local (never in the sync outbox). Resolves with the number of records per table.
 */
export async function loadDemo(opts: LoadDemoOptions = {}): Promise<DemoCounts> {
  const marker = await getDemoMarker();
  if (marker) throw new DemoAlreadyLoadedError(marker);
  const accounts = opts.accounts ?? 200;
  const seed = opts.seed ?? DEFAULT_DEMO_SEED;
  const now = opts.now ?? new Date();
  const counts = emptyCounts();
  const heavy = opts.heavyAccountInteractions ?? 0;
  const total = accounts + (heavy > 0 ? 1 : 0);
  let done = 0;
  const chunks = generatePortfolio({
    seed,
    accounts,
    now,
    locales: opts.locales,
    chunkSize: opts.chunkSize ?? 50,
    interactionsPerAccount: opts.interactionsPerAccount,
  });
  for (const chunk of chunks) {
    opts.signal?.throwIfAborted();
    await writeChunk(chunk, counts);
    done += chunk.size;
    opts.onProgress?.({ accountsDone: done, accountsTotal: total, counts: { ...counts } });
  }
  if (heavy > 0) {
    opts.signal?.throwIfAborted();
    await writeChunk(generateHeavyAccount({ seed, now, interactions: heavy }), counts);
    done += 1;
    opts.onProgress?.({ accountsDone: done, accountsTotal: total, counts: { ...counts } });
  }
  await setDemoMarker({ seed, accounts, now: now.toISOString(), loadedAt: new Date().toISOString() });
  return counts;
}

/** Whether the database holds any live record: the empty panel offers "Load demo data" when it does not. */
export function hasData(): Promise<boolean> {
  return hasLiveData();
}

/** Whether demo data was loaded (and with which seed and size), for "remove demo data". */
export function demoInfo(): Promise<DemoMarker | undefined> {
  return getDemoMarker();
}

/** Deletes every record of every table (demo or not) and the outbox: the UI confirms first. */
export function clearAllData(): Promise<void> {
  return clearPortfolioTables();
}

const LABELS: Record<Lang, Record<DemoEntity, [string, string]>> = {
  en: {
    accounts: ['account', 'accounts'],
    contacts: ['contact', 'contacts'],
    interactions: ['interaction', 'interactions'],
    orders: ['order', 'orders'],
    deals: ['deal', 'deals'],
    tasks: ['task', 'tasks'],
    surveys: ['survey response', 'survey responses'],
    segments: ['segment', 'segments'],
    feedback: ['action feedback', 'action feedback'],
    campaignStats: ['campaign figure', 'campaign figures'],
    agencyPlans: ['campaign plan', 'campaign plans'],
  },
  fr: {
    accounts: ['compte', 'comptes'],
    contacts: ['contact', 'contacts'],
    interactions: ['interaction', 'interactions'],
    orders: ['commande', 'commandes'],
    deals: ['opportunité', 'opportunités'],
    tasks: ['tâche', 'tâches'],
    surveys: ["réponse d'enquête", "réponses d'enquête"],
    segments: ['segment', 'segments'],
    feedback: ['retour sur action', 'retours sur actions'],
    campaignStats: ['chiffre de campagne', 'chiffres de campagnes'],
    agencyPlans: ['plan de campagnes', 'plans de campagnes'],
  },
};

/** "200 accounts, 512 contacts, 3,456 interactions, …" (tables with no record are left out). */
export function demoSummary(counts: Partial<DemoCounts>, lang: Lang = 'en'): string {
  const fmt = new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB');
  const parts: string[] = [];
  for (const name of DEMO_ENTITIES) {
    const n = counts[name] ?? 0;
    if (n === 0) continue;
    const [one, many] = LABELS[lang][name];
    parts.push(`${fmt.format(n)} ${lang === 'fr' ? (n > 1 ? many : one) : n === 1 ? one : many}`);
  }
  return parts.join(', ');
}
