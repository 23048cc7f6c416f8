import { demandHistory, findForecast, findReplenishmentLine, findVariantWithProduct, listForecasts, listLocationsOfVariant } from "~/models/forecasts.server";
import { latestCompletePlanRun } from "~/models/plan-run.server";
import { lookupNames, variantIdsMatching } from "~/models/replenishment.server";
import { addDays } from "~/utils/dates";

const avg = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

export interface ForecastListDto {
  plan: { asOfDate: string } | null;
  rows: { variantId: string; locationId: string; product: string; variant: string; sku: string | null; location: string; demandClass: string; method: string; abcClass: string | null; dailyMean: number; rmsse: number | null }[];
  total: number;
  page: number;
  pageSize: number;
  classCounts: Record<string, number>;
}

/** The Forecasts list: demand class, chosen method and cross-validated error per variant × location. */
export async function getForecastList(shop: string, q: { demandClass?: string; search?: string; page: number; pageSize: number }): Promise<ForecastListDto> {
  const run = await latestCompletePlanRun(shop);
  if (!run) return { plan: null, rows: [], total: 0, page: q.page, pageSize: q.pageSize, classCounts: {} };
  const variantIds = q.search ? await variantIdsMatching(shop, q.search) : undefined;
  const { rows, total, classCounts } = await listForecasts(shop, run.id, { demandClass: q.demandClass, variantIds, page: q.page, pageSize: q.pageSize });
  const names = await lookupNames(shop, { variantIds: rows.map((r) => r.variantId), locationIds: rows.map((r) => r.locationId), vendorIds: [] });
  return {
    plan: { asOfDate: run.asOfDate },
    rows: rows.map((r) => {
      const v = names.variants.get(r.variantId);
      return {
        variantId: r.variantId,
        locationId: r.locationId,
        product: v?.product.title ?? "Unknown product",
        variant: v?.title ?? "",
        sku: v?.sku ?? null,
        location: names.locations.get(r.locationId) ?? "Unknown location",
        demandClass: r.demandClass,
        method: r.method,
        abcClass: r.abcClass,
        dailyMean: Math.round(avg((r.mean as number[]).slice(0, 28)) * 100) / 100,
        rmsse: r.rmsse,
      };
    }),
    total,
    page: q.page,
    pageSize: q.pageSize,
    classCounts,
  };
}

export interface ForecastDetailDto {
  product: string;
  variant: string;
  sku: string | null;
  vendor: string | null;
  location: { id: string; name: string };
  otherLocations: { id: string; name: string }[];
  asOfDate: string;
  method: string;
  demandClass: string;
  abcClass: string | null;
  /** One point per day: history (actual, stockedOut) then forecast (mean and bands). */
  points: { date: string; actual: number | null; stockedOut: boolean; mean: number | null; band80: [number, number] | null; band95: [number, number] | null }[];
  numbers: {
    leadTimeDays: number;
    leadTimeDemand: number;
    safetyStock: number;
    reorderPoint: number;
    orderUpTo: number;
    eoq: number;
    serviceLevel: number;
    onHand: number;
    onOrder: number;
    suggestedQty: number;
    urgency: string;
    reason: string;
  } | null;
}

const HISTORY_SHOWN_DAYS = 180;
const FORECAST_SHOWN_DAYS = 60;

/** One variant × location: history with stocked-out days, the forecast with bands, and the numbers behind the suggestion. */
export async function getForecastDetail(shop: string, variantId: string, locationId: string | null): Promise<ForecastDetailDto | null> {
  const run = await latestCompletePlanRun(shop);
  const variant = await findVariantWithProduct(shop, variantId);
  if (!run || !variant) return null;
  const locations = await listLocationsOfVariant(shop, run.id, variantId);
  const chosen = locationId ?? locations[0]?.locationId;
  if (!chosen) return null;
  const [forecast, line, history, names] = await Promise.all([
    findForecast(shop, run.id, variantId, chosen),
    findReplenishmentLine(shop, run.id, variantId, chosen),
    demandHistory(shop, variantId, chosen, addDays(run.asOfDate, -HISTORY_SHOWN_DAYS)),
    lookupNames(shop, { variantIds: [], locationIds: locations.map((l) => l.locationId), vendorIds: [] }),
  ]);
  if (!forecast) return null;
  const units = new Map(history.days.map((d) => [d.date, d.units]));
  const out = new Set(history.stockoutDates);
  const points: ForecastDetailDto["points"] = [];
  for (let i = HISTORY_SHOWN_DAYS; i >= 1; i--) {
    const date = addDays(run.asOfDate, -i);
    points.push({ date, actual: out.has(date) ? null : (units.get(date) ?? 0), stockedOut: out.has(date), mean: null, band80: null, band95: null });
  }
  const mean = forecast.mean as number[];
  const bands = (forecast.bands ?? {}) as Record<string, { lower: number[]; upper: number[] }>;
  const band = (level: string, h: number): [number, number] | null => (bands[level] ? [bands[level].lower[h], bands[level].upper[h]] : null);
  for (let h = 0; h < Math.min(FORECAST_SHOWN_DAYS, mean.length); h++) {
    points.push({ date: addDays(run.asOfDate, h), actual: null, stockedOut: false, mean: mean[h], band80: band("80", h), band95: band("95", h) });
  }
  return {
    product: variant.product.title,
    variant: variant.title,
    sku: variant.sku,
    vendor: variant.product.vendor?.name ?? null,
    location: { id: chosen, name: names.locations.get(chosen) ?? "Unknown location" },
    otherLocations: locations.map((l) => ({ id: l.locationId, name: names.locations.get(l.locationId) ?? "Unknown location" })),
    asOfDate: run.asOfDate,
    method: forecast.method,
    demandClass: forecast.demandClass,
    abcClass: forecast.abcClass,
    points,
    numbers: line && {
      leadTimeDays: line.leadTimeDays,
      leadTimeDemand: line.leadTimeDemand,
      safetyStock: line.safetyStock,
      reorderPoint: line.reorderPoint,
      orderUpTo: line.orderUpTo,
      eoq: line.eoq,
      serviceLevel: line.serviceLevel,
      onHand: line.onHand,
      onOrder: line.onOrder,
      suggestedQty: line.editedQty ?? line.suggestedQty,
      urgency: line.urgency,
      reason: line.reason,
    },
  };
}
