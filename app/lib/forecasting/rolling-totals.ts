/**
 * The serialisable basis of lead-time totals and the rolling-origin totals measured on it: what the
 * selected model would have forecast for every past L-period window beside what was sold (Tashman 2000).
 */
import { knownPrefix, yearlyIndex, type YearlySpec } from "./yearly";

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

/**
 * Actual and forecast L-period totals per rolling origin, in origin order; `errors` and `ratios` cache their
 * sorted differences and ratios, `dispersion` the basis's: a plan asks for several quantiles of one total.
 */
export interface RollingTotals {
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
export function rollingTotals(basis: LeadTimeBasis, L: number): RollingTotals {
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

/** Sorted errors actual − forecast of every origin (typed, no callback per origin: this runs per plan series). */
export function errorsOf(totals: RollingTotals): Float64Array {
  if (totals.errors) return totals.errors;
  const { actual, forecast } = totals;
  const out = new Float64Array(actual.length);
  for (let i = 0; i < out.length; i++) out[i] = actual[i] - forecast[i];
  return (totals.errors = out.sort());
}

/** Sorted ratios (actual + c) / (forecast + c) of every origin. */
export function ratiosOf(totals: RollingTotals, c: number): Float64Array {
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
export function forecastTotal(basis: LeadTimeBasis, L: number): number {
  const n = basis.actual.length;
  const r = Math.max(0, basis.rate[n] === basis.rate[n] ? basis.rate[n] : 0);
  const P = basis.profile.length;
  const yi = yearlyFn(basis);
  let f = 0;
  for (let j = 0; j < L; j++) f += r * basis.profile[(n + j) % P] * yi(n, j);
  return f;
}
