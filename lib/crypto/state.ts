import * as z from 'zod/mini';
import { openText } from './cipher';
import { META_KEYS } from '../schema/meta-keys';

/**
 * The encryption state of this context (panel, background, options page): whether encryption is on and, when
 * unlocked, the raw 256-bit key. The storage middleware reads it synchronously on every IndexedDB operation.
 *
 * Where the key lives: each extension context has its own memory, and a non-extractable CryptoKey cannot be
 * handed from the panel to the service worker, which also reads and writes the database (sync, reminders,
 * logging from pages). So the raw derived key is mirrored in `storage.session`: kept in memory by the browser,
 * never written to disk, emptied when the browser quits, and readable only by the extension's own pages and worker
 * (Chrome's default access level is TRUSTED_CONTEXTS and Carnet never widens it; Firefox does not expose
 * storage.session to content scripts). Every context imports it at database open and follows its changes;
 * locking removes it everywhere. The passphrase itself is never stored.
 */
export const CRYPTO_META_KEY = META_KEYS.cryptoConfig;
export const SESSION_ITEM = 'carnet.crypto';
export const CHECK_PLAINTEXT = 'carnet-key-check-v1';

export const CryptoConfig = z.object({
  v: z.literal(1),
  kdf: z.literal('PBKDF2-SHA-256'),
  iterations: z.number().check(z.int(), z.gte(310_000)),
  salt: z.string(),
  /** CHECK_PLAINTEXT sealed with the key: tells a wrong passphrase before anything is read or written. */
  check: z.string(),
});
export type CryptoConfig = z.infer<typeof CryptoConfig>;

export const SessionValue = z.object({ enabled: z.boolean(), key: z.nullable(z.string()) });
export type SessionValue = z.infer<typeof SessionValue>;

export class WrongPassphraseError extends Error {
  constructor() {
    super('Wrong passphrase: nothing was decrypted or changed.');
    this.name = 'WrongPassphraseError';
  }
}

export class LockedError extends Error {
  constructor() {
    super('Encrypted data is locked: unlock it with your passphrase (Privacy page) first. Nothing was written.');
    this.name = 'LockedError';
  }
}

export interface CryptoState {
  enabled: boolean;
  key: Uint8Array | null;
}

/** What one transaction uses instead of the context's state (enabling, disabling, changing the passphrase). */
export interface TxCrypto {
  enabled: boolean;
  readKey: Uint8Array | null;
  writeKey: Uint8Array | null;
}

let state: CryptoState = { enabled: false, key: null };
const overrides = new WeakMap<object, TxCrypto>();
const listeners = new Set<(s: CryptoState) => void>();

export function cryptoState(): CryptoState {
  return state;
}

export function setCryptoState(next: CryptoState): void {
  state = next;
  for (const l of listeners) l(state);
}

export function onCryptoStateChange(l: (s: CryptoState) => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** Encryption is on and this context holds no key: sealed values cannot be read, sensitive writes are refused. */
export function isLocked(): boolean {
  return state.enabled && !state.key;
}

export function requireUnlocked(): void {
  if (isLocked()) throw new LockedError();
}

export function setTxCrypto(idbTransaction: object, c: TxCrypto): void {
  overrides.set(idbTransaction, c);
}

export function txCrypto(idbTransaction: object | undefined): TxCrypto {
  const o = idbTransaction && overrides.get(idbTransaction);
  return o || { enabled: state.enabled, readKey: state.key, writeKey: state.key };
}

export function keyMatches(config: CryptoConfig, key: Uint8Array): boolean {
  try {
    return openText(key, config.check) === CHECK_PLAINTEXT;
  } catch {
    return false;
  }
}
