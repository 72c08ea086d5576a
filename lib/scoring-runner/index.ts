/** On-device scoring: full runs in a Web Worker from the side panel, incremental rescoring on data changes. */
export {
  runScoring,
  rescoreAccounts,
  ensureFreshScores,
  currentFacts,
  peekFacts,
  lastRunAt,
  lastRunInfo,
  scoringStatus,
  factsVersion,
  resetRunnerCache,
  LAST_RUN_KEY,
  MODELS_KEY,
} from './runner';
export { setScoringBackend } from './runner';
export type { RunInfo, RunOptions } from './runner';
export type { ScoringBackend, ScoreRequest, ScoreResult, AccountScored } from './protocol';
export { watchForRescoring } from './watch';
export type { WatchOptions } from './watch';
export { getScoringSettings, saveScoringSettings, ScoringUserSettings, DEFAULT_USER_SETTINGS, SCORING_SETTINGS_KEY } from './settings';
export { loadPortfolioInput, loadAccountRecords } from './load';
