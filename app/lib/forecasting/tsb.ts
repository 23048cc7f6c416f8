/**
 * TSB (Teunter–Syntetos–Babai) method: smooths the probability of demand every period, so the
 * forecast decays towards zero when a product stops selling (obsolescence).
 */
import { countPositive } from "./intermittent";
import { checkHorizon, residualIntervals } from "./numeric";
import { DEFAULT_LEVELS, type Forecast, type ForecastOptions, type ModelFit, type ModelSpec } from "./types";

/** Options for {@link fitTsb}. */
export interface TsbOptions {
  /** Smoothing constant for demand size, in (0, 1]. Default 0.1. */
  alpha?: number;
  /** Smoothing constant for demand probability, in (0, 1]. Default 0.1. */
  beta?: number;
}

/** Fit of TSB. */
export interface TsbFit extends ModelFit {
  params: { alpha: number; beta: number; probability: number; size: number; rate: number };
}

/**
 * Fits TSB: every known period p ← p + β(1[y>0] − p); on demand z ← z + α(y − z);
 * rate = p·z per period. Initial p = share of non-zero known periods, z = first non-zero size.
 * Reference: Teunter, Syntetos & Babai (2011), EJOR 214(3).
 * @example fitTsb([0, 3, 0, 3]).params.rate // ≈ 1.5
 */
export function fitTsb(y: ArrayLike<number>, opts: TsbOptions = {}): TsbFit {
  const alpha = opts.alpha ?? 0.1;
  const beta = opts.beta ?? 0.1;
  if (!(alpha > 0 && alpha <= 1)) throw new RangeError("alpha must be in (0, 1]");
  if (!(beta > 0 && beta <= 1)) throw new RangeError("beta must be in (0, 1]");
  if (countPositive(y) < 1) throw new RangeError("tsb requires at least one non-zero observation");
  const n = y.length;
  let known = 0;
  let nz = 0;
  let z = NaN;
  for (let t = 0; t < n; t++) {
    const v = y[t];
    if (v !== v) continue;
    known++;
    if (v > 0) {
      nz++;
      if (z !== z) z = v;
    }
  }
  let p = nz / known;
  const fitted = new Array<number>(n);
  const residuals = new Array<number>(n);
  for (let t = 0; t < n; t++) {
    const f = p * z;
    fitted[t] = f;
    const v = y[t];
    residuals[t] = v - f;
    if (v !== v) continue;
    if (v > 0) {
      p += beta * (1 - p);
      z += alpha * (v - z);
    } else p -= beta * p;
  }
  return { method: "tsb", params: { alpha, beta, probability: p, size: z, rate: p * z }, fitted, residuals };
}

/**
 * Forecasts TSB flat at p·z; intervals from one-step residual quantiles (no stochastic model).
 * @example forecastTsb(fitTsb([0, 3, 0, 3]), 2).mean
 */
export function forecastTsb(fit: TsbFit, h: number, opts: ForecastOptions = {}): Forecast {
  checkHorizon(h);
  const mean = new Array<number>(h).fill(fit.params.rate);
  return { method: fit.method, mean, intervals: residualIntervals(mean, fit.residuals, opts.levels ?? DEFAULT_LEVELS) };
}

/**
 * One-shot TSB forecast.
 * @example tsb([0, 3, 0, 3], 2).mean // [1.527, 1.527]
 */
export function tsb(y: ArrayLike<number>, h: number, opts: TsbOptions & ForecastOptions = {}): Forecast {
  return forecastTsb(fitTsb(y, opts), h, opts);
}

/**
 * TSB as a ModelSpec.
 * @example tsbSpec().name // "tsb"
 */
export function tsbSpec(opts: TsbOptions = {}): ModelSpec<TsbFit> {
  return {
    name: "tsb",
    fit: (y) => fitTsb(y, opts),
    forecast: forecastTsb,
    refilter: (f, y) => fitTsb(y, { alpha: f.params.alpha, beta: f.params.beta }),
  };
}
