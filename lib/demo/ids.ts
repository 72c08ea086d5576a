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
  campaignStats: 10,
  agencyPlans: 11,
} as const;
export type DemoEntity = keyof typeof ENTITY_CODE;

export const MAX_ACCOUNT_INDEX = 0xffffff;
export const MAX_SUB_INDEX = 0xfffff;

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const hex32 = (n: number) => HEX[(n >>> 24) & 255]! + HEX[(n >>> 16) & 255]! + HEX[(n >>> 8) & 255]! + HEX[n & 255]!;
const hex16 = (n: number) => HEX[(n >>> 8) & 255]! + HEX[n & 255]!;

export function demoId(ms: number, entity: DemoEntity, accountIndex: number, sub: number, seedHash: number): string {
  if (accountIndex < 0 || accountIndex > MAX_ACCOUNT_INDEX) throw new RangeError(`account index ${accountIndex} out of range`);
  if (sub < 0 || sub > MAX_SUB_INDEX) throw new RangeError(`sub-index ${sub} out of range`);
  const t = Math.max(0, Math.min(Math.floor(ms), 2 ** 48 - 1));
  const tHi = Math.floor(t / 2 ** 32);
  const tLo = t >>> 0;
  const randA = (ENTITY_CODE[entity] << 8) | (seedHash & 0xff);
  // rand_b (62 bits) = account index (24) | sub-index (20) | seed bits (18); top two bits are the variant 10.
  const hi = (0x80000000 | (accountIndex << 6) | (sub >>> 14)) >>> 0;
  const lo = (((sub & 0x3fff) << 18) | ((seedHash >>> 8) & 0x3ffff)) >>> 0;
  return `${hex16(tHi)}${hex16(tLo >>> 16)}-${hex16(tLo)}-${hex16(0x7000 | randA)}-${hex16(hi >>> 16)}-${hex16(hi)}${hex32(lo)}`;
}
