// Reads a PNG's structure with Node's zlib, independently of scripts/make-icons.js.
import * as zlib from "zlib";

export interface PngInfo {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  /** Decompressed scanlines (filter byte + pixels per row). */
  pixels: Buffer;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Parses and checks a PNG: signature, chunk CRCs, IHDR first, IEND last, IDAT inflating to the right size. */
export function readPng(data: Buffer): PngInfo {
  if (!data.subarray(0, 8).equals(SIGNATURE)) throw new Error("not a PNG signature");
  let offset = 8;
  const chunks: { type: string; body: Buffer }[] = [];
  while (offset < data.length) {
    const length = data.readUInt32BE(offset);
    const type = data.toString("ascii", offset + 4, offset + 8);
    const body = data.subarray(offset + 8, offset + 8 + length);
    const crc = data.readUInt32BE(offset + 8 + length);
    if (zlib.crc32(data.subarray(offset + 4, offset + 8 + length)) !== crc) throw new Error(`bad CRC in ${type}`);
    chunks.push({ type, body });
    offset += 12 + length;
  }
  if (chunks[0]?.type !== "IHDR") throw new Error("IHDR is not first");
  if (chunks[chunks.length - 1]?.type !== "IEND") throw new Error("IEND is not last");
  const ihdr = chunks[0].body;
  const info = {
    width: ihdr.readUInt32BE(0),
    height: ihdr.readUInt32BE(4),
    bitDepth: ihdr[8],
    colorType: ihdr[9],
  };
  const pixels = zlib.inflateSync(Buffer.concat(chunks.filter((c) => c.type === "IDAT").map((c) => c.body)));
  const channels = { 0: 1, 2: 3, 4: 2, 6: 4 }[info.colorType as 0 | 2 | 4 | 6];
  if (info.bitDepth !== 8 || !channels) throw new Error("unexpected PNG format");
  if (pixels.length !== info.height * (1 + info.width * channels)) throw new Error("pixel data of the wrong size");
  return { ...info, pixels };
}
