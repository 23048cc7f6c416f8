import { z } from "zod";
import {
  deadStockValueCents,
  findForecastSnapshots,
  forecastTotalsByDay,
  listCriticalLines,
  listOverviewLocations,
  listSnapshotSeries,
  openPoValueCents,
  salesByDay,
  stockByAbcClass,
  stockoutExposure,
  type OverviewScope,
} from "~/models/overview.server";
import { latestCompletePlanRun, SNAPSHOT_RETENTION_DAYS } from "~/models/plan-run.server";
import { ACCURACY_WEEKS, DAYS_PER_WEEK, scoreSnapshot } from "~/lib/analytics";
import { ON_ORDER_STATUSES } from "~/models/planning-inputs.server";
import { countShopData, findShop } from "~/models/shop.server";
import { addDays, daysBetween, localDate } from "~/lib/time";
import type { OverviewAccuracy, OverviewDto, OverviewFilters } from "~/utils/overview-dto";

export type { OverviewDto, OverviewFilters, OverviewKpis } from "~/utils/overview-dto";

// Every figure is defined in docs/overview.md; keep the two in step.

export const RANGE_PRESETS = ["7", "30", "90"] as const;
const MAX_RANGE_DAYS = 730;
/** Days of forecast drawn after the plan date on the sales-vs-forecast chart, at most. */
const MAX_FORECAST_DAYS = 90;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use dates like 2026-11-01.")
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), "That date does not exist.");

/** The Overview's URL filters: `range` = 7 | 30 | 90 | custom (with `from` and `to`), optional `location`. */
export const overviewFilterSchema = z.object({
  range: z.enum([...RANGE_PRESETS, "custom"]).catch("30"),
  from: z.string().optional(),
  to: z.string().optional(),
  location: z.string().min(1).max(100).optional().catch(undefined),
});
export type OverviewFilterInput = z.infer<typeof overviewFilterSchema>;

/**
 * Resolves URL filters to a date range ending yesterday (the last complete local day): presets cover the N
 * days before `today`; a custom range must be real dates, from ≤ to, end before today, and span ≤ 730 days.
 * Invalid input falls back to the last 30 days with a message saying why.
 */
export function resolveFilters(input: OverviewFilterInput, today: string, locationIds: readonly string[]): OverviewFilters {
  const yesterday = addDays(today, -1);
  const preset = (days: number) => ({
    from: addDays(today, -days),
    to: yesterday,
    days,
  });
  let error: string | null = null;
  let range = input.range;
  let span = preset(Number(range === "custom" ? 30 : range));
  if (range === "custom") {
    const from = isoDate.safeParse(input.from ?? "");
    const to = isoDate.safeParse(input.to ?? "");
    if (!from.success || !to.success) error = `Custom range: ${(!from.success ? from : to).error!.issues[0].message}`;
    else if (from.data > to.data) error = "Custom range: the start date must be on or before the end date.";
    else if (to.data > yesterday) error = `Custom range: the end date must be ${yesterday} or earlier (today is not over yet).`;
    else if (daysBetween(from.data, to.data) + 1 > MAX_RANGE_DAYS) error = `Custom range: choose at most ${MAX_RANGE_DAYS} days.`;
    else
      span = {
        from: from.data,
        to: to.data,
        days: daysBetween(from.data, to.data) + 1,
      };
    if (error) range = "30";
  }
  let locationId = input.location ?? null;
  if (locationId && !locationIds.includes(locationId)) {
    error = error ?? "That location no longer exists; showing all locations.";
    locationId = null;
  }
  return { range, ...span, locationId, error };
}

/** Days a snapshot's forecast is scored over: it is scored once the last of them is over. */
const SCORED_DAYS = ACCURACY_WEEKS * DAYS_PER_WEEK;

/**
 * Forecast accuracy of the newest forecast snapshot whose 4 weeks are over (docs/overview.md, "Forecast
 * accuracy"); without one, the day the first figure appears. Independent of the date range.
 */
async function forecastAccuracy(shop: string, today: string, locationId: string | null): Promise<OverviewAccuracy> {
  const lastScorable = addDays(today, -SCORED_DAYS);
  const { scored, next } = await findForecastSnapshots(shop, lastScorable, addDays(today, -SNAPSHOT_RETENTION_DAYS));
  if (!scored) {
    const firstFigureOn = next ? addDays(next.date, SCORED_DAYS) : null;
    return { snapshotDate: null, periodEnd: null, total: null, weekly: null, byWeek: [], series: 0, stockedOutSeries: 0, firstFigureOn };
  }
  const result = scoreSnapshot(await listSnapshotSeries(shop, scored, locationId));
  return {
    snapshotDate: scored.date,
    periodEnd: addDays(scored.date, SCORED_DAYS - 1),
    total: result.total,
    weekly: result.weekly,
    byWeek: result.byWeek.map((w, i) => ({ week: i + 1, start: addDays(scored.date, i * DAYS_PER_WEEK), wape: w.wape, naiveWape: w.naiveWape })),
    series: result.series,
    stockedOutSeries: result.stockedOutSeries,
    firstFigureOn: null,
  };
}

/**
 * The plan's forecast summed per day (sales-vs-forecast chart), remembered per plan version: a plan's
 * forecasts change only when a run or an incremental patch writes them, and both move its `finishedAt` or
 * `heartbeatAt`, which are part of the key, so a remembered total is never stale. Bounded (oldest dropped).
 */
const forecastTotalsMemo = new Map<string, Promise<number[]>>();
const FORECAST_TOTALS_MEMO_SIZE = 200;
function planForecastTotals(shop: string, run: { id: string; finishedAt: Date | null; heartbeatAt: Date | null }, locationId: string | null, days: number) {
  const key = [shop, run.id, run.finishedAt?.getTime(), run.heartbeatAt?.getTime(), locationId, days].join("|");
  let totals = forecastTotalsMemo.get(key);
  if (!totals) {
    totals = forecastTotalsByDay(shop, run.id, locationId, days);
    totals.catch(() => forecastTotalsMemo.delete(key)); // a failed read is not remembered
    forecastTotalsMemo.set(key, totals);
    if (forecastTotalsMemo.size > FORECAST_TOTALS_MEMO_SIZE) forecastTotalsMemo.delete(forecastTotalsMemo.keys().next().value!);
  }
  return totals;
}

/** The Overview: KPIs, charts and filters for one shop (see docs/overview.md). */
export async function getOverview(shop: string, input: OverviewFilterInput = { range: "30" }, now = new Date()): Promise<OverviewDto> {
  const [row, { hasDemand, ...counts }, run, locations] = await Promise.all([
    findShop(shop),
    countShopData(shop),
    latestCompletePlanRun(shop),
    listOverviewLocations(shop),
  ]);
  const today = localDate(now, row?.ianaTimezone ?? "UTC");
  const filters = resolveFilters(
    input,
    today,
    locations.map((l) => l.id)
  );
  const scope: OverviewScope = {
    from: filters.from,
    to: filters.to,
    locationId: filters.locationId,
  };
  const runId = run?.id ?? null;
  const deadStockDays = row?.deadStockDays ?? 90;
  const horizon = Math.min(filters.days, MAX_FORECAST_DAYS);
  const [stock, dead, sales, stockouts, openPo, critical, forecastTotals, accuracy] = await Promise.all([
    stockByAbcClass(shop, runId, scope.locationId),
    deadStockValueCents(shop, addDays(today, -deadStockDays), scope.locationId),
    salesByDay(shop, scope),
    stockoutExposure(shop, runId, scope),
    openPoValueCents(shop, ON_ORDER_STATUSES, scope.locationId),
    runId ? listCriticalLines(shop, runId, scope.locationId) : Promise.resolve([]),
    run ? planForecastTotals(shop, run, scope.locationId, horizon) : Promise.resolve([]),
    forecastAccuracy(shop, today, scope.locationId),
  ]);

  const inventoryValueCents = stock.reduce((s, r) => s + r.valueCents, 0);
  const inventoryUnits = stock.reduce((s, r) => s + r.units, 0);
  const unitsSold = sales.reduce((s, r) => s + r.units, 0);
  const cogsCents = sales.reduce((s, r) => s + r.cogsCents, 0);

  const atRisk = critical
    .map((l) => {
      const shortfallUnits = Math.max(0, l.leadTimeDemand - Math.max(0, l.available));
      return {
        ...l,
        shortfallUnits,
        valueCents: Math.round(shortfallUnits * l.priceCents),
      };
    })
    .sort((a, b) => b.valueCents - a.valueCents || (a.projectedStockoutDate ?? "9").localeCompare(b.projectedStockoutDate ?? "9"));

  // Sales vs forecast: actual units per day of the range, then the plan's summed daily forecast.
  const actualByDate = new Map(sales.map((s) => [s.date, s.units]));
  const forecastByDate = new Map<string, number>();
  const forecastEnd = run ? addDays(run.asOfDate, horizon - 1) : scope.to;
  if (run) forecastTotals.forEach((units, i) => forecastByDate.set(addDays(run.asOfDate, i), units));
  const salesVsForecast: OverviewDto["charts"]["salesVsForecast"] = [];
  const chartEnd = forecastEnd > scope.to ? forecastEnd : scope.to;
  for (let d = scope.from; d <= chartEnd; d = addDays(d, 1)) {
    const f = forecastByDate.get(d);
    salesVsForecast.push({
      date: d,
      actual: d <= scope.to ? actualByDate.get(d) ?? 0 : null,
      forecast: f === undefined ? null : Math.round(f * 10) / 10,
    });
  }

  return {
    shopName: row?.name ?? shop,
    currency: row?.currencyCode ?? "USD",
    today,
    planAsOf: run?.asOfDate ?? null,
    filters,
    locations,
    counts,
    hasHistory: hasDemand || counts.orderLines > 0 || inventoryUnits > 0,
    kpis: {
      inventoryValueCents,
      inventoryUnits,
      stockAtRiskCents: atRisk.reduce((s, l) => s + l.valueCents, 0),
      atRiskLines: atRisk.length,
      daysOfSupply: unitsSold > 0 ? inventoryUnits / (unitsSold / filters.days) : null,
      stockoutRate:
        stockouts.snapshotDays > 0 && stockouts.trackedSeries > 0
          ? Math.min(1, stockouts.stockedOutDays / (stockouts.trackedSeries * filters.days))
          : null,
      stockedOutDays: stockouts.stockedOutDays,
      lostRevenueCents: run ? Math.round(stockouts.lostRevenueCents) : null,
      inventoryTurnover: inventoryValueCents > 0 ? (cogsCents * (365 / filters.days)) / inventoryValueCents : null,
      deadStockValueCents: dead,
      deadStockDays,
      openPoValueCents: openPo,
      unitsSold,
      revenueCents: sales.reduce((s, r) => s + r.revenueCents, 0),
    },
    charts: {
      salesVsForecast,
      valueByAbc: ["A", "B", "C", null]
        .map((c) => ({
          abcClass: c ?? "Unclassified",
          valueCents: stock.filter((s) => s.abcClass === c).reduce((t, s) => t + s.valueCents, 0),
        }))
        .filter((c) => c.abcClass !== "Unclassified" || c.valueCents > 0),
      atRisk: atRisk.slice(0, 10).map((l) => ({
        variantId: l.variantId,
        locationId: l.locationId,
        product: l.productTitle,
        variant: l.variantTitle,
        sku: l.sku,
        location: l.locationName,
        stockoutDate: l.projectedStockoutDate,
        shortfallUnits: Math.round(l.shortfallUnits * 10) / 10,
        valueCents: l.valueCents,
      })),
    },
    accuracy,
  };
}
