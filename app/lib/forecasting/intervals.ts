/** Per-step prediction intervals of forecastSeries, from rolling-origin errors. */
import { quantileSorted } from "./numeric";
import type { ForecastInterval } from "./types";

/**
 * Per-step intervals from rolling-origin errors at each lead h (errors divided by the seasonal
 * weight, so a closed weekday gets a zero-width interval), made monotone so they never narrow
 * with the horizon. About 120 origins per lead; quantiles R type 7. O(H · 120 log 120).
 */
export function stepIntervals(
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
