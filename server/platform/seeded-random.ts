/**
 * A small seeded random generator (mulberry32): numbers in [0, 1) that are the
 * same on every machine for the same seed — the demo world, the benchmarks'
 * fixtures and the tests' labelled sets are made with it.
 */
export function seededRandom(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
