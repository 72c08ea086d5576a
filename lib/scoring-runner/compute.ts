import { scoreAccount, scorePortfolioDetailed } from '../portfolio/score';
import { loadPortfolioInput } from './load';
import type { AccountScored, AccountsRequest, PortfolioRequest, ScoreRequest, ScoreResult, ScoringBackend } from './protocol';

/** What the worker runs: reads the live portfolio from the database, then scores it. */
export async function computePortfolio(req: PortfolioRequest): Promise<ScoreResult> {
  const t0 = performance.now();
  const input = await loadPortfolioInput();
  const n = input.accounts.length;
  const reused = req.reuse !== null && Math.abs(n - req.reuse.fitAccounts) <= 0.1 * Math.max(req.reuse.fitAccounts, 1);
  const settings = reused ? { ...req.settings, reuseModels: req.reuse!.models } : req.settings;
  const load = performance.now() - t0;
  const r = scorePortfolioDetailed(input, new Date(req.now), settings);
  return { accounts: n, reused, scores: r.scores, models: r.models, facts: [...r.facts], timings: { load, ...r.timings } };
}

export function computeAccounts(req: AccountsRequest): AccountScored[] {
  const now = new Date(req.now);
  return req.accounts.map(({ account, records }) => scoreAccount(account, records, req.segments, req.models, now, req.settings, req.loyalty ?? null));
}

export async function compute(req: ScoreRequest): Promise<ScoreResult | AccountScored[]> {
  return req.kind === 'portfolio' ? computePortfolio(req) : computeAccounts(req);
}

/** Same computations on the calling thread (unit tests, benchmarks). Not imported by the panel. */
export const inlineBackend: ScoringBackend = {
  portfolio: (req) => computePortfolio(req),
  accounts: async (req) => computeAccounts(req),
};
