/** Every reason key the scoring library emits, so the UI can hold a FR and EN string for each. */
import { ENGAGEMENT_REASONS } from './engagement';
import { ACTION_REASON_KEYS, ACTION_TYPES } from './nba';

/** BG/NBD-based churn explanations (params: weeks since last purchase, orders, alive %). */
export const PURCHASE_REASON_KEYS = ['purchase_gap_weeks', 'buying_regularly'] as const;
/** An account already lost: its churn is a fact, not a prediction (params: date). */
export const CHURNED_REASON_KEY = 'already_churned';

export const CHURN_REASON_KEYS = [
  ...new Set(Object.values(ENGAGEMENT_REASONS).flatMap((r) => [r.up, r.down, r.missing].filter((k): k is string => typeof k === 'string'))),
  ...PURCHASE_REASON_KEYS,
  CHURNED_REASON_KEY,
];

export const REASON_KEYS: readonly string[] = [...CHURN_REASON_KEYS, ...ACTION_REASON_KEYS];
export { ACTION_TYPES };
