/**
 * Public API of the scoring models (pure: no Dexie, no browser APIs; safe in a worker). The whole-portfolio run
 * that combines them with the lifecycle workflows, loyalty and agency alerts is lib/portfolio.
 */
export type { AccountLike } from './account';
export { fitBgNbd, pAlive, expectedTransactions, expectedTransactionsNew, probabilityOfNPurchases, bgNbdLogLikelihood } from './bgnbd';
export type { BgNbdParams, BgNbdFit, BgNbdRow } from './bgnbd';
export { fitGammaGamma, expectedAverageSpend } from './gammagamma';
export type { GammaGammaParams, GammaGammaFit } from './gammagamma';
export { clvFromModels, clvFromAnnualValue, ClvSettings, DEFAULT_CLV_SETTINGS } from './clv';
export type { ClvResult, ClvMethod } from './clv';
export { trainHealthModel, predictChurn, auc, reliabilityTable, shouldRetrain, RETRAIN_MIN } from './health';
export type { HealthModel, FeatureRecord, ChurnPrediction, ReliabilityRow } from './health';
export { DEFAULT_HEALTH_MODEL, ENGAGEMENT_FEATURES, ENGAGEMENT_TRAIN_OPTIONS, engagementFeatures } from './engagement';
export { rfmScores, quintileScores, rfmLabel, RFM_LABELS } from './rfm';
export { lifecycleStage, LifecycleThresholds, DEFAULT_LIFECYCLE_THRESHOLDS, LIFECYCLE_STAGES, valueTier, valueTierCuts, VALUE_TIERS } from './lifecycle';
export { evaluateRule, evaluateCondition, segmentsFor, FACT_FIELDS } from './rules';
export type { AccountFacts } from './rules';
export { nextBestActions, learnSuccessRates, suppression, executionFor, ACTION_CATALOGUE, ACTION_TYPES, TEMPLATE_KEYS, DEFAULT_NBA_SETTINGS } from './nba';
export type { ActionType, ActionExecution, NbaAction, NbaSettings, SuccessRates } from './nba';
export { mayContact } from './consent';
export { renderTemplate, templateLang, gmailComposeUrl, mailtoUrl } from './templates';
export { churnStats, nps, csat, ces, averageClv, revenueAtRisk, segmentSizes, monthlyTrends, lastMonths, filterBy } from './kpi';
export { REASON_KEYS, CHURN_REASON_KEYS } from './reasons';
