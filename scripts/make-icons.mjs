#!/usr/bin/env node
// Draws Carnet's icon (a notebook with a bookmark ribbon) as PNGs at each size the stores ask for (Chrome: 16,
// 32, 48, 128; Firefox: 48 and 96 besides): no image tool needed. Each pixel averages 4×4 samples (smooth
// edges); the 128 px one keeps its artwork inside the central 96 px, as the Chrome Web Store asks.
import fs from 'node:fs';
import zlib from 'node:zlib';

function crc32(buf) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
const SS = 4;
function png(size, pixel, inset = 0) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  const art = size - 2 * inset;
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      // Premultiplied average of the samples, so transparent edges do not darken.
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < SS; sy++)
        for (let sx = 0; sx < SS; sx++) {
          const [pr, pg, pb, pa] = pixel((x - inset + (sx + 0.5) / SS) / art, (y - inset + (sy + 0.5) / SS) / art);
          r += pr * pa;
          g += pg * pa;
          b += pb * pa;
          a += pa;
        }
      const out = a === 0 ? [0, 0, 0, 0] : [Math.round(r / a), Math.round(g / a), Math.round(b / a), Math.round(a / (SS * SS))];
      raw.set(out, y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
function icon(u, v) {
  if (u < 0 || u > 1 || v < 0 || v > 1) return [0, 0, 0, 0];
  const inCover = u > 0.14 && u < 0.86 && v > 0.08 && v < 0.92;
  const r = 0.1;
  const corner = (cx, cy) => (u - cx) ** 2 + (v - cy) ** 2 > r * r;
  if (!inCover) return [0, 0, 0, 0];
  if (
    (u < 0.24 && v < 0.18 && corner(0.24, 0.18)) ||
    (u > 0.76 && v < 0.18 && corner(0.76, 0.18)) ||
    (u < 0.24 && v > 0.82 && corner(0.24, 0.82)) ||
    (u > 0.76 && v > 0.82 && corner(0.76, 0.82))
  )
    return [0, 0, 0, 0];
  if (u > 0.58 && u < 0.72 && v < 0.5 && !(v > 0.4 && Math.abs(u - 0.65) < (v - 0.4) * 0.7)) return [245, 158, 11, 255];
  if (u < 0.26) return [8, 70, 135, 255];
  if (u > 0.34 && u < 0.52 && ((v > 0.3 && v < 0.34) || (v > 0.42 && v < 0.46))) return [255, 255, 255, 230];
  return [11, 92, 173, 255];
}
fs.mkdirSync('public/icon', { recursive: true });
const ICON_SIZES = [16, 32, 48, 96, 128];
for (const s of ICON_SIZES) fs.writeFileSync(`public/icon/${s}.png`, png(s, icon, s === 128 ? 16 : 0));
console.log('icons written to public/icon/');
