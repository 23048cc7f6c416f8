/**
 * Seasonal naive forecast: each future period equals the last observed value one season earlier.
 */
import { checkHorizon, normalIntervals } from "./numeric";
import { DEFAULT_LEVELS, type Forecast, type ForecastOptions, type ModelFit, type ModelSpec } from "./types";

/** Fit of the seasonal naive method. */
export interface SeasonalNaiveFit extends ModelFit {
  params: { period: number; sigma2: number };
  /** Last known value per phase, ordered so lastSeason[0] is the phase of the first forecast step. */
  lastSeason: number[];
}

/**
 * Fits seasonal naive with period m: ŷ_{t+1} = y_{t+1−m} (the latest known value of that phase).
 * σ² = mean squared seasonal difference. Reference: FPP3 §5.2.
 * @example fitSeasonalNaive([1, 2, 3, 4, 5, 6, 7, 8], 7).lastSeason[0] // 2 (the value one week before step 1)
 */
export function fitSeasonalNaive(y: ArrayLike<number>, period = 7): SeasonalNaiveFit {
  if (!Number.isInteger(period) || period < 1) throw new RangeError("period must be a positive integer");
  const n = y.length;
  const phase = new Float64Array(period).fill(NaN);
  const fitted = new Array<number>(n);
  const residuals = new Array<number>(n);
  let ss = 0;
  let k = 0;
  for (let t = 0; t < n; t++) {
    const p = t % period;
    fitted[t] = phase[p];
    residuals[t] = y[t] - phase[p];
    if (residuals[t] === residuals[t]) {
      ss += residuals[t] * residuals[t];
      k++;
    }
    if (y[t] === y[t]) phase[p] = y[t];
  }
  let any = false;
  for (let p = 0; p < period; p++) if (phase[p] === phase[p]) any = true;
  if (!any) throw new RangeError("seasonal naive requires at least one observation");
  const lastSeason = new Array<number>(period);
  for (let i = 0; i < period; i++) {
    const v = phase[(n + i) % period];
    lastSeason[i] = v === v ? v : 0;
  }
  return { method: "snaive", params: { period, sigma2: k > 0 ? ss / k : 0 }, lastSeason, fitted, residuals };
}

/**
 * Forecasts seasonal naive: mean_h = lastSeason[(h−1) mod m]; sd_h = σ√(⌊(h−1)/m⌋+1). FPP3 Table 5.2.
 * @example forecastSeasonalNaive(fitSeasonalNaive([1, 2, 3], 2), 2).mean // [2, 3]
 */
export function forecastSeasonalNaive(fit: SeasonalNaiveFit, h: number, opts: ForecastOptions = {}): Forecast {
  checkHorizon(h);
  const m = fit.params.period;
  const mean = Array.from({ length: h }, (_, i) => Math.max(0, fit.lastSeason[i % m]));
  const sd = Float64Array.from({ length: h }, (_, i) => Math.sqrt(fit.params.sigma2 * (Math.floor(i / m) + 1)));
  return { method: fit.method, mean, intervals: normalIntervals(mean, sd, opts.levels ?? DEFAULT_LEVELS) };
}

/**
 * One-shot seasonal naive forecast.
 * @example seasonalNaive([1, 2, 3, 4, 5], 4, { period: 2 }).mean // [4, 5, 4, 5]
 */
export function seasonalNaive(y: ArrayLike<number>, h: number, opts: ForecastOptions & { period?: number } = {}): Forecast {
  return forecastSeasonalNaive(fitSeasonalNaive(y, opts.period ?? 7), h, opts);
}

/**
 * Seasonal naive (period 7 unless given) as a ModelSpec.
 * @example seasonalNaiveSpec(7).fit([1, 2, 3, 4, 5, 6, 7]).lastSeason // [1, 2, …, 7]
 */
export function seasonalNaiveSpec(period = 7): ModelSpec<SeasonalNaiveFit> {
  return {
    name: "snaive",
    fit: (y) => fitSeasonalNaive(y, period),
    forecast: forecastSeasonalNaive,
    refilter: (_f, y) => fitSeasonalNaive(y, period),
  };
}
