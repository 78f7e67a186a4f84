#!/usr/bin/env node
// Generates the app and .som file icons (PNG + ICO with embedded PNGs) without any image library.
// Deterministic: `node build/make-icons.mjs` rewrites build/icon.png, build/icon.ico,
// build/som-file.ico and build/icons/<n>x<n>.png.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const here = path.dirname(fileURLToPath(import.meta.url));

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
function ico(pngs) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(pngs.length, 4);
  const dir = Buffer.alloc(16 * pngs.length);
  let offset = 6 + dir.length;
  pngs.forEach(({ size, data }, i) => {
    const o = i * 16;
    dir[o] = size >= 256 ? 0 : size;
    dir[o + 1] = size >= 256 ? 0 : size;
    dir.writeUInt16LE(1, o + 4); // planes
    dir.writeUInt16LE(32, o + 6); // bpp
    dir.writeUInt32LE(data.length, o + 8);
    dir.writeUInt32LE(offset, o + 12);
    offset += data.length;
  });
  return Buffer.concat([header, dir, ...pngs.map((p) => p.data)]);
}

/** Renders a shape function (u,v in 0..1 → [r,g,b,a] or null) with 4×4 supersampling. */
function render(size, shade) {
  const out = Buffer.alloc(size * size * 4);
  const S = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const c = shade((x + (sx + 0.5) / S) / size, (y + (sy + 0.5) / S) / size);
          if (c) {
            const al = c[3] / 255;
            r += c[0] * al; g += c[1] * al; b += c[2] * al; a += al;
          }
        }
      }
      const i = (y * size + x) * 4;
      const n = S * S;
      out[i] = a ? Math.round(r / a) : 0;
      out[i + 1] = a ? Math.round(g / a) : 0;
      out[i + 2] = a ? Math.round(b / a) : 0;
      out[i + 3] = Math.round((a / n) * 255);
    }
  }
  return out;
}

const inRoundRect = (u, v, x0, y0, x1, y1, r) => {
  if (u < x0 || u > x1 || v < y0 || v > y1) return false;
  const cx = Math.min(Math.max(u, x0 + r), x1 - r);
  const cy = Math.min(Math.max(v, y0 + r), y1 - r);
  return (u - cx) ** 2 + (v - cy) ** 2 <= r * r;
};

// App icon: a teal rounded square with three rising white bars (cost → savings over the years).
const TEAL = [0, 105, 120, 255];
const WHITE = [255, 255, 255, 255];
const AMBER = [255, 196, 61, 255];
function appShade(u, v) {
  if (!inRoundRect(u, v, 0.04, 0.04, 0.96, 0.96, 0.2)) return null;
  const bars = [
    [0.22, 0.62, WHITE],
    [0.42, 0.46, WHITE],
    [0.62, 0.28, AMBER],
  ];
  for (const [x, top, col] of bars) if (inRoundRect(u, v, x, top, x + 0.16, 0.8, 0.03)) return col;
  if (u > 0.16 && u < 0.84 && v > 0.8 && v < 0.84) return WHITE;
  return TEAL;
}
// File icon: a white page with a folded corner and the same bars, small.
function fileShade(u, v) {
  const cut = u > 0.62 && v < 0.06 + (u - 0.62); // the cut-off corner
  const inPage = u > 0.16 && u < 0.84 && v > 0.06 && v < 0.94 && !cut;
  if (!inPage) return null;
  // The folded-over corner: a grey triangle below the diagonal.
  if (u > 0.62 && v < 0.28 && v >= 0.06 + (u - 0.62)) return v - 0.06 - (u - 0.62) < 0.02 ? [120, 135, 140, 255] : [200, 210, 214, 255];
  const edge = u < 0.18 || (u > 0.82 && v > 0.28) || v > 0.92 || (v < 0.08 && u < 0.62);
  if (edge) return [120, 135, 140, 255];
  const bars = [
    [0.28, 0.66, TEAL],
    [0.44, 0.54, TEAL],
    [0.6, 0.42, AMBER],
  ];
  for (const [x, top, col] of bars) if (u > x && u < x + 0.12 && v > top && v < 0.82) return col;
  return WHITE;
}

const sizes = [16, 24, 32, 48, 64, 128, 256, 512];
mkdirSync(path.join(here, 'icons'), { recursive: true });
const appPngs = new Map(sizes.map((s) => [s, png(s, render(s, appShade))]));
for (const s of sizes) writeFileSync(path.join(here, 'icons', `${s}x${s}.png`), appPngs.get(s));
writeFileSync(path.join(here, 'icon.png'), appPngs.get(512));
writeFileSync(path.join(here, 'icon.ico'), ico([16, 24, 32, 48, 64, 128, 256].map((s) => ({ size: s, data: appPngs.get(s) }))));
writeFileSync(path.join(here, 'som-file.ico'), ico([16, 32, 48, 256].map((s) => ({ size: s, data: png(s, render(s, fileShade)) }))));
writeFileSync(path.join(here, 'som-file.png'), png(256, render(256, fileShade)));
console.log('icons: ok');
