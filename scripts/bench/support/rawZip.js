// Zip packages written byte by byte, so a test or a bench can make exactly the damage it needs
// (a wrong CRC, a missing part, a size that lies, a zip bomb) around real workbook parts.
// A plain script: used by the benches (Node, no build) and by the tests (types in rawZip.d.ts).
const zlib = require("zlib");
const JSZip = require("jszip");

function asBuffer(content) {
  return typeof content === "string" ? Buffer.from(content, "utf8") : Buffer.from(content);
}

/** A member deflated from its content, with true CRC and size. */
function deflated(name, content) {
  const data = asBuffer(content);
  return { name, stored: zlib.deflateRawSync(data), method: 8, crc32: zlib.crc32(data), uncompressedSize: data.length };
}

/** A member stored without compression, with true CRC and size. */
function stored(name, content) {
  const data = asBuffer(content);
  return { name, stored: data, method: 0, crc32: zlib.crc32(data), uncompressedSize: data.length };
}

/** The members of a real package (e.g. one ExcelJS wrote), as plain content by name. */
async function unzipParts(bytes) {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map();
  for (const f of Object.values(zip.files)) if (!f.dir) parts.set(f.name, await f.async("nodebuffer"));
  return parts;
}

/** Local headers, data, central directory and end record, as a zip writer lays them out. */
function writeZip(members) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const m of members) {
    const name = Buffer.from(m.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(m.method, 8);
    local.writeUInt32LE(m.crc32 >>> 0, 14);
    local.writeUInt32LE(m.stored.length, 18);
    local.writeUInt32LE(m.uncompressedSize >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(m.method, 10);
    central.writeUInt32LE(m.crc32 >>> 0, 16);
    central.writeUInt32LE(m.stored.length, 20);
    central.writeUInt32LE(m.uncompressedSize >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(m.stored));
    centrals.push(central, name);
    offset += 30 + name.length + m.stored.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(members.length, 8);
  end.writeUInt16LE(members.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const MB = 1024 * 1024;

/**
 * A deflate stream that inflates to `megabytes` MB of the byte `fill`, built without ever holding
 * that much: one fully flushed 1 MB block (self-contained, so it can be repeated) times the count,
 * then an empty final block. At about 1000:1, 3 GB takes 3 MB.
 */
function repeatedDeflate(megabytes, fill = 0x20) {
  const block = zlib.deflateRawSync(Buffer.alloc(MB, fill), { finishFlush: zlib.constants.Z_FULL_FLUSH });
  const finalEmptyBlock = Buffer.from([0x03, 0x00]);
  return Buffer.concat([...Array.from({ length: megabytes }, () => block), finalEmptyBlock]);
}

/**
 * An honest zip bomb member: `megabytes` MB of spaces (4095 at most: plain zip sizes are 32-bit),
 * with its true size and CRC, so a reader that trusts it inflates all of it.
 */
function bombMember(name, megabytes, fill = 0x20) {
  const chunk = Buffer.alloc(MB, fill);
  let crc = 0;
  for (let i = 0; i < megabytes; i++) crc = zlib.crc32(chunk, crc);
  return { name, stored: repeatedDeflate(megabytes, fill), method: 8, crc32: crc, uncompressedSize: megabytes * MB };
}

module.exports = { deflated, stored, unzipParts, writeZip, repeatedDeflate, bombMember };
