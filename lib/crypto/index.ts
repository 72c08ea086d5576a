/** The at-rest encryption layer (cipher, sensitive fields, key state); the operations over the database are in lib/db/encryption. */
export { isSealed } from './cipher';
export { SENSITIVE_FIELDS, type SensitiveTable } from './fields';
export { LockedError, WrongPassphraseError, isLocked, requireUnlocked, onCryptoStateChange, CRYPTO_META_KEY } from './state';
