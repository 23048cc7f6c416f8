import { readFileSync } from "node:fs";

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
 * Shop-closed dates: calendar dates inside the data's range on which no series sold anything (the
 * Online Retail shop does not trade on Saturdays and closes over Christmas). This is shop-calendar
 * knowledge the planner has in production (store hours / holidays); here it is read off the data.
 */
export function closedDates(series: readonly DailySeries[]): Set<string> {
  const total = new Map<number, number>();
  for (const s of series) {
    const t0 = Date.parse(`${s.start}T00:00:00Z`);
    s.qty.forEach((q, i) => total.set(t0 + i * DAY_MS, (total.get(t0 + i * DAY_MS) ?? 0) + q));
  }
  return new Set([...total].filter(([, q]) => q === 0).map(([t]) => new Date(t).toISOString().slice(0, 10)));
}
