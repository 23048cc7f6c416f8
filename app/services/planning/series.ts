import type { HorizonOverride } from "~/lib/planning";
import { daysBetween } from "~/lib/time";

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

/**
 * Manual forecast overrides as horizon days of a forecast whose index 0 is `asOfDate` (the engine's
 * input, see app/lib/planning/overrides.ts). Spans are kept in order: later ones win where they overlap.
 * @example horizonOverrides("2026-11-22", [{ id: "o", startDate: "2026-11-23", endDate: "2026-11-30", dailyUnits: 5 }]) // [{ id: "o", fromDay: 1, toDay: 8, dailyUnits: 5 }]
 */
export function horizonOverrides(asOfDate: string, overrides: readonly ForecastOverrideSpan[]): HorizonOverride[] {
  return overrides.map((o) => ({ id: o.id, fromDay: daysBetween(asOfDate, o.startDate), toDay: daysBetween(asOfDate, o.endDate), dailyUnits: o.dailyUnits }));
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
