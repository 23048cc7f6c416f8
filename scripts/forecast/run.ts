/**
 * The forecast CLI's driver: two streaming passes over a `series_id,date,qty` file.
 * Pass 1 learns the calendar (frequency, shop-wide closed days); pass 2 forecasts each series
 * as soon as its rows are complete and writes score.py rows. Memory: O(one series + calendar).
 */
import { createWriteStream, existsSync, type WriteStream } from "node:fs";
import { ANALOGUE_AHEAD, ANALOGUE_MAX_AGE, ANALOGUE_SAMPLE, analogueCurves, closedDays, type AnalogueCurves, type SeriesForecast } from "~/lib/forecasting";
import { forecastDemand } from "~/lib/planning";
import type { TotalLevel } from "./args";
import { InputError, isoWeekday, readRowBatches } from "./csv";
import { ForecastPool, type SeriesAnswer, type SeriesJob, type WorkerSetup } from "./pool";

/** Periods after a first sale the launch curves read. */
const ANALOGUE_WINDOW = ANALOGUE_MAX_AGE + ANALOGUE_AHEAD;

/** Options of {@link runForecast}. */
export interface RunOptions {
  input: string;
  horizon: number;
  out?: string;
  freq?: "day" | "week";
  holdout: number;
  stockouts?: string;
  /** Detect shop-wide closed days (all series zero) and treat them as unknown. */
  detectClosed: boolean;
  /** Extra quantiles of the horizon total, one `q<label>_total` column each (`--levels`). */
  levels?: readonly TotalLevel[];
  /** Worker threads for fitting, running `workerEntry` (scripts/forecast.ts); 0 or absent: this thread. */
  threads?: number;
  workerEntry?: URL;
}

/** Summary of a run. */
export interface RunSummary {
  series: number;
  skipped: number;
  freq: "day" | "week";
  closedDays: number;
  /** Seconds spent forecasting (fit + forecast + intervals + --levels quantiles). */
  fitSeconds: number;
  wallSeconds: number;
  methods: Record<string, number>;
}

export interface Calendar {
  freq: "day" | "week";
  closed: Set<number>;
  /** Launch curves of the file's launched series, as the plan computes them (shop-calendar.server.ts). */
  analogues: AnalogueCurves | null;
}

/**
 * Pass 1: frequency (all dates Mondays, gaps ≥ 7 → weekly) and closed days, by the planner's rule
 * (closedDays: no sale while at least 20 series were on sale, each from its first to its last sale).
 */
export async function learnCalendar(
  file: string,
  freqHint?: "day" | "week"
): Promise<Calendar> {
  const totals = new Map<number, number>();
  const spans: [number, number][] = [];
  let cur = "";
  let firstSale = Infinity;
  let lastSale = -Infinity;
  let allMonday = true;
  let minGap = Infinity;
  let prevDay = NaN;
  // each series' first ANALOGUE_WINDOW periods from its first sale, for the launch curves
  // (by day and by week: the frequency is known only at the end of the pass)
  const launches: { id: string; first: number; daily: Float64Array; weekly: Float64Array }[] = [];
  let daily: Float64Array | null = null;
  let weekly: Float64Array | null = null;
  const close = () => {
    if (cur !== "" && firstSale <= lastSale) {
      spans.push([firstSale, lastSale]);
      if (daily && weekly) launches.push({ id: cur, first: firstSale, daily, weekly });
    }
  };
  for await (const batch of readRowBatches(file))
    for (const r of batch) {
      if (r.seriesId !== cur) {
        close();
        cur = r.seriesId;
        firstSale = Infinity;
        lastSale = -Infinity;
        prevDay = NaN;
        daily = weekly = null;
      }
      if (r.qty > 0) {
        if (r.day < firstSale) firstSale = r.day;
        if (r.day > lastSale) lastSale = r.day;
        daily ??= new Float64Array(ANALOGUE_WINDOW);
        weekly ??= new Float64Array(ANALOGUE_WINDOW);
      }
      // a series' rows in date order (as eachSeries reads them); rows dated before its first sale sold nothing
      if (daily && weekly && r.day >= firstSale) {
        const k = r.day - firstSale;
        if (k < ANALOGUE_WINDOW) daily[k] += r.qty;
        if (k % 7 === 0 && k / 7 < ANALOGUE_WINDOW) weekly[k / 7] += r.qty;
      }
      if (prevDay === prevDay && r.day !== prevDay)
        minGap = Math.min(minGap, Math.abs(r.day - prevDay));
      prevDay = r.day;
      if (isoWeekday(r.day) !== 1) allMonday = false;
      totals.set(r.day, (totals.get(r.day) ?? 0) + r.qty);
    }
  close();
  const freq =
    freqHint ??
    (allMonday && minGap >= 7 && minGap < Infinity ? "week" : "day");
  const closed = new Set<number>();
  const listed = [...totals.keys()];
  if (listed.length) {
    const step = freq === "week" ? 7 : 1;
    const start = Math.min(...listed);
    const n = Math.floor((Math.max(...listed) - start) / step) + 1;
    const byIndex = new Float64Array(n);
    for (const [day, units] of totals)
      byIndex[Math.round((day - start) / step)] += units;
    const mask = closedDays(
      byIndex,
      spans.map(
        ([a, b]) =>
          [
            Math.round((a - start) / step),
            Math.round((b - start) / step),
          ] as const
      )
    );
    for (let i = 0; i < n; i++) if (mask[i]) closed.add(start + i * step);
  }
  const step = freq === "week" ? 7 : 1;
  const launched = launches.map((l) => ({ id: l.id, first: l.first, units: step === 7 ? l.weekly : l.daily }));
  return { freq, closed, analogues: launchCurves(launched, closed, step, listed) };
}

/**
 * The plan's launch curves from the file (shop-calendar.server.ts, launchCurves): series whose first sale
 * came after the file's first day and at least ANALOGUE_WINDOW periods before its last, every k-th by id up
 * to ANALOGUE_SAMPLE, closed days unknown.
 */
function launchCurves(
  launches: readonly { id: string; first: number; units: Float64Array }[],
  closed: ReadonlySet<number>,
  step: number,
  listed: readonly number[]
): AnalogueCurves | null {
  if (listed.length === 0) return null;
  const start = Math.min(...listed);
  const latest = Math.max(...listed) - (ANALOGUE_WINDOW - 1) * step;
  const launched = launches.filter((l) => l.first > start && l.first <= latest).sort((a, b) => (a.id < b.id ? -1 : 1));
  if (launched.length === 0) return null;
  const every = Math.max(1, Math.ceil(launched.length / ANALOGUE_SAMPLE));
  const histories = launched
    .filter((_, i) => i % every === 0)
    .map((l) => l.units.map((u, k) => (closed.has(l.first + k * step) ? NaN : u)));
  const curves = analogueCurves(histories);
  return curves.used.some((k) => k > 0) ? curves : null;
}

/** Loads a stock-out mask CSV `series_id,date` into series → set of days. */
async function loadStockouts(file: string): Promise<Map<string, Set<number>>> {
  const out = new Map<string, Set<number>>();
  for await (const batch of readRowBatches(file, ["series_id", "date"]))
    for (const r of batch) {
      let s = out.get(r.seriesId);
      if (!s) out.set(r.seriesId, (s = new Set()));
      s.add(r.day);
    }
  return out;
}

class Writer {
  private buf: string[] = [];
  private size = 0;
  constructor(private readonly ws: WriteStream | null) {}
  async write(s: string) {
    if (!this.ws) return;
    this.buf.push(s);
    this.size += s.length;
    if (this.size > 1 << 20) await this.flush();
  }
  async flush() {
    if (!this.ws || this.buf.length === 0) return;
    const chunk = this.buf.join("");
    this.buf = [];
    this.size = 0;
    if (!this.ws.write(chunk))
      await new Promise<void>((res) => this.ws!.once("drain", () => res()));
  }
  async end() {
    await this.flush();
    if (this.ws) await new Promise<void>((res) => this.ws!.end(() => res()));
  }
}

const fmt = (v: number) =>
  Number.isInteger(v)
    ? String(v)
    : v.toFixed(6).replace(/0+$/, "").replace(/\.$/, "");

/** The CSV header: score.py's columns, then one `q<label>_total` per `--levels` entry. */
export function forecastHeader(levels: readonly TotalLevel[] = []): string {
  return `series_id,h,method,mean,lo95,hi95,q95_total${levels
    .map((l) => `,q${l.label}_total`)
    .join("")}\n`;
}

/** The method column of every row: the product's forecaster. */
export const METHOD = "stockcast";

/** One series' forecast and the `--levels` quantiles of its horizon total. */
export interface SeriesRows {
  forecast: SeriesForecast;
  /** Quantile of the total over the whole horizon at each `--levels` entry, in order. */
  totals: readonly number[];
}

/**
 * The CLI's forecast-and-quantile step: the planner's engine (forecastDemand) with the horizon as a fixed
 * lead time and no review period, so `--levels` are quantiles of the horizon total, the forecaster's own
 * (no lead-time σ).
 */
export function forecastForCli(
  history: ArrayLike<number>,
  o: {
    horizon: number;
    freq: "day" | "week";
    closedMask?: Uint8Array;
    stockoutMask?: Uint8Array;
    analogues?: AnalogueCurves | null;
  },
  levels: readonly TotalLevel[] = []
): SeriesRows {
  const demand = forecastDemand({
    history,
    analogues: o.analogues ?? undefined,
    horizonDays: o.horizon,
    period: o.freq === "week" ? 52 : 7,
    closedMask: o.closedMask,
    stockoutMask: o.stockoutMask,
    leadTime: { meanDays: o.horizon, sdDays: 0 },
    reviewPeriodDays: 0,
    serviceLevels: levels.map((l) => l.p),
  });
  return { forecast: demand.forecast, totals: demand.leadTimeDemand.quantiles };
}

/** score.py rows for one series' forecast, then its `--levels` totals (see forecastForCli). */
export function forecastRows(
  seriesId: string,
  { forecast: f, totals }: SeriesRows
): string {
  const iv =
    f.intervals.find((i) => Math.abs(i.level - 0.95) < 1e-9) ??
    f.intervals[f.intervals.length - 1];
  let s = "";
  const q = fmt(f.q95Total) + totals.map((t) => `,${fmt(t)}`).join("");
  for (let h = 0; h < f.mean.length; h++) {
    s += `${seriesId},${h + 1},${METHOD},${fmt(f.mean[h])},${fmt(
      iv.lower[h]
    )},${fmt(iv.upper[h])},${q}\n`;
  }
  return s;
}

/** Streams the input and calls `fn` per complete series with its dense history (after holdout). */
export async function eachSeries(
  o: RunOptions,
  cal: Calendar,
  stockouts: Map<string, Set<number>> | null,
  fn: (
    id: string,
    y: Float64Array,
    closed?: Uint8Array,
    stockout?: Uint8Array
  ) => Promise<void> | void
): Promise<number> {
  const step = cal.freq === "week" ? 7 : 1;
  const done = new Set<string>();
  let cur = "";
  let days: number[] = [];
  let qtys: number[] = [];
  let skipped = 0;
  const flush = async () => {
    if (cur === "") return;
    done.add(cur);
    let first = Infinity;
    let last = -Infinity;
    for (const d of days) {
      if (d < first) first = d;
      if (d > last) last = d;
    }
    const n = Math.round((last - first) / step) + 1 - o.holdout;
    if (n < 1) {
      skipped++;
      return;
    }
    const y = new Float64Array(n);
    for (let i = 0; i < days.length; i++) {
      const k = (days[i] - first) / step;
      if (k < n) y[k] += qtys[i];
    }
    let closedMask: Uint8Array | undefined;
    if (o.detectClosed && cal.closed.size) {
      closedMask = new Uint8Array(n);
      for (let k = 0; k < n; k++)
        if (cal.closed.has(first + k * step)) closedMask[k] = 1;
    }
    let stockoutMask: Uint8Array | undefined;
    const so = stockouts?.get(cur);
    if (so) {
      stockoutMask = new Uint8Array(n);
      for (let k = 0; k < n; k++)
        if (so.has(first + k * step)) stockoutMask[k] = 1;
    }
    await fn(cur, y, closedMask, stockoutMask);
  };
  for await (const batch of readRowBatches(o.input))
    for (const r of batch) {
      if (r.seriesId !== cur) {
        await flush();
        if (done.has(r.seriesId))
          throw new InputError(
            o.input,
            r.line,
            `rows of series "${r.seriesId}" are not contiguous (sort the file by series_id, date)`
          );
        cur = r.seriesId;
        days = [];
        qtys = [];
      }
      if (cal.freq === "week" && isoWeekday(r.day) !== 1)
        throw new InputError(
          o.input,
          r.line,
          "weekly rows must be dated by the Monday of the week"
        );
      days.push(r.day);
      qtys.push(r.qty);
    }
  await flush();
  return skipped;
}

/** Runs the CLI end to end. */
export async function runForecast(o: RunOptions): Promise<RunSummary> {
  const t0 = performance.now();
  if (!existsSync(o.input)) throw new InputError(o.input, 0, "file not found");
  if (o.stockouts && !existsSync(o.stockouts))
    throw new InputError(o.stockouts, 0, "file not found");
  const cal = await learnCalendar(o.input, o.freq);
  const stockouts = o.stockouts ? await loadStockouts(o.stockouts) : null;
  const out = new Writer(o.out ? createWriteStream(o.out) : null);
  await out.write(forecastHeader(o.levels));
  const methods: Record<string, number> = {};
  let series = 0;
  let fitMs = 0;
  const count = (method: string) => {
    const m = method.replace(/\(.*$/, "");
    methods[m] = (methods[m] ?? 0) + 1;
    series++;
  };
  if (o.threads && o.threads > 0 && o.workerEntry) {
    const pool = new ForecastPool(o.workerEntry, o.threads, { forecastWorker: true, horizon: o.horizon, freq: cal.freq, levels: o.levels ?? [], analogues: cal.analogues }, async (a) => {
      fitMs += a.ms;
      count(a.method);
      await out.write(a.text);
    });
    const skipped = await eachSeries(o, cal, stockouts, (id, y, closedMask, stockoutMask) => pool.submit({ id, y, closedMask, stockoutMask }));
    await pool.finish();
    await out.end();
    return { series, skipped, freq: cal.freq, closedDays: cal.closed.size, fitSeconds: fitMs / 1000, wallSeconds: (performance.now() - t0) / 1000, methods };
  }
  const skipped = await eachSeries(
    o,
    cal,
    stockouts,
    async (id, y, closedMask, stockoutMask) => {
      const t = performance.now();
      let rows: SeriesRows;
      try {
        rows = forecastForCli(
          y,
          { horizon: o.horizon, freq: cal.freq, closedMask, stockoutMask, analogues: cal.analogues },
          o.levels
        );
      } catch (e) {
        throw new Error(
          `series "${id}": ${e instanceof Error ? e.message : String(e)}`
        );
      }
      fitMs += performance.now() - t;
      count(rows.forecast.method);
      await out.write(forecastRows(id, rows));
    }
  );
  await out.end();
  return {
    series,
    skipped,
    freq: cal.freq,
    closedDays: cal.closed.size,
    fitSeconds: fitMs / 1000,
    wallSeconds: (performance.now() - t0) / 1000,
    methods,
  };
}

/**
 * A worker thread's loop (scripts/forecast.ts starts it when workerData says so): forecastForCli per series,
 * answered with its CSV rows, or with the error naming the series.
 */
export function serveForecasts(setup: WorkerSetup, port: { on(e: "message", f: (j: SeriesJob) => void): void; postMessage(a: SeriesAnswer): void }) {
  port.on("message", (job) => {
    const t = performance.now();
    try {
      const rows = forecastForCli(
        job.y,
        { horizon: setup.horizon, freq: setup.freq, closedMask: job.closedMask, stockoutMask: job.stockoutMask, analogues: setup.analogues as AnalogueCurves | null },
        setup.levels
      );
      port.postMessage({ seq: job.seq, text: forecastRows(job.id, rows), method: rows.forecast.method, ms: performance.now() - t });
    } catch (e) {
      port.postMessage({ seq: job.seq, error: `series "${job.id}": ${e instanceof Error ? e.message : String(e)}` });
    }
  });
}
