export * from './field-crypto';
export { isSealed } from './cipher';
export { SENSITIVE_FIELDS, type SensitiveTable } from './fields';
export { LockedError, WrongPassphraseError, isLocked, requireUnlocked, onCryptoStateChange, CRYPTO_META_KEY } from './state';
