/** Undoing the outlier cap of prepareSeries where totals must see what was really sold (ADR 028). */
import type { CappedPoint } from "./prepare";

/**
 * Adds back what the outlier cap removed, spread evenly: at each origin t, the capped-off units of the
 * last `window` periods before t ÷ the known periods among them. The cap keeps one huge order from
 * moving the level; spreading its excess keeps the long-run total unbiased (a spike's mass recurs at its
 * average rate, as Croston 1972 spreads order sizes over intervals). Units per period. O(n).
 * @example withCappedExcess(rate, y, [{ index: 3, original: 50, capped: 10 }], 0, 182) // +40 ÷ known periods from t = 4 on
 */
export function withCappedExcess(rate: Float64Array, y: Float64Array, capped: readonly CappedPoint[], offset: number, window: number): Float64Array {
  if (capped.length === 0) return rate;
  const n = y.length;
  const excess = new Float64Array(n + 1);
  const known = new Float64Array(n + 1);
  for (const c of capped) excess[c.index - offset + 1] += c.original - c.capped;
  for (let t = 0; t < n; t++) {
    excess[t + 1] += excess[t];
    known[t + 1] = known[t] + (y[t] === y[t] ? 1 : 0);
  }
  const out = new Float64Array(rate);
  for (let t = 1; t <= n; t++) {
    const a = Math.max(0, t - window);
    const k = known[t] - known[a];
    if (k > 0 && out[t] === out[t]) out[t] += (excess[t] - excess[a]) / k;
  }
  return out;
}

/** The prepared series with the outlier cap undone (what was really sold): the totals' errors must see every spike. */
export function uncapped(y: Float64Array, capped: readonly CappedPoint[], offset: number): number[] {
  const out = Array.from(y);
  for (const c of capped) out[c.index - offset] = c.original;
  return out;
}
