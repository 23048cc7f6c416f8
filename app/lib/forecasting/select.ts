/**
 * Model selection of forecastSeries: the level model by rolling-origin cross-validation (Tashman 2000),
 * restricted by demand class (ADR 011), and the previous-year index when it wins the same test.
 */
import { analogueForecast, type AnalogueCurves } from "./analogues";
import { candidatesFor, maRate, type Candidate, type Grid } from "./candidates";
import type { DemandClass } from "./classify";
import { knownPrefix, yearlyIndex, type YearlySpec } from "./yearly";

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

/** The chosen level model: its rate path, the rolling-origin score of each candidate and the yearly index. */
export interface Selection {
  method: string;
  /** Rate path, length n + 1 (see candidates.ts). */
  rate: Float64Array;
  /** Rolling-origin MSE of each candidate, best first (empty when there was no contest). */
  scores: { method: string; mse: number }[];
  fromAnalogues: boolean;
  /** Previous-year index applied on top of rate × profile (null when not used). */
  yearly: YearlySpec | null;
}

/**
 * Picks the level model of a prepared series: "zero" for a dead one; for a new one the analogue
 * launch curves when any apply, else the mean since the first sale (as for a history shorter than two
 * horizons); otherwise the candidate with the lowest rolling-origin MSE of H-period windows, except
 * that a grid with a default combination keeps it unless the winner beats it by the grid's margin.
 * @example selectModel(y, "smooth", 28, profile, gridFor(7)).method // e.g. "ses(0.1)"
 */
export function selectModel(
  y: Float64Array,
  cls: DemandClass,
  H: number,
  profile: readonly number[],
  grid: Grid,
  analogues?: AnalogueCurves
): Selection {
  const n = y.length;
  let method: string;
  let rate: Float64Array;
  let scores: { method: string; mse: number }[] = [];
  let fromAnalogues = false;
  if (cls === "dead") {
    method = "zero";
    rate = new Float64Array(n + 1);
  } else if (cls === "new" && n > 0 && analogues && analogueForecast(y, analogues, n).used > 0) {
    const a = analogueForecast(y, analogues, n);
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
  return { method, rate, scores, fromAnalogues, yearly: null };
}

/**
 * Adds the previous-year index (yearly.ts) to a selection when the data is seasonal (period 7 or 52),
 * a contest was held and at least two years are known, and only if it lowers the rolling-origin MSE
 * below the winner's; its method then reads "<method>×yearly" and leads the scores.
 * @example withYearly(sel, y, profile, 28, gridFor(7), { period: 7, periodsPerWeek: 7, periods: 800 }).yearly
 */
export function withYearly(
  sel: Selection,
  y: Float64Array,
  profile: readonly number[],
  H: number,
  grid: Grid,
  data: { period: 1 | 7 | 52; periodsPerWeek: number; periods: number }
): Selection {
  const n = y.length;
  const ppw = data.periodsPerWeek;
  const ppy = ppw === 7 ? 364 : 52;
  if (!(data.period !== 1 && sel.scores.length && data.periods >= 2 * ppy)) return sel;
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
  const withYear = cvScore(y, sel.rate, profile, H, grid.cvOrigins, grid.cvStep, { spec, prefix });
  if (!(withYear < sel.scores[0].mse)) return sel;
  const method = `${sel.method}×yearly`;
  return { ...sel, method, scores: [{ method, mse: withYear }, ...sel.scores], yearly: spec };
}
