import { gcm } from '@noble/ciphers/aes.js';

/**
 * Synchronous AES-256-GCM over strings, for the storage middleware: WebCrypto's promises would end the IndexedDB
 * transaction the value is written in, so values are sealed with @noble/ciphers (audited, pure JS, no deps).
 * An envelope is `enc:v1:` + base64(12-byte random IV ‖ ciphertext ‖ 16-byte tag): the same bytes WebCrypto's
 * AES-GCM gives, so either implementation opens the other's envelopes.
 */
export const ENVELOPE_PREFIX = 'enc:v1:';
const IV_BYTES = 12;

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

function toB64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromB64(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export const bytesToB64 = toB64;
export const b64ToBytes = fromB64;

export function isSealed(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(ENVELOPE_PREFIX);
}

export function sealText(key: Uint8Array, plaintext: string): string {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const ct = gcm(key, iv).encrypt(encoder.encode(plaintext));
  const out = new Uint8Array(IV_BYTES + ct.length);
  out.set(iv);
  out.set(ct, IV_BYTES);
  return ENVELOPE_PREFIX + toB64(out);
}

/** Throws when the key is not the one that sealed it, or the envelope was altered. */
export function openText(key: Uint8Array, envelope: string): string {
  const bytes = fromB64(envelope.slice(ENVELOPE_PREFIX.length));
  return decoder.decode(gcm(key, bytes.subarray(0, IV_BYTES)).decrypt(bytes.subarray(IV_BYTES)));
}
