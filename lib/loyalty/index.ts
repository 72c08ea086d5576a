/** The loyalty programme (pure: no Dexie, no browser APIs; the scoring worker, the background and the panel use it). */
export * from './points';
export * from './tiers';
export * from './badges';
export * from './status';
