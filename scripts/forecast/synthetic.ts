/**
 * Synthetic load test: N intermittent daily series of `days` days generated on the fly
 * (seeded), forecast one at a time; reports throughput and peak RSS. Proves the memory bound
 * of the pipeline without a multi-gigabyte CSV.
 */
import { mulberry32 } from "~/lib/forecasting";
import { forecastForCli } from "./run";

/** Summary of a synthetic run. */
export interface SyntheticSummary {
  series: number;
  days: number;
  seconds: number;
  seriesPerSecond: number;
  peakRssMiB: number;
  checksum: number;
}

/** Generates series i: Bernoulli(p) demand with a weekday pattern, closed Saturdays, lognormal-ish sizes. */
export function syntheticSeries(i: number, days: number, out: Float64Array): Float64Array {
  const u = mulberry32(1000 + i);
  const p = 0.05 + 0.6 * u();
  const size = 1 + 20 * u() * u();
  for (let t = 0; t < days; t++) {
    const dow = t % 7;
    out[t] = dow === 5 ? 0 : u() < p ? Math.round(size * (0.5 + u()) * (dow === 1 ? 1.5 : 1)) : 0;
  }
  return out;
}

/** Runs N synthetic series through the CLI's forecast step (the engine's, with the product's defaults). */
export function runSynthetic(n: number, days: number, horizon: number): SyntheticSummary {
  const y = new Float64Array(days);
  let peak = process.memoryUsage().rss;
  let checksum = 0;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    syntheticSeries(i, days, y);
    const f = forecastForCli(y, { horizon, freq: "day" }).forecast;
    checksum += f.q95Total;
    if ((i & 1023) === 0) peak = Math.max(peak, process.memoryUsage().rss);
  }
  const seconds = (performance.now() - t0) / 1000;
  peak = Math.max(peak, process.memoryUsage().rss);
  return { series: n, days, seconds, seriesPerSecond: n / seconds, peakRssMiB: peak / 2 ** 20, checksum };
}
