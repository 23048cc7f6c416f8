/**
 * Simple exponential smoothing, Holt (damped) and Holt–Winters as ETS models with fixed
 * components (the style guide's "variants are compositions": no separate recursions).
 */
import { etsSpec, fitEts, forecastEts, type EtsFit, type EtsForecastOptions } from "./ets";
import type { Forecast, ModelSpec } from "./types";

/**
 * SES = ETS(A,N,N): ℓ_t = ℓ_{t−1} + α(y_t − ℓ_{t−1}); flat forecast ℓ_n; α and ℓ₀ by maximum
 * likelihood. Reference: Hyndman et al. (2008) §2.3; FPP3 §8.1.
 * @example fitSes([3, 4, 3, 5, 4]).params.alpha
 */
export function fitSes(y: ArrayLike<number>): EtsFit {
  return fitEts(y, { form: { error: "A", trend: "N", season: "N" } });
}

/**
 * Holt's linear method with a damped trend = ETS(A,Ad,N): forecast ℓ + (φ+…+φ^h)b.
 * Reference: Gardner & McKenzie (1985); Hyndman et al. (2008) §2.4.
 * @example fitHolt([1, 2, 3, 4, 5, 6]).params.phi
 */
export function fitHolt(y: ArrayLike<number>, damped = true): EtsFit {
  return fitEts(y, { form: { error: "A", trend: damped ? "Ad" : "A", season: "N" } });
}

/**
 * Holt–Winters = ETS(A,A,A) (additive) or ETS(M,A,M) (multiplicative season), period m.
 * Reference: Winters (1960); Hyndman et al. (2008) §2.5.
 * @example fitHoltWinters(y, 7, "additive").method // "ets(A,A,A)"
 */
export function fitHoltWinters(
  y: ArrayLike<number>,
  period = 7,
  seasonality: "additive" | "multiplicative" = "additive",
  damped = false
): EtsFit {
  const mult = seasonality === "multiplicative";
  return fitEts(y, { period, form: { error: mult ? "M" : "A", trend: damped ? "Ad" : "A", season: mult ? "M" : "A" } });
}

/**
 * One-shot SES forecast (fitSes + forecastEts).
 * @example ses([3, 4, 3, 5, 4], 2).mean // two equal values near 4
 */
export function ses(y: ArrayLike<number>, h: number, opts: EtsForecastOptions = {}): Forecast {
  return forecastEts(fitSes(y), h, opts);
}

/**
 * One-shot damped Holt forecast.
 * @example holt([1, 2, 3, 4, 5, 6], 3).mean // rising, flattening with φ
 */
export function holt(y: ArrayLike<number>, h: number, opts: EtsForecastOptions = {}): Forecast {
  return forecastEts(fitHolt(y), h, opts);
}

/**
 * One-shot Holt–Winters forecast.
 * @example holtWinters(dailySales, 14, { period: 7 }).mean // weekday pattern continues
 */
export function holtWinters(
  y: ArrayLike<number>,
  h: number,
  opts: EtsForecastOptions & { period?: number; seasonality?: "additive" | "multiplicative" } = {}
): Forecast {
  return forecastEts(fitHoltWinters(y, opts.period ?? 7, opts.seasonality ?? "additive"), h, opts);
}

/**
 * SES as a ModelSpec.
 * @example sesSpec.fit([3, 4, 3, 5]).method // "ets(A,N,N)"
 */
export const sesSpec: ModelSpec<EtsFit> = { ...etsSpec({ form: { error: "A", trend: "N", season: "N" } }), name: "ses" };

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
