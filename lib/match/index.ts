export * from './fuzzy';
export * from './primary';
export * from './resolve';
export * from './page-match';
