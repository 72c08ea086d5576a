export * from './backup';
export * from './entity-csv';
