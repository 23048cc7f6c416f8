import { ANALOGUE_AHEAD, ANALOGUE_MAX_AGE, ANALOGUE_SAMPLE, analogueCurves, closedDays, type AnalogueCurves } from "~/lib/forecasting";
import { inIdChunks } from "~/models/id-chunks.server";
import { listDemandSeries, salesCalendar } from "~/models/planning-inputs.server";
import { addDays, daysBetween } from "~/lib/time";
import { buildPackedSeries, seriesKey } from "./series";

// Facts about a shop's whole history window that every series' forecast uses: the days the shop was closed
// (closedDays) and the launch curves of its established products (analogueCurves, for items in their first
// 8 weeks). A full run reads them; an incremental run of the same day reuses the full run's answer, because
// the two-year scan would cost more than re-planning a few touched variants, and past days rarely change.

export interface ShopCalendar {
  /** Dates (YYYY-MM-DD) the whole shop was closed. */
  closedDates: string[];
  /** Null when no product launched inside the window long enough ago. */
  analogues: AnalogueCurves | null;
}

const lastFullRun = new Map<string, { fromDate: string; calendar: ShopCalendar }>();

/** The shop's calendar over the `days` days from `fromDate` (the plan's history window). */
export async function shopCalendar(shop: string, fromDate: string, days: number, reuse: boolean): Promise<ShopCalendar> {
  const cached = lastFullRun.get(shop);
  if (reuse && cached?.fromDate === fromDate) return cached.calendar;
  const toDate = addDays(fromDate, days - 1);
  const { totals, spans } = await salesCalendar(shop, fromDate, toDate);
  const byDay = new Float64Array(days);
  for (const t of totals) {
    const i = daysBetween(fromDate, t.date);
    if (i >= 0 && i < days) byDay[i] += t.units;
  }
  const mask = closedDays(
    byDay,
    spans.map((s) => [daysBetween(fromDate, s.first), daysBetween(fromDate, s.last)] as const),
  );
  const closedDates: string[] = [];
  for (let i = 0; i < days; i++) if (mask[i]) closedDates.push(addDays(fromDate, i));
  const calendar = { closedDates, analogues: await launchCurves(shop, fromDate, days, spans, mask) };
  lastFullRun.set(shop, { fromDate, calendar });
  return calendar;
}

/**
 * Launch curves of up to ANALOGUE_SAMPLE series whose first sale fell inside the window (after its first
 * day, so it is a launch and not the window's edge) at least 12 weeks before its end, closed days unknown.
 */
async function launchCurves(
  shop: string,
  fromDate: string,
  days: number,
  spans: readonly { variantId: string; locationId: string; first: string }[],
  closed: Uint8Array,
): Promise<AnalogueCurves | null> {
  const latest = addDays(fromDate, days - ANALOGUE_MAX_AGE - ANALOGUE_AHEAD);
  const launched = spans.filter((s) => s.first > fromDate && s.first <= latest).sort((a, b) => (seriesKey(a.variantId, a.locationId) < seriesKey(b.variantId, b.locationId) ? -1 : 1));
  if (launched.length === 0) return null;
  // An even, deterministic sample: every k-th launched series in key order.
  const step = Math.max(1, Math.ceil(launched.length / ANALOGUE_SAMPLE));
  const sample = launched.filter((_, i) => i % step === 0);
  const wanted = new Set(sample.map((s) => seriesKey(s.variantId, s.locationId)));
  const variantIds = [...new Set(sample.map((s) => s.variantId))];
  const packed = await inIdChunks(variantIds, (ids) => listDemandSeries(shop, ids, fromDate, addDays(fromDate, days - 1)));
  const series = buildPackedSeries(fromDate, days, packed, []);
  const histories: Float64Array[] = [];
  for (const [key, s] of series) {
    if (!wanted.has(key)) continue;
    const y = Float64Array.from(s.units, (u, i) => (closed[i] ? NaN : u));
    histories.push(y);
  }
  const curves = analogueCurves(histories);
  return curves.used.some((k) => k > 0) ? curves : null;
}
