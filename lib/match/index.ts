export * from './email';
export * from './domain';
export * from './linkedin';
export * from './fuzzy';
export * from './primary';
export * from './resolve';
export * from './page-match';
