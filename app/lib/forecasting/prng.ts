/**
 * Seeded pseudo-random numbers (the library never calls Math.random).
 */

/**
 * mulberry32: a 32-bit seeded generator returning uniforms in [0, 1).
 * Reference: T. Ettinger, "mulberry32" (public domain, 2017); passes PractRand to 2^32.
 * @example const u = mulberry32(42); u(); // 0.6011...
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Standard normal draws from a uniform generator by the Box–Muller transform
 * (Box & Muller 1958, Ann. Math. Statist. 29(2)).
 * @example const z = gaussian(mulberry32(1)); z(); // one N(0,1) draw
 */
export function gaussian(uniform: () => number): () => number {
  let spare = NaN;
  return () => {
    if (spare === spare) {
      const s = spare;
      spare = NaN;
      return s;
    }
    let u = uniform();
    while (u <= 1e-300) u = uniform();
    const v = uniform();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
}
