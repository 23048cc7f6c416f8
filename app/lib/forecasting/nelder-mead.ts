/**
 * Nelder–Mead simplex minimiser, a line-by-line port of R's `optim(method = "Nelder-Mead")`
 * (`nmmin` in R's src/appl/optim.c, after Nash, *Compact Numerical Methods*, 1990, Alg. 19),
 * so that ETS fits land where R's `forecast::ets` lands. Deterministic: no randomness.
 */

/** Options for {@link nelderMead}. */
export interface NelderMeadOptions {
  /** Maximum number of function evaluations (R: maxit). Default 2000. */
  maxEvaluations?: number;
  /** Relative convergence tolerance on the simplex's function values (R: reltol). Default 1.49e-8. */
  relTol?: number;
  /** Optional box bounds; points outside get the value 1e35 (R's `big`), which keeps the search inside. */
  lower?: readonly number[];
  /** Upper box bounds (see lower). */
  upper?: readonly number[];
}

/** Result of {@link nelderMead}. */
export interface NelderMeadResult {
  /** Best point found. */
  x: number[];
  /** Objective at x. */
  value: number;
  /** Function evaluations used. */
  evaluations: number;
  /** True when the tolerance was met before maxEvaluations. */
  converged: boolean;
}

const BIG = 1.0e35;

/**
 * Minimises `f` from the starting point `x0` with the Nelder–Mead simplex method
 * (reflection 1, contraction 0.5, expansion 2; initial simplex step = 10% of the largest |x0ᵢ|).
 * Reference: Nelder & Mead (1965), Computer Journal 7(4); R `optim` implementation.
 * Complexity: O(evaluations · cost(f) + evaluations · n).
 * @example nelderMead(([a, b]) => (a - 1) ** 2 + (b + 2) ** 2, [0, 0]).x // ≈ [1, -2]
 */
export function nelderMead(
  f: (x: Float64Array) => number,
  x0: readonly number[],
  opts: NelderMeadOptions = {}
): NelderMeadResult {
  const n = x0.length;
  if (n < 1) throw new RangeError("nelderMead requires at least one parameter");
  const maxit = opts.maxEvaluations ?? 2000;
  const intol = opts.relTol ?? 1.490116119384765625e-8;
  const { lower, upper } = opts;
  const alpha = 1;
  const bet = 0.5;
  const gamm = 2;
  const bvec = Float64Array.from(x0);
  const fmin = (x: Float64Array): number => {
    if (lower && upper) {
      for (let i = 0; i < n; i++) if (x[i] < lower[i] || x[i] > upper[i]) return BIG;
    }
    const v = f(x);
    return Number.isFinite(v) ? v : BIG;
  };
  const n1 = n + 1;
  const C = n + 2;
  // P[i][j]: rows 0..n-1 coordinates, row n function values; columns 0..n vertices, column n+1 centroid.
  const P: Float64Array[] = [];
  for (let i = 0; i <= n; i++) P.push(new Float64Array(C));
  let fv = fmin(bvec);
  if (fv >= BIG) throw new RangeError("nelderMead requires a finite objective at the starting point");
  let funcount = 1;
  const convtol = intol * (Math.abs(fv) + intol);
  P[n1 - 1][0] = fv;
  for (let i = 0; i < n; i++) P[i][0] = bvec[i];
  let L = 1;
  let step = 0;
  for (let i = 0; i < n; i++) if (0.1 * Math.abs(bvec[i]) > step) step = 0.1 * Math.abs(bvec[i]);
  if (step === 0) step = 0.1;
  let size = 0;
  for (let j = 2; j <= n1; j++) {
    for (let i = 0; i < n; i++) P[i][j - 1] = bvec[i];
    let trystep = step;
    while (P[j - 2][j - 1] === bvec[j - 2]) {
      P[j - 2][j - 1] = bvec[j - 2] + trystep;
      trystep *= 10;
    }
    size += trystep;
  }
  let oldsize = size;
  let calcvert = true;
  let converged = false;
  do {
    if (calcvert) {
      for (let j = 0; j < n1; j++) {
        if (j + 1 !== L) {
          for (let i = 0; i < n; i++) bvec[i] = P[i][j];
          fv = fmin(bvec);
          funcount++;
          P[n1 - 1][j] = fv;
        }
      }
      calcvert = false;
    }
    let VL = P[n1 - 1][L - 1];
    let VH = VL;
    let H = L;
    for (let j = 1; j <= n1; j++) {
      if (j !== L) {
        const v = P[n1 - 1][j - 1];
        if (v < VL) {
          L = j;
          VL = v;
        }
        if (v > VH) {
          H = j;
          VH = v;
        }
      }
    }
    if (VH <= VL + convtol) {
      converged = true;
      break;
    }
    for (let i = 0; i < n; i++) {
      let temp = -P[i][H - 1];
      for (let j = 0; j < n1; j++) temp += P[i][j];
      P[i][C - 1] = temp / n;
    }
    for (let i = 0; i < n; i++) bvec[i] = (1 + alpha) * P[i][C - 1] - alpha * P[i][H - 1];
    fv = fmin(bvec);
    funcount++;
    const VR = fv;
    if (VR < VL) {
      P[n1 - 1][C - 1] = fv;
      for (let i = 0; i < n; i++) {
        const e = gamm * bvec[i] + (1 - gamm) * P[i][C - 1];
        P[i][C - 1] = bvec[i];
        bvec[i] = e;
      }
      fv = fmin(bvec);
      funcount++;
      if (fv < VR) {
        for (let i = 0; i < n; i++) P[i][H - 1] = bvec[i];
        P[n1 - 1][H - 1] = fv;
      } else {
        for (let i = 0; i < n; i++) P[i][H - 1] = P[i][C - 1];
        P[n1 - 1][H - 1] = VR;
      }
    } else {
      if (VR < VH) {
        for (let i = 0; i < n; i++) P[i][H - 1] = bvec[i];
        P[n1 - 1][H - 1] = VR;
      }
      for (let i = 0; i < n; i++) bvec[i] = (1 - bet) * P[i][H - 1] + bet * P[i][C - 1];
      fv = fmin(bvec);
      funcount++;
      if (fv < P[n1 - 1][H - 1]) {
        for (let i = 0; i < n; i++) P[i][H - 1] = bvec[i];
        P[n1 - 1][H - 1] = fv;
      } else if (VR >= VH) {
        calcvert = true;
        size = 0;
        for (let j = 0; j < n1; j++) {
          if (j + 1 !== L) {
            for (let i = 0; i < n; i++) {
              P[i][j] = bet * (P[i][j] - P[i][L - 1]) + P[i][L - 1];
              size += Math.abs(P[i][j] - P[i][L - 1]);
            }
          }
        }
        if (size < oldsize) oldsize = size;
        else break;
      }
    }
  } while (funcount <= maxit);
  const x = new Array<number>(n);
  for (let i = 0; i < n; i++) x[i] = P[i][L - 1];
  return { x, value: P[n1 - 1][L - 1], evaluations: funcount, converged };
}
