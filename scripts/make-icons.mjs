#!/usr/bin/env node
// Draws Carnet's icon (a notebook with a bookmark ribbon) as PNGs at each size: no image tool needed.
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
function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel((x + 0.5) / size, (y + 0.5) / size);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
function icon(u, v) {
  const inCover = u > 0.14 && u < 0.86 && v > 0.08 && v < 0.92;
  const r = 0.1;
  const corner = (cx, cy) => (u - cx) ** 2 + (v - cy) ** 2 > r * r;
  if (!inCover) return [0, 0, 0, 0];
  if ((u < 0.24 && v < 0.18 && corner(0.24, 0.18)) || (u > 0.76 && v < 0.18 && corner(0.76, 0.18)) || (u < 0.24 && v > 0.82 && corner(0.24, 0.82)) || (u > 0.76 && v > 0.82 && corner(0.76, 0.82))) return [0, 0, 0, 0];
  if (u > 0.58 && u < 0.72 && v < 0.5 && !(v > 0.4 && Math.abs(u - 0.65) < (v - 0.4) * 0.7)) return [245, 158, 11, 255];
  if (u < 0.26) return [8, 70, 135, 255];
  if (u > 0.34 && u < 0.52 && ((v > 0.3 && v < 0.34) || (v > 0.42 && v < 0.46))) return [255, 255, 255, 230];
  return [11, 92, 173, 255];
}
fs.mkdirSync('public/icon', { recursive: true });
for (const s of [16, 32, 48, 128]) fs.writeFileSync(`public/icon/${s}.png`, png(s, icon));
console.log('icons written to public/icon/');
