import type { Table } from 'dexie';
import { getDb } from './db';
import { bytesToB64, b64ToBytes, sealText } from '../crypto/cipher';
import { SENSITIVE_TABLES, SYNC_REJECTED_META_KEY, mapRow } from '../crypto/fields';
import { refreshLiveQueries, writeSession } from '../crypto/install';
import {
  CHECK_PLAINTEXT,
  CRYPTO_META_KEY,
  CryptoConfig,
  WrongPassphraseError,
  cryptoState,
  keyMatches,
  setCryptoState,
  setTxCrypto,
  type TxCrypto,
} from '../crypto/state';

/**
 * Optional at-rest protection (off by default) of free text and phone numbers: a passphrase gives an AES-256 key
 * through PBKDF2-SHA-256 (600 000 iterations, OWASP 2023, WebCrypto); the storage middleware (middleware.ts)
 * seals and opens the fields. A key-check value tells a wrong passphrase before anything is read or written.
 * Enabling, disabling and changing the passphrase rewrite every affected row in one transaction: all or nothing.
 */
export const PBKDF2_ITERATIONS = 600_000;
export const MIN_PASSPHRASE_LENGTH = 10;

export type CryptoStatus = 'off' | 'locked' | 'unlocked';

export interface ProgressOptions {
  /** Rows rewritten so far out of the rows to rewrite. */
  onProgress?: (done: number, total: number) => void;
}

async function deriveKey(passphrase: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
  return new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations }, base, 256));
}

async function readConfig(): Promise<CryptoConfig | null> {
  const raw = (await getDb().meta.get(CRYPTO_META_KEY))?.value;
  return raw === undefined ? null : CryptoConfig.parse(raw);
}

async function newConfig(passphrase: string): Promise<{ key: Uint8Array; config: CryptoConfig }> {
  checkPassphrase(passphrase);
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const key = await deriveKey(passphrase, salt, PBKDF2_ITERATIONS);
  return { key, config: { v: 1, kdf: 'PBKDF2-SHA-256', iterations: PBKDF2_ITERATIONS, salt: bytesToB64(salt), check: sealText(key, CHECK_PLAINTEXT) } };
}

/** The key for this passphrase, or WrongPassphraseError; reads only the configuration. */
async function keyFor(passphrase: string): Promise<{ key: Uint8Array; config: CryptoConfig }> {
  const config = await readConfig();
  if (!config) throw new Error('Encryption is not enabled.');
  const key = await deriveKey(passphrase, b64ToBytes(config.salt), config.iterations);
  if (!keyMatches(config, key)) throw new WrongPassphraseError();
  return { key, config };
}

export function checkPassphrase(passphrase: string): void {
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) throw new Error(`The passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters.`);
}

/** 0 (weak) to 4 (strong): length and variety of characters, for the hint beside the field. Not a guarantee. */
export function passphraseStrength(passphrase: string): 0 | 1 | 2 | 3 | 4 {
  const len = [...passphrase].length;
  if (len < MIN_PASSPHRASE_LENGTH) return 0;
  const classes = [/\p{Ll}/u, /\p{Lu}/u, /\p{N}/u, /[^\p{L}\p{N}]/u].filter((r) => r.test(passphrase)).length;
  const words = passphrase.trim().split(/\s+/).length;
  let score = 1;
  if (len >= 14) score++;
  if (len >= 20 || words >= 4) score++;
  if (classes >= 3) score++;
  return Math.min(score, 4) as 1 | 2 | 3 | 4;
}

/** The state of this context (the database must have been opened once: getCryptoStatus() does it). */
export function cryptoStatusNow(): CryptoStatus {
  const s = cryptoState();
  return !s.enabled ? 'off' : s.key ? 'unlocked' : 'locked';
}

export async function getCryptoStatus(): Promise<CryptoStatus> {
  await getDb().open();
  return cryptoStatusNow();
}

function publish(enabled: boolean, key: Uint8Array | null): Promise<void> {
  setCryptoState({ enabled, key });
  refreshLiveQueries();
  return writeSession({ enabled, key: key ? bytesToB64(key) : null });
}

export async function unlock(passphrase: string): Promise<void> {
  const { key } = await keyFor(passphrase);
  await publish(true, key);
}

/** Forgets the key in every context of the extension; sealed fields read as locked until the next unlock. */
export async function lock(): Promise<void> {
  await getDb().open();
  if (!cryptoState().enabled) return;
  await publish(true, null);
}

const hasText = (table: string, row: unknown) => {
  let found = false;
  mapRow(table, row, (s) => ((found = true), s));
  return found;
};

/**
 * Rewrites, in one read-write transaction, every row `needs` picks (it sees rows as this transaction reads them,
 * already opened with its read key), under the given crypto of that transaction
 * (read with one key, write with another or in clear), then runs `finish` in the same transaction.
 */
async function rewriteAll(
  c: TxCrypto,
  needs: (table: string, row: unknown) => boolean,
  finish: () => Promise<unknown>,
  opts: ProgressOptions,
): Promise<number> {
  const db = getDb();
  await db.open();
  const tables: Table[] = [...SENSITIVE_TABLES.map((t) => db.table(t)), db.outbox, db.audit, db.meta];
  let total = 0;
  await db.transaction('rw', tables, async (tx) => {
    setTxCrypto(tx.idbtrans, c);
    const work: [Table, unknown[]][] = [];
    for (const t of tables) {
      const rows = t === db.meta ? [await db.meta.get(SYNC_REJECTED_META_KEY)].filter(Boolean) : await t.toArray();
      const picked = rows.filter((r) => needs(t.name, r));
      if (picked.length) work.push([t, picked]);
      total += picked.length;
    }
    let done = 0;
    opts.onProgress?.(0, total);
    for (const [t, rows] of work) {
      for (let i = 0; i < rows.length; i += 1000) {
        const chunk = rows.slice(i, i + 1000);
        await t.bulkPut(chunk);
        done += chunk.length;
        opts.onProgress?.(done, total);
      }
    }
    await finish();
  });
  return total;
}

/** Turns encryption on and seals every stored sensitive value; leaves this browser unlocked. */
export async function enableEncryption(passphrase: string, opts: ProgressOptions = {}): Promise<{ rows: number }> {
  if (await readConfig()) throw new Error('Encryption is already enabled.');
  const { key, config } = await newConfig(passphrase);
  const rows = await rewriteAll(
    { enabled: true, readKey: null, writeKey: key },
    hasText,
    async () => {
      if (await getDb().meta.get(CRYPTO_META_KEY)) throw new Error('Encryption is already enabled.');
      await getDb().meta.put({ key: CRYPTO_META_KEY, value: config });
    },
    opts,
  );
  await publish(true, key);
  return { rows };
}

/** Turns encryption off: checks the passphrase, then writes every sealed value back in clear. */
export async function disableEncryption(passphrase: string, opts: ProgressOptions = {}): Promise<{ rows: number }> {
  const { key } = await keyFor(passphrase);
  // Other contexts stop sealing first (they still open sealed values): nothing sealed can land after the rewrite.
  await publish(false, key);
  try {
    const rows = await rewriteAll({ enabled: false, readKey: key, writeKey: null }, hasText, () => getDb().meta.delete(CRYPTO_META_KEY), opts);
    await publish(false, null);
    return { rows };
  } catch (e) {
    await publish(true, key);
    throw e;
  }
}

/** Re-seals everything under a new passphrase (new salt, new key); the old passphrase no longer opens anything. */
export async function changePassphrase(current: string, next: string, opts: ProgressOptions = {}): Promise<{ rows: number }> {
  const { key: oldKey } = await keyFor(current);
  const { key, config } = await newConfig(next);
  // Other contexts lock meanwhile: a value sealed with the old key after the rewrite could never be opened again.
  await publish(true, null);
  try {
    const rows = await rewriteAll(
      { enabled: true, readKey: oldKey, writeKey: key },
      hasText,
      () => getDb().meta.put({ key: CRYPTO_META_KEY, value: config }),
      opts,
    );
    await publish(true, key);
    return { rows };
  } catch (e) {
    await publish(true, oldKey);
    throw e;
  }
}
