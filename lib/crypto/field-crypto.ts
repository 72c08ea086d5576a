import * as z from 'zod/mini';
import { getDb } from '../db/db';

/**
 * Optional at-rest protection of free-text fields (off by default). A passphrase gives an AES-GCM-256 key
 * through PBKDF2-SHA-256 (600 000 iterations, OWASP 2023); a key-check value detects a wrong passphrase
 * before anything is decrypted or written. Names and e-mails stay clear so search and matching work.
 * The key lives only in memory (non-extractable CryptoKey); the panel asks for the passphrase to unlock.
 */
export const CRYPTO_META_KEY = 'crypto.config';
export const PBKDF2_ITERATIONS = 600_000;
const PREFIX = 'enc:v1:';
const CHECK_PLAINTEXT = 'carnet-key-check-v1';

/** Fields encrypted per table. Phones are not: the Phone schema only accepts phone characters (see report). */
export const SENSITIVE_FIELDS = {
  contacts: ['notes'],
  accounts: ['notes'],
  interactions: ['summary'],
  tasks: ['notes'],
  deals: ['notes'],
  surveys: ['comment'],
} as const;
export type SensitiveTable = keyof typeof SENSITIVE_FIELDS;

const CryptoConfig = z.object({
  v: z.literal(1),
  kdf: z.literal('PBKDF2-SHA-256'),
  iterations: z.number().check(z.int(), z.gte(310_000)),
  salt: z.string(),
  check: z.string(),
});
type CryptoConfig = z.infer<typeof CryptoConfig>;

export class WrongPassphraseError extends Error {
  constructor() {
    super('Wrong passphrase: nothing was decrypted or changed.');
    this.name = 'WrongPassphraseError';
  }
}
export class LockedError extends Error {
  constructor() {
    super('Encrypted data is locked: unlock with the passphrase first.');
    this.name = 'LockedError';
  }
}

let key: CryptoKey | null = null;

const toB64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromB64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

async function deriveKey(passphrase: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

async function encryptWith(k: CryptoKey, plaintext: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ct = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, k, new TextEncoder().encode(plaintext)));
  const out = new Uint8Array(iv.length + ct.length);
  out.set(iv);
  out.set(ct, iv.length);
  return PREFIX + toB64(out);
}

async function decryptWith(k: CryptoKey, value: string): Promise<string> {
  const bytes = fromB64(value.slice(PREFIX.length));
  const pt = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: bytes.subarray(0, 12) }, k, bytes.subarray(12));
  return new TextDecoder().decode(pt);
}

export function isEncrypted(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(PREFIX);
}

async function readConfig(): Promise<CryptoConfig | null> {
  const raw = (await getDb().meta.get(CRYPTO_META_KEY))?.value;
  if (raw === undefined) return null;
  return CryptoConfig.parse(raw);
}

export async function encryptionEnabled(): Promise<boolean> {
  return (await readConfig()) !== null;
}

export function isUnlocked(): boolean {
  return key !== null;
}

export function lock(): void {
  key = null;
}

/** Checks the passphrase against the key-check value; on success the key is kept in memory. */
export async function unlock(passphrase: string): Promise<void> {
  const config = await readConfig();
  if (!config) throw new Error('Encryption is not enabled.');
  const k = await deriveKey(passphrase, fromB64(config.salt), config.iterations);
  try {
    if ((await decryptWith(k, config.check)) !== CHECK_PLAINTEXT) throw new WrongPassphraseError();
  } catch {
    throw new WrongPassphraseError();
  }
  key = k;
}

/** Encrypts a text (null/empty stays as is; already encrypted text is not encrypted twice). */
export async function encryptField(value: string | null): Promise<string | null> {
  if (value === null || value === '' || isEncrypted(value)) return value;
  if (!key) throw new LockedError();
  return encryptWith(key, value);
}

/** Decrypts a value written by encryptField; clear text passes through (data from before encryption). */
export async function decryptField(value: string | null): Promise<string | null> {
  if (!isEncrypted(value)) return value;
  if (!key) throw new LockedError();
  return decryptWith(key, value);
}

async function mapFields(table: SensitiveTable, row: Record<string, unknown>, f: (v: string | null) => Promise<string | null>) {
  const out = { ...row };
  for (const field of SENSITIVE_FIELDS[table]) {
    const v = out[field];
    if (typeof v === 'string' || v === null) out[field] = await f(v);
  }
  return out;
}

/** For the write path: a validated record's sensitive fields, encrypted, just before it is stored. */
export async function encryptRecordFields<T extends object>(table: SensitiveTable, record: T): Promise<T> {
  if (!(await encryptionEnabled())) return record;
  return (await mapFields(table, record as Record<string, unknown>, encryptField)) as T;
}

/** For readers: a stored record with its sensitive fields decrypted. */
export async function decryptRecordFields<T extends object>(table: SensitiveTable, record: T): Promise<T> {
  return (await mapFields(table, record as Record<string, unknown>, decryptField)) as T;
}

/**
 * Turns encryption on: derives the key, stores salt, iteration count and key-check value, then encrypts the
 * sensitive fields of every stored record in one transaction (a change of storage form, not of content:
 * no new HLC stamp, no outbox entry). Leaves the key unlocked.
 */
export async function enableEncryption(passphrase: string): Promise<{ encrypted: Record<SensitiveTable, number> }> {
  if (await encryptionEnabled()) throw new Error('Encryption is already enabled.');
  if (passphrase.length < 8) throw new Error('The passphrase needs at least 8 characters.');
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const k = await deriveKey(passphrase, salt, PBKDF2_ITERATIONS);
  const config: CryptoConfig = { v: 1, kdf: 'PBKDF2-SHA-256', iterations: PBKDF2_ITERATIONS, salt: toB64(salt), check: await encryptWith(k, CHECK_PLAINTEXT) };
  const db = getDb();
  const tables = Object.keys(SENSITIVE_FIELDS) as SensitiveTable[];
  // WebCrypto promises would end an IndexedDB transaction: encrypt first, then write everything in one go.
  const prepared = new Map<SensitiveTable, Record<string, unknown>[]>();
  const counts = {} as Record<SensitiveTable, number>;
  const previous = key;
  key = k;
  try {
    await encryptAll();
  } catch (e) {
    key = previous;
    throw e;
  }
  return { encrypted: counts };

  async function encryptAll(): Promise<void> {
  for (const t of tables) {
    const rows = (await db.table(t).toArray()) as Record<string, unknown>[];
    const changed: Record<string, unknown>[] = [];
    for (const r of rows) {
      const next = await mapFields(t, r, encryptField);
      if (SENSITIVE_FIELDS[t].some((f) => next[f] !== r[f])) changed.push(next);
    }
    prepared.set(t, changed);
    counts[t] = changed.length;
  }
  await db.transaction('rw', [...tables.map((t) => db.table(t)), db.meta], async () => {
    for (const [t, rows] of prepared) if (rows.length) await db.table(t).bulkPut(rows);
    await db.meta.put({ key: CRYPTO_META_KEY, value: config });
  });
  }
}

/*
 * Wiring into the write path (lib/db/write.ts), when encryption is enabled:
 * - insert/update: validate with the schema on clear text first (lengths apply to what the user typed), then
 *   `await encryptRecordFields(table, record)` BEFORE opening the Dexie transaction (WebCrypto promises end an
 *   IndexedDB transaction), and store that. update() must decrypt the existing row the same way before merging,
 *   and record clear-text diffs in the audit log only if the audit table is also encrypted (else store {} there).
 * - readers (repository functions) call `decryptRecordFields` on rows they return; locked → show "locked" text.
 * - backups hold the encrypted form; restore validates the envelope only for encrypted fields (they exceed
 *   text limits once encrypted), so the restore path should skip length checks on values that isEncrypted().
 * Phones stay clear: the Phone schema accepts only phone characters; encrypting them needs the schema to accept
 * the `enc:v1:` envelope too.
 */
