import type { PortfolioInput, PortfolioModels, ScoringSettings } from '../scoring/portfolio';
import type { AccountFacts } from '../scoring/rules';
import type { Score } from '../schema/score';

/** What the panel posts to the scoring worker: plain, structured-cloneable data. */
export interface ScoreRequest {
  input: PortfolioInput;
  now: string;
  settings: Partial<ScoringSettings>;
}

export interface ScoreResult {
  scores: Score[];
  models: PortfolioModels;
  facts: [string, AccountFacts][];
  timings: Record<string, number>;
}

export type ScoreResponse = { ok: true; result: ScoreResult } | { ok: false; error: string };
