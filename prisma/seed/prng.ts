/**
 * Small seeded random source for the demo seed, on the library's generator (app/lib/forecasting/prng.ts:
 * mulberry32 and Box–Muller normals). Its test pins the first draws, so the demo data changes only when a
 * change there is meant to. Never calls Math.random.
 */
import { gaussian, mulberry32 } from "../../app/lib/forecasting";

/** FNV-1a 32-bit hash of a string, used to derive independent sub-seeds ("demand:v12:l1"). */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Convenience wrapper with the draws the generator needs. */
export class Rng {
  private readonly u: () => number;
  private readonly z: () => number;

  constructor(seed: number) {
    this.u = mulberry32(seed);
    this.z = gaussian(this.u);
  }

  /** Independent stream derived from a base seed and a label. */
  static derive(seed: number, label: string): Rng {
    return new Rng((hash32(label) ^ Math.imul(seed >>> 0, 0x9e3779b1)) >>> 0);
  }

  next(): number {
    return this.u();
  }

  /** Uniform in [lo, hi). */
  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.u();
  }

  /** Integer uniform in [lo, hi] inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.u() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.u() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError("pick requires a non-empty array");
    return items[Math.floor(this.u() * items.length)];
  }

  /** Weighted pick: weights need not sum to 1. */
  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.u() * total;
    for (let i = 0; i < items.length; i++) {
      r -= weights[i];
      if (r < 0) return items[i];
    }
    return items[items.length - 1];
  }

  /** Fisher–Yates shuffle of a copy. */
  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.u() * (i + 1));
      const t = out[i];
      out[i] = out[j];
      out[j] = t;
    }
    return out;
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    return this.z();
  }

  /** Poisson draw (Knuth for small means, normal approximation above 30). */
  poisson(mean: number): number {
    if (!(mean > 0)) return 0;
    if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.normal()));
    const limit = Math.exp(-mean);
    let k = 0;
    let p = this.u();
    while (p > limit) {
      k++;
      p *= this.u();
    }
    return k;
  }

  /** Gamma(shape, 1) draw (Marsaglia–Tsang), mean = shape. */
  gamma(shape: number): number {
    if (shape < 1) return this.gamma(shape + 1) * Math.pow(this.u() || 1e-12, 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.u();
      if (u < 1 - 0.0331 * x * x * x * x) return d * v;
      if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
    }
  }

  /** Hex string of n characters (for barcodes / ids). */
  digits(n: number): string {
    let s = "";
    for (let i = 0; i < n; i++) s += Math.floor(this.u() * 10).toString();
    return s;
  }
}
