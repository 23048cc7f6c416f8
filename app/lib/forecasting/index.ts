/**
 * Stockcast forecasting library — the only entry point the rest of the app imports.
 *
 * Stable API (used by app/lib/replenishment, app/services/planning and scripts/policy; change a
 * signature only with a superseding ADR):
 *   forecastSeries(history, { horizon, period?: 7 | 52 | 1, stockoutMask?, closedMask?, levels?,
 *                            analogues?, seed? })
 *     → SeriesForecast { method, demandClass, classification, mean[], intervals[{level, lower, upper}],
 *                        q95Total, fromAnalogues, capped[], scores[], leadTime }
 *   leadTimeDemand(result, periods) → { periods, mean, sd, errors, quantile(p) }
 *     Distribution of the TOTAL demand over `periods` periods (any lead time L ≥ 1), from
 *     rolling-origin errors of L-period totals (ADR 013): use quantile(p) for a cycle-service-level
 *     reorder point / order-up-to level (p = service level), sd for normal-approximation formulas.
 *     `result.leadTime` is plain data, so a stored (JSON round-tripped) result works too.
 * Units: history and forecasts are demand per period (a day for period 7; a week for 52 or 1);
 * totals and quantiles are units over the lead time. Levels and p are fractions in (0, 1).
 * Everything is pure: no I/O, clock, environment or Math.random (seeds are parameters).
 */
export { forecastSeries, type ForecastSeriesOptions, type SeriesForecast } from "./forecast-series";
export { leadTimeDemand, type LeadTimeDemand } from "./lead-time";
export type { LeadTimeBasis } from "./rolling-totals";
export { prepareSeries, densify, type PreparedSeries, type PrepareOptions, type CappedPoint } from "./prepare";
export { classifyDemand, ADI_CUTOFF, CV2_CUTOFF, type DemandClass, type DemandClassification } from "./classify";
export { seasonalProfile } from "./profile";
export { closedDays } from "./closed-days";
export { analogueCurves, analogueForecast, ANALOGUE_AHEAD, ANALOGUE_MAX_AGE, ANALOGUE_SAMPLE, type AnalogueCurves, type AnalogueForecast } from "./analogues";
export { movingAverage, fitMovingAverage, forecastMovingAverage } from "./moving-average";
export { croston, fitCroston, forecastCroston, type CrostonVariant } from "./croston";
export { tsb, fitTsb, forecastTsb } from "./tsb";
export { accuracy, type AccuracyInput, type AccuracyResult } from "./metrics";
export { plainMethod } from "./method-names";
export { gaussian, mulberry32 } from "./prng";
export { erfc, normalCdf } from "./numeric";
export type { Forecast, ForecastInterval, ModelFit, ForecastOptions } from "./types";
