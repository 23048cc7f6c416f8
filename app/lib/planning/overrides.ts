/** A manual forecast override in horizon days: units per day replace the forecast on days [fromDay, toDay] (0 = the as-of date). */
export interface HorizonOverride {
  readonly id: string;
  readonly fromDay: number;
  readonly toDay: number;
  readonly dailyUnits: number;
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
 * Applies manual forecast overrides to a daily forecast (index 0 = the as-of date). On every overridden
 * day the mean becomes the override's units per day (later overrides in the list win where they overlap),
 * and that day's interval bounds move by the same amount Δ = override − forecast (never below 0): the
 * merchant sets the level, the spread measured from history stays. Days outside the horizon are ignored.
 * Units per day in and out. Pure; inputs are not mutated.
 * Reference: judgmental adjustment of a statistical forecast, Fildes et al. (2009), Int. J. Forecasting 25(1).
 * @example applyHorizonOverrides({ mean: [2, 2, 2], intervals: [] }, [{ id: "o", fromDay: 1, toDay: 9, dailyUnits: 5 }]).mean // [2, 5, 5]
 */
export function applyHorizonOverrides(
  forecast: { readonly mean: readonly number[]; readonly intervals: readonly { readonly level: number; readonly lower: readonly number[]; readonly upper: readonly number[] }[] },
  overrides: readonly HorizonOverride[],
): OverriddenForecast {
  const mean = [...forecast.mean];
  const intervals = forecast.intervals.map((i) => ({ level: i.level, lower: [...i.lower], upper: [...i.upper] }));
  const replaced = new Map<number, number>();
  const ids: string[] = [];
  for (const o of overrides) {
    const from = Math.max(0, o.fromDay);
    const to = Math.min(mean.length - 1, o.toDay);
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
 * + Δ, never below 0. With no override in the interval it is the total unchanged. Units over the interval.
 * Reference: a location shift of the lead-time demand distribution, Silver, Pyke & Thomas, 4th ed., ch. 6.
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
