/**
 * forecastSeries: the library's main entry. Prepares a series, classifies it, selects a
 * level model per series by rolling-origin cross-validation (restricted by demand class),
 * spreads the rate over the weekday profile, and attaches an empirical distribution of
 * horizon / lead-time totals.
 */
import { analogueForecast, type AnalogueCurves } from "./analogues";
import { classifyDemand, type DemandClass, type DemandClassification } from "./classify";
import { fitCroston } from "./croston";
import { countPositive } from "./intermittent";
import { fitMovingAverage } from "./moving-average";
import { fitTsb } from "./tsb";
import { checkHorizon, checkLevels, normalQuantile, quantileSorted, studentQuantile } from "./numeric";
import { prepareSeries, type CappedPoint } from "./prepare";
import { seasonalProfile } from "./profile";
import { sesPass } from "./ses";
import { DEFAULT_LEVELS, type ForecastInterval } from "./types";
import { knownPrefix, yearlyIndex, type YearlySpec } from "./yearly";

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

/**
 * Serialisable basis of the demand distribution over any lead time: the rate the selected model
 * would have forecast from every past origin, the prepared actuals and the seasonal weights.
 */
export interface LeadTimeBasis {
  /** rate[t] = per-period forecast made with data up to t−1 (length = actual.length + 1). */
  rate: number[];
  /** Prepared history (NaN = unknown). */
  actual: number[];
  /** Multiplicative seasonal weights by phase (t mod period). */
  profile: number[];
  /** Origins used for empirical totals: the last `window` periods. */
  window: number;
  /** Previous-year index applied on top of rate × profile (null when not used). */
  yearly: YearlySpec | null;
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

interface Candidate {
  method: string;
  rate: Float64Array; // length n + 1
}

/** Candidate grid and selection rule per data frequency (ADR 011). */
interface Grid {
  sesAlphas: number[];
  maWindows: number[];
  crostonAlphas: number[];
  tsb: [number, number];
  /** Robust default (mean of these candidates); null = pure CV selection. */
  defaultCombo: string[] | null;
  /** The CV winner replaces the default only if its MSE is below (1 − margin) × the default's. */
  margin: number;
  cvOrigins: number;
  cvStep: number;
  totalsWindow: number;
}

const DAILY: Grid = {
  sesAlphas: [0.02, 0.05, 0.1, 0.2, 0.35],
  maWindows: [28, 56, 112],
  crostonAlphas: [0.05, 0.1, 0.2],
  tsb: [0.1, 0.05],
  defaultCombo: null,
  margin: 0,
  cvOrigins: 8,
  cvStep: 7,
  totalsWindow: 364,
};

const WEEKLY: Grid = {
  sesAlphas: [0.05, 0.1, 0.2, 0.3, 0.5],
  maWindows: [4, 8, 13, 26],
  crostonAlphas: [0.05, 0.1, 0.2],
  tsb: [0.1, 0.2],
  defaultCombo: ["ses(0.2)", "ma8"],
  margin: 0.25,
  cvOrigins: 8,
  cvStep: 7,
  totalsWindow: 52,
};

/** Rate path (length n + 1) from a level model's one-step fitted values plus its final rate. */
function ratePath(fitted: readonly number[], final: number): Float64Array {
  const out = new Float64Array(fitted.length + 1);
  for (let t = 0; t < fitted.length; t++) out[t] = fitted[t];
  out[fitted.length] = final;
  return out;
}

/** Rate path of SES with α (the pass in ses.ts). */
function sesRate(y: Float64Array, alpha: number): Float64Array {
  const out = new Float64Array(y.length + 1);
  out[y.length] = sesPass(y, alpha, out);
  return out;
}

/** Rate path of a trailing mean of k known values (k ≥ n: expanding mean). */
function maRate(y: Float64Array, k: number): Float64Array {
  const f = fitMovingAverage(y, Math.max(1, Math.min(k, y.length)));
  return ratePath(f.fitted, f.params.level);
}

function candidatesFor(cls: DemandClass, y: Float64Array, g: Grid): Candidate[] {
  const out: Candidate[] = [];
  for (const a of g.sesAlphas) out.push({ method: `ses(${a})`, rate: sesRate(y, a) });
  for (const k of g.maWindows) out.push({ method: `ma${k}`, rate: maRate(y, k) });
  if (cls === "intermittent" || cls === "lumpy") {
    if (countPositive(y) >= 2) {
      for (const alpha of g.crostonAlphas) {
        const f = fitCroston(y, { alpha, variant: "sba" });
        out.push({ method: `croston-sba(${alpha})`, rate: ratePath(f.fitted, f.params.rate) });
      }
    }
    const t = fitTsb(y, { alpha: g.tsb[0], beta: g.tsb[1] });
    out.push({ method: `tsb(${g.tsb[0]},${g.tsb[1]})`, rate: ratePath(t.fitted, t.params.rate) });
  }
  if (g.defaultCombo)
    out.push(
      meanOf(
        `mean(${g.defaultCombo.join("+")})`,
        out.filter((c) => g.defaultCombo!.includes(c.method)),
        y.length
      )
    );
  return out;
}

/** Pointwise mean of candidate rate paths (forecast combination; Clemen 1989, IJF 5(4)). */
function meanOf(method: string, parts: Candidate[], n: number): Candidate {
  const rate = new Float64Array(n + 1);
  for (let t = 0; t <= n; t++) {
    let s = 0;
    for (const c of parts) s += c.rate[t];
    rate[t] = s / parts.length;
  }
  return { method, rate };
}

/**
 * Mean squared error per known period of the flat-rate × profile forecast over windows of H
 * periods from the last `nOrigins` origins, every `step` periods (Tashman 2000, rolling origin).
 */
function cvScore(
  y: Float64Array,
  rate: Float64Array,
  w: readonly number[],
  H: number,
  nOrigins: number,
  step: number,
  yearly?: { spec: YearlySpec; prefix: ReturnType<typeof knownPrefix> }
): number {
  const n = y.length;
  const P = w.length;
  let se = 0;
  let cnt = 0;
  for (let o = 0; o < nOrigins; o++) {
    const t = n - H - o * step;
    if (t < 1) break;
    const r = rate[t];
    if (r !== r) continue;
    for (let j = 0; j < H; j++) {
      const v = y[t + j];
      if (v !== v) continue;
      const e = v - r * w[(t + j) % P] * (yearly ? yearlyIndex(yearly.prefix, t, j, yearly.spec) : 1);
      se += e * e;
      cnt++;
    }
  }
  return cnt > 0 ? se / cnt : Infinity;
}

/** Fixed settings of the default pipeline (ADR 011 records how they were chosen). */
const PIPELINE = {
  profileWindow: 364,
  profileKappa: 28,
  outlierK: 5,
  ratioC: 1,
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
  const grid = ppw === 7 ? DAILY : WEEKLY;
  // phases are positions in the prepared series; future step h has phase (n + h) mod 7
  const profile = seasonalProfile(y, profPeriod, PIPELINE.profileWindow, PIPELINE.profileKappa);
  let method: string;
  let rate: Float64Array;
  let scores: { method: string; mse: number }[] = [];
  let fromAnalogues = false;
  if (cls === "dead") {
    method = "zero";
    rate = new Float64Array(n + 1);
  } else if (cls === "new" && n > 0 && opts.analogues && analogueForecast(y, opts.analogues, n).used > 0) {
    const a = analogueForecast(y, opts.analogues, n);
    method = "analogue";
    fromAnalogues = true;
    rate = maRate(y, y.length);
    rate[n] = a.rate;
  } else if (cls === "new" || n < 2 * H) {
    method = "mean";
    rate = maRate(y, y.length);
  } else {
    const cands = candidatesFor(cls, y, grid);
    scores = cands
      .map((c) => ({ method: c.method, mse: cvScore(y, c.rate, profile, H, grid.cvOrigins, grid.cvStep) }))
      .sort((a, b) => a.mse - b.mse);
    if (grid.defaultCombo) {
      const d = scores.find((x) => x.method.startsWith("mean("));
      if (d && !(scores[0].mse < d.mse * (1 - grid.margin))) scores = [d, ...scores.filter((x) => x !== d)];
    }
    const chosen = cands.find((c) => c.method === scores[0].method) as Candidate;
    method = chosen.method;
    rate = chosen.rate;
  }
  // yearly seasonality: previous-year index when at least two years are known and it wins the CV
  let yearly: YearlySpec | null = null;
  const ppy = ppw === 7 ? 364 : 52;
  if (period !== 1 && scores.length && classification.periods >= 2 * ppy) {
    const spec: YearlySpec = { periodsPerYear: ppy, halfWindow: ppw === 7 ? 14 : 2, levelWindow: ppw === 7 ? 28 : 4, shrink: 0 };
    let mean0 = 0;
    let k0 = 0;
    for (let t = 0; t < n; t++) {
      if (y[t] === y[t]) {
        mean0 += y[t];
        k0++;
      }
    }
    spec.shrink = k0 > 0 ? (0.5 * mean0) / k0 : 0;
    const prefix = knownPrefix(y);
    const withYear = cvScore(y, rate, profile, H, grid.cvOrigins, grid.cvStep, { spec, prefix });
    if (withYear < scores[0].mse) {
      yearly = spec;
      method = `${method}×yearly`;
      scores = [{ method, mse: withYear }, ...scores];
    }
  }
  rate = withCappedExcess(rate, y, prep.capped, prep.offset, Math.round(grid.totalsWindow / 2));
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

/**
 * Per-step intervals from rolling-origin errors at each lead h (errors divided by the seasonal
 * weight, so a closed weekday gets a zero-width interval), made monotone so they never narrow
 * with the horizon. About 120 origins per lead; quantiles R type 7. O(H · 120 log 120).
 */
function stepIntervals(
  y: Float64Array,
  rate: Float64Array,
  w: readonly number[],
  mean: number[],
  n: number,
  H: number,
  levels: number[],
  window: number
): ForecastInterval[] {
  const P = w.length;
  const start = Math.max(1, n - window);
  const lo = levels.map(() => new Float64Array(H));
  const hi = levels.map(() => new Float64Array(H));
  const buf = new Float64Array(Math.max(0, n - start));
  // about 120 origins per lead are plenty for the quantiles; a stride coprime to 7 mixes weekdays
  let stride = Math.max(1, Math.round((n - start) / 120));
  if (stride % 7 === 0) stride++;
  for (let h = 0; h < H; h++) {
    let k = 0;
    for (let t = n - 1 - h; t >= start; t -= stride) {
      const r = rate[t];
      const v = y[t + h];
      const wt = w[(t + h) % P];
      if (r !== r || v !== v || !(wt > 0)) continue;
      buf[k++] = (v - r * wt) / wt;
    }
    const e = buf.subarray(0, k).sort();
    levels.forEach((level, i) => {
      const l = k ? quantileSorted(e, 0.5 - level / 2) : 0;
      const u = k ? quantileSorted(e, 0.5 + level / 2) : 0;
      lo[i][h] = h > 0 ? Math.min(l, lo[i][h - 1]) : l;
      hi[i][h] = h > 0 ? Math.max(u, hi[i][h - 1]) : u;
    });
  }
  return levels.map((level, i) => {
    const lower = mean.map((m, h) => Math.max(0, Math.min(m, m + lo[i][h] * w[(n + h) % P])));
    const upper = mean.map((m, h) => Math.max(m, m + hi[i][h] * w[(n + h) % P]));
    return { level, lower, upper };
  });
}

/**
 * Sorted rolling-origin errors of L-period totals (actual − forecast total) for origins in the
 * last `window` periods; unknown periods contribute neither actual nor forecast.
 * @example totalErrors(forecastSeries(y, { horizon: 28 }).leadTime, 14).length // one per origin in the last year
 */
export function totalErrors(basis: LeadTimeBasis, L: number): number[] {
  return Array.from(errorsOf(rollingTotals(basis, L)));
}

/**
 * Actual and forecast L-period totals per rolling origin, in origin order; `errors` and `ratios` cache their
 * sorted differences and ratios, `dispersion` the basis's: a plan asks for several quantiles of one total.
 */
interface RollingTotals {
  actual: Float64Array;
  forecast: Float64Array;
  errors?: Float64Array;
  ratios?: Float64Array;
  dispersion?: number;
}

/**
 * For each rolling origin in the last `window` periods, the actual and forecast L-period totals
 * (unknown periods count in neither). Computed once per (basis, L) and shared by the errors and the
 * ratios: this loop is most of a plan run's CPU time.
 */
function rollingTotals(basis: LeadTimeBasis, L: number): RollingTotals {
  const y = basis.actual;
  const n = y.length;
  const P = basis.profile.length;
  const w = basis.profile;
  const yi = basis.yearly ? yearlyFn(basis) : null;
  const start = Math.max(1, n - basis.window - L);
  const actual = new Float64Array(Math.max(0, n - L - start + 1));
  const forecast = new Float64Array(actual.length);
  let k = 0;
  for (let t = start; t + L <= n; t++) {
    const r = basis.rate[t];
    if (r !== r) continue;
    let a = 0;
    let f = 0;
    // Without a yearly index the factor is 1, and r · w · 1 is exactly r · w: no call per day.
    if (yi) {
      for (let j = 0; j < L; j++) {
        const v = y[t + j];
        if (v !== v) continue;
        a += v;
        f += r * w[(t + j) % P] * yi(t, j);
      }
    } else {
      for (let j = 0; j < L; j++) {
        const v = y[t + j];
        if (v !== v) continue;
        a += v;
        f += r * w[(t + j) % P];
      }
    }
    actual[k] = a;
    forecast[k++] = f;
  }
  return { actual: actual.subarray(0, k), forecast: forecast.subarray(0, k) };
}

/** `score(actual, forecast)` of every origin, sorted ascending. */
/** Sorted errors actual − forecast of every origin (typed, no callback per origin: this runs per plan series). */
function errorsOf(totals: RollingTotals): Float64Array {
  if (totals.errors) return totals.errors;
  const { actual, forecast } = totals;
  const out = new Float64Array(actual.length);
  for (let i = 0; i < out.length; i++) out[i] = actual[i] - forecast[i];
  return (totals.errors = out.sort());
}

/** Sorted ratios (actual + c) / (forecast + c) of every origin. */
function ratiosOf(totals: RollingTotals, c: number): Float64Array {
  if (totals.ratios) return totals.ratios;
  const { actual, forecast } = totals;
  const out = new Float64Array(actual.length);
  for (let i = 0; i < out.length; i++) out[i] = (actual[i] + c) / (forecast[i] + c);
  return (totals.ratios = out.sort());
}

/** Previous-year index as a function of (origin, lead), or the constant 1. */
function yearlyFn(basis: LeadTimeBasis): (t: number, j: number) => number {
  const spec = basis.yearly;
  if (!spec) return () => 1;
  const prefix = knownPrefix(basis.actual);
  return (t, j) => yearlyIndex(prefix, t, j, spec);
}

/** Forecast total of the next L periods from the end of the basis. */
function forecastTotal(basis: LeadTimeBasis, L: number): number {
  const n = basis.actual.length;
  const r = Math.max(0, basis.rate[n] === basis.rate[n] ? basis.rate[n] : 0);
  const P = basis.profile.length;
  const yi = yearlyFn(basis);
  let f = 0;
  for (let j = 0; j < L; j++) f += r * basis.profile[(n + j) % P] * yi(n, j);
  return f;
}


/** Compound-Poisson dispersion E[size²]/E[size] of the non-zero values in the window (≥ 1). */
function dispersion(basis: LeadTimeBasis): number {
  const y = basis.actual;
  let s1 = 0;
  let s2 = 0;
  for (let t = Math.max(0, y.length - basis.window); t < y.length; t++) {
    const v = y[t];
    if (v > 0) {
      s1 += v;
      s2 += v * v;
    }
  }
  return s1 > 0 ? Math.max(1, s2 / s1) : 1;
}

/**
 * p-quantile of the L-period total: the larger of (a) F + empirical quantile of rolling-origin
 * total errors (no credit for a past over-forecast: a negative median error is not subtracted),
 * (b) F scaled by the empirical quantile of (A + c)/(F + c) ratios (errors grow with the level), and
 * (c) a compound-Poisson floor F + z_p·√(F·E[s²]/E[s]) (intrinsic noise of orders of random size;
 * Silver, Pyke & Thomas 2017 §7 on lumpy demand); the spread of (a) and (b) is widened by the
 * small-sample t factor, and the result is capped at the Chebyshev bound
 * F + sd·√((1 + 1/n_eff)/(1 − p)), sd = root mean square of the total errors (LeadTimeDemand.sd),
 * n_eff = origins / L ≥ 2 — so never above F + sd·√(1.5/(1 − p)) (F + 5.48·sd at p = 0.95).
 * Falls back to a normal approximation with one-step MSE (floored by (c)) when fewer than 8 origins
 * exist.
 */
function totalQuantile(basis: LeadTimeBasis, L: number, p: number, totals = rollingTotals(basis, L)): number {
  const F = forecastTotal(basis, L);
  return rawTotalQuantile(basis, L, p, F, totals);
}

/** `totals`: rollingTotals(basis, L). */
function rawTotalQuantile(basis: LeadTimeBasis, L: number, p: number, F: number, totals: RollingTotals): number {
  const e = errorsOf(totals);
  const z = normalQuantile(p);
  const floor = F + z * Math.sqrt(F * (totals.dispersion ??= dispersion(basis)));
  if (e.length >= 8) {
    // small-sample predictive inflation: n_eff non-overlapping L-windows among the origins
    const nEff = Math.max(2, e.length / L);
    const infl = p > 0.5 ? (studentQuantile(p, Math.max(2, nEff - 1)) * Math.sqrt(1 + 1 / nEff)) / z : 1;
    const inflate = (q: number) => F + infl * (q - F);
    const med = quantileSorted(e, 0.5);
    const add = F + quantileSorted(e, p) - Math.min(0, med);
    const c = PIPELINE.ratioC;
    const ratios = ratiosOf(totals, c);
    const rat = (F + c) * (quantileSorted(ratios, p) - Math.min(0, quantileSorted(ratios, 0.5) - 1)) - c;
    // Chebyshev cap (ADR 013, note of 2026-11-23): no distribution whose root-mean-square deviation
    // from F is sd has a p-quantile above F + sd/√(1 − p) (P(E ≥ a) ≤ E[E²]/a²); sd is widened to the
    // predictive √(1 + 1/n_eff)·sd because it is measured on n_eff independent windows. Without the
    // cap, (2) divided by past forecast totals near zero and the t-inflation of ν ≈ 2 stacked on it:
    // quantiles up to 794× the normal one on short histories.
    let ss = 0;
    for (const x of e) ss += x * x;
    const cap = F + Math.sqrt(((1 + 1 / nEff) * ss) / e.length / (1 - p));
    return Math.min(Math.max(inflate(add), inflate(rat), floor), cap);
  }
  let ss = 0;
  let k = 0;
  for (let t = 1; t < basis.actual.length; t++) {
    const v = basis.actual[t];
    const r = basis.rate[t];
    if (v !== v || r !== r) continue;
    ss += (v - r) ** 2;
    k++;
  }
  const sd = k > 0 ? Math.sqrt((ss / k) * L) : 0;
  return Math.max(F + z * sd, floor);
}

/**
 * Adds back what the outlier cap removed, spread evenly: at each origin t, the capped-off units of the
 * last `window` periods before t ÷ the known periods among them. The cap keeps one huge order from
 * moving the level; spreading its excess keeps the long-run total unbiased (a spike's mass recurs at its
 * average rate, as Croston 1972 spreads order sizes over intervals). Units per period. O(n).
 * @example withCappedExcess(rate, y, [{ index: 3, original: 50, capped: 10 }], 0, 182) // +40 ÷ known periods from t = 4 on
 */
function withCappedExcess(rate: Float64Array, y: Float64Array, capped: readonly CappedPoint[], offset: number, window: number): Float64Array {
  if (capped.length === 0) return rate;
  const n = y.length;
  const excess = new Float64Array(n + 1);
  const known = new Float64Array(n + 1);
  for (const c of capped) excess[c.index - offset + 1] += c.original - c.capped;
  for (let t = 0; t < n; t++) {
    excess[t + 1] += excess[t];
    known[t + 1] = known[t] + (y[t] === y[t] ? 1 : 0);
  }
  const out = new Float64Array(rate);
  for (let t = 1; t <= n; t++) {
    const a = Math.max(0, t - window);
    const k = known[t] - known[a];
    if (k > 0 && out[t] === out[t]) out[t] += (excess[t] - excess[a]) / k;
  }
  return out;
}

/** The prepared series with the outlier cap undone (what was really sold): the totals' errors must see every spike. */
function uncapped(y: Float64Array, capped: readonly CappedPoint[], offset: number): number[] {
  const out = Array.from(y);
  for (const c of capped) out[c.index - offset] = c.original;
  return out;
}

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
