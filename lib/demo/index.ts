export { generatePortfolio, generateHeavyAccount, DEMO_ENTITIES, type PortfolioOptions, type HeavyAccountOptions, type DemoChunk } from './generate';
export {
  loadDemo,
  hasData,
  clearAllData,
  demoInfo,
  demoSummary,
  emptyCounts,
  DemoAlreadyLoadedError,
  DEFAULT_DEMO_SEED,
  type DemoCounts,
  type LoadDemoOptions,
  type LoadProgress,
} from './load';
export { demoId, type DemoEntity } from './ids';
export type { DemoInput, DemoRecords } from './plan';
