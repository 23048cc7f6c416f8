/**
 * Seasonal profile (weekday pattern) as multiplicative weights, used to spread a per-period rate
 * over the days of the week.
 */

/**
 * Estimates multiplicative seasonal weights wₚ for phases p = t mod period from the last
 * `window` periods of y: wₚ = ((Sₚ + κ·ȳ)/(cₚ + κ)) / ȳ, where Sₚ, cₚ are the sum and count of
 * known values at phase p, ȳ the overall known mean and κ a pseudo-count shrinking towards 1
 * (empirical-Bayes shrinkage; cf. Miller & Williams 2003, IJF 19(4), "Shrinkage estimators of
 * time series seasonal factors"). A phase with no known value (e.g. a closed weekday) gets 0.
 * Weights average 1 over the known periods. Units: dimensionless.
 * @example seasonalProfile([0, 2, 4, 0, 2, 4], 3, 6, 0) // [0, 1, 2]
 */
export function seasonalProfile(y: ArrayLike<number>, period: number, window = 364, kappa = 8): number[] {
  if (!Number.isInteger(period) || period < 1) throw new RangeError("period must be a positive integer");
  if (period === 1) return [1];
  const n = y.length;
  const sum = new Float64Array(period);
  const cnt = new Float64Array(period);
  let s = 0;
  let c = 0;
  for (let t = Math.max(0, n - window); t < n; t++) {
    const v = y[t];
    if (v !== v) continue;
    const p = t % period;
    sum[p] += v;
    cnt[p]++;
    s += v;
    c++;
  }
  const w = new Array<number>(period).fill(0);
  if (c === 0 || s === 0) {
    for (let p = 0; p < period; p++) w[p] = cnt[p] > 0 || c === 0 ? 1 : 0;
    return normalise(w, cnt);
  }
  const mean = s / c;
  for (let p = 0; p < period; p++) w[p] = cnt[p] > 0 ? (sum[p] + kappa * mean) / (cnt[p] + kappa) / mean : 0;
  return normalise(w, cnt);
}

function normalise(w: number[], cnt: Float64Array): number[] {
  let a = 0;
  let c = 0;
  for (let p = 0; p < w.length; p++) {
    a += w[p] * cnt[p];
    c += cnt[p];
  }
  if (!(a > 0)) return w;
  const f = c / a;
  return w.map((v) => v * f);
}
