/**
 * Small numeric helpers shared by the models (internal; not exported from index.ts).
 */

/**
 * Standard normal quantile Φ⁻¹(p) by Acklam's rational approximation (relative error < 1.2e-9). Reference: P. J. Acklam (2003), "An algorithm for computing the
 * inverse normal cumulative distribution function".
 * @example normalQuantile(0.975) // ≈ 1.959964
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError("p must be between 0 and 1 exclusive");
  const a = [
    -3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239,
  ];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [
    -7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783,
  ];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const pl = 0.02425;
  let x: number;
  if (p < pl) {
    const q = Math.sqrt(-2 * Math.log(p));
    x =
      (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  } else if (p <= 1 - pl) {
    const q = p - 0.5;
    const r = q * q;
    x =
      ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
      (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x =
      -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  return x;
}

/**
 * Complementary error function (Numerical Recipes 3rd ed. §6.2.2 Chebyshev fit, |rel err| < 1.2e-7).
 * @example erfc(0) // 1
 */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))))
    );
  return x >= 0 ? r : 2 - r;
}

/**
 * Standard normal CDF Φ(x) = erfc(−x/√2)/2 (Abramowitz & Stegun 7.1.2).
 * @example normalCdf(0) // 0.5
 */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}

/**
 * Sample quantile, R type 7 (linear interpolation between order statistics; Hyndman & Fan 1996).
 * `sorted` must be ascending and non-empty.
 * @example quantileSorted([1, 2, 3, 4], 0.5) // 2.5
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 1) return sorted[0];
  const pos = (n - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * Finite values of `y` copied into a new Float64Array.
 * @example finiteValues([1, NaN, 2]) // Float64Array [1, 2]
 */
export function finiteValues(y: ArrayLike<number>): Float64Array {
  let k = 0;
  for (let i = 0; i < y.length; i++) if (Number.isFinite(y[i])) k++;
  const out = new Float64Array(k);
  k = 0;
  for (let i = 0; i < y.length; i++) if (Number.isFinite(y[i])) out[k++] = y[i];
  return out;
}

/**
 * Mean of the finite values of y[from..to) (NaN when there are none).
 * @example finiteMean([1, NaN, 3]) // 2
 */
export function finiteMean(y: ArrayLike<number>, from = 0, to = y.length): number {
  let s = 0;
  let k = 0;
  for (let i = Math.max(0, from); i < to; i++) {
    const v = y[i];
    if (v === v) {
      s += v;
      k++;
    }
  }
  return k > 0 ? s / k : NaN;
}

/**
 * Number of finite values in y.
 * @example countFinite([1, NaN, 3]) // 2
 */
export function countFinite(y: ArrayLike<number>): number {
  let k = 0;
  for (let i = 0; i < y.length; i++) if (y[i] === y[i]) k++;
  return k;
}

/**
 * Validates a horizon: a positive integer.
 * @example checkHorizon(0) // throws RangeError "horizon must be a positive integer"
 */
export function checkHorizon(h: number): void {
  if (!Number.isInteger(h) || h < 1) throw new RangeError("horizon must be a positive integer");
}

/**
 * Validates interval levels and returns them sorted ascending.
 * @example checkLevels([0.95, 0.8]) // [0.8, 0.95]
 */
export function checkLevels(levels: readonly number[]): number[] {
  for (const l of levels) {
    if (!(l > 0 && l < 1)) throw new RangeError("levels must be between 0 and 1 exclusive");
  }
  return [...levels].sort((a, b) => a - b);
}

/**
 * Converts a typed array or array-like to a plain number[] (for serialisable output).
 * @example toArray(new Float64Array([1, 2])) // [1, 2]
 */
export function toArray(a: ArrayLike<number>): number[] {
  return Array.prototype.slice.call(a) as number[];
}

/**
 * Normal prediction intervals mean ± z·sd per step, lower clipped at 0 (demand is non-negative).
 * `sd[h]` is the forecast standard deviation at step h.
 * @example normalIntervals([10], [2], [0.95])[0].upper[0] // 13.92
 */
export function normalIntervals(mean: readonly number[], sd: ArrayLike<number>, levels: readonly number[]) {
  return checkLevels(levels).map((level) => {
    const z = normalQuantile(0.5 + level / 2);
    const lower = new Array<number>(mean.length);
    const upper = new Array<number>(mean.length);
    for (let h = 0; h < mean.length; h++) {
      const w = z * sd[h];
      lower[h] = Math.max(0, mean[h] - w);
      upper[h] = mean[h] + w;
    }
    return { level, lower, upper };
  });
}

/**
 * Empirical intervals from one-step residuals: mean + residual quantiles (R type 7), the same
 * width at every step, clipped at 0. Used by models without a stochastic model (Croston, TSB,
 * moving average); forecastSeries replaces them with rolling-origin quantiles.
 * @example residualIntervals([5], [-1, 0, 1, 2], [0.5])[0].upper[0] // 6.25
 */
export function residualIntervals(mean: readonly number[], residuals: ArrayLike<number>, levels: readonly number[]) {
  const r = finiteValues(residuals).sort();
  const sorted = checkLevels(levels);
  return sorted.map((level) => {
    const lo = r.length > 0 ? quantileSorted(r, 0.5 - level / 2) : 0;
    const hi = r.length > 0 ? quantileSorted(r, 0.5 + level / 2) : 0;
    const lower = new Array<number>(mean.length);
    const upper = new Array<number>(mean.length);
    for (let h = 0; h < mean.length; h++) {
      lower[h] = Math.max(0, Math.min(mean[h], mean[h] + Math.min(lo, 0)));
      upper[h] = mean[h] + Math.max(hi, 0);
    }
    return { level, lower, upper };
  });
}

/**
 * Student-t quantile t_{ν}(p) by the Cornish–Fisher expansion around the normal quantile
 * (Abramowitz & Stegun 26.7.5); accurate to ~1e-3 for ν ≥ 3, used for small-sample inflation.
 * @example studentQuantile(0.95, 10) // ≈ 1.812
 */
export function studentQuantile(p: number, nu: number): number {
  if (!(nu > 0)) throw new RangeError("degrees of freedom must be positive");
  const z = normalQuantile(p);
  const z2 = z * z;
  const g1 = (z2 * z + z) / 4;
  const g2 = (5 * z2 * z2 * z + 16 * z2 * z + 3 * z) / 96;
  const g3 = (3 * z2 * z2 * z2 * z + 19 * z2 * z2 * z + 17 * z2 * z - 15 * z) / 384;
  const g4 = (79 * z2 * z2 * z2 * z2 * z + 776 * z2 * z2 * z2 * z + 1482 * z2 * z2 * z - 1920 * z2 * z - 945 * z) / 92160;
  return z + g1 / nu + g2 / nu ** 2 + g3 / nu ** 3 + g4 / nu ** 4;
}
