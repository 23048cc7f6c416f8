// `npm run forecast -- --levels …`: quantiles of the horizon total at the levels asked for, from the engine's
// step the planner takes its lead-time quantiles from.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { forecastSeries, leadTimeDemand } from "~/lib/forecasting";
import { parseArgs, parseLevels } from "./args";
import { forecastForCli, forecastHeader, forecastRows, runForecast } from "./run";

/** 140 days of a weekly pattern with noise and a few zero days (deterministic). */
function sampleSeries(seed: number, days = 140): Float64Array {
  const y = new Float64Array(days);
  let s = seed;
  for (let t = 0; t < days; t++) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const noise = (s / 2 ** 31) * 4;
    y[t] = t % 11 === 0 ? 0 : Math.round(3 + (t % 7 === 5 ? 4 : 0) + noise);
  }
  return y;
}

const columns = (row: string) => row.trim().split(",");

describe("--levels", () => {
  it("keeps each level as spelled for its column name", () => {
    expect(parseLevels("0.8,0.9,0.95,0.98,0.99,0.995")).toEqual([
      { label: "0.8", p: 0.8 },
      { label: "0.9", p: 0.9 },
      { label: "0.95", p: 0.95 },
      { label: "0.98", p: 0.98 },
      { label: "0.99", p: 0.99 },
      { label: "0.995", p: 0.995 },
    ]);
    expect(forecastHeader(parseLevels("0.9, .995"))).toBe("series_id,h,method,mean,lo95,hi95,q95_total,q0.9_total,q.995_total\n");
    expect(parseArgs(["--input", "x.csv", "--levels", "0.9,0.99"]).levels).toBe("0.9,0.99");
  });

  it("refuses a level outside (0, 1), a word, or the same level twice, naming it", () => {
    expect(() => parseLevels("0.9,1")).toThrow('--levels: "1" is not a level between 0 and 1');
    expect(() => parseLevels("0")).toThrow('"0" is not a level');
    expect(() => parseLevels("95")).toThrow('"95" is not a level');
    expect(() => parseLevels("0.9,high")).toThrow('"high" is not a level');
    expect(() => parseLevels("0.9,")).toThrow('"" is not a level');
    expect(() => parseLevels("0.9,0.90")).toThrow("--levels: 0.90 is given twice");
  });

  it("writes the planner's quantiles of the horizon total; q0.95_total is q95_total", () => {
    const f = forecastSeries(sampleSeries(7), { horizon: 28, period: 7 });
    const levels = parseLevels("0.5,0.8,0.95,0.995");
    const rows = forecastRows("s1", forecastForCli(sampleSeries(7), { horizon: 28, freq: "day" }, levels)).trim().split("\n").map(columns);
    expect(rows).toHaveLength(28);
    const total = leadTimeDemand(f, 28);
    const expected = levels.map((l) => total.quantile(l.p));
    for (const row of rows) {
      expect(row).toHaveLength(7 + levels.length);
      expect(row.slice(7).map(Number)).toEqual(expected.map((q) => Number(q.toFixed(6))));
    }
    expect(Number(rows[0][9])).toBeCloseTo(Number(rows[0][6]), 6);
    // A median below the mean of a right-skewed total, the 99.5% well above it.
    expect(expected[0]).toBeLessThan(expected[3]);
  });

  it("leaves the score.py columns as they are without --levels", () => {
    const f = forecastForCli(sampleSeries(3), { horizon: 7, freq: "day" });
    expect(forecastRows("s", f)).toBe(forecastRows("s", forecastForCli(sampleSeries(3), { horizon: 7, freq: "day" }, [])));
    expect(columns(forecastRows("s", f).split("\n")[0])).toHaveLength(7);
  });

  it("never writes a negative or NaN quantile, and quantiles rise with the level (property)", () => {
    const levels = parseLevels("0.5,0.8,0.9,0.95,0.98,0.99,0.995");
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 40 }), { minLength: 30, maxLength: 120 }), fc.integer({ min: 1, max: 28 }), (history, horizon) => {
        const f = forecastForCli(Float64Array.from(history), { horizon, freq: "day" }, levels);
        const q = columns(forecastRows("s", f).split("\n")[0]).slice(7).map(Number);
        expect(q.every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
        for (let i = 1; i < q.length; i++) expect(q[i]).toBeGreaterThanOrEqual(q[i - 1]);
      }),
      { numRuns: 60, seed: 20261207 },
    );
  });

  it("adds the columns to a whole CLI run, one value per series on each of its rows", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "stockcast-levels-"));
    const input = path.join(dir, "history.csv");
    const out = path.join(dir, "forecasts.csv");
    const lines = ["series_id,date,qty"];
    for (const [id, seed] of [["a", 1], ["b", 2]] as const) {
      sampleSeries(seed, 84).forEach((qty, t) => lines.push(`${id},${new Date(Date.UTC(2025, 0, 1 + t)).toISOString().slice(0, 10)},${qty}`));
    }
    writeFileSync(input, `${lines.join("\n")}\n`);
    const summary = await runForecast({ input, out, horizon: 14, holdout: 0, detectClosed: true, levels: parseLevels("0.9,0.99") });
    expect(summary.series).toBe(2);
    const [header, ...rows] = readFileSync(out, "utf8").trim().split("\n");
    expect(header).toBe("series_id,h,method,mean,lo95,hi95,q95_total,q0.9_total,q0.99_total");
    expect(rows).toHaveLength(2 * 14);
    for (const id of ["a", "b"]) {
      const own = rows.map(columns).filter((r) => r[0] === id);
      expect(new Set(own.map((r) => r.slice(6).join(","))).size).toBe(1);
      const [q95, q90, q99] = own[0].slice(6).map(Number);
      expect(q90).toBeLessThanOrEqual(q95);
      expect(q95).toBeLessThanOrEqual(q99);
    }
  });
});
