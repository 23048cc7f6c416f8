/**
 * Series preparation: a dense calendar, censored (stock-out / closed) days as unknown demand,
 * leading zeros trimmed, extreme outliers capped with the rule reported back.
 */
import { quantileSorted } from "./numeric";

/**
 * Puts sparse (day, qty) observations on an unbroken calendar from `firstDay` to `lastDay`
 * (inclusive, integer day numbers), filling missing days with 0 and summing duplicates.
 * Units: the input's (units per day). Complexity O(days + observations).
 * @example densify([0, 2], [5, 1], 0, 3) // Float64Array [5, 0, 1, 0]
 */
export function densify(day: ArrayLike<number>, qty: ArrayLike<number>, firstDay: number, lastDay: number): Float64Array {
  if (day.length !== qty.length) throw new RangeError("day and qty must have the same length");
  if (!(lastDay >= firstDay)) throw new RangeError("lastDay must not be before firstDay");
  const out = new Float64Array(lastDay - firstDay + 1);
  for (let i = 0; i < day.length; i++) {
    const k = day[i] - firstDay;
    if (k < 0 || k >= out.length || !Number.isInteger(k)) throw new RangeError("day outside the calendar");
    out[k] += qty[i];
  }
  return out;
}

/** Options for {@link prepareSeries}. */
export interface PrepareOptions {
  /** Truthy where stock was out: observed sales are a lower bound, so demand is unknown (NaN). */
  stockoutMask?: ArrayLike<boolean | number>;
  /** Truthy where the shop was closed (e.g. Christmas): no demand information (NaN). */
  closedMask?: ArrayLike<boolean | number>;
  /** Drop the zeros before the first sale. Default true. */
  trimLeadingZeros?: boolean;
  /** Outlier cap multiplier k of the rule below; 0 disables capping. Default 5. */
  outlierK?: number;
}

/** One capped observation. */
export interface CappedPoint {
  /** Index in the original (untrimmed) series. */
  index: number;
  /** Observed value. */
  original: number;
  /** Value used for fitting. */
  capped: number;
}

/** Output of {@link prepareSeries}. */
export interface PreparedSeries {
  /** Demand per period used for fitting; NaN = unknown (censored or closed). Starts at the first sale. */
  values: Float64Array;
  /** Index of values[0] in the input (number of leading periods trimmed). */
  offset: number;
  /** Outlier cap applied to non-zero values (Infinity when none). */
  cap: number;
  /** The observations that were capped. */
  capped: CappedPoint[];
  /** Count of unknown periods (censored or closed) in `values`. */
  unknown: number;
}

/**
 * Prepares a demand series for fitting.
 * 1. Censoring: periods flagged in `stockoutMask` or `closedMask` become NaN (unknown demand,
 *    excluded from fitting and error statistics, never zero). Negative values are invalid.
 * 2. Leading zeros (and unknowns) before the first sale are trimmed.
 * 3. Outlier cap (a documented, robust rule): with q50, q75 the median and upper quartile of the
 *    non-zero values, cap = max(q75 + k·(q75 − q25), q50·k, 2nd-largest non-zero when fewer than 5);
 *    values above it are replaced by it (Tukey 1977 fences on the non-zero sizes; k = 5 keeps
 *    ordinary variation and cuts single huge orders). Reported in `capped`.
 * Units: demand per period. Complexity O(n log n) (quantiles of non-zero values).
 * @example prepareSeries([0, 0, 3, 1, 0, 2]).values // [3, 1, 0, 2], offset 2
 */
export function prepareSeries(y: ArrayLike<number>, opts: PrepareOptions = {}): PreparedSeries {
  const n = y.length;
  const { stockoutMask, closedMask } = opts;
  if (stockoutMask && stockoutMask.length !== n) throw new RangeError("stockoutMask must have the same length as the series");
  if (closedMask && closedMask.length !== n) throw new RangeError("closedMask must have the same length as the series");
  const trim = opts.trimLeadingZeros ?? true;
  const k = opts.outlierK ?? 5;
  if (!(k >= 0)) throw new RangeError("outlierK must be non-negative");
  const work = new Float64Array(n);
  let first = -1;
  for (let i = 0; i < n; i++) {
    let v = y[i];
    if (v < 0) throw new RangeError("demand must be non-negative");
    if ((stockoutMask && stockoutMask[i]) || (closedMask && closedMask[i])) v = NaN;
    work[i] = v;
    if (first < 0 && v > 0) first = i;
  }
  const offset = trim ? (first < 0 ? n : first) : 0;
  const values = work.slice(offset);
  let unknown = 0;
  let nz = 0;
  for (let i = 0; i < values.length; i++) {
    if (values[i] !== values[i]) unknown++;
    else if (values[i] > 0) nz++;
  }
  const capped: CappedPoint[] = [];
  let cap = Infinity;
  if (k > 0 && nz >= 3) {
    const sizes = new Float64Array(nz);
    let j = 0;
    for (let i = 0; i < values.length; i++) if (values[i] > 0) sizes[j++] = values[i];
    sizes.sort();
    const q25 = quantileSorted(sizes, 0.25);
    const q50 = quantileSorted(sizes, 0.5);
    const q75 = quantileSorted(sizes, 0.75);
    cap = Math.max(q75 + k * (q75 - q25), q50 * k);
    if (nz < 5) cap = Math.max(cap, sizes[nz - 2]);
    for (let i = 0; i < values.length; i++) {
      if (values[i] > cap) {
        capped.push({ index: i + offset, original: values[i], capped: cap });
        values[i] = cap;
      }
    }
  }
  return { values, offset, cap, capped, unknown };
}
