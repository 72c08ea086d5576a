export * from './consent';
export * from './access';
export * from './erase';
export * from './suppression';
export * from './retention';
export * from './inventory';
export * from './person-data';
