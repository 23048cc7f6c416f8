import { z } from "zod";
import {
  deadStockValueCents,
  forecastTotalsByDay,
  findAccuracyPlanRun,
  listCriticalLines,
  listDemandSince,
  listForecastMeans,
  listForecastRmsse,
  listOverviewLocations,
  openPoValueCents,
  salesByDay,
  stockByAbcClass,
  stockoutExposure,
  type OverviewScope,
} from "~/models/overview.server";
import { latestCompletePlanRun } from "~/models/plan-run.server";
import { ON_ORDER_STATUSES } from "~/models/planning-inputs.server";
import { countShopData, findShop } from "~/models/shop.server";
import { addDays, daysBetween, localDate } from "~/utils/dates";
import type { OverviewDto, OverviewFilters } from "~/utils/overview-dto";

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

const median = (xs: number[]): number | null => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** The Overview: KPIs, charts and filters for one shop (see docs/overview.md). */
export async function getOverview(shop: string, input: OverviewFilterInput = { range: "30" }, now = new Date()): Promise<OverviewDto> {
  const [row, counts, run, locations] = await Promise.all([
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
  const [stock, dead, sales, stockouts, openPo, critical, forecastTotals, rmsse, accuracyRun] = await Promise.all([
    stockByAbcClass(shop, runId, scope.locationId),
    deadStockValueCents(shop, addDays(today, -deadStockDays), scope.locationId),
    salesByDay(shop, scope),
    stockoutExposure(shop, runId, scope),
    openPoValueCents(shop, ON_ORDER_STATUSES, scope.locationId),
    runId ? listCriticalLines(shop, runId, scope.locationId) : Promise.resolve([]),
    runId ? forecastTotalsByDay(shop, runId, scope.locationId, horizon) : Promise.resolve([]),
    runId ? listForecastRmsse(shop, runId, scope.locationId) : Promise.resolve([]),
    findAccuracyPlanRun(shop, scope.from, scope.to),
  ]);
  // Accuracy: the forecasts of the plan made at (or nearest after) the range start, against what sold on
  // the range's days from that plan date on.
  const accuracyFrom = accuracyRun && accuracyRun.asOfDate > scope.from ? accuracyRun.asOfDate : scope.from;
  const [accuracyForecasts, recent] = accuracyRun
    ? await Promise.all([
        listForecastMeans(shop, accuracyRun.id, scope.locationId),
        listDemandSince(shop, accuracyFrom, scope.to, scope.locationId),
      ])
    : [[], []];

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

  // Accuracy: WAPE = Σ|actual − forecast| ÷ Σ actual over every planned series × day with actuals, by week.
  const actualBySeriesDay = new Map(recent.map((r) => [`${r.variantId}|${r.locationId}|${r.date}`, r.units]));
  const weeks = new Map<string, { absError: number; actual: number; days: number }>();
  let accuracyDays = 0;
  if (accuracyRun) {
    for (let d = accuracyFrom; d <= scope.to; d = addDays(d, 1)) {
      const i = daysBetween(accuracyRun.asOfDate, d);
      const weekStart = addDays(accuracyFrom, Math.floor(daysBetween(accuracyFrom, d) / 7) * 7);
      const week = weeks.get(weekStart) ?? { absError: 0, actual: 0, days: 0 };
      for (const f of accuracyForecasts) {
        const mean = f.mean as number[];
        if (i >= mean.length) continue;
        const actual = actualBySeriesDay.get(`${f.variantId}|${f.locationId}|${d}`) ?? 0;
        week.absError += Math.abs(actual - mean[i]);
        week.actual += actual;
      }
      week.days++;
      accuracyDays++;
      weeks.set(weekStart, week);
    }
  }
  const totalAbs = [...weeks.values()].reduce((s, w) => s + w.absError, 0);
  const totalActual = [...weeks.values()].reduce((s, w) => s + w.actual, 0);

  return {
    shopName: row?.name ?? shop,
    currency: row?.currencyCode ?? "USD",
    today,
    planAsOf: run?.asOfDate ?? null,
    filters,
    locations,
    counts,
    hasHistory: counts.demandDays > 0 || counts.orderLines > 0 || inventoryUnits > 0,
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
      forecastWape: accuracyDays > 0 && totalActual > 0 ? totalAbs / totalActual : null,
      forecastWapeDays: accuracyDays,
      forecastWapePlanDate: accuracyRun?.asOfDate ?? null,
      medianRmsse: median(rmsse),
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
      accuracy: [...weeks.entries()].map(([weekStart, w]) => ({
        weekStart,
        days: w.days,
        wape: w.actual > 0 ? w.absError / w.actual : null,
      })),
    },
  };
}
