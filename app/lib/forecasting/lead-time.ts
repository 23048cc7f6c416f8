/** Distribution of demand summed over any lead time, from a forecast's (possibly stored) basis (ADR 013). */
import type { SeriesForecast } from "./forecast-series";
import { errorsOf, forecastTotal, rollingTotals, type LeadTimeBasis } from "./rolling-totals";
import { totalQuantile } from "./total-quantile";

/** JSON turns NaN into null: restore unknowns so a stored result behaves like a fresh one. */
function revive(b: LeadTimeBasis): LeadTimeBasis {
  const fix = (a: (number | null)[]) => (a.some((v) => v === null) ? a.map((v) => (v === null ? NaN : v)) : (a as number[]));
  return { ...b, rate: fix(b.rate), actual: fix(b.actual), yearly: b.yearly ?? null };
}

/** Distribution of demand summed over a lead time (serialisable parts plus a quantile function). */
export interface LeadTimeDemand {
  /** Lead time in periods. */
  periods: number;
  /** Expected total demand over the lead time (units). */
  mean: number;
  /** Standard deviation of the total (root mean square of the rolling-origin total errors; units). */
  sd: number;
  /** Sorted empirical total errors (actual − forecast) the quantiles come from. */
  errors: number[];
  /** p-quantile of the lead-time total (units, ≥ 0), p in (0, 1). */
  quantile(p: number): number;
}

/**
 * Distribution of total demand over the next `periods` periods (any lead time L ≥ 1): mean = sum
 * of the forecast rate × seasonal weights; quantiles = mean + empirical quantile of the errors of
 * L-period totals measured from rolling origins over the last year (Tashman 2000; the sum's own
 * error distribution, so correlation between days is kept — never per-day quantiles added up).
 * With fewer than 8 origins a normal approximation with variance L·MSE₁ is used.
 * Units: units of demand over L periods.
 * @example leadTimeDemand(forecastSeries(y, { horizon: 28 }), 14).quantile(0.95)
 */
export function leadTimeDemand(result: Pick<SeriesForecast, "leadTime">, periods: number): LeadTimeDemand {
  if (!Number.isInteger(periods) || periods < 1) throw new RangeError("lead time must be a positive integer");
  const basis = revive(result.leadTime);
  const mean = forecastTotal(basis, periods);
  const totals = rollingTotals(basis, periods);
  // `errors` is handed to the caller: the quantiles keep their own copy.
  const errors = Array.from(errorsOf(totals));
  let ss = 0;
  for (const e of errors) ss += e * e;
  const sdEmp = errors.length ? Math.sqrt(ss / errors.length) : 0;
  const fallback = errors.length < 8;
  const sd = fallback ? Math.max(0, totalQuantile(basis, periods, 0.8413447460685429, totals) - mean) : sdEmp;
  return {
    periods,
    mean,
    sd,
    errors,
    quantile(p: number): number {
      if (!(p > 0 && p < 1)) throw new RangeError("p must be between 0 and 1 exclusive");
      return Math.max(0, totalQuantile(basis, periods, p, totals));
    },
  };
}
