/**
 * Deterministic UUIDv7-shaped ids: the 48-bit timestamp is when the thing happened (so ids sort by time),
 * and the 74 other bits encode (entity, account index, sub-index, seed) so ids never collide within a seed.
 */

export const ENTITY_CODE = {
  accounts: 1,
  contacts: 2,
  interactions: 3,
  orders: 4,
  deals: 5,
  tasks: 6,
  surveys: 7,
  segments: 8,
  feedback: 9,
} as const;
export type DemoEntity = keyof typeof ENTITY_CODE;

export const MAX_ACCOUNT_INDEX = 0xffffff;
export const MAX_SUB_INDEX = 0xfffff;

export function demoId(ms: number, entity: DemoEntity, accountIndex: number, sub: number, seedHash: number): string {
  if (accountIndex < 0 || accountIndex > MAX_ACCOUNT_INDEX) throw new RangeError(`account index ${accountIndex} out of range`);
  if (sub < 0 || sub > MAX_SUB_INDEX) throw new RangeError(`sub-index ${sub} out of range`);
  const t = Math.max(0, Math.min(Math.floor(ms), 2 ** 48 - 1));
  const randA = (ENTITY_CODE[entity] << 8) | (seedHash & 0xff);
  // rand_b (62 bits) = account index (24) | sub-index (20) | seed bits (18); top two bits are the variant 10.
  const hi = ((0x80000000 | (accountIndex << 6) | (sub >>> 14)) >>> 0).toString(16).padStart(8, '0');
  const lo = ((((sub & 0x3fff) << 18) | ((seedHash >>> 8) & 0x3ffff)) >>> 0).toString(16).padStart(8, '0');
  const ts = t.toString(16).padStart(12, '0');
  return `${ts.slice(0, 8)}-${ts.slice(8)}-7${randA.toString(16).padStart(3, '0')}-${hi.slice(0, 4)}-${hi.slice(4)}${lo}`;
}
