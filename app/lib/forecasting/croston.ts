/**
 * Croston's method for intermittent demand, with the SBA and SBJ bias corrections as a variant.
 */
import { countPositive } from "./intermittent";
import { checkHorizon, residualIntervals } from "./numeric";
import { DEFAULT_LEVELS, type Forecast, type ForecastOptions, type ModelFit, type ModelSpec } from "./types";

/** Croston variant: classic (Croston 1972), SBA (Syntetos & Boylan 2005), SBJ (Shale, Boylan & Johnston 2006). */
export type CrostonVariant = "classic" | "sba" | "sbj";

/** Options for {@link fitCroston}. */
export interface CrostonOptions {
  /** Smoothing constant for both sizes and intervals, in (0, 1]. Default 0.1 (R `croston()`). */
  alpha?: number;
  /** Bias correction. Default "classic". */
  variant?: CrostonVariant;
}

/** Fit of Croston's method. */
export interface CrostonFit extends ModelFit {
  params: { alpha: number; size: number; interval: number; factor: number; rate: number };
  variant: CrostonVariant;
}

/**
 * Bias factor applied to size/interval: 1, 1 − α/2 (SBA), 1 − α/(2 − α) (SBJ).
 * @example crostonFactor("sba", 0.1) // 0.95
 */
export function crostonFactor(variant: CrostonVariant, alpha: number): number {
  return variant === "sba" ? 1 - alpha / 2 : variant === "sbj" ? 1 - alpha / (2 - alpha) : 1;
}

/**
 * Fits Croston's method: SES (initialised at the first value, as R) separately on non-zero demand
 * sizes z and on intervals p between them (in periods); rate per period = factor · ẑ / p̂.
 * Unknown (NaN) periods are skipped. Units: demand per period.
 * Reference: Croston (1972) Oper. Res. Q. 23(3); Syntetos & Boylan (2005) IJF 21(2) for SBA;
 * R forecast `croston2`.
 * @example fitCroston([0, 2, 0, 0, 4, 0]).params.rate // 2.2 / 2.1 = 1.0476 (sizes 2 → 2.2, intervals 2 → 2.1)
 */
export function fitCroston(y: ArrayLike<number>, opts: CrostonOptions = {}): CrostonFit {
  const alpha = opts.alpha ?? 0.1;
  const variant = opts.variant ?? "classic";
  if (!(alpha > 0 && alpha <= 1)) throw new RangeError("alpha must be in (0, 1]");
  if (countPositive(y) < 2) throw new RangeError("croston requires at least two non-zero observations");
  const factor = crostonFactor(variant, alpha);
  const n = y.length;
  const fitted = new Array<number>(n);
  const residuals = new Array<number>(n);
  let z = NaN;
  let p = NaN;
  let gap = 0;
  for (let t = 0; t < n; t++) {
    // before the first demand R's croston() forecasts 0 (NaN only at t = 0, with no data)
    const f = z === z ? (factor * z) / p : t === 0 ? NaN : 0;
    fitted[t] = f;
    const v = y[t];
    residuals[t] = v - f;
    if (v !== v) continue;
    gap++;
    if (v > 0) {
      if (z !== z) {
        z = v;
        p = gap;
      } else {
        z += alpha * (v - z);
        p += alpha * (gap - p);
      }
      gap = 0;
    }
  }
  const name = variant === "classic" ? "croston" : `croston-${variant}`;
  return { method: name, variant, params: { alpha, size: z, interval: p, factor, rate: (factor * z) / p }, fitted, residuals };
}

/**
 * Forecasts Croston flat at the smoothed rate; Croston has no stochastic model, so intervals
 * are empirical quantiles of one-step residuals (forecastSeries replaces them with rolling-origin
 * quantiles). Units: demand per period.
 * @example forecastCroston(fitCroston([0, 2, 0, 0, 4, 0]), 3).mean // three equal values
 */
export function forecastCroston(fit: CrostonFit, h: number, opts: ForecastOptions = {}): Forecast {
  checkHorizon(h);
  const mean = new Array<number>(h).fill(fit.params.rate);
  return { method: fit.method, mean, intervals: residualIntervals(mean, fit.residuals, opts.levels ?? DEFAULT_LEVELS) };
}

/**
 * One-shot Croston forecast (see {@link fitCroston}).
 * @example croston([0, 2, 0, 0, 4, 0], 3, { variant: "sba" }).mean // [0.9952, 0.9952, 0.9952]
 */
export function croston(y: ArrayLike<number>, h: number, opts: CrostonOptions & ForecastOptions = {}): Forecast {
  return forecastCroston(fitCroston(y, opts), h, opts);
}

/**
 * Croston (with variant) as a ModelSpec.
 * @example crostonSpec({ variant: "sba" }).name // "croston-sba"
 */
export function crostonSpec(opts: CrostonOptions = {}): ModelSpec<CrostonFit> {
  const v = opts.variant ?? "classic";
  return {
    name: v === "classic" ? "croston" : `croston-${v}`,
    fit: (y) => fitCroston(y, opts),
    forecast: forecastCroston,
    refilter: (f, y) => fitCroston(y, { alpha: f.params.alpha, variant: f.variant }),
  };
}
