import { scorePortfolioDetailed } from '../scoring/portfolio';
import type { ScoreRequest, ScoreResult } from './protocol';

/** The pure computation the worker runs (also used inline where no Worker exists, e.g. unit tests). */
export function computeScores(req: ScoreRequest): ScoreResult {
  const r = scorePortfolioDetailed(req.input, new Date(req.now), req.settings);
  return { scores: r.scores, models: r.models, facts: [...r.facts], timings: r.timings };
}
