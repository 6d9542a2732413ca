// Byte-level mutators: the package's raw bytes flipped, cut short, zeroed or followed by garbage.
// Each returns the damaged bytes and a detail naming exactly what was done.

const byteMutators = [
  {
    name: "bytes.flip",
    build(rng, seed) {
      const out = Buffer.from(seed);
      const count = rng.range(1, 8);
      const at = [];
      for (let i = 0; i < count; i++) {
        const pos = rng.int(out.length);
        const bit = rng.int(8);
        out[pos] ^= 1 << bit;
        at.push(`${pos}:${bit}`);
      }
      return { bytes: out, detail: `flipped bits (offset:bit) ${at.join(" ")}` };
    },
  },
  {
    name: "bytes.truncate",
    build(rng, seed) {
      const keep = rng.range(0, seed.length - 1);
      // A cut package has lost its central directory: it can only be refused.
      return { bytes: seed.subarray(0, keep), detail: `kept the first ${keep} of ${seed.length} bytes`, expectExit: [2] };
    },
  },
  {
    name: "bytes.zero-range",
    build(rng, seed) {
      const out = Buffer.from(seed);
      const len = rng.range(1, Math.min(4096, out.length));
      const start = rng.int(out.length - len + 1);
      out.fill(0, start, start + len);
      return { bytes: out, detail: `zeroed bytes ${start}..${start + len - 1}` };
    },
  },
  {
    name: "bytes.append-garbage",
    build(rng, seed) {
      const len = rng.pick([1, 22, 100, 4096, 65536]);
      const garbage = Buffer.alloc(len);
      for (let i = 0; i < len; i++) garbage[i] = rng.int(256);
      // An end-of-central-directory signature inside the garbage makes the tail look like a second zip.
      if (len >= 22 && rng.chance(0.5)) garbage.writeUInt32LE(0x06054b50, len - 22);
      return { bytes: Buffer.concat([seed, garbage]), detail: `appended ${len} random bytes` };
    },
  },
];

module.exports = { byteMutators };
