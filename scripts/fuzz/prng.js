// A small seeded PRNG (mulberry32) and the helpers the mutators draw from. The same (seed, case)
// always gives the same stream, so a failing case can be rebuilt from its two numbers.

/** mulberry32: 32-bit state, period 2^32, good enough to pick mutations. */
function mulberry32(state) {
  let a = state >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes a seed and a number into one 32-bit state (so case 7 of seed 1 differs from case 1 of seed 7). */
function mix(seed, n) {
  let h = (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul((n + 1) >>> 0, 0x85ebca6b)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d) >>> 0;
  h ^= h >>> 15;
  return h >>> 0;
}

/** A random source with the helpers mutators need. */
function makeRng(seed, n) {
  const next = mulberry32(mix(seed, n));
  const rng = {
    next,
    /** An integer in [0, n). */
    int: (n) => Math.floor(next() * n),
    /** An integer in [lo, hi]. */
    range: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
    /** A shuffled copy (Fisher-Yates). */
    shuffle: (list) => {
      const copy = [...list];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy;
    },
  };
  return rng;
}

module.exports = { mulberry32, mix, makeRng };
