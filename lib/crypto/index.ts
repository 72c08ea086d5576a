export * from './field-crypto';
