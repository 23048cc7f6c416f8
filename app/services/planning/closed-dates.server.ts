import { closedDays } from "~/lib/forecasting";
import { salesCalendar } from "~/models/planning-inputs.server";
import { addDays, daysBetween } from "~/utils/dates";

// A shop's closed days over the plan's history window (closedDays: no sale while 20 or more series were on
// sale). A full run reads them; an incremental run of the same day reuses the full run's answer, because the
// two-year scan would cost more than re-planning a few touched variants, and past days rarely change.
const lastFullRun = new Map<string, { fromDate: string; dates: string[] }>();

/** Closed dates (YYYY-MM-DD) among the `days` days from `fromDate`. */
export async function shopClosedDates(shop: string, fromDate: string, days: number, reuse: boolean): Promise<string[]> {
  const cached = lastFullRun.get(shop);
  if (reuse && cached?.fromDate === fromDate) return cached.dates;
  const { totals, spans } = await salesCalendar(shop, fromDate, addDays(fromDate, days - 1));
  const byDay = new Float64Array(days);
  for (const t of totals) {
    const i = daysBetween(fromDate, t.date);
    if (i >= 0 && i < days) byDay[i] += t.units;
  }
  const mask = closedDays(
    byDay,
    spans.map((s) => [daysBetween(fromDate, s.first), daysBetween(fromDate, s.last)] as const),
  );
  const dates: string[] = [];
  for (let i = 0; i < days; i++) if (mask[i]) dates.push(addDays(fromDate, i));
  lastFullRun.set(shop, { fromDate, dates });
  return dates;
}
