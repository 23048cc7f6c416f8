/**
 * Simple exponential smoothing with a fixed α: the level model forecastSeries selects by rolling-origin
 * error (ADR 011). Likelihood-fitted ETS forms were removed (ADR 029): the product never reached them.
 */

/**
 * Fast SES pass with a fixed α and the first known value as ℓ₀ (Brown 1959; R
 * `ses(initial = "simple")`): writes the one-step forecasts ℓ_{t−1} into `out` (NaN before the
 * first known value) and returns the final level. Unknown (NaN) periods leave the level unchanged.
 * Used by forecastSeries, where α is chosen by rolling-origin error rather than likelihood.
 * @example sesPass([2, 4], 0.5, new Float64Array(2)) // 3
 */
export function sesPass(y: ArrayLike<number>, alpha: number, out: Float64Array): number {
  let l = NaN;
  for (let t = 0; t < y.length; t++) {
    out[t] = l;
    const v = y[t];
    if (v !== v) continue;
    if (l !== l) l = v;
    else l += alpha * (v - l);
  }
  return l;
}
