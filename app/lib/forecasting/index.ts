/**
 * Stockcast forecasting library — the only entry point the rest of the app imports.
 *
 * Stable API (used by app/lib/replenishment; do not change signatures without an ADR):
 *   forecastSeries(history, { horizon, period?, stockoutMask?, closedMask?, levels?, ... })
 *     → SeriesForecast { method, demandClass, mean[], intervals[], q95Total, leadTime, ... }
 *   leadTimeDemand(result, periods) → { periods, mean, sd, errors, quantile(p) }
 *     Distribution of the TOTAL demand over `periods` periods (any lead time), from rolling-origin
 *     errors of periods-long totals; use quantile(serviceLevel) for a cycle-service-level
 *     reorder point, sd for normal-approximation formulas. `result.leadTime` is plain data, so a
 *     stored (JSON round-tripped) result works too.
 * Units: history and forecasts are demand per period (day, or week when period = 1 on weekly
 * data); totals are units over the lead time. All functions are pure: no I/O, clock or randomness.
 */
export { forecastSeries, leadTimeDemand, totalErrors, calibrateTotalsScale, type ForecastSeriesOptions, type LeadTimeBasis, type LeadTimeDemand, type SeriesForecast } from "./forecast-series";
export { prepareSeries, densify, type PreparedSeries, type PrepareOptions, type CappedPoint } from "./prepare";
export { classifyDemand, ADI_CUTOFF, CV2_CUTOFF, type DemandClass, type DemandClassification } from "./classify";
export { seasonalProfile } from "./profile";
export { analogueForecast, type AnalogueForecast } from "./analogues";
export { naive, fitNaive, forecastNaive } from "./naive";
export { seasonalNaive, fitSeasonalNaive, forecastSeasonalNaive } from "./seasonal-naive";
export { movingAverage, fitMovingAverage, forecastMovingAverage } from "./moving-average";
export { ses, holt, holtWinters, fitSes, fitHolt, fitHoltWinters } from "./ses";
export { ets, fitEts, forecastEts, parseEtsForm, type EtsFit, type EtsForm } from "./ets";
export { croston, fitCroston, forecastCroston, type CrostonVariant } from "./croston";
export { tsb, fitTsb, forecastTsb } from "./tsb";
export { accuracy, type AccuracyInput, type AccuracyResult } from "./metrics";
export { nelderMead } from "./nelder-mead";
export { mulberry32 } from "./prng";
export type { Forecast, ForecastInterval, ModelFit, ForecastOptions } from "./types";
