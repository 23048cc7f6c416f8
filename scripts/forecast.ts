/**
 * Forecast CLI.
 *   npm run forecast -- --input history.csv --horizon 28 --out forecasts.csv
 *                       [--freq day|week] [--levels 0.8,0.9,0.95] [--holdout 28] [--stockouts mask.csv] [--no-closed]
 *   npm run forecast -- --synthetic 50000 [--days 730] [--horizon 28]   (memory/speed proof)
 * Input: series_id,date,qty (daily, or weekly dated by Monday; rows grouped by series).
 * Output: series_id,h,method,mean,lo95,hi95,q95_total (the benchmark's score.py format); `--levels 0.9,0.99`
 * adds q0.9_total,q0.99_total: quantiles of the total over the horizon, from the planner's engine
 * (app/lib/planning). The CLI runs the product's defaults only: there is no flag for an experimental method.
 */
import { parseArgs, parseLevels } from "./forecast/args";
import { InputError } from "./forecast/csv";
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import { availableParallelism } from "node:os";
import type { WorkerSetup } from "./forecast/pool";
import { runForecast, serveForecasts } from "./forecast/run";
import { runSynthetic } from "./forecast/synthetic";

async function main() {
  const a = parseArgs(process.argv.slice(2));
  if (a.synthetic) {
    const s = runSynthetic(a.synthetic, a.days, a.horizon);
    console.log(JSON.stringify(s));
    return;
  }
  const s = await runForecast({
    input: a.input!,
    horizon: a.horizon,
    out: a.out,
    freq: a.freq,
    holdout: a.holdout,
    stockouts: a.stockouts,
    detectClosed: !a["no-closed"],
    levels: a.levels ? parseLevels(a.levels) : [],
    // Fitting is the CPU-bound part: one worker per core, this thread reads and writes. Workers load this
    // file, so only the bundle (npm run forecast) starts them: under tsx a worker cannot load TypeScript.
    threads: import.meta.url.endsWith(".mjs") && availableParallelism() > 1 ? availableParallelism() : 0,
    workerEntry: new URL(import.meta.url),
  });
  const rss = process.memoryUsage().rss / 2 ** 20;
  console.error(
    `forecast: ${s.series} series (${s.freq}, ${s.closedDays} closed periods detected, ${
      s.skipped
    } skipped) in ${s.wallSeconds.toFixed(2)} s; ` +
      `fit+forecast ${s.fitSeconds.toFixed(2)} s = ${(s.series / s.fitSeconds).toFixed(0)} series/s; rss ${rss.toFixed(0)} MiB` +
      (a.out ? `; wrote ${a.out}` : "") +
      `; methods: ${Object.entries(s.methods)
        .map(([m, k]) => `${m} ${k}`)
        .join(", ")}`
  );
}

if (!isMainThread && (workerData as WorkerSetup | undefined)?.forecastWorker) serveForecasts(workerData as WorkerSetup, parentPort!);
else
main().catch((e: unknown) => {
  if (e instanceof InputError || e instanceof RangeError || e instanceof Error) {
    console.error(`forecast: ${e.message}`);
    process.exit(e instanceof InputError ? 2 : 1);
  }
  throw e;
});
