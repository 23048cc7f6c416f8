/**
 * forecastSeries: the library's main entry. Prepares a series, classifies it, selects a
 * level model per series by rolling-origin cross-validation (restricted by demand class; select.ts over
 * candidates.ts), spreads the rate over the weekday profile, and attaches per-step intervals
 * (intervals.ts) and an empirical distribution of horizon / lead-time totals (lead-time.ts).
 */
import type { AnalogueCurves } from "./analogues";
import { uncapped, withCappedExcess } from "./cap-excess";
import { gridFor } from "./candidates";
import { classifyDemand, type DemandClass, type DemandClassification } from "./classify";
import { stepIntervals } from "./intervals";
import { checkHorizon, checkLevels } from "./numeric";
import { prepareSeries, type CappedPoint } from "./prepare";
import { seasonalProfile } from "./profile";
import type { LeadTimeBasis } from "./rolling-totals";
import { selectModel, withYearly } from "./select";
import { totalQuantile } from "./total-quantile";
import { DEFAULT_LEVELS, type ForecastInterval } from "./types";
import { knownPrefix, yearlyIndex } from "./yearly";

/** Options for {@link forecastSeries}. */
export interface ForecastSeriesOptions {
  /** Number of periods to forecast (≥ 1). */
  horizon: number;
  /**
   * Seasonality of the data: 7 = daily (weekday profile; previous-year index when ≥ 2 years),
   * 52 = weekly (previous-year index when ≥ 2 years), 1 = weekly without any seasonality. Default 7.
   */
  period?: 1 | 7 | 52;
  /** Truthy where stock was out (demand unknown). Same length as history. */
  stockoutMask?: ArrayLike<boolean | number>;
  /** Truthy where the shop was closed (no demand information). Same length as history. */
  closedMask?: ArrayLike<boolean | number>;
  /** Interval levels as fractions. Default [0.8, 0.95]. */
  levels?: readonly number[];
  /** Seed for any simulation (kept for API stability; the default pipeline is deterministic). */
  seed?: number;
  /** Launch curves of established products (analogueCurves), for items in their first 8 weeks. */
  analogues?: AnalogueCurves;
  /** Outlier cap multiplier (see prepareSeries); 0 disables. Default 5. */
  outlierK?: number;
  /** Periods per week (7 daily, 1 weekly); derived from period when omitted. */
  periodsPerWeek?: number;
}

/** Result of {@link forecastSeries}. */
export interface SeriesForecast {
  /** Selected method ("zero" for dead, "analogue" for new items). */
  method: string;
  demandClass: DemandClass;
  classification: DemandClassification;
  /** Point forecast per period h = 1..horizon (units per period). */
  mean: number[];
  /** Intervals per level (sorted ascending, nested), from rolling-origin errors. */
  intervals: ForecastInterval[];
  /** 95% quantile of the total over the whole horizon (units), from rolling-origin totals. */
  q95Total: number;
  /** True when the forecast was built from analogue products. */
  fromAnalogues: boolean;
  /** Observations capped as outliers. */
  capped: CappedPoint[];
  /** Rolling-origin score (mean squared error per period) of each candidate, best first. */
  scores: { method: string; mse: number }[];
  /** Basis for leadTimeDemand. */
  leadTime: LeadTimeBasis;
}

/** Fixed settings of the default pipeline (ADR 011 records how they were chosen; the ratio offset c is in total-quantile.ts). */
const PIPELINE = {
  profileWindow: 364,
  profileKappa: 28,
  outlierK: 5,
};

/**
 * Forecasts one demand series end to end.
 * 1. prepareSeries (censoring, leading zeros, outlier cap); 2. classifyDemand (Syntetos–Boylan
 * 2005 + new/dead); 3. candidate level models for the class — SES over an α grid, trailing means,
 * and for intermittent/lumpy Croston-SBA and TSB — each a per-period rate path; 4. each rate is
 * spread over the seasonal profile (period 7: weekday weights) and scored by rolling-origin MSE
 * of H-period windows (Tashman 2000); the best wins, and the units the
 * outlier cap removed in the last half year come back spread evenly over it (ADR 028); 5. intervals and
 * q95Total come from the empirical distribution of errors at those origins (per step, and of
 * H-period totals of what was sold, uncapped), never from adding per-step quantiles. Dead series forecast 0; new series use
 * analogues when given, else the mean since the first sale.
 * Units: demand per period (mean, intervals); units over the horizon (q95Total).
 * Complexity: O(n · candidates + n · H).
 * @example forecastSeries(dailySales, { horizon: 28 }).mean.length // 28
 */
export function forecastSeries(history: ArrayLike<number>, opts: ForecastSeriesOptions): SeriesForecast {
  const H = opts.horizon;
  checkHorizon(H);
  const levels = checkLevels(opts.levels ?? DEFAULT_LEVELS);
  const period = opts.period ?? 7;
  if (period !== 1 && period !== 7 && period !== 52) throw new RangeError("period must be 1, 7 or 52");
  const ppw = opts.periodsPerWeek ?? (period === 7 ? 7 : 1);
  for (let i = 0; i < history.length; i++) {
    if (history[i] < 0) throw new RangeError("demand must be non-negative");
  }
  const prep = prepareSeries(history, {
    stockoutMask: opts.stockoutMask,
    closedMask: opts.closedMask,
    outlierK: opts.outlierK ?? PIPELINE.outlierK,
  });
  const y = prep.values;
  const n = y.length;
  const classification = classifyDemand(y, { periodsPerWeek: ppw });
  const cls = classification.demandClass;
  const profPeriod = period === 7 ? 7 : 1;
  const grid = gridFor(ppw);
  // phases are positions in the prepared series; future step h has phase (n + h) mod 7
  const profile = seasonalProfile(y, profPeriod, PIPELINE.profileWindow, PIPELINE.profileKappa);
  // yearly seasonality: previous-year index when at least two years are known and it wins the CV
  const sel = withYearly(selectModel(y, cls, H, profile, grid, opts.analogues), y, profile, H, grid, {
    period,
    periodsPerWeek: ppw,
    periods: classification.periods,
  });
  const { method, scores, fromAnalogues, yearly } = sel;
  const rate = withCappedExcess(sel.rate, y, prep.capped, prep.offset, Math.round(grid.totalsWindow / 2));
  const finalRate = rate[n] === rate[n] ? Math.max(0, rate[n]) : 0;
  const P = profile.length;
  const mean = new Array<number>(H);
  const prefixAll = yearly ? knownPrefix(y) : null;
  for (let h = 0; h < H; h++)
    mean[h] = finalRate * profile[(n + h) % P] * (yearly && prefixAll ? yearlyIndex(prefixAll, n, h, yearly) : 1);
  const basis: LeadTimeBasis = {
    rate: Array.from(rate),
    actual: uncapped(y, prep.capped, prep.offset),
    profile: [...profile],
    window: grid.totalsWindow,
    yearly,
  };
  const intervals = stepIntervals(y, rate, profile, mean, n, H, levels, grid.totalsWindow);
  const q95Total = Math.max(0, totalQuantile(basis, H, 0.95));
  return {
    method,
    demandClass: cls,
    classification,
    mean,
    intervals,
    q95Total,
    fromAnalogues,
    capped: prep.capped,
    scores,
    leadTime: basis,
  };
}
