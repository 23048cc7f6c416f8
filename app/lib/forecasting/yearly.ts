/**
 * Yearly seasonality by the previous-year seasonal index, for series with at least two years.
 */

/** Settings of the previous-year index (plain data; stored in the lead-time basis). */
export interface YearlySpec {
  /** Periods per year: 364 on daily data (keeps weekdays aligned), 52 on weekly data. */
  periodsPerYear: number;
  /** Half-width of the window around the same date last year (periods). */
  halfWindow: number;
  /** Length of the window matched to the current level (periods before the origin, last year). */
  levelWindow: number;
  /** Shrinkage constant added to both means (units per period). */
  shrink: number;
}

/**
 * Prefix sums of known values and counts (NaN = unknown).
 * @example knownPrefix([1, NaN, 2]).sum // Float64Array [0, 1, 1, 3]
 */
export function knownPrefix(y: ArrayLike<number>): { sum: Float64Array; count: Float64Array } {
  const n = y.length;
  const sum = new Float64Array(n + 1);
  const count = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    const v = y[i];
    const k = v === v;
    sum[i + 1] = sum[i] + (k ? v : 0);
    count[i + 1] = count[i] + (k ? 1 : 0);
  }
  return { sum, count };
}

/**
 * Previous-year index for the forecast made at origin t (data before t) for period t + j:
 * I = (m₁ + c)/(m₀ + c), where m₁ is last year's mean around the same date (t + j − P ± halfWindow)
 * and m₀ last year's mean over the levelWindow periods before t − P (the window the current level
 * reflects); c shrinks towards 1; clamped to [0.2, 5]. Returns 1 when last year is not available.
 * Reference: classical ratio-to-moving-average seasonal index (Makridakis, Wheelwright & Hyndman,
 * *Forecasting: Methods and Applications*, 3rd ed., §4/3), applied year over year.
 * @example yearlyIndex(knownPrefix(y), 730, 0, { periodsPerYear: 364, halfWindow: 14, levelWindow: 28, shrink: 1 })
 */
export function yearlyIndex(p: { sum: Float64Array; count: Float64Array }, t: number, j: number, s: YearlySpec): number {
  const P = s.periodsPerYear;
  const a = t + j - P - s.halfWindow;
  const b = t + j - P + s.halfWindow + 1;
  const c0 = t - P - s.levelWindow;
  const c1 = t - P;
  if (c0 < 0 || a < 0 || b > t) return 1;
  const n1 = p.count[b] - p.count[a];
  const n0 = p.count[c1] - p.count[c0];
  if (n1 === 0 || n0 === 0) return 1;
  const m1 = (p.sum[b] - p.sum[a]) / n1;
  const m0 = (p.sum[c1] - p.sum[c0]) / n0;
  const r = (m1 + s.shrink) / (m0 + s.shrink);
  return Math.min(5, Math.max(0.2, r));
}
