// Writes the add-in's icons (assets/icon-16.png … icon-128.png): a red rounded square with a
// white check mark. PNGs are encoded here with zlib, so no image library is needed.
// Run: node scripts/make-icons.js
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80, 128];
const BACKGROUND = [198, 40, 40]; // #C62828
const MARK = [255, 255, 255];
const CHECK = [
  [0.24, 0.53],
  [0.42, 0.71],
  [0.77, 0.32],
];
const STROKE = 0.065; // half the check mark's width, as a share of the icon
const RADIUS = 0.2; // corner radius

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An RGBA PNG from a function giving [r, g, b, a] (0–255) per pixel. */
function encodePng(size, pixel) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    const row = y * (size * 4 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < size; x++) raw.set(pixel(x, y), row + 1 + x * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function distanceToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function insideRoundedSquare(u, v) {
  const cx = Math.min(Math.max(u, RADIUS), 1 - RADIUS);
  const cy = Math.min(Math.max(v, RADIUS), 1 - RADIUS);
  return Math.hypot(u - cx, v - cy) <= RADIUS;
}

function onCheckMark(u, v) {
  return distanceToSegment(u, v, CHECK[0], CHECK[1]) <= STROKE || distanceToSegment(u, v, CHECK[1], CHECK[2]) <= STROKE;
}

/** Colour of one pixel, 4×4 supersampled for smooth edges. */
function iconPixel(size) {
  const n = 4;
  return (x, y) => {
    let square = 0;
    let mark = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const u = (x + (i + 0.5) / n) / size;
        const v = (y + (j + 0.5) / n) / size;
        if (!insideRoundedSquare(u, v)) continue;
        square++;
        if (onCheckMark(u, v)) mark++;
      }
    }
    if (square === 0) return [0, 0, 0, 0];
    const share = mark / square;
    const rgb = BACKGROUND.map((c, k) => Math.round(c * (1 - share) + MARK[k] * share));
    return [...rgb, Math.round((255 * square) / (n * n))];
  };
}

/** The icon of one size, as PNG bytes. */
function drawIcon(size) {
  return encodePng(size, iconPixel(size));
}

function main() {
  const dir = path.join(__dirname, "..", "assets");
  fs.mkdirSync(dir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(dir, `icon-${size}.png`);
    fs.writeFileSync(file, drawIcon(size));
    console.log(`${path.relative(process.cwd(), file)} (${size}×${size})`);
  }
}

if (require.main === module) main();

module.exports = { drawIcon, SIZES };
