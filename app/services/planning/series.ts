import { daysBetween } from "~/utils/dates";

/** Key of one planned series. */
export const seriesKey = (variantId: string, locationId: string) => `${variantId}|${locationId}`;

/**
 * Dense daily demand and stockout mask per variant × location over [fromDate, fromDate + days), from packed
 * demand ("date=units,…" per variant × location, as listDemandSeries reads it) and stocked-out days. Missing
 * days are zero demand, in stock; days outside the window are ignored; a series exists once it has a day in
 * the window. Parsed without an object per day: a plan unpacks millions.
 * @example buildPackedSeries("2026-01-01", 3, [{ variantId: "v", locationId: "l", days: "2026-01-02=4" }], []).get("v|l")?.units // [0, 4, 0]
 */
export function buildPackedSeries(
  fromDate: string,
  days: number,
  packed: readonly { variantId: string; locationId: string; days: string | null }[],
  stockouts: readonly { variantId: string; locationId: string; date: string }[],
): Map<string, { units: Float64Array; stockout: Uint8Array }> {
  const series = new Map<string, { units: Float64Array; stockout: Uint8Array }>();
  const offsets = new Map<string, number>();
  const offset = (date: string) => {
    let i = offsets.get(date);
    if (i === undefined) offsets.set(date, (i = daysBetween(fromDate, date)));
    return i;
  };
  for (const row of packed) {
    if (!row.days) continue;
    let s: { units: Float64Array; stockout: Uint8Array } | undefined;
    let start = 0;
    while (start < row.days.length) {
      let end = row.days.indexOf(",", start);
      if (end < 0) end = row.days.length;
      const eq = row.days.indexOf("=", start);
      const i = offset(row.days.slice(start, eq));
      if (i >= 0 && i < days) {
        if (!s) series.set(seriesKey(row.variantId, row.locationId), (s = { units: new Float64Array(days), stockout: new Uint8Array(days) }));
        s.units[i] += Math.max(0, Number(row.days.slice(eq + 1, end)));
      }
      start = end + 1;
    }
  }
  for (const o of stockouts) {
    const i = offset(o.date);
    if (i < 0 || i >= days) continue;
    const key = seriesKey(o.variantId, o.locationId);
    let s = series.get(key);
    if (!s) series.set(key, (s = { units: new Float64Array(days), stockout: new Uint8Array(days) }));
    s.stockout[i] = 1;
  }
  return series;
}

/**
 * Mean squared one-step naive change of a demand history from its first sale, skipping stocked-out days:
 * the RMSSE scale (M5 competition's definition). Units² per day²; 0 when the series never changes.
 */
export function naiveSquaredScale(units: ArrayLike<number>, stockout?: ArrayLike<number>): number {
  let first = 0;
  while (first < units.length && !(units[first] > 0)) first++;
  let sum = 0;
  let count = 0;
  for (let t = first + 1; t < units.length; t++) {
    if (stockout && (stockout[t] || stockout[t - 1])) continue;
    const d = units[t] - units[t - 1];
    sum += d * d;
    count++;
  }
  return count ? sum / count : 0;
}

/** A manual forecast override as planning reads it: units per day replace the forecast on [startDate, endDate]. */
export interface ForecastOverrideSpan {
  id: string;
  startDate: string;
  endDate: string;
  dailyUnits: number;
}

/** Forecast days after manual overrides, with what they replaced. */
export interface OverriddenForecast {
  mean: number[];
  intervals: { level: number; lower: number[]; upper: number[] }[];
  /** Horizon offsets (0 = the plan's as-of date) whose mean is a manual override. */
  days: number[];
  /** The statistical mean of each overridden day, same order as `days`. */
  baseMean: number[];
  /** Overrides that touched the horizon. */
  ids: string[];
}

/**
 * Applies manual forecast overrides to a daily forecast whose index 0 is `asOfDate`. On every overridden
 * day the mean becomes the override's units per day (later spans in the list win where they overlap), and
 * that day's interval bounds move by the same amount Δ = override − forecast (never below 0): the merchant
 * sets the level, the spread measured from history stays. Pure; inputs are not mutated.
 * @example applyForecastOverrides({ mean: [2, 2, 2], intervals: [] }, "2026-11-22", [{ id: "o", startDate: "2026-11-23", endDate: "2026-11-30", dailyUnits: 5 }]).mean // [2, 5, 5]
 */
export function applyForecastOverrides(
  forecast: { readonly mean: readonly number[]; readonly intervals: readonly { readonly level: number; readonly lower: readonly number[]; readonly upper: readonly number[] }[] },
  asOfDate: string,
  overrides: readonly ForecastOverrideSpan[],
): OverriddenForecast {
  const mean = [...forecast.mean];
  const intervals = forecast.intervals.map((i) => ({ level: i.level, lower: [...i.lower], upper: [...i.upper] }));
  const replaced = new Map<number, number>();
  const ids: string[] = [];
  for (const o of overrides) {
    const from = Math.max(0, daysBetween(asOfDate, o.startDate));
    const to = Math.min(mean.length - 1, daysBetween(asOfDate, o.endDate));
    if (from > to) continue;
    ids.push(o.id);
    for (let h = from; h <= to; h++) {
      if (!replaced.has(h)) replaced.set(h, forecast.mean[h]);
      const delta = o.dailyUnits - mean[h];
      mean[h] = o.dailyUnits;
      for (const i of intervals) {
        if (h < i.lower.length) i.lower[h] = Math.max(0, i.lower[h] + delta);
        if (h < i.upper.length) i.upper[h] = Math.max(0, i.upper[h] + delta);
      }
    }
  }
  const days = [...replaced.keys()].sort((a, b) => a - b);
  return { mean, intervals, days, baseMean: days.map((h) => replaced.get(h)!), ids };
}

/**
 * Demand over the first `periods` days after overrides: the forecaster's total distribution shifted by the
 * overrides' change in expected units over those days, Δ = Σ (adjusted − base); mean + Δ and every quantile
 * + Δ, never below 0. With no override in the interval it is the total unchanged.
 * @example shiftTotal({ mean: 20, quantile: () => 30 }, [2, 2], [5, 5], 2).mean // 26
 */
export function shiftTotal(
  total: { readonly mean: number; quantile(p: number): number },
  base: readonly number[],
  adjusted: readonly number[],
  periods: number,
): { mean: number; quantile(p: number): number } {
  let delta = 0;
  for (let h = 0; h < Math.min(periods, base.length, adjusted.length); h++) delta += adjusted[h] - base[h];
  if (delta === 0) return total;
  return { mean: Math.max(0, total.mean + delta), quantile: (p: number) => Math.max(0, total.quantile(p) + delta) };
}

/**
 * The order minimum planning applies: the larger of the MOQ (variant override, else vendor) and the
 * variant's own minimum per order; undefined when neither is set.
 * @example orderMinimum(24, 36) // 36
 */
export function orderMinimum(moq: number | null | undefined, minQty: number | null | undefined): number | undefined {
  const values = [moq, minQty].filter((v): v is number => typeof v === "number" && v > 0);
  return values.length ? Math.max(...values) : undefined;
}
