import { getDb } from '../db/db';
import { canonicalLinkedin } from '../import/values';

/** The identifier as it is hashed: lower-cased e-mail, or canonical LinkedIn profile URL. */
export function normalizeIdentifier(emailOrUrl: string): string | null {
  const v = emailOrUrl.trim();
  if (!v) return null;
  if (v.includes('@') && !/^https?:/i.test(v)) return v.toLowerCase();
  return canonicalLinkedin(v);
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function suppressionHash(emailOrUrl: string): Promise<string | null> {
  const n = normalizeIdentifier(emailOrUrl);
  return n ? sha256Hex(n) : null;
}

/** True when this e-mail or profile belongs to an erased person: recognition must not silently recreate them. */
export async function isSuppressed(emailOrUrl: string): Promise<boolean> {
  const hash = await suppressionHash(emailOrUrl);
  return hash ? isSuppressedHash(hash) : false;
}

/** The database half of isSuppressed, for a hash computed beforehand (a Dexie live query must not await WebCrypto). */
export async function isSuppressedHash(hash: string): Promise<boolean> {
  return (await getDb().suppressions.get(hash)) !== undefined;
}
