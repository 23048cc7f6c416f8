// The forecast CLI's input: bad arguments and bad rows get a message that names the problem (and the line).
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseArgs } from "./args";
import { InputError, isoWeekday, parseDay, readRows } from "./csv";
import { runForecast } from "./run";

const dir = mkdtempSync(path.join(os.tmpdir(), "stockcast-cli-"));
const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};
const readAll = async (p: string) => {
  const rows = [];
  for await (const r of readRows(p)) rows.push(r);
  return rows;
};
const options = (input: string) => ({ input, horizon: 7, holdout: 0, detectClosed: true });

describe("forecast CLI arguments", () => {
  it("takes the product's defaults and refuses what it does not know", () => {
    expect(parseArgs(["--input", "h.csv"])).toEqual({ input: "h.csv", horizon: 28, holdout: 0, days: 730, "no-closed": false });
    // The experimental flags went away: the CLI runs what the planner ships.
    for (const flag of ["--calibrate", "--ensemble", "--method"]) expect(() => parseArgs(["--input", "h.csv", flag, "2"])).toThrow(`unknown option ${flag}`);
    expect(() => parseArgs([])).toThrow("--input <history.csv> (or --synthetic N) is required");
    expect(() => parseArgs(["h.csv"])).toThrow('unexpected argument "h.csv"');
    expect(() => parseArgs(["--input", "h.csv", "--freq", "month"])).toThrow(/^freq: /);
    expect(() => parseArgs(["--input", "h.csv", "--horizon", "0"])).toThrow(/^horizon: /);
  });
});

describe("forecast CLI input rows", () => {
  it("reads dates as UTC day numbers and knows Mondays", () => {
    expect(parseDay("2026-12-07")).toBe(Date.UTC(2026, 11, 7) / 86_400_000);
    expect(isoWeekday(parseDay("2026-12-07"))).toBe(1);
    expect(parseDay("2026-02-30")).toBeNaN();
    expect(parseDay("07/12/2026")).toBeNaN();
  });

  it("names the file and line of a bad date, quantity or header", async () => {
    await expect(readAll(file("date.csv", "series_id,date,qty\na,2026-01-01,1\na,2026-13-01,2\n"))).rejects.toThrow(/date\.csv:3: date "2026-13-01" is not a valid YYYY-MM-DD date/);
    await expect(readAll(file("neg.csv", "series_id,date,qty\na,2026-01-01,-2\n"))).rejects.toThrow(/neg\.csv:2: qty -2 is negative/);
    await expect(readAll(file("word.csv", "series_id,date,qty\na,2026-01-01,many\n"))).rejects.toThrow(/word\.csv:2: qty "many" is not a number/);
    await expect(readAll(file("head.csv", "sku,date,qty\na,2026-01-01,1\n"))).rejects.toThrow(/head\.csv:1: header must contain series_id,date,qty \(missing series_id\)/);
    await expect(readAll(file("empty.csv", ""))).rejects.toBeInstanceOf(InputError);
  });

  it("reads every row of a file larger than one read chunk, with CRLF line ends, quotes and no final newline", async () => {
    const n = 60_000; // about 1.6 MB: rows cross the 1 MiB chunk boundary
    const lines = ["series_id,date,qty"];
    for (let i = 0; i < n; i++) lines.push(`"s${i % 7}",${i % 2 ? "2026-01-02" : "2026-01-01"},${i % 10}`);
    const rows = await readAll(file("big.csv", lines.join("\r\n")));
    expect(rows.length).toBe(n);
    expect(rows[n - 1]).toEqual({ line: n + 1, seriesId: `s${(n - 1) % 7}`, day: parseDay("2026-01-02"), qty: 9 });
    expect(rows.reduce((s, r) => s + r.qty, 0)).toBe((n / 10) * 45);
    // the same rows unquoted take the plain-line path: same result
    const plain = await readAll(file("plain.csv", lines.map((l) => l.replace(/"/g, "")).join("\r\n")));
    expect(plain).toEqual(rows);
    expect(await readAll(file("padded.csv", "series_id,date,qty\n a ,2026-01-01, 3\nb,2026-01-01,4,extra\n"))).toEqual([
      { line: 2, seriesId: "a", day: parseDay("2026-01-01"), qty: 3 },
      { line: 3, seriesId: "b", day: parseDay("2026-01-01"), qty: 4 },
    ]);
  });

  it("refuses a series whose rows are split apart, and weekly rows not dated by Monday", async () => {
    const split = file("split.csv", "series_id,date,qty\na,2026-01-01,1\nb,2026-01-01,1\na,2026-01-02,1\n");
    await expect(runForecast(options(split))).rejects.toThrow(/split\.csv:4: rows of series "a" are not contiguous/);
    const weekly = file("weekly.csv", "series_id,date,qty\na,2026-01-05,1\na,2026-01-13,1\n");
    await expect(runForecast({ ...options(weekly), freq: "week" })).rejects.toThrow(/weekly\.csv:3: weekly rows must be dated by the Monday of the week/);
  });
});

describe("forecast CLI launch curves", () => {
  it("forecasts a series in its first weeks from the file's launched series, as the plan does", async () => {
    const lines = ["series_id,date,qty"];
    const day = (d: number) => new Date(Date.UTC(2026, 0, 1 + d)).toISOString().slice(0, 10);
    for (let s = 0; s < 12; s++) for (let d = 0; d < 200; d++) lines.push(`old${String(s).padStart(2, "0")},${day(d)},${d < 10 ? 0 : d < 24 ? 1 : 4}`);
    for (let d = 0; d < 200; d++) lines.push(`young,${day(d)},${d < 186 ? 0 : 1}`);
    const out = path.join(dir, "launch-out.csv");
    const summary = await runForecast({ ...options(file("launch.csv", lines.join("\n") + "\n")), out });
    expect(summary.methods.analogue).toBe(1);
    const young = readFileSync(out, "utf8").split("\n").filter((l) => l.startsWith("young,"));
    const mean = young.reduce((s, l) => s + Number(l.split(",")[3]), 0) / young.length;
    // its own 1 a day × (4 a day after two weeks ÷ 1 a day in them) = 4 a day
    expect(mean).toBeCloseTo(4, 1);
  });
});
