import { readFileSync } from "node:fs";
import { closedDays } from "~/lib/forecasting";

/** One daily demand series from the benchmark CSV (`series_id,date,qty`). */
export interface DailySeries {
  readonly id: string;
  /** ISO date of index 0. */
  readonly start: string;
  /** Units per calendar day; missing days inside the range are 0. */
  readonly qty: number[];
}

const DAY_MS = 86_400_000;

/** Reads `series_id,date,qty` (ISO dates, any order) into gap-filled daily series sorted by id. */
export function readSeriesCsv(path: string): DailySeries[] {
  const lines = readFileSync(path, "utf8").split(/\r?\n/);
  const header = lines[0]?.trim();
  if (header !== "series_id,date,qty") throw new Error(`unexpected header in ${path}: ${header}`);
  const byId = new Map<string, Map<number, number>>();
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === "") continue;
    const [id, date, qty] = line.split(",");
    const t = Date.parse(`${date}T00:00:00Z`);
    const q = Number(qty);
    if (!id || Number.isNaN(t) || !Number.isFinite(q)) throw new Error(`bad row ${i + 1} in ${path}: ${line}`);
    let m = byId.get(id);
    if (!m) byId.set(id, (m = new Map()));
    m.set(t, (m.get(t) ?? 0) + q);
  }
  const out: DailySeries[] = [];
  for (const [id, m] of byId) {
    const days = [...m.keys()];
    const first = Math.min(...days);
    const last = Math.max(...days);
    const qty = new Array<number>(Math.round((last - first) / DAY_MS) + 1).fill(0);
    for (const [t, q] of m) qty[Math.round((t - first) / DAY_MS)] = Math.max(0, q);
    out.push({ id, start: new Date(first).toISOString().slice(0, 10), qty });
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Shop-closed dates by the planner's rule (closedDays in app/lib/forecasting: no unit sold while at least
 * 20 series were on sale, each from its first to its last sale). The Online Retail shop does not trade on
 * Saturdays and closes over Christmas; the planner reads the same off a shop's demand days.
 */
export function closedDates(series: readonly DailySeries[]): Set<string> {
  if (series.length === 0) return new Set();
  const startOf = (s: DailySeries) => Math.round(Date.parse(`${s.start}T00:00:00Z`) / DAY_MS);
  const t0 = Math.min(...series.map(startOf));
  const n = Math.max(...series.map((s) => startOf(s) + s.qty.length)) - t0;
  const totals = new Float64Array(n);
  const spans: [number, number][] = [];
  for (const s of series) {
    const o = startOf(s) - t0;
    let first = -1;
    let last = -1;
    s.qty.forEach((q, i) => {
      totals[o + i] += q;
      if (q > 0) {
        if (first < 0) first = o + i;
        last = o + i;
      }
    });
    if (first >= 0) spans.push([first, last]);
  }
  const mask = closedDays(totals, spans);
  const out = new Set<string>();
  for (let i = 0; i < n; i++) if (mask[i]) out.add(new Date((t0 + i) * DAY_MS).toISOString().slice(0, 10));
  return out;
}
