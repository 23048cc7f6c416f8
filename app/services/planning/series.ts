import { daysBetween } from "~/utils/dates";

/** Key of one planned series. */
export const seriesKey = (variantId: string, locationId: string) => `${variantId}|${locationId}`;

/**
 * Dense daily demand and stockout mask per variant × location over [fromDate, fromDate + days), from
 * sparse DemandDay and stocked-out snapshot rows (missing days are zero demand, in stock).
 */
export function buildDailySeries(
  fromDate: string,
  days: number,
  demand: readonly { variantId: string; locationId: string; date: string; units: number }[],
  stockouts: readonly { variantId: string; locationId: string; date: string }[],
): Map<string, { units: Float64Array; stockout: Uint8Array }> {
  const series = new Map<string, { units: Float64Array; stockout: Uint8Array }>();
  const get = (v: string, l: string) => {
    const key = seriesKey(v, l);
    let s = series.get(key);
    if (!s) series.set(key, (s = { units: new Float64Array(days), stockout: new Uint8Array(days) }));
    return s;
  };
  for (const d of demand) {
    const i = daysBetween(fromDate, d.date);
    if (i >= 0 && i < days) get(d.variantId, d.locationId).units[i] += Math.max(0, d.units);
  }
  for (const s of stockouts) {
    const i = daysBetween(fromDate, s.date);
    if (i >= 0 && i < days) get(s.variantId, s.locationId).stockout[i] = 1;
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
