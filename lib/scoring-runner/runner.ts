/**
 * Keeps the `scores` table fresh on the device.
 *
 * Where it runs: from the side panel. A full run has a dedicated Web Worker read the live portfolio from Dexie and
 * score it (Chrome's MV3 service worker cannot spawn Workers, and reading or scoring 100 000 records on the panel's
 * main thread would freeze it), then writes every score in one transaction. A full run happens when the panel opens and the scores are missing or
 * older than `maxAgeHours`, after a demo load or an import, and when segments change. Between full runs, a change
 * to one account's data (an interaction logged, a survey, a task done, feedback) rescores only that account with
 * the models cached by the last full run (scoreAccount), within a second: see watch.ts.
 */
import { signal } from '@preact/signals';
import { getDb } from '../db/db';
import type { PortfolioModels, ScoringSettings } from '../portfolio/score';
import type { AccountFacts } from '../scoring/rules';
import type { Score } from '../schema/score';
import { loadAccountRecords, liveSegments } from './load';
import type { ScoringBackend } from './protocol';
import { getScoringSettings, type ScoringUserSettings } from './settings';
import { workerBackend } from './worker-client';
import { getWorkflowSettings } from '../storage/lifecycle';
import { readItem, reportingItem } from '../storage/items';
import type { RateTable } from '../currency/convert';
import type { WorkflowSettings } from '../lifecycle/settings';
import { loyaltyRules } from './load';
import { META_KEYS } from '../schema/meta-keys';

export const LAST_RUN_KEY = META_KEYS.scoringLastRunAt;
export const RUN_INFO_KEY = META_KEYS.scoringLastRun;
export const MODELS_KEY = META_KEYS.scoringModels;
/** When and on how many accounts the cached models were last fitted. */
export const FIT_KEY = META_KEYS.scoringFit;
/** Fitted models are reused by full runs for this long, unless the portfolio's size changed by more than 10%. */
export const REFIT_AFTER_MS = 24 * 3_600_000;
const SCORES_PER_PUT = 100;

export interface RunInfo {
  at: string;
  accounts: number;
  /** Milliseconds: prep, compute (the backend's read and scoring: worker round trip or inline), write, total, and the backend's phases (its load included). */
  timings: Record<string, number>;
  inWorker: boolean;
  /** false = the models of the last fit were reused (only references, segments and actions recomputed). */
  refitted: boolean;
  healthSource: PortfolioModels['healthSource'];
  churnModel: 'bgnbd' | 'health';
}

/** The lifecycle workflows and the loyalty rates live in extension storage, which the worker cannot read. */
async function storedExtras(): Promise<{ workflows: WorkflowSettings; loyaltyRates: RateTable | null }> {
  const [workflows, reporting] = await Promise.all([getWorkflowSettings(), readItem(reportingItem).catch(() => null)]);
  return { workflows, loyaltyRates: reporting?.rates ?? null };
}

let backend: ScoringBackend = workerBackend;
/** Unit tests and benchmarks score inline (compute.ts's inlineBackend); the panel uses the Web Worker. */
export function setScoringBackend(b: ScoringBackend): void {
  backend = b;
}

export const scoringStatus = signal<{ running: boolean; error: string | null; lastRun: RunInfo | null }>({ running: false, error: null, lastRun: null });

/** Facts of the last run per account (for rule previews and KPI filters); kept in memory only. */
let factsCache: Map<string, AccountFacts> | null = null;
let modelsCache: PortfolioModels | null = null;
export const factsVersion = signal(0);

let queue: Promise<unknown> = Promise.resolve();
/** Runs are serialised: a rescore never interleaves with a full run's write. */
function serial<T>(fn: () => Promise<T>): Promise<T> {
  const p = queue.then(fn, fn);
  queue = p.catch(() => undefined);
  return p;
}

export function libSettings(
  user: ScoringUserSettings,
  warmStart: PortfolioModels['bgnbd'] | null,
  extra: { workflows?: WorkflowSettings | null; loyaltyRates?: RateTable | null } = {},
): Partial<ScoringSettings> {
  return {
    lifecycle: user.lifecycle,
    clv: user.clv,
    workflows: extra.workflows ?? null,
    loyaltyRates: extra.loyaltyRates ?? null,
    warmStart: warmStart ? { r: warmStart.r, alpha: warmStart.alpha, a: warmStart.a, b: warmStart.b } : null,
  };
}

export interface RunOptions {
  now?: Date;
  /** Fit the models again even if the cached ones are recent (e.g. after new churn labels). */
  refit?: boolean;
}

/** Scores the whole portfolio and replaces the scores table. */
export function runScoring(opts: RunOptions = {}): Promise<RunInfo> {
  return serial(async () => {
    scoringStatus.value = { ...scoringStatus.value, running: true, error: null };
    try {
      const info = await fullRun(opts);
      scoringStatus.value = { running: false, error: null, lastRun: info };
      return info;
    } catch (e) {
      scoringStatus.value = { ...scoringStatus.value, running: false, error: e instanceof Error ? e.message : String(e) };
      throw e;
    }
  });
}

async function fullRun(opts: RunOptions): Promise<RunInfo> {
  const db = getDb();
  const t0 = performance.now();
  const now = opts.now ?? new Date();
  const user = await getScoringSettings();
  const previous = await cachedModels();
  const fit = (await db.meta.get(FIT_KEY))?.value as { at: string; accounts: number } | undefined;
  const recent = !opts.refit && previous !== null && fit !== undefined && now.getTime() - Date.parse(fit.at) < REFIT_AFTER_MS;
  const settings = libSettings(user, previous?.bgnbd ?? null, await storedExtras());
  const reuseModels = recent
    ? {
        models: { bgnbd: previous.bgnbd, gammaGamma: previous.gammaGamma, health: previous.health, healthSource: previous.healthSource },
        fitAccounts: fit.accounts,
      }
    : null;
  const t1 = performance.now();
  // The backend reads the portfolio itself (in the panel: the scoring worker), and reuses the models when its size
  // is within 10 % of the fit's.
  const result = await backend.portfolio({ kind: 'portfolio', now: now.toISOString(), settings, reuse: reuseModels });
  const reuse = result.reused;
  const t2 = performance.now();
  const ids = new Set(result.scores.map((s) => s.accountId));
  const at = now.toISOString();
  await db.transaction('rw', [db.scores, db.meta], async () => {
    const stale = (await db.scores.toCollection().primaryKeys()).filter((k) => !ids.has(k));
    if (stale.length) await db.scores.bulkDelete(stale);
    // In slices: each bulkPut serialises its scores on the calling thread, and the panel must not stall on 10 000.
    for (let i = 0; i < result.scores.length; i += SCORES_PER_PUT) await db.scores.bulkPut(result.scores.slice(i, i + SCORES_PER_PUT));
    await db.meta.put({ key: MODELS_KEY, value: result.models });
    if (!reuse) await db.meta.put({ key: FIT_KEY, value: { at, accounts: result.accounts } });
  });
  const t3 = performance.now();
  factsCache = new Map(result.facts);
  modelsCache = result.models;
  factsVersion.value++;
  const info: RunInfo = {
    at,
    accounts: result.scores.length,
    timings: { load: t1 - t0, compute: t2 - t1, write: t3 - t2, total: t3 - t0, ...result.timings },
    inWorker: backend === workerBackend,
    refitted: !reuse,
    healthSource: result.models.healthSource,
    churnModel: result.models.bgnbd ? 'bgnbd' : 'health',
  };
  await db.meta.bulkPut([
    { key: LAST_RUN_KEY, value: at },
    { key: RUN_INFO_KEY, value: info },
  ]);
  return info;
}

async function cachedModels(): Promise<PortfolioModels | null> {
  if (modelsCache) return modelsCache;
  const stored = (await getDb().meta.get(MODELS_KEY))?.value as PortfolioModels | undefined;
  modelsCache = stored ?? null;
  return modelsCache;
}

/**
 * Rescores these accounts with the models of the last full run (a full run first when there is none).
 * Returns how many scores were written or removed.
 */
export function rescoreAccounts(accountIds: Iterable<string>, opts: { now?: Date } = {}): Promise<number> {
  const ids = [...new Set(accountIds)];
  if (ids.length === 0) return Promise.resolve(0);
  return serial(async () => {
    const models = await cachedModels();
    if (!models) {
      await fullRun({ now: opts.now });
      return ids.length;
    }
    const now = opts.now ?? new Date();
    const user = await getScoringSettings();
    const settings = libSettings(user, null, await storedExtras());
    const segments = await liveSegments();
    const loyalty = await loyaltyRules();
    const db = getDb();
    const gone: string[] = [];
    const batch = [];
    for (const id of ids) {
      const loaded = await loadAccountRecords(id);
      if (loaded) batch.push(loaded);
      else gone.push(id);
    }
    const scored = batch.length
      ? await backend.accounts({ kind: 'accounts', accounts: batch, segments, models, now: now.toISOString(), settings, loyalty })
      : [];
    const puts: Score[] = scored.map((r) => r.score);
    for (const r of scored) factsCache?.set(r.score.accountId, r.facts);
    await db.transaction('rw', db.scores, async () => {
      if (gone.length) await db.scores.bulkDelete(gone);
      if (puts.length) await db.scores.bulkPut(puts);
    });
    for (const id of gone) factsCache?.delete(id);
    factsVersion.value++;
    return puts.length + gone.length;
  });
}

export async function lastRunAt(): Promise<string | null> {
  return ((await getDb().meta.get(LAST_RUN_KEY))?.value as string | undefined) ?? null;
}

export async function lastRunInfo(): Promise<RunInfo | null> {
  return ((await getDb().meta.get(RUN_INFO_KEY))?.value as RunInfo | undefined) ?? null;
}

/**
 * A full run when there are accounts and the scores are missing or older than the settings' maxAgeHours.
 * Returns the run's info, or null when the scores were fresh.
 */
export async function ensureFreshScores(opts: RunOptions = {}): Promise<RunInfo | null> {
  const db = getDb();
  const now = opts.now ?? new Date();
  const [last, user, scored, accounts] = await Promise.all([lastRunAt(), getScoringSettings(), db.scores.count(), db.accounts.count()]);
  if (accounts === 0) return null;
  const age = last ? now.getTime() - Date.parse(last) : Infinity;
  if (scored > 0 && age <= user.maxAgeHours * 3_600_000) return null;
  return runScoring(opts);
}

/** Facts of the last run; runs the scoring when this panel has none yet. */
export async function currentFacts(): Promise<Map<string, AccountFacts>> {
  if (!factsCache) await runScoring();
  return factsCache ?? new Map();
}

export function peekFacts(): Map<string, AccountFacts> | null {
  return factsCache;
}

/** Tests: forget the in-memory caches (as a newly opened panel). */
export function resetRunnerCache(): void {
  factsCache = null;
  modelsCache = null;
}
