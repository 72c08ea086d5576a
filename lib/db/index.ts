export * from './db';
export * from './write';
export * from './contacts';
export * from './accounts';
export * from './interactions';
export * from './tasks';
export * from './search-tokens';
export * from './templates';
