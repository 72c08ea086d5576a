import type { AccountLike, AccountRecords, PortfolioInput, PortfolioModels, ScoringSettings } from '../portfolio/score';
import type { AccountFacts } from '../scoring/rules';
import type { Score } from '../schema/score';
import type { LoyaltyRules } from '../schema/loyalty';

/**
 * Scores the whole portfolio (fits the models). Plain, structured-cloneable data. The backend reads the portfolio
 * from the database itself: in the panel that is the scoring worker, so the records never cross the panel's thread.
 */
export interface PortfolioRequest {
  kind: 'portfolio';
  now: string;
  settings: Partial<ScoringSettings>;
  /** Cached models, reused (no refit) when the live portfolio is within 10 % of the size they were fitted on. */
  reuse: { models: NonNullable<ScoringSettings['reuseModels']>; fitAccounts: number } | null;
}

/** Rescores a few accounts with the models of the last portfolio run. */
export interface AccountsRequest {
  kind: 'accounts';
  accounts: { account: AccountLike; records: AccountRecords }[];
  segments: PortfolioInput['segments'];
  models: PortfolioModels;
  now: string;
  settings: Partial<ScoringSettings>;
  /** The loyalty programme's rules (null = none). */
  loyalty: LoyaltyRules | null;
}

export type ScoreRequest = PortfolioRequest | AccountsRequest;

export interface ScoreResult {
  /** Live accounts scored, and whether the request's models were reused. */
  accounts: number;
  reused: boolean;
  scores: Score[];
  models: PortfolioModels;
  facts: [string, AccountFacts][];
  timings: Record<string, number>;
}
export interface AccountScored {
  score: Score;
  facts: AccountFacts;
}

export type ScoreResponse = { ok: true; result: ScoreResult | AccountScored[] } | { ok: false; error: string };

/** Where the computation runs: a Web Worker in the panel, inline in unit tests and benchmarks. */
export interface ScoringBackend {
  portfolio(req: PortfolioRequest): Promise<ScoreResult>;
  accounts(req: AccountsRequest): Promise<AccountScored[]>;
}
