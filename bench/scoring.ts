/**
 * Times scorePortfolio on a seeded synthetic portfolio (10 000 accounts by default).
 * Run: npx vite-node bench/run-scoring.ts [accounts]
 */
import { scorePortfolioDetailed } from '../lib/portfolio/score';
import { syntheticPortfolio } from './synthetic';

export function benchScoring(accounts = 10_000, runs = 5) {
  const now = new Date('2026-06-01T00:00:00Z');
  const input = syntheticPortfolio(now, { accounts, seed: 42 });
  const times: number[] = [];
  const cpu: number[] = [];
  const hasCpu = typeof process !== 'undefined' && typeof process.cpuUsage === 'function';
  let last: ReturnType<typeof scorePortfolioDetailed> | null = null;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const c0 = hasCpu ? process.cpuUsage() : null;
    last = scorePortfolioDetailed(input, now);
    times.push(performance.now() - t0);
    // CPU time of this process (all threads, GC included): less disturbed than wall time on a shared machine
    if (c0) {
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
    }
  }
  // incremental path: the next run starts from the last fit
  const t1 = performance.now();
  scorePortfolioDetailed(input, now, { warmStart: last!.models.bgnbd });
  const warm = performance.now() - t1;
  // rescoring with the fitted models reused (no fit)
  const t2 = performance.now();
  scorePortfolioDetailed(input, now, { reuseModels: last!.models });
  const reuse = performance.now() - t2;
  return {
    accounts,
    interactions: input.interactions.length,
    orders: input.orders.length,
    times,
    best: Math.min(...times),
    cpuMs: cpu,
    warmStart: warm,
    reuseModels: reuse,
    churnModels: countBy(last!.scores.map((s) => s.churnModel)),
    clvMethods: countBy(last!.scores.map((s) => s.clvMethod)),
    bgnbd: last!.models.bgnbd,
    healthSource: last!.models.healthSource,
    timings: Object.fromEntries(Object.entries(last!.timings).map(([k, v]) => [k, Math.round(v)])),
  };
}

function countBy(xs: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of xs) out[x] = (out[x] ?? 0) + 1;
  return out;
}
