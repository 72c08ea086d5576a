/** What screens use of the scoring worker: run it, follow its status, read the facts of the last run, its settings. */
export { runScoring, scoringStatus, currentFacts, factsVersion, getScoringSettings, saveScoringSettings, type ScoringUserSettings } from '../scoring-runner';
