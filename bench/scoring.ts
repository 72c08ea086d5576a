/**
 * Times scorePortfolio on a seeded synthetic portfolio (10 000 accounts by default).
 * Run: npx vite-node bench/run-scoring.ts [accounts]
 */
import { scorePortfolioDetailed } from '../lib/scoring/portfolio';
import { syntheticPortfolio } from './synthetic';

export function benchScoring(accounts = 10_000, runs = 3) {
  const now = new Date('2026-06-01T00:00:00Z');
  const input = syntheticPortfolio(now, { accounts, seed: 42 });
  const times: number[] = [];
  let last: ReturnType<typeof scorePortfolioDetailed> | null = null;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    last = scorePortfolioDetailed(input, now);
    times.push(performance.now() - t0);
  }
  return {
    accounts,
    interactions: input.interactions.length,
    orders: input.orders.length,
    times,
    best: Math.min(...times),
    churnModels: countBy(last!.scores.map((s) => s.churnModel)),
    clvMethods: countBy(last!.scores.map((s) => s.clvMethod)),
    bgnbd: last!.models.bgnbd,
    healthSource: last!.models.healthSource,
  };
}

function countBy(xs: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of xs) out[x] = (out[x] ?? 0) + 1;
  return out;
}
