// Forecast accuracy at the level orders are decided (weekly and 4-week totals), and the value the forecast
// adds over a naive benchmark. The Overview's figures (docs/overview.md, "Forecast accuracy").

/** Weeks a forecast snapshot records, and days per week. */
export const ACCURACY_WEEKS = 4;
export const DAYS_PER_WEEK = 7;
/** Days the naive benchmark averages. */
const NAIVE_WINDOW_DAYS = 30;

/**
 * Unit totals of a daily forecast for each of the first `weeks` weeks (days 0–6, 7–13, …).
 * Reference: Hyndman & Athanasopoulos, Forecasting: Principles and Practice, 3rd ed. (FPP3), §5.8 (errors
 * of aggregated forecasts are measured on the aggregate).
 * @throws RangeError "dailyForecast must cover at least 28 days" (for 4 weeks), "dailyForecast must hold finite numbers"
 * @example weeklyTotals([1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2], 2) // [7, 14]
 */
export function weeklyTotals(dailyForecast: ArrayLike<number>, weeks: number = ACCURACY_WEEKS): number[] {
  if (dailyForecast.length < weeks * DAYS_PER_WEEK) throw new RangeError(`dailyForecast must cover at least ${weeks * DAYS_PER_WEEK} days`);
  const totals: number[] = [];
  for (let w = 0; w < weeks; w++) {
    let sum = 0;
    for (let d = w * DAYS_PER_WEEK; d < (w + 1) * DAYS_PER_WEEK; d++) {
      if (!Number.isFinite(dailyForecast[d])) throw new RangeError("dailyForecast must hold finite numbers");
      sum += dailyForecast[d];
    }
    totals.push(sum);
  }
  return totals;
}

/**
 * The naive "30-day average" benchmark: mean units per day over the last `window` known days of a daily
 * history (walking back from its last day; a day is unknown when `unknown[t]` is truthy — stocked out or
 * the shop closed — and is skipped, as the planner skips it). 0 when no day is known.
 * Reference: Gilliland, "The Business Forecasting Deal" (2010) and Gilliland (2013), Foresight 29, on the
 * naive benchmark of forecast value added; a moving average is the usual one for sparse retail demand.
 * Complexity: O(days walked back).
 * @throws RangeError "window must be a positive integer"
 * @example naiveDailyMean([9, 0, 2, 4], [0, 0, 1, 0], 2) // (4 + 0) / 2 = 2 (day 2 stocked out)
 */
export function naiveDailyMean(history: ArrayLike<number>, unknown?: ArrayLike<number>, window: number = NAIVE_WINDOW_DAYS): number {
  if (!Number.isInteger(window) || window < 1) throw new RangeError("window must be a positive integer");
  let sum = 0;
  let known = 0;
  for (let t = history.length - 1; t >= 0 && known < window; t--) {
    if (unknown?.[t]) continue;
    sum += history[t];
    known++;
  }
  return known === 0 ? 0 : sum / known;
}

/** An actual and a forecast total of one bucket (a series' 4 weeks, or a variant's week). */
export interface AccuracyPair {
  actual: number;
  forecast: number;
}

/**
 * Weighted absolute percentage error WAPE = Σ|Aᵢ − Fᵢ| ÷ Σ Aᵢ over buckets i (a fraction: 0.38 = 38 %);
 * null when nothing sold (Σ A = 0). Each bucket's error is taken on its total, so errors of single days
 * inside a bucket cancel out.
 * Reference: Hyndman & Athanasopoulos, FPP3 §5.8 (scale-dependent MAE; WAPE = MAE ÷ mean actual).
 * @throws RangeError "actual must be a non-negative finite number", "forecast must be a non-negative finite number"
 * @example wape([{ actual: 10, forecast: 8 }, { actual: 0, forecast: 2 }]) // (2 + 2) / 10 = 0.4
 */
export function wape(pairs: readonly AccuracyPair[]): number | null {
  let absError = 0;
  let actual = 0;
  for (const p of pairs) {
    if (!(Number.isFinite(p.actual) && p.actual >= 0)) throw new RangeError("actual must be a non-negative finite number");
    if (!(Number.isFinite(p.forecast) && p.forecast >= 0)) throw new RangeError("forecast must be a non-negative finite number");
    absError += Math.abs(p.actual - p.forecast);
    actual += p.actual;
  }
  return actual > 0 ? absError / actual : null;
}

/**
 * Forecast value added FVA = 1 − WAPE(forecast) ÷ WAPE(naive benchmark), on the same buckets: 0.27 means
 * the forecast's error is 27 % smaller than the benchmark's; negative means the benchmark did better.
 * Null when either WAPE is undefined or the benchmark's is 0 (nothing to improve on).
 * Reference: Gilliland, "Forecast Value Added Analysis: Step-by-Step", SAS white paper (2002); Gilliland
 * (2013), "FVA: A Reality Check on Forecasting Practices", Foresight 29.
 * @example forecastValueAdded(0.3, 0.4) // 0.25
 */
export function forecastValueAdded(forecastWape: number | null, naiveWape: number | null): number | null {
  if (forecastWape === null || naiveWape === null || !(naiveWape > 0)) return null;
  return 1 - forecastWape / naiveWape;
}

/** One variant × location of a forecast snapshot, with what then sold. */
export interface ScoredSeries {
  variantId: string;
  /** The forecast's units in each of the 4 weeks from the snapshot date. */
  forecastWeeks: readonly number[];
  /** The naive benchmark's units per day (the same for every day ahead). */
  naiveDaily: number;
  /** Units sold in each of those weeks. */
  actualWeeks: readonly number[];
  /** Per week: whether the series was stocked out on any of its days (its demand is then unknown). */
  stockedOutWeeks: readonly boolean[];
}

/** Forecast and benchmark WAPE on the same buckets, and the forecast value added. */
export interface AccuracyLevel {
  wape: number | null;
  naiveWape: number | null;
  fva: number | null;
  /** Buckets scored, and units sold in them. */
  buckets: number;
  actualUnits: number;
}

export interface SnapshotAccuracy {
  /** Each variant × location's 4-week total: series stocked out on any day of the 4 weeks are left out. */
  total: AccuracyLevel;
  /** Each variant's weekly total (summed over its locations): a location stocked out that week is left out. */
  weekly: AccuracyLevel;
  /** The weekly level per week ahead (week 1 = the 7 days from the snapshot date). */
  byWeek: AccuracyLevel[];
  series: number;
  /** Series left out of the 4-week level for a stockout. */
  stockedOutSeries: number;
}

function level(pairs: readonly { actual: number; forecast: number; naive: number }[]): AccuracyLevel {
  const model = wape(pairs);
  const naive = wape(pairs.map((p) => ({ actual: p.actual, forecast: p.naive })));
  return { wape: model, naiveWape: naive, fva: forecastValueAdded(model, naive), buckets: pairs.length, actualUnits: pairs.reduce((s, p) => s + p.actual, 0) };
}

/**
 * Scores one forecast snapshot (4 weeks from its date, all of them over) at the two levels orders are
 * decided at: WAPE of each variant × location's 4-week total, and WAPE of each variant's weekly totals
 * (its locations summed), each beside the naive 30-day-average benchmark on the same buckets and the
 * forecast value added (see `wape`, `forecastValueAdded`). Stocked-out days are unknown demand, as in
 * planning: a bucket containing one is left out for the forecast and the benchmark alike.
 * Reference: Hyndman & Athanasopoulos, FPP3 §5.8; Gilliland (2002, 2013) for FVA.
 * @throws RangeError "each series needs 4 forecast weeks, 4 actual weeks and 4 stockout flags"
 * @example scoreSnapshot([{ variantId: "a", forecastWeeks: [7, 7, 7, 7], naiveDaily: 2, actualWeeks: [5, 5, 5, 5], stockedOutWeeks: [false, false, false, false] }]).total
 * // { wape: 0.4, naiveWape: 1.8, fva: 0.777…, buckets: 1, actualUnits: 20 }: |20 − 28| / 20 and |20 − 56| / 20
 */
export function scoreSnapshot(series: readonly ScoredSeries[]): SnapshotAccuracy {
  const totals: { actual: number; forecast: number; naive: number }[] = [];
  const weeks = new Map<string, { actual: number; forecast: number; naive: number }>();
  let stockedOutSeries = 0;
  for (const s of series) {
    if (s.forecastWeeks.length !== ACCURACY_WEEKS || s.actualWeeks.length !== ACCURACY_WEEKS || s.stockedOutWeeks.length !== ACCURACY_WEEKS)
      throw new RangeError("each series needs 4 forecast weeks, 4 actual weeks and 4 stockout flags");
    if (s.stockedOutWeeks.some(Boolean)) stockedOutSeries++;
    else
      totals.push({
        actual: s.actualWeeks.reduce((a, b) => a + b, 0),
        forecast: s.forecastWeeks.reduce((a, b) => a + b, 0),
        naive: s.naiveDaily * DAYS_PER_WEEK * ACCURACY_WEEKS,
      });
    for (let w = 0; w < ACCURACY_WEEKS; w++) {
      if (s.stockedOutWeeks[w]) continue;
      const key = `${w}|${s.variantId}`;
      const bucket = weeks.get(key) ?? { actual: 0, forecast: 0, naive: 0 };
      bucket.actual += s.actualWeeks[w];
      bucket.forecast += s.forecastWeeks[w];
      bucket.naive += s.naiveDaily * DAYS_PER_WEEK;
      weeks.set(key, bucket);
    }
  }
  const byWeek = Array.from({ length: ACCURACY_WEEKS }, (_, w) => level([...weeks].filter(([k]) => k.startsWith(`${w}|`)).map(([, b]) => b)));
  return { total: level(totals), weekly: level([...weeks.values()]), byWeek, series: series.length, stockedOutSeries };
}
