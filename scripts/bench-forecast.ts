/**
 * Forecast accuracy and speed benchmark against the peer harness (/work/shared/bench).
 *   npm run bench:forecast -- --input data.csv [--name NAME] [--runs 7] [--warmup 3] [--bench /work/shared/bench]
 *                            [--out DIR] [--python /usr/bin/python3]
 * 1. Uses the peers' prepared tracks BENCH/work/NAME/{daily,weekly} when run_all.sh has run
 *    (so the table shows Stockcast next to the peers); otherwise runs prepare.py into OUT.
 * 2. Loads each track's history.csv, then times the CLI's forecast step (forecastForCli, the engine's
 *    forecastDemand) over every series (in memory, one process, CSV I/O excluded as for the peers):
 *    `warmup` untimed passes (JIT), then `runs` timed passes; reports the median and the cold first pass.
 * 3. Writes forecasts + a timings CSV and scores them with score.py (PROTOCOL.md §8).
 * Prints series/second, peak RSS and the score.py tables.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { z } from "zod";
import { eachSeries, forecastForCli, forecastRows, learnCalendar } from "./forecast/run";

const Args = z.object({
  input: z.string(),
  name: z.string().optional(),
  runs: z.coerce.number().int().positive().default(7),
  warmup: z.coerce.number().int().nonnegative().default(3),
  bench: z.string().default("/work/shared/bench"),
  out: z.string().default("/tmp/stockcast-bench"),
  python: z.string().default("/usr/bin/python3"),
});

function parse(argv: string[]) {
  const raw: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 2) {
    if (!argv[i].startsWith("--") || argv[i + 1] === undefined) throw new Error(`bad argument "${argv[i]}" (use --key value)`);
    raw[argv[i].slice(2)] = argv[i + 1];
  }
  return Args.parse(raw);
}

function run(cmd: string, args: string[]) {
  const r = spawnSync(cmd, args, { encoding: "utf8", maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed:\n${r.stderr}`);
  return r.stdout;
}

const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor((a.length - 1) / 2)];

async function main() {
  const a = parse(process.argv.slice(2));
  const name = a.name ?? basename(a.input.replace(/\.gz$/, ""), ".csv");
  const peerWork = join(a.bench, "work", name);
  let work = peerWork;
  const withPeers = existsSync(join(peerWork, "daily", "meta.json")) && existsSync(join(peerWork, "weekly", "meta.json"));
  mkdirSync(a.out, { recursive: true });
  if (!withPeers) {
    work = join(a.out, name);
    run(a.python, [join(a.bench, "prepare.py"), "--input", a.input, "--name", name, "--out", work, "--results", a.out]);
  }
  const report: string[] = [];
  for (const track of ["daily", "weekly"] as const) {
    const td = join(work, track);
    const meta = JSON.parse(readFileSync(join(td, "meta.json"), "utf8")) as { H: number };
    const file = join(td, "history.csv");
    const cal = await learnCalendar(file, track === "daily" ? "day" : "week");
    const series: { id: string; y: Float64Array; closed?: Uint8Array }[] = [];
    await eachSeries(
      { input: file, horizon: meta.H, holdout: 0, detectClosed: true },
      cal,
      null,
      (id, y, closed) => {
        series.push({ id, y, closed });
      }
    );
    const freq = track === "daily" ? "day" : "week";
    const times: number[] = [];
    let rows = "series_id,h,method,mean,lo95,hi95,q95_total\n";
    let cold = NaN;
    for (let r = 0; r < a.warmup + a.runs; r++) {
      const t0 = performance.now();
      const out = series.map((s) => forecastForCli(s.y, { horizon: meta.H, freq, closedMask: s.closed }));
      const dt = (performance.now() - t0) / 1000;
      if (r === 0) cold = dt;
      if (r >= a.warmup) times.push(dt);
      if (r === a.warmup + a.runs - 1) out.forEach((f, i) => (rows += forecastRows(series[i].id, f)));
    }
    const secs = median(times);
    const fcFile = join(a.out, `${name}_${track}_stockcast.csv`);
    const tmFile = join(a.out, `${name}_${track}_stockcast_timings.csv`);
    writeFileSync(fcFile, rows);
    writeFileSync(
      tmFile,
      `method,engine,n_series,seconds,fallbacks,note\nstockcast,Node ${process.version} TypeScript,${
        series.length
      },${secs.toFixed(4)},0,median of ${a.runs} passes after ${a.warmup} warm-up passes (first cold pass ${cold.toFixed(
        3
      )} s); ${cal.closed.size} closed periods masked\n`
    );
    const md = join(a.out, `${name}_${track}.md`);
    const scoreArgs = [
      join(a.bench, "score.py"),
      td,
      "--forecasts",
      fcFile,
      "--timings",
      tmFile,
      "--md",
      md,
      "--json",
      md.replace(/\.md$/, ".json"),
      "--title",
      name,
    ];
    if (!withPeers) scoreArgs.splice(2, 0, "--no-auto");
    const table = run(a.python, scoreArgs);
    const rss = process.resourceUsage().maxRSS / 1024;
    report.push(
      `## ${track}: ${series.length} series, H=${meta.H}; Stockcast ${(series.length / secs).toFixed(0)} series/s warm ` +
        `(median of ${a.runs} passes after ${a.warmup} warm-up: ${times.map((t) => t.toFixed(3)).join(", ")} s); ` +
        `cold first pass ${(series.length / cold).toFixed(0)} series/s; peak RSS so far ${rss.toFixed(0)} MiB`,
      table
        .split("\n")
        .filter((l) => l.startsWith("|"))
        .join("\n")
    );
  }
  console.log(report.join("\n\n"));
  console.log(
    `\nmachine: ${process.platform} ${process.arch}, Node ${process.version}, ${
      (await import("node:os")).cpus().length
    } cores; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`
  );
}

main().catch((e: unknown) => {
  console.error(`bench-forecast: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
