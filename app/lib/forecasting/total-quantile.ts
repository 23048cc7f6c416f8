/** Calibrated quantiles of an L-period demand total (ADR 013). */
import { normalQuantile, quantileSorted, studentQuantile } from "./numeric";
import { errorsOf, forecastTotal, ratiosOf, rollingTotals, type LeadTimeBasis, type RollingTotals } from "./rolling-totals";

/** The offset c of the (A + c)/(F + c) ratios: a setting of the default pipeline (ADR 011). */
const RATIO_C = 1;

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
export function totalQuantile(basis: LeadTimeBasis, L: number, p: number, totals = rollingTotals(basis, L)): number {
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
    const c = RATIO_C;
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
