/**
 * A UUIDv7-shaped id derived from a key (pure, synchronous): the same key gives the same id on every device, so
 * two devices recording the same workflow proposal write one record, which sync merges field by field.
 * Not time-ordered and not secret: 122 bits from four 32-bit FNV-1a/murmur3-mixed hashes of the key.
 */
function hash32(key: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export function derivedId(key: string): string {
  const hex = [0x9e3779b9, 0x7f4a7c15, 0x94d049bb, 0x2545f491].map((s) => hash32(key, s).toString(16).padStart(8, '0')).join('');
  // version 7 in the 13th digit, variant 10xx in the 17th
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
