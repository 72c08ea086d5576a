import { ensureFreshScores, watchForRescoring } from '../scoring-runner';

/**
 * Started by the side panel: scores the portfolio when the scores are missing or stale, then rescores accounts
 * as their data changes (a burst such as a demo load or an import triggers one full run). Returns the stop function.
 */
export function startScoring(): () => void {
  ensureFreshScores().catch((e: unknown) => console.warn('[carnet] scoring failed', e));
  return watchForRescoring({ onError: (e) => console.warn('[carnet] rescoring failed', e) });
}
