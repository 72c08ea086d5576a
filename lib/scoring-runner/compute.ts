import { scoreAccount, scorePortfolioDetailed } from '../scoring/portfolio';
import type { AccountScored, AccountsRequest, PortfolioRequest, ScoreRequest, ScoreResult, ScoringBackend } from './protocol';

/** The pure computations the worker runs. */
export function computePortfolio(req: PortfolioRequest): ScoreResult {
  const r = scorePortfolioDetailed(req.input, new Date(req.now), req.settings);
  return { scores: r.scores, models: r.models, facts: [...r.facts], timings: r.timings };
}

export function computeAccounts(req: AccountsRequest): AccountScored[] {
  const now = new Date(req.now);
  return req.accounts.map(({ account, records }) => scoreAccount(account, records, req.segments, req.models, now, req.settings));
}

export function compute(req: ScoreRequest): ScoreResult | AccountScored[] {
  return req.kind === 'portfolio' ? computePortfolio(req) : computeAccounts(req);
}

/** Same computations on the calling thread (unit tests, benchmarks). Not imported by the panel. */
export const inlineBackend: ScoringBackend = {
  portfolio: async (req) => computePortfolio(req),
  accounts: async (req) => computeAccounts(req),
};
