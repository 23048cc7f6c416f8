/**
 * Candidate level models of forecastSeries: each is a per-period rate path (length n + 1: the
 * one-step forecast made with data up to t − 1, then the final rate), on the grid of its data
 * frequency (ADR 011).
 */
import type { DemandClass } from "./classify";
import { fitCroston } from "./croston";
import { countPositive } from "./intermittent";
import { fitMovingAverage } from "./moving-average";
import { sesPass } from "./ses";
import { fitTsb } from "./tsb";

export interface Candidate {
  method: string;
  rate: Float64Array; // length n + 1
}

/** Candidate grid and selection rule per data frequency (ADR 011). */
export interface Grid {
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
export function maRate(y: Float64Array, k: number): Float64Array {
  const f = fitMovingAverage(y, Math.max(1, Math.min(k, y.length)));
  return ratePath(f.fitted, f.params.level);
}

/**
 * Candidates for a demand class: SES over the grid's α values and trailing means of its windows for
 * every class; for intermittent and lumpy series also Croston-SBA (when there are two sales or more)
 * and TSB; plus the grid's default combination when it has one.
 * @example candidatesFor("smooth", y, gridFor(7)).map((c) => c.method) // ["ses(0.02)", …, "ma112"]
 */
export function candidatesFor(cls: DemandClass, y: Float64Array, g: Grid): Candidate[] {
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
 * The grid of a data frequency: daily when there are 7 periods per week, else weekly.
 * @example gridFor(7).cvOrigins // 8
 */
export function gridFor(periodsPerWeek: number): Grid {
  return periodsPerWeek === 7 ? DAILY : WEEKLY;
}
