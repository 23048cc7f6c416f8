/**
 * ETS exponential-smoothing state-space models (error A/M, trend N/A/Ad, season N/A/M),
 * fitted by maximum likelihood with Nelder–Mead and selected by AICc.
 * Reference: Hyndman, Koehler, Ord & Snyder, *Forecasting with Exponential Smoothing* (2008),
 * ch. 2 (equations), ch. 5 (likelihood), ch. 6 (forecast variances); R `forecast::ets` 8.20
 * (initialisation, parameter bounds, objective) is the reference implementation.
 */
import { nelderMead } from "./nelder-mead";
import { gaussian, mulberry32 } from "./prng";
import { checkHorizon, checkLevels, countFinite, normalIntervals, quantileSorted, toArray } from "./numeric";
import { DEFAULT_LEVELS, type Forecast, type ForecastOptions, type ModelFit, type ModelSpec } from "./types";

/** Error component: additive or multiplicative. */
export type EtsError = "A" | "M";
/** Trend component: none, additive, additive damped. */
export type EtsTrend = "N" | "A" | "Ad";
/** Seasonal component: none, additive, multiplicative. */
export type EtsSeason = "N" | "A" | "M";

/** A model form, e.g. { error: "A", trend: "Ad", season: "A" } = ETS(A,Ad,A). */
export interface EtsForm {
  error: EtsError;
  trend: EtsTrend;
  season: EtsSeason;
}

/** Fit object of an ETS model (plain data). */
export interface EtsFit extends ModelFit {
  params: {
    alpha: number;
    beta: number;
    gamma: number;
    phi: number;
    period: number;
    sigma2: number;
    logLik: number;
    aicc: number;
    nParams: number;
  };
  form: EtsForm;
  /** Initial state [l0, b0?, s_0..s_{m-1}] in R's order (s_0 most recent). */
  initialState: number[];
  /** End state in the same order. */
  state: number[];
}

/** Options for {@link fitEts}. */
export interface EtsOptions {
  /** Model form; omit for automatic AICc selection among admissible forms. */
  form?: EtsForm;
  /** Seasonal period (1 = non-seasonal). Default 1. */
  period?: number;
  /** Optimise the initial states with the smoothing parameters (R's default). Default true. */
  optimizeInitialStates?: boolean;
  /** Nelder–Mead evaluation budget. Default 2000 (R's maxit). */
  maxEvaluations?: number;
  /** Fixed smoothing parameters (not optimised when given). */
  alpha?: number;
  beta?: number;
  gamma?: number;
  phi?: number;
}

/** Options for {@link forecastEts}. */
export interface EtsForecastOptions extends ForecastOptions {
  /** Seed of the simulation used for the intervals of non-linear (multiplicative) forms. Default 1. */
  seed?: number;
  /** Simulated paths for non-linear forms. Default 2000. */
  paths?: number;
}

const LOWER = [1e-4, 1e-4, 1e-4, 0.8];
const UPPER = [0.9999, 0.9999, 0.9999, 0.98];

/**
 * Name of a form as R prints it: "ets(A,Ad,N)".
 * @example etsName({ error: "A", trend: "Ad", season: "N" }) // "ets(A,Ad,N)"
 */
export function etsName(form: EtsForm): string {
  return `ets(${form.error},${form.trend},${form.season})`;
}

/**
 * Parses "AAdN" / "ANA" / "MAM" style codes into a form.
 * @example parseEtsForm("MAM") // { error: "M", trend: "A", season: "M" }
 */
export function parseEtsForm(code: string): EtsForm {
  const m = /^([AM])(N|Ad|A)([NAM])$/.exec(code);
  if (!m) throw new RangeError("ets form must look like ANN, AAdA or MAM");
  return { error: m[1] as EtsError, trend: m[2] as EtsTrend, season: m[3] as EtsSeason };
}

/**
 * Runs the ETS recursions (Hyndman et al. 2008, Table 2.1, error-correction form, as R's
 * etscalc.c) over y from the initial state; NaN observations advance the state without
 * correction. Returns −2·log-likelihood up to a constant (n·log SSE + 2·Σ log|μ| for M error);
 * Infinity when the recursion leaves the admissible region. Writes fitted values / end state
 * when the buffers are given.
 */
function etsFilter(
  y: ArrayLike<number>,
  form: EtsForm,
  m: number,
  alpha: number,
  beta: number,
  gamma: number,
  phi: number,
  init: ArrayLike<number>,
  fitted?: Float64Array,
  endState?: Float64Array,
  ring?: Float64Array
): number {
  const trendKind = form.trend === "N" ? 0 : 1;
  const damped = form.trend === "Ad";
  const seasonKind = form.season === "N" ? 0 : form.season === "A" ? 1 : 2;
  const multErr = form.error === "M";
  const ph = damped ? phi : 1;
  let l = init[0];
  let b = trendKind ? init[1] : 0;
  const off = trendKind ? 2 : 1;
  const s = ring ?? new Float64Array(m);
  if (seasonKind) for (let k = 0; k < m; k++) s[k] = init[off + m - 1 - k];
  let p = 0;
  let sse = 0;
  let logSum = 0;
  let nObs = 0;
  const n = y.length;
  for (let t = 0; t < n; t++) {
    const phib = ph * b;
    const q = l + phib;
    const st = seasonKind ? s[p] : 0;
    const mu = seasonKind === 2 ? q * st : q + st;
    if (fitted) fitted[t] = mu;
    const yt = y[t];
    if (yt !== yt) {
      l = q;
      b = phib;
      if (seasonKind) p = p + 1 === m ? 0 : p + 1;
      continue;
    }
    let e: number;
    if (multErr) {
      if (!(mu > 0)) return Infinity;
      e = (yt - mu) / mu;
      logSum += Math.log(mu);
    } else e = yt - mu;
    sse += e * e;
    nObs++;
    // level
    const pp = seasonKind === 0 ? yt : seasonKind === 1 ? yt - st : yt / st;
    const newL = q + alpha * (pp - q);
    if (trendKind) b = phib + (beta / alpha) * (newL - l - phib);
    if (seasonKind) {
      const tt = seasonKind === 1 ? yt - q : yt / q;
      s[p] = st + gamma * (tt - st);
      p = p + 1 === m ? 0 : p + 1;
    }
    l = newL;
    if ((multErr || seasonKind === 2) && !(l > 0)) return Infinity;
  }
  if (endState) {
    endState[0] = l;
    if (trendKind) endState[1] = b;
    // back to R order: s_0 = most recent = ring[p-1]
    if (seasonKind) for (let k = 0; k < m; k++) endState[off + k] = s[(p - 1 - k + 2 * m) % m];
  }
  if (nObs === 0 || !(sse >= 0)) return Infinity;
  if (sse === 0) sse = 1e-300;
  return nObs * Math.log(sse) + (multErr ? 2 * logSum : 0);
}

/**
 * Heuristic initial states as R's `initstate`: seasonal indices from a classical decomposition
 * of the first three seasons (Fourier fit when shorter), level/trend from a regression on the
 * first max(10, 2m) seasonally adjusted values. Hyndman et al. (2008) §2.6.1.
 */
function initialStates(y: ArrayLike<number>, form: EtsForm, m: number): number[] {
  const n = y.length;
  const yy = new Float64Array(n);
  // fill unknowns by linear interpolation for initialisation only
  let last = NaN;
  for (let i = 0; i < n; i++) {
    if (y[i] === y[i]) last = y[i];
    yy[i] = last;
  }
  let firstFinite = NaN;
  for (let i = 0; i < n; i++)
    if (y[i] === y[i]) {
      firstFinite = y[i];
      break;
    }
  for (let i = 0; i < n; i++) if (yy[i] !== yy[i]) yy[i] = firstFinite;
  const ysa = Float64Array.from(yy);
  const out: number[] = [];
  let initSeas: number[] = [];
  if (form.season !== "N" && m > 1) {
    const mult = form.season === "M";
    // R 8.20 decomposes the whole series when n >= 3m, else fits trend + one Fourier pair.
    const seas = n >= 3 * m ? periodic(classicalSeasonal(yy, m, mult), n) : fourierSeasonal(yy, m, mult);
    initSeas = [];
    for (let j = m - 1; j >= 1; j--) initSeas.push(seas[j]);
    if (mult) {
      initSeas = initSeas.map((v) => Math.max(v, 1e-2));
      const sum = initSeas.reduce((a, v) => a + v, 0);
      if (sum > m) initSeas = initSeas.map((v) => v / (sum + 1e-2 * initSeas.length));
      for (let i = 0; i < n; i++) ysa[i] = yy[i] / Math.max(seas[i], 1e-2);
    } else {
      for (let i = 0; i < n; i++) ysa[i] = yy[i] - seas[i];
    }
  }
  const maxn = Math.min(Math.max(10, 2 * m), n);
  if (form.trend === "N") {
    let s = 0;
    for (let i = 0; i < maxn; i++) s += ysa[i];
    out.push(s / maxn);
  } else {
    // least squares of ysa[0..maxn) on 1..maxn
    let sx = 0,
      sy = 0,
      sxx = 0,
      sxy = 0;
    for (let i = 0; i < maxn; i++) {
      const x = i + 1;
      sx += x;
      sy += ysa[i];
      sxx += x * x;
      sxy += x * ysa[i];
    }
    const slope = maxn > 1 ? (maxn * sxy - sx * sy) / (maxn * sxx - sx * sx) : 0;
    let l0 = (sy - slope * sx) / maxn;
    let b0 = slope;
    if (Math.abs(l0 + b0) < 1e-8) {
      l0 *= 1 + 1e-3;
      b0 *= 1 - 1e-3;
    }
    out.push(l0, b0);
  }
  if (form.season !== "N" && m > 1) out.push(...initSeas);
  return out;
}

/** Seasonal component by classical decomposition (centred MA) of x (length ≥ 2m), R `decompose`. */
function classicalSeasonal(x: ArrayLike<number>, m: number, mult: boolean): Float64Array {
  const n = x.length;
  const trend = new Float64Array(n).fill(NaN);
  const even = m % 2 === 0;
  const half = Math.floor(m / 2);
  for (let t = half; t < n - half; t++) {
    let s = 0;
    if (even) {
      s = 0.5 * x[t - half] + 0.5 * x[t + half];
      for (let k = -half + 1; k < half; k++) s += x[t + k];
    } else for (let k = -half; k <= half; k++) s += x[t + k];
    trend[t] = s / m;
  }
  const fig = new Float64Array(m);
  const cnt = new Float64Array(m);
  for (let t = 0; t < n; t++) {
    if (trend[t] !== trend[t]) continue;
    const v = mult ? x[t] / trend[t] : x[t] - trend[t];
    if (!Number.isFinite(v)) continue;
    fig[t % m] += v;
    cnt[t % m]++;
  }
  let mean = 0;
  for (let k = 0; k < m; k++) {
    fig[k] = cnt[k] > 0 ? fig[k] / cnt[k] : mult ? 1 : 0;
    mean += fig[k] / m;
  }
  for (let k = 0; k < m; k++) fig[k] = mult ? (mean !== 0 ? fig[k] / mean : 1) : fig[k] - mean;
  return fig;
}

function periodic(fig: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = fig[i % fig.length];
  return out;
}

/**
 * Admissible parameter region of ETS (Hyndman et al. 2008, ch. 10; R `admissible`): for
 * seasonal forms every root of the characteristic polynomial lies inside the unit circle
 * (checked with the Schur–Cohn recursion on p((1+1e-8)z) instead of root finding).
 */
function admissible(
  alpha: number,
  beta: number,
  gamma: number,
  phi: number,
  m: number,
  seasonal: boolean,
  trend: boolean
): boolean {
  if (phi < 0 || phi > 1 + 1e-8) return false;
  if (!seasonal) {
    if (alpha < 1 - 1 / phi || alpha > 1 + 1 / phi) return false;
    if (trend && (beta < alpha * (phi - 1) || beta > (1 + phi) * (2 - alpha))) return false;
    return true;
  }
  if (m <= 1) return true;
  const b = trend ? beta : 0;
  if (gamma < Math.max(1 - 1 / phi - alpha, 0) || gamma > 1 + 1 / phi - alpha) return false;
  if (alpha < 1 - 1 / phi - (gamma * (1 - m + phi + phi * m)) / (2 * phi * m)) return false;
  if (b < -(1 - phi) * (gamma / m + alpha)) return false;
  const d = m + 1;
  if (ADM_BUF.length < d + 1) {
    ADM_BUF = new Float64Array(d + 1);
    ADM_TMP = new Float64Array(d + 1);
  }
  const c = ADM_BUF;
  c[0] = phi * (1 - alpha - gamma);
  c[1] = alpha + b - alpha * phi + gamma - 1;
  for (let k = 2; k <= m - 1; k++) c[k] = alpha + b - alpha * phi;
  c[m] = alpha + b - phi;
  c[m + 1] = 1;
  let scale = 1;
  for (let k = 0; k <= d; k++) {
    c[k] *= scale;
    scale *= 1 + 1e-8;
  }
  for (let j = d; j >= 1; j--) {
    const a0 = c[0];
    const aj = c[j];
    if (Math.abs(aj) < 1e-12 && Math.abs(a0) < 1e-12) return maxRootModulus(m, alpha, b, gamma, phi) <= 1 + 1e-10;
    if (!(Math.abs(a0) < Math.abs(aj))) return false;
    for (let i = 0; i <= j; i++) ADM_TMP[i] = c[i];
    for (let i = 1; i <= j; i++) c[i - 1] = aj * ADM_TMP[i] - a0 * ADM_TMP[j - i];
  }
  return true;
}
/** Largest root modulus of the seasonal characteristic polynomial (Durand–Kerner iteration). */
function maxRootModulus(m: number, alpha: number, b: number, gamma: number, phi: number): number {
  const d = m + 1;
  const c = new Float64Array(d + 1);
  c[0] = phi * (1 - alpha - gamma);
  c[1] = alpha + b - alpha * phi + gamma - 1;
  for (let k = 2; k <= m - 1; k++) c[k] = alpha + b - alpha * phi;
  c[m] = alpha + b - phi;
  c[m + 1] = 1;
  const re = new Float64Array(d);
  const im = new Float64Array(d);
  for (let i = 0; i < d; i++) {
    // (0.4 + 0.9i)^i
    const r = Math.pow(Math.hypot(0.4, 0.9), i);
    const th = i * Math.atan2(0.9, 0.4);
    re[i] = r * Math.cos(th);
    im[i] = r * Math.sin(th);
  }
  for (let iter = 0; iter < 500; iter++) {
    let delta = 0;
    for (let i = 0; i < d; i++) {
      // p(z) by Horner
      let pr = c[d];
      let pi = 0;
      for (let k = d - 1; k >= 0; k--) {
        const nr = pr * re[i] - pi * im[i] + c[k];
        pi = pr * im[i] + pi * re[i];
        pr = nr;
      }
      let qr = 1;
      let qi = 0;
      for (let j = 0; j < d; j++) {
        if (j === i) continue;
        const dr = re[i] - re[j];
        const di = im[i] - im[j];
        const nr = qr * dr - qi * di;
        qi = qr * di + qi * dr;
        qr = nr;
      }
      const den = qr * qr + qi * qi || 1e-300;
      const xr = (pr * qr + pi * qi) / den;
      const xi = (pi * qr - pr * qi) / den;
      re[i] -= xr;
      im[i] -= xi;
      delta = Math.max(delta, Math.hypot(xr, xi));
    }
    if (delta < 1e-14) break;
  }
  let mx = 0;
  for (let i = 0; i < d; i++) mx = Math.max(mx, Math.hypot(re[i], im[i]));
  return mx;
}

let ADM_BUF = new Float64Array(16);
let ADM_TMP = new Float64Array(16);

/** Seasonal component from y ~ a + b·t + one Fourier pair (R initstate for n < 3m). */
function fourierSeasonal(y: ArrayLike<number>, m: number, mult: boolean): Float64Array {
  const n = y.length;
  // normal equations for [1, t, sin, cos]
  const X = (t: number) => [1, t + 1, Math.sin((2 * Math.PI * (t + 1)) / m), Math.cos((2 * Math.PI * (t + 1)) / m)];
  const A = [0, 0, 0, 0].map(() => [0, 0, 0, 0]);
  const r = [0, 0, 0, 0];
  for (let t = 0; t < n; t++) {
    const x = X(t);
    for (let i = 0; i < 4; i++) {
      r[i] += x[i] * y[t];
      for (let j = 0; j < 4; j++) A[i][j] += x[i] * x[j];
    }
  }
  const c = solve(A, r);
  const out = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const tr = c[0] + c[1] * (k + 1);
    out[k] = mult ? (tr !== 0 ? y[k] / tr : 1) : y[k] - tr;
  }
  return out;
}

function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r][c]) > Math.abs(M[piv][c])) piv = r;
    [M[c], M[piv]] = [M[piv], M[c]];
    if (Math.abs(M[c][c]) < 1e-12) return new Array(n).fill(0);
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = M[r][c] / M[c][c];
      for (let k = c; k <= n; k++) M[r][k] -= f * M[c][k];
    }
  }
  return M.map((row, i) => row[n] / row[i]);
}

function fitForm(y: ArrayLike<number>, form: EtsForm, m: number, opts: EtsOptions): EtsFit {
  const seasonal = form.season !== "N";
  const trend = form.trend !== "N";
  const damped = form.trend === "Ad";
  const init0 = initialStates(y, form, m);
  const nInit = init0.length + (seasonal ? 1 : 0);
  // number of free initial states (last seasonal implied by normalisation)
  const optInit = opts.optimizeInitialStates ?? true;
  const nFreeInit = (trend ? 2 : 1) + (seasonal ? m - 1 : 0);
  // starting smoothing parameters as R's initparam
  let alpha = opts.alpha ?? LOWER[0] + (0.2 * (UPPER[0] - LOWER[0])) / (seasonal ? m : 1);
  if (alpha > 1 || alpha < 0) alpha = LOWER[0] + 2e-3;
  let beta = opts.beta ?? LOWER[1] + 0.1 * (Math.min(UPPER[1], alpha) - LOWER[1]);
  let gamma = opts.gamma ?? LOWER[2] + 0.05 * (Math.min(UPPER[2], 1 - alpha) - LOWER[2]);
  let phi = opts.phi ?? LOWER[3] + 0.99 * (UPPER[3] - LOWER[3]);
  const free: ("alpha" | "beta" | "gamma" | "phi")[] = [];
  const x0: number[] = [];
  if (opts.alpha === undefined) {
    free.push("alpha");
    x0.push(alpha);
  }
  if (trend && opts.beta === undefined) {
    free.push("beta");
    x0.push(beta);
  }
  if (seasonal && opts.gamma === undefined) {
    free.push("gamma");
    x0.push(gamma);
  }
  if (damped && opts.phi === undefined) {
    free.push("phi");
    x0.push(phi);
  }
  const nSmooth = x0.length;
  if (optInit) for (let k = 0; k < nFreeInit; k++) x0.push(init0[k]);
  const state = new Float64Array(nInit);
  const ring = new Float64Array(Math.max(m, 1));
  const unpack = (x: ArrayLike<number>) => {
    for (let k = 0; k < nSmooth; k++) {
      const nm = free[k];
      if (nm === "alpha") alpha = x[k];
      else if (nm === "beta") beta = x[k];
      else if (nm === "gamma") gamma = x[k];
      else phi = x[k];
    }
    if (optInit) for (let k = 0; k < nFreeInit; k++) state[k] = x[nSmooth + k];
    else for (let k = 0; k < nFreeInit; k++) state[k] = init0[k];
    if (seasonal) {
      const off = trend ? 2 : 1;
      let sum = 0;
      for (let k = 0; k < m - 1; k++) sum += state[off + k];
      state[off + m - 1] = form.season === "A" ? -sum : m - sum;
    }
  };
  const objective = (x: Float64Array): number => {
    unpack(x);
    // R "usual" bounds: beta < alpha, gamma < 1 − alpha, each within [lower, upper]
    if (alpha < LOWER[0] || alpha > UPPER[0]) return Infinity;
    if (trend && (beta < LOWER[1] || beta > alpha)) return Infinity;
    if (seasonal && (gamma < LOWER[2] || gamma > 1 - alpha)) return Infinity;
    if (damped && (phi < LOWER[3] || phi > UPPER[3])) return Infinity;
    if (!admissible(alpha, beta, gamma, damped ? phi : 1, m, seasonal, trend)) return Infinity;
    if (form.season === "M") {
      const off = trend ? 2 : 1;
      for (let k = 0; k < m; k++) if (!(state[off + k] > 0)) return Infinity;
    }
    return etsFilter(y, form, m, alpha, beta, gamma, phi, state, undefined, undefined, ring);
  };
  if (x0.length > 0) {
    const res = nelderMead(objective, x0, { maxEvaluations: opts.maxEvaluations ?? 2000 });
    unpack(res.x);
  } else unpack([]);
  const n = y.length;
  const fitted = new Float64Array(n);
  const end = new Float64Array(nInit);
  const lik = etsFilter(y, form, m, alpha, beta, gamma, phi, state, fitted, end, ring);
  const residuals = new Array<number>(n);
  let sse = 0;
  for (let t = 0; t < n; t++) {
    const r = y[t] - fitted[t];
    residuals[t] = form.error === "A" ? r : r / fitted[t];
    if (r === r) sse += residuals[t] * residuals[t];
  }
  const nObs = countFinite(y);
  const np = nSmooth + (optInit ? nFreeInit : 0) + 1;
  const aic = lik + 2 * np;
  const aicc = nObs - np - 1 > 0 ? aic + (2 * np * (np + 1)) / (nObs - np - 1) : Infinity;
  return {
    method: etsName(form),
    form: { ...form },
    params: {
      alpha,
      beta: trend ? beta : 0,
      gamma: seasonal ? gamma : 0,
      phi: damped ? phi : 1,
      period: m,
      sigma2: nObs - np > 0 ? sse / (nObs - np) : sse / Math.max(nObs, 1),
      logLik: -0.5 * lik,
      aicc,
      nParams: np,
    },
    initialState: toArray(state),
    state: toArray(end),
    fitted: toArray(fitted),
    residuals: form.error === "A" ? residuals : residuals.map((r, t) => (r === r ? y[t] - fitted[t] : NaN)),
  };
}

/**
 * Candidate forms in R's automatic search (restrict = TRUE, no multiplicative trend).
 * @example etsCandidates([0, 1, 2], 7).length // 6 (additive forms only: the data has a zero)
 */
export function etsCandidates(y: ArrayLike<number>, period: number): EtsForm[] {
  let positive = true;
  for (let i = 0; i < y.length; i++) if (y[i] === y[i] && y[i] <= 0) positive = false;
  const errors: EtsError[] = positive ? ["A", "M"] : ["A"];
  const trends: EtsTrend[] = ["N", "A", "Ad"];
  const seasons: EtsSeason[] = period > 1 ? (positive ? ["N", "A", "M"] : ["N", "A"]) : ["N"];
  const out: EtsForm[] = [];
  for (const error of errors)
    for (const trend of trends)
      for (const season of seasons) {
        if (error === "A" && season === "M") continue;
        out.push({ error, trend, season });
      }
  return out;
}

/**
 * Fits an ETS model by maximum likelihood (R's objective: n·log SSE, plus 2·Σlog|μₜ| for
 * multiplicative errors) with Nelder–Mead over the smoothing parameters (and, by default, the
 * initial states); with no `form`, every admissible form is fitted and the lowest AICc wins
 * (Hyndman et al. 2008 §7.2; AICc = AIC + 2k(k+1)/(n−k−1)). Units: those of y per period.
 * @example fitEts([3, 5, 4, 6, 5, 7, 6, 8, 7, 9], { form: parseEtsForm("AAN") }).params.alpha
 */
export function fitEts(y: ArrayLike<number>, opts: EtsOptions = {}): EtsFit {
  const m = opts.period ?? 1;
  if (!Number.isInteger(m) || m < 1) throw new RangeError("period must be a positive integer");
  const nObs = countFinite(y);
  if (nObs < 3) throw new RangeError("ets requires at least three observations");
  if (opts.form) {
    if (opts.form.season !== "N" && m < 2) throw new RangeError("seasonal ets requires period of at least 2");
    if (opts.form.season !== "N" && y.length < m + 2) throw new RangeError("seasonal ets requires more than one season of data");
    if (opts.form.error === "M" || opts.form.season === "M") {
      for (let i = 0; i < y.length; i++)
        if (y[i] === y[i] && y[i] <= 0) throw new RangeError("multiplicative ets requires positive data");
    }
    return fitForm(y, opts.form, m, opts);
  }
  let best: EtsFit | null = null;
  for (const form of etsCandidates(y, m)) {
    if (form.season !== "N" && y.length < m + 2) continue;
    const np = 1 + (form.trend !== "N" ? 2 : 0) + (form.trend === "Ad" ? 1 : 0) + (form.season !== "N" ? m : 0) + 2;
    if (nObs <= np + 1) continue;
    const f = fitForm(y, form, m, opts);
    if (Number.isFinite(f.params.aicc) && (!best || f.params.aicc < best.params.aicc)) best = f;
  }
  if (!best) best = fitForm(y, { error: "A", trend: "N", season: "N" }, m, opts);
  return best;
}

/** Point forecasts from an ETS end state (Hyndman et al. 2008, Table 2.1 forecast functions). */
function etsMean(fit: EtsFit, h: number): number[] {
  const { form } = fit;
  const m = fit.params.period;
  const trend = form.trend !== "N";
  const off = trend ? 2 : 1;
  const l = fit.state[0];
  const b = trend ? fit.state[1] : 0;
  const phi = fit.params.phi;
  const out = new Array<number>(h);
  let phiSum = 0;
  let phiPow = 1;
  for (let k = 1; k <= h; k++) {
    if (form.trend === "Ad") {
      phiPow *= phi;
      phiSum += phiPow;
    } else phiSum = k;
    const lb = l + (trend ? phiSum * b : 0);
    let f = lb;
    if (form.season !== "N") {
      // R order: s_{m-1} is used next, then s_{m-2}, ...
      const s = fit.state[off + m - 1 - ((k - 1) % m)];
      f = form.season === "A" ? lb + s : lb * s;
    }
    out[k - 1] = f;
  }
  return out;
}

/**
 * Forecasts an ETS fit h periods ahead. Class-1 (linear, additive) forms get the analytic
 * variance σ²[1 + Σⱼ₌₁^{h−1} cⱼ²], cⱼ = α + βφⱼ + γ·1[j mod m = 0] (Hyndman et al. 2008,
 * Table 6.1); other forms take quantiles of seeded simulated paths (§6.1). Means and bounds are
 * clipped at 0 (demand).
 * @example forecastEts(fitEts(y, { form: parseEtsForm("ANN") }), 7).mean
 */
export function forecastEts(fit: EtsFit, h: number, opts: EtsForecastOptions = {}): Forecast {
  checkHorizon(h);
  const levels = checkLevels(opts.levels ?? DEFAULT_LEVELS);
  const raw = etsMean(fit, h);
  const mean = raw.map((v) => Math.max(0, v));
  const { form } = fit;
  const { alpha, beta, gamma, phi, sigma2 } = fit.params;
  const m = fit.params.period;
  if (form.error === "A" && form.season !== "M") {
    const sd = new Float64Array(h);
    let acc = 0;
    let phiJ = 0;
    let phiPow = 1;
    for (let k = 1; k <= h; k++) {
      if (k > 1) {
        const j = k - 1;
        if (form.trend === "Ad") {
          phiPow *= phi;
          phiJ += phiPow;
        } else if (form.trend === "A") phiJ = j;
        const c = alpha + (form.trend !== "N" ? beta * phiJ : 0) + (form.season !== "N" && j % m === 0 ? gamma : 0);
        acc += c * c;
      }
      sd[k - 1] = Math.sqrt(sigma2 * (1 + acc));
    }
    return {
      method: fit.method,
      mean,
      intervals: levels.length
        ? normalIntervals(raw, sd, levels).map((iv) => ({ ...iv, upper: iv.upper.map((u) => Math.max(0, u)) }))
        : [],
    };
  }
  // simulation for non-linear forms
  const nPaths = opts.paths ?? 2000;
  const z = gaussian(mulberry32(opts.seed ?? 1));
  const sigma = Math.sqrt(sigma2);
  const sims: Float64Array[] = Array.from({ length: h }, () => new Float64Array(nPaths));
  const trend = form.trend !== "N";
  const off = trend ? 2 : 1;
  const ring = new Float64Array(Math.max(m, 1));
  for (let path = 0; path < nPaths; path++) {
    let l = fit.state[0];
    let b = trend ? fit.state[1] : 0;
    if (form.season !== "N") for (let k = 0; k < m; k++) ring[k] = fit.state[off + m - 1 - k];
    let p = 0;
    for (let k = 0; k < h; k++) {
      const phib = (form.trend === "Ad" ? phi : 1) * b;
      const q = l + phib;
      const st = form.season !== "N" ? ring[p] : 0;
      const mu = form.season === "M" ? q * st : q + st;
      const eps = sigma * z();
      const yv = form.error === "A" ? mu + eps : mu * (1 + eps);
      sims[k][path] = yv;
      // error-correction updates expressed through y (same as the filter)
      const pp = form.season === "N" ? yv : form.season === "A" ? yv - st : yv / st;
      const newL = q + alpha * (pp - q);
      if (trend) b = phib + (beta / alpha) * (newL - l - phib);
      if (form.season !== "N") {
        const tt = form.season === "A" ? yv - q : yv / q;
        ring[p] = st + gamma * (tt - st);
        p = (p + 1) % m;
      }
      l = newL;
    }
  }
  const intervals = levels.map((level) => {
    const lower = new Array<number>(h);
    const upper = new Array<number>(h);
    for (let k = 0; k < h; k++) {
      const s = sims[k].sort();
      lower[k] = Math.max(0, Math.min(mean[k], quantileSorted(s, 0.5 - level / 2)));
      upper[k] = Math.max(mean[k], quantileSorted(s, 0.5 + level / 2));
    }
    return { level, lower, upper };
  });
  return { method: fit.method, mean, intervals };
}

/**
 * Fits and forecasts in one call (see {@link fitEts}, {@link forecastEts}).
 * @example ets(airPassengers, 12, { form: parseEtsForm("MAM"), period: 12 }).mean[0] // ≈ 449 (R: 448.97)
 */
export function ets(y: ArrayLike<number>, h: number, opts: EtsOptions & EtsForecastOptions = {}): Forecast {
  return forecastEts(fitEts(y, opts), h, opts);
}

/**
 * Re-runs a fit's smoothing parameters and initial state over new data (no re-estimation);
 * used for rolling-origin evaluation. Hyndman et al. (2008) §2.
 * @example refilterEts(fitEts(y), y.slice(0, 100)).state // end state after 100 periods
 */
export function refilterEts(fit: EtsFit, y: ArrayLike<number>): EtsFit {
  const m = fit.params.period;
  const fitted = new Float64Array(y.length);
  const end = new Float64Array(fit.initialState.length);
  etsFilter(y, fit.form, m, fit.params.alpha, fit.params.beta, fit.params.gamma, fit.params.phi, fit.initialState, fitted, end);
  const residuals = new Array<number>(y.length);
  for (let t = 0; t < y.length; t++) residuals[t] = y[t] - fitted[t];
  return { ...fit, fitted: toArray(fitted), residuals, state: toArray(end) };
}

/**
 * ETS as a {@link ModelSpec} with a fixed form (or automatic when form is omitted).
 * @example etsSpec({ form: parseEtsForm("ANN") }).name // "ets(A,N,N)"
 */
export function etsSpec(opts: EtsOptions = {}): ModelSpec<EtsFit> {
  return {
    name: opts.form ? etsName(opts.form) : "ets",
    fit: (y) => fitEts(y, opts),
    forecast: (fit, h, o) => forecastEts(fit, h, o),
    refilter: refilterEts,
  };
}
