/**
 * Moving-average forecast: the mean of the last k known values, flat over the horizon.
 */
import { checkHorizon, residualIntervals } from "./numeric";
import { DEFAULT_LEVELS, type Forecast, type ForecastOptions, type ModelFit, type ModelSpec } from "./types";

/** Fit of the moving average. */
export interface MovingAverageFit extends ModelFit {
  params: { window: number; level: number };
}

/**
 * Fits a trailing moving average of window k over the known values: ŷ_{t+1} = mean(last k known
 * y up to t). Unknown (NaN) periods are skipped, not counted as zero. Reference: FPP3 §3.3;
 * the protocol's `ma28d` peer is k = 28 on daily data.
 * @example fitMovingAverage([1, 2, 3, 4], 2).params.level // 3.5
 */
export function fitMovingAverage(y: ArrayLike<number>, window = 28): MovingAverageFit {
  if (!Number.isInteger(window) || window < 1) throw new RangeError("window must be a positive integer");
  const n = y.length;
  const buf = new Float64Array(window);
  let count = 0;
  let pos = 0;
  let sum = 0;
  const fitted = new Array<number>(n);
  const residuals = new Array<number>(n);
  for (let t = 0; t < n; t++) {
    const f = count > 0 ? sum / Math.min(count, window) : NaN;
    fitted[t] = f;
    residuals[t] = y[t] - f;
    const v = y[t];
    if (v === v) {
      if (count >= window) sum -= buf[pos];
      buf[pos] = v;
      sum += v;
      pos = (pos + 1) % window;
      count++;
    }
  }
  if (count === 0) throw new RangeError("moving average requires at least one observation");
  return { method: `ma${window}`, params: { window, level: sum / Math.min(count, window) }, fitted, residuals };
}

/**
 * Forecasts the moving average flat at its last level; intervals from one-step residual quantiles.
 * @example forecastMovingAverage(fitMovingAverage([1, 2, 3, 4], 2), 2).mean // [3.5, 3.5]
 */
export function forecastMovingAverage(fit: MovingAverageFit, h: number, opts: ForecastOptions = {}): Forecast {
  checkHorizon(h);
  const mean = new Array<number>(h).fill(Math.max(0, fit.params.level));
  return { method: fit.method, mean, intervals: residualIntervals(mean, fit.residuals, opts.levels ?? DEFAULT_LEVELS) };
}

/**
 * One-shot moving-average forecast.
 * @example movingAverage([1, 2, 3, 4], 2, { window: 2 }).mean // [3.5, 3.5]
 */
export function movingAverage(y: ArrayLike<number>, h: number, opts: ForecastOptions & { window?: number } = {}): Forecast {
  return forecastMovingAverage(fitMovingAverage(y, opts.window ?? 28), h, opts);
}

/**
 * Moving average of window k as a ModelSpec.
 * @example movingAverageSpec(28).name // "ma28"
 */
export function movingAverageSpec(window = 28): ModelSpec<MovingAverageFit> {
  return {
    name: `ma${window}`,
    fit: (y) => fitMovingAverage(y, window),
    forecast: forecastMovingAverage,
    refilter: (_f, y) => fitMovingAverage(y, window),
  };
}
