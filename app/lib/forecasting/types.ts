/**
 * Shared types of the forecasting library. Everything here is plain data: it survives
 * `JSON.stringify` / `JSON.parse` unchanged, so fits and forecasts can be persisted.
 */

/** One prediction interval at a coverage level (a fraction, e.g. 0.95). */
export interface ForecastInterval {
  /** Nominal two-sided coverage, a fraction in (0, 1). */
  level: number;
  /** Lower bound per horizon step (units of demand per period). */
  lower: number[];
  /** Upper bound per horizon step (units of demand per period). */
  upper: number[];
}

/** The shared output of every model's forecast function (R `forecast` class contract). */
export interface Forecast {
  /** Method name, e.g. "ses(0.1)", "croston-sba(0.05)", "tsb(0.1,0.05)". */
  method: string;
  /** Point forecast per horizon step h = 1..H (units per period). */
  mean: number[];
  /** Intervals sorted by ascending level; nested (wider at higher level). */
  intervals: ForecastInterval[];
}

/** Fields every model's fit object carries (statsforecast / R fit-object shape). */
export interface ModelFit {
  /** Method name as it will appear on the forecast. */
  method: string;
  /** Numeric parameters of the model (smoothing constants, window, ...). */
  params: Record<string, number>;
  /** One-step-ahead in-sample fitted values, same length as the input (NaN where undefined). */
  fitted: number[];
  /** y − fitted, same length as the input (NaN where undefined or the observation was unknown). */
  residuals: number[];
}

/** Options accepted by every model's forecast function. */
export interface ForecastOptions {
  /** Interval coverage levels as fractions in (0, 1); default [0.8, 0.95]. */
  levels?: readonly number[];
}

/**
 * Default interval levels (fractions).
 * @example DEFAULT_LEVELS // [0.8, 0.95]
 */
export const DEFAULT_LEVELS: readonly number[] = Object.freeze([0.8, 0.95]);

/** A model module as a value: fit, forecast, and re-run the fit's fixed parameters on other data. */
export interface ModelSpec<F extends ModelFit = ModelFit> {
  /** Registry name. */
  name: string;
  /** Estimate parameters on `y` (NaN = unknown demand). */
  fit(y: ArrayLike<number>): F;
  /** Forecast from a fit. */
  forecast(fit: F, h: number, opts?: ForecastOptions): Forecast;
  /** Re-run the fit's parameters (no re-estimation) on `y` and return the new end state. */
  refilter(fit: F, y: ArrayLike<number>): F;
}
