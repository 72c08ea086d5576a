import { beforeAll, describe, expect, it } from 'vitest';
import { getDb, insert, insertMany, logInteraction, update } from '../../../lib/db';
import { loadDemo } from '../../../lib/demo';
import { Score } from '../../../lib/schema/score';
import {
  runScoring,
  rescoreAccounts,
  ensureFreshScores,
  watchForRescoring,
  peekFacts,
  resetRunnerCache,
  saveScoringSettings,
  getScoringSettings,
  LAST_RUN_KEY,
  MODELS_KEY,
} from '../../../lib/scoring-runner';

import { setScoringBackend } from '../../../lib/scoring-runner';
import { inlineBackend } from '../../../lib/scoring-runner/compute';

beforeAll(() => setScoringBackend(inlineBackend));

const waitFor = async <T>(fn: () => Promise<T | undefined | false>, ms: number): Promise<T> => {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('scoring runner', () => {
  it('fills the scores table from the demo portfolio, one valid score per live account', async () => {
    await loadDemo({ accounts: 40, seed: 'runner' });
    const info = await runScoring();
    const db = getDb();
    const live = (await db.accounts.toArray()).filter((a) => !a.deletedAt);
    const scores = await db.scores.toArray();
    expect(info.accounts).toBe(live.length);
    expect(scores.map((s) => s.accountId).sort()).toEqual(live.map((a) => a.id).sort());
    for (const s of scores) expect(Score.safeParse(s).success).toBe(true);
    // every account gets segment chips and a churn estimate with its reasons
    expect(scores.every((s) => s.segments.some((k) => k.startsWith('lifecycle:')))).toBe(true);
    expect(scores.filter((s) => s.churnProbability !== null && s.reasons.length > 0).length).toBeGreaterThan(live.length / 2);
    expect(scores.some((s) => s.actions.length > 0)).toBe(true);
    expect((await db.meta.get(LAST_RUN_KEY))?.value).toBe(info.at);
    expect((await db.meta.get(MODELS_KEY))?.value).toBeTruthy();
    expect(info.timings.total).toBeGreaterThan(0);
    expect(peekFacts()?.size).toBe(live.length);
  });

  it('removes the scores of deleted accounts on the next run', async () => {
    await loadDemo({ accounts: 10, seed: 'gone' });
    await runScoring();
    const db = getDb();
    const victim = (await db.accounts.toArray())[0]!;
    await db.accounts.put({ ...victim, deletedAt: victim.updatedAt });
    await runScoring();
    expect(await db.scores.get(victim.id)).toBeUndefined();
    expect(await db.scores.count()).toBe(9);
  });

  it('rescores one account after an interaction is logged, within a second, through the watcher', async () => {
    await loadDemo({ accounts: 30, seed: 'incremental' });
    await runScoring();
    const db = getDb();
    const facts = peekFacts()!;
    // an account not contacted for a while
    const target = [...facts.values()]
      .filter((f) => f.lifecycle !== 'churned' && (f.daysSinceLastInteraction ?? 9999) >= 10)
      .sort((a, b) => (b.daysSinceLastInteraction ?? 9999) - (a.daysSinceLastInteraction ?? 9999))[0]!;
    expect(target).toBeTruthy();
    const before = (await db.scores.get(target.id))!;
    const stop = watchForRescoring({ debounceMs: 50 });
    try {
      await new Promise((r) => setTimeout(r, 100)); // the watcher has taken its mark
      const t0 = Date.now();
      await logInteraction({ accountId: target.id, channel: 'call', direction: 'outbound', occurredAt: new Date().toISOString(), subject: 'Check-in' });
      const after = await waitFor(async () => {
        const s = await db.scores.get(target.id);
        return s && s.computedAt !== before.computedAt ? s : undefined;
      }, 1000);
      expect(Date.now() - t0).toBeLessThan(1000);
      expect(peekFacts()!.get(target.id)!.daysSinceLastInteraction).toBe(0);
      expect(after.reasons).not.toEqual(before.reasons);
      // other accounts untouched
      const others = (await db.scores.toArray()).filter((s) => s.accountId !== target.id);
      expect(others.every((s) => s.computedAt === before.computedAt)).toBe(true);
    } finally {
      stop();
    }
  });

  it('a burst of changes (an import) triggers one full run without the watcher reading the changed records', async () => {
    await loadDemo({ accounts: 10, seed: 'burst' });
    await runScoring();
    const db = getDb();
    const runs: (string[] | 'all')[] = [];
    const stop = watchForRescoring({ debounceMs: 50, burstAbove: 20, onRescored: (ids) => runs.push(ids) });
    try {
      await new Promise((r) => setTimeout(r, 100));
      const account = (await db.accounts.toArray())[0]!;
      await insertMany(
        'contacts',
        Array.from({ length: 30 }, (_, i) => ({ firstName: `B${i}`, lastName: 'Burst', accountId: account.id })),
      );
      await waitFor(async () => runs.length > 0, 3000);
      // One account changed (an incremental rescore without the burst rule), yet one full run: the burst rule.
      expect(runs).toEqual(['all']);
      // A small change afterwards is incremental again: the mark moved past the burst.
      await logInteraction({ accountId: account.id, channel: 'call', direction: 'outbound', occurredAt: new Date().toISOString(), subject: 'After' });
      await waitFor(async () => runs.length > 1, 3000);
      expect(runs[1]).toEqual([account.id]);
    } finally {
      stop();
    }
  });

  it('rescoreAccounts without a previous run falls back to a full run', async () => {
    await loadDemo({ accounts: 5, seed: 'cold' });
    resetRunnerCache();
    const id = (await getDb().accounts.toArray())[0]!.id;
    await rescoreAccounts([id]);
    expect(await getDb().scores.count()).toBe(5);
  });

  it('ensureFreshScores runs only when scores are missing or too old', async () => {
    await loadDemo({ accounts: 5, seed: 'fresh' });
    const now = new Date();
    expect(await ensureFreshScores({ now })).not.toBeNull();
    expect(await ensureFreshScores({ now })).toBeNull();
    const later = new Date(now.getTime() + 13 * 3_600_000);
    expect(await ensureFreshScores({ now: later })).not.toBeNull();
  });

  it('uses the stored lifecycle thresholds and rejects invalid settings naming the field', async () => {
    await expect(saveScoringSettings({ lifecycle: { dormantDays: -3 } })).rejects.toThrow(/lifecycle\.dormantDays/);
    expect((await getScoringSettings()).lifecycle.dormantDays).toBe(120);
    await loadDemo({ accounts: 30, seed: 'thresholds' });
    await runScoring();
    const count = async () => (await getDb().scores.toArray()).filter((s) => s.segments.includes('lifecycle:dormant')).length;
    const dormantDefault = await count();
    // a threshold of 1 day makes (almost) every inactive account dormant
    await saveScoringSettings({ lifecycle: { dormantDays: 1, atRiskDays: 1, newDays: 0 } });
    await runScoring();
    expect(await count()).toBeGreaterThan(dormantDefault);
  });

  it('reuses the fitted models for a day, refits when asked, when older, or when the portfolio changed size', async () => {
    await loadDemo({ accounts: 40, seed: 'refit' });
    const now = new Date();
    expect((await runScoring({ now })).refitted).toBe(true);
    const second = await runScoring({ now: new Date(now.getTime() + 3_600_000) });
    expect(second.refitted).toBe(false);
    expect(second.timings.fit).toBeLessThan(50);
    expect((await runScoring({ now, refit: true })).refitted).toBe(true);
    expect((await runScoring({ now: new Date(now.getTime() + 25 * 3_600_000) })).refitted).toBe(true);
    // 5 of 40 accounts gone (12.5%), an hour after the last fit
    const victims = (await getDb().accounts.toArray()).slice(0, 5);
    for (const v of victims) await getDb().accounts.put({ ...v, deletedAt: v.updatedAt });
    expect((await runScoring({ now: new Date(now.getTime() + 26 * 3_600_000) })).refitted).toBe(true);
  });

  it('a new segment is evaluated on the next run', async () => {
    await loadDemo({ accounts: 20, seed: 'segment' });
    const seg = await insert('segments', { name: 'Big', rule: { op: 'and', rules: [{ field: 'annualValue', operator: 'gte', value: 0 }] } });
    await runScoring();
    const withValue = (await getDb().accounts.toArray()).filter((a) => a.annualValue !== null).map((a) => a.id);
    const inSeg = (await getDb().scores.toArray()).filter((s) => s.segments.includes(seg.id)).map((s) => s.accountId);
    expect(inSeg.sort()).toEqual(withValue.sort());
    await update('segments', seg.id, { rule: { op: 'and', rules: [{ field: 'annualValue', operator: 'lt', value: 0 }] } });
    await runScoring();
    expect((await getDb().scores.toArray()).some((s) => s.segments.includes(seg.id))).toBe(false);
  });
});
