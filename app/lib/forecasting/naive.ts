/**
 * Naive (random walk) forecast: every future period equals the last observed value.
 */
import { checkHorizon, normalIntervals } from "./numeric";
import { DEFAULT_LEVELS, type Forecast, type ForecastOptions, type ModelFit, type ModelSpec } from "./types";

/** Fit of the naive method. */
export interface NaiveFit extends ModelFit {
  params: { last: number; sigma2: number };
}

/**
 * Fits the naive method: ŷ_{t+1} = y_t (last known value; unknown days carry the previous one).
 * σ² = mean squared one-step change. Reference: Hyndman & Athanasopoulos, FPP3 §5.2 / §5.5.
 * @example fitNaive([1, 3, 2]).params.last // 2
 */
export function fitNaive(y: ArrayLike<number>): NaiveFit {
  const n = y.length;
  const fitted = new Array<number>(n);
  const residuals = new Array<number>(n);
  let last = NaN;
  let ss = 0;
  let k = 0;
  for (let t = 0; t < n; t++) {
    fitted[t] = last;
    const v = y[t];
    residuals[t] = v - last;
    if (residuals[t] === residuals[t]) {
      ss += residuals[t] * residuals[t];
      k++;
    }
    if (v === v) last = v;
  }
  if (last !== last) throw new RangeError("naive requires at least one observation");
  return { method: "naive", params: { last, sigma2: k > 0 ? ss / k : 0 }, fitted, residuals };
}

/**
 * Forecasts the naive fit: mean = last value; sd_h = σ√h (random walk). FPP3 Table 5.2.
 * @example forecastNaive(fitNaive([1, 3, 2]), 2).mean // [2, 2]
 */
export function forecastNaive(fit: NaiveFit, h: number, opts: ForecastOptions = {}): Forecast {
  checkHorizon(h);
  const mean = new Array<number>(h).fill(Math.max(0, fit.params.last));
  const sd = Float64Array.from({ length: h }, (_, i) => Math.sqrt(fit.params.sigma2 * (i + 1)));
  return { method: fit.method, mean, intervals: normalIntervals(mean, sd, opts.levels ?? DEFAULT_LEVELS) };
}

/**
 * One-shot naive forecast (fitNaive + forecastNaive).
 * @example naive([1, 3, 2], 2).mean // [2, 2]
 */
export function naive(y: ArrayLike<number>, h: number, opts: ForecastOptions = {}): Forecast {
  return forecastNaive(fitNaive(y), h, opts);
}

/**
 * The naive method as a ModelSpec.
 * @example naiveSpec.fit([1, 2]).params.last // 2
 */
export const naiveSpec: ModelSpec<NaiveFit> = {
  name: "naive",
  fit: fitNaive,
  forecast: forecastNaive,
  refilter: (_f, y) => fitNaive(y),
};
