import { classifyAbc, type AbcClass } from "~/lib/analytics";
import { forecastSeries, leadTimeDemand, type SeriesForecast } from "~/lib/forecasting";
import { blendLeadTime, onOrderQuantity, planLine, type PlanLine, type PlanLineInput, type ScheduledReceipt } from "~/lib/replenishment";
import {
  findPlanningShop,
  listActiveForecastOverrides,
  listActiveLocations,
  listDemandDays,
  listInventoryLevels,
  listOpenPurchaseOrderLines,
  listPlannableVariants,
  listStockoutDays,
  listVendors,
  observedLeadTimes,
  revenueByVariant,
} from "~/models/planning-inputs.server";
import { completePlanRun, createPlanRun, failPlanRun, insertPlanChunk, type ForecastRow, type ReplenishmentRow } from "~/models/plan-run.server";
import { addDays, daysBetween, localDate } from "~/utils/dates";
import { logJob, logger } from "~/utils/logger.server";
import { evaluateAlerts } from "~/services/alerts.server";
import { applyForecastOverrides, buildDailySeries, naiveSquaredScale, orderMinimum, seriesKey, shiftTotal, type ForecastOverrideSpan } from "./series";

/** Two years of daily history: enough for yearly seasonality, bounded memory per chunk. */
export const HISTORY_DAYS = 730;
const CHUNK_VARIANTS = 400;
const YIELD_EVERY_VARIANTS = 16;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface PlanRunSummary {
  planRunId: string;
  asOfDate: string;
  seriesTotal: number;
  seriesPlanned: number;
  seriesSkipped: number;
  skippedReasons: Record<string, number>;
}

const toCents = (decimal: { toString(): string } | null | undefined) => Math.round(Number(decimal?.toString() ?? 0) * 100);
const round3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * A full plan run for one shop: forecasts every tracked variant × location from its local-day demand
 * history (stocked-out days are unknown demand, not zero), then safety stock, reorder point and order
 * quantity for the variant's ABC service level. Rows are written in chunks under a "running" run and
 * become visible together when the run completes; a failed run leaves the previous plan in place.
 */
export async function planShop(shop: string, options: { now?: Date; trigger?: string } = {}): Promise<PlanRunSummary> {
  return logJob("plan-shop", shop, async () => {
    const settings = await findPlanningShop(shop);
    const asOfDate = localDate(options.now ?? new Date(), settings.ianaTimezone);
    const run = await createPlanRun(shop, { asOfDate, trigger: options.trigger ?? "manual" });
    try {
      const summary = await planAllSeries(shop, settings, run.id, asOfDate);
      await completePlanRun(shop, run.id, summary);
      // Alerts follow the new plan; their failure is logged and never fails the plan itself.
      await evaluateAlerts(shop, options.now ?? new Date()).catch((error: unknown) =>
        logger.error({ kind: "job", job: "evaluate-alerts", shop, outcome: "error", error: error instanceof Error ? error.message : String(error) }),
      );
      return { planRunId: run.id, asOfDate, ...summary };
    } catch (error) {
      await failPlanRun(shop, run.id, error instanceof Error ? error.message : String(error));
      throw error;
    }
  });
}

type Settings = Awaited<ReturnType<typeof findPlanningShop>>;

async function planAllSeries(shop: string, settings: Settings, planRunId: string, asOfDate: string) {
  const fromDate = addDays(asOfDate, -HISTORY_DAYS);
  const toDate = addDays(asOfDate, -1);
  const [variants, locations, vendors, openLines, observed, revenue] = await Promise.all([
    listPlannableVariants(shop),
    listActiveLocations(shop),
    listVendors(shop),
    listOpenPurchaseOrderLines(shop),
    observedLeadTimes(shop),
    revenueByVariant(shop, addDays(asOfDate, -365)),
  ]);
  const abc = classifyAbc(revenue.map((r) => ({ id: r.variantId, revenueCents: Math.max(0, toCents(r.revenue)) })));
  const serviceLevel: Record<AbcClass, number> = { A: settings.serviceLevelA, B: settings.serviceLevelB, C: settings.serviceLevelC };
  const vendorById = new Map(vendors.map((v) => [v.id, v]));
  const leadTimeByVendor = new Map(
    vendors.map((v) => [v.id, blendLeadTime({ statedDays: v.statedLeadTimeDays, observedDays: observed.get(v.id) ?? [] })]),
  );
  // Open PO units per series, Stockcast's own apart from those imported from Stocky (docs/on-order.md).
  const onOrder = new Map<string, { quantity: number; imported: number; receipts: ScheduledReceipt[] }>();
  for (const l of openLines) {
    const key = seriesKey(l.variantId, l.locationId);
    const entry = onOrder.get(key) ?? { quantity: 0, imported: 0, receipts: [] };
    if (l.source === "stocky") entry.imported += l.remaining;
    else entry.quantity += l.remaining;
    const day = l.expectedAt ? Math.max(0, daysBetween(asOfDate, l.expectedAt.toISOString().slice(0, 10))) : null;
    if (day !== null && l.remaining > 0) entry.receipts.push({ day, quantity: l.remaining });
    onOrder.set(key, entry);
  }
  const activeLocations = new Set(locations.map((l) => l.id));
  const tally = { seriesTotal: 0, seriesPlanned: 0, seriesSkipped: 0, skippedReasons: {} as Record<string, number> };
  const skip = (reason: string) => {
    tally.seriesSkipped++;
    tally.skippedReasons[reason] = (tally.skippedReasons[reason] ?? 0) + 1;
  };

  for (let start = 0; start < variants.length; start += CHUNK_VARIANTS) {
    const chunk = variants.slice(start, start + CHUNK_VARIANTS);
    const ids = chunk.map((v) => v.id);
    const [levels, demand, stockouts, overrides] = await Promise.all([
      listInventoryLevels(shop, ids),
      listDemandDays(shop, ids, fromDate, toDate),
      listStockoutDays(shop, ids, fromDate, toDate),
      listActiveForecastOverrides(shop, ids, asOfDate),
    ]);
    const overridesByKey = new Map<string, ForecastOverrideSpan[]>();
    for (const o of overrides) overridesByKey.set(seriesKey(o.variantId, o.locationId), [...(overridesByKey.get(seriesKey(o.variantId, o.locationId)) ?? []), o]);
    const series = buildDailySeries(fromDate, HISTORY_DAYS, demand, stockouts);
    const levelByKey = new Map(levels.map((l) => [seriesKey(l.variantId, l.locationId), l]));
    const forecasts: ForecastRow[] = [];
    const lines: ReplenishmentRow[] = [];

    // Where each variant is planned: every location that stocks it or sold it.
    const locationsOf = new Map<string, Set<string>>();
    const addLocation = (variantId: string, locationId: string) => {
      const set = locationsOf.get(variantId) ?? new Set<string>();
      locationsOf.set(variantId, set.add(locationId));
    };
    for (const l of levels) addLocation(l.variantId, l.locationId);
    for (const key of series.keys()) addLocation(...(key.split("|") as [string, string]));

    for (const [index, variant] of chunk.entries()) {
      // Forecasting is CPU-bound: on SQLite the web app is its own worker, so let waiting requests
      // (webhook acknowledgements) through every few variants instead of once per 400-variant chunk.
      if (index % YIELD_EVERY_VARIANTS === YIELD_EVERY_VARIANTS - 1) await yieldToEventLoop();
      for (const locationId of locationsOf.get(variant.id) ?? []) {
        tally.seriesTotal++;
        if (!activeLocations.has(locationId)) { skip("location inactive"); continue; }
        if (!variant.tracked) { skip("inventory not tracked"); continue; }
        const key = seriesKey(variant.id, locationId);
        const history = series.get(key);
        const level = levelByKey.get(key);
        if (!history?.units.some((u) => u > 0) && !level?.onHand) { skip("no sales and no stock"); continue; }

        const vendor = variant.product.vendorId ? vendorById.get(variant.product.vendorId) : undefined;
        const blended = vendor ? leadTimeByVendor.get(vendor.id)! : blendLeadTime({ statedDays: 14, observedDays: [] });
        const leadTime = variant.leadTimeOverrideDays ? { meanDays: variant.leadTimeOverrideDays, sdDays: 0 } : blended;
        const L = Math.max(1, Math.ceil(leadTime.meanDays));
        const R = settings.reviewPeriodDays;
        const abcClass = abc[variant.id] ?? "C";
        const sl = serviceLevel[abcClass];
        let forecast: SeriesForecast;
        try {
          forecast = forecastSeries(history?.units ?? new Float64Array(HISTORY_DAYS), {
            horizon: Math.max(settings.forecastHorizonDays, L + R + 1),
            period: 7,
            stockoutMask: history?.stockout,
          });
        } catch (error) {
          skip(`forecast failed: ${error instanceof Error ? error.message : "unknown error"}`);
          continue;
        }
        // Manual forecast overrides replace the mean on their days and shift the totals (see series.ts).
        const adjusted = applyForecastOverrides(forecast, asOfDate, overridesByKey.get(key) ?? []);
        const ltd = shiftTotal(leadTimeDemand(forecast, L), forecast.mean, adjusted.mean, L);
        const protection = shiftTotal(leadTimeDemand(forecast, L + R), forecast.mean, adjusted.mean, L + R);
        const unitCostCents = toCents(variant.unitCost);
        const ordered = onOrder.get(key) ?? { quantity: 0, imported: 0, receipts: [] };
        const incoming = level?.incoming ?? 0;
        const onOrderUnits = onOrderQuantity({ stockcastOpen: ordered.quantity, importedOpen: ordered.imported, shopifyIncoming: incoming });
        const lineInput: PlanLineInput = {
          dailyForecast: adjusted.mean,
          leadTimeDemand: { mean: ltd.mean, quantile: ltd.quantile(sl) },
          protectionDemand: { mean: protection.mean, quantile: protection.quantile(sl) },
          leadTime,
          reviewPeriodDays: R,
          serviceLevel: sl,
          stock: { onHand: level?.onHand ?? 0, onOrder: onOrderUnits, committed: level?.committed ?? 0 },
          scheduledReceipts: ordered.receipts,
          constraints: {
            moq: orderMinimum(variant.moqOverride ?? vendor?.moq, variant.minQty),
            casePack: variant.casePack ?? undefined,
            maxQuantity: variant.maxQty ?? undefined,
          },
          eoqCosts:
            unitCostCents > 0
              ? { orderingCostCents: toCents(settings.orderingCost), holdingCostRate: settings.holdingCostRate, unitCostCents }
              : undefined,
        };
        let plan: PlanLine;
        let ruleConflict: string | null = null;
        try {
          plan = planLine(lineInput);
        } catch (error) {
          // Contradictory order rules (e.g. no whole case between MOQ and max) must not sink the whole plan:
          // plan without them, suggest nothing, and tell the merchant what to fix.
          if (!(error instanceof RangeError) || !lineInput.constraints) throw error;
          ruleConflict = error.message;
          plan = planLine({ ...lineInput, constraints: undefined });
        }
        const doNotReorder = variant.doNotReorder || variant.product.status === "ARCHIVED" || ruleConflict !== null;
        // Cross-validated error of the chosen method, scaled like the benchmark's RMSSE.
        const scale = history ? naiveSquaredScale(history.units, history.stockout) : 0;
        const cvMse = forecast.scores[0]?.mse;
        tally.seriesPlanned++;
        forecasts.push({
          variantId: variant.id,
          locationId,
          method: forecast.method,
          demandClass: forecast.demandClass,
          abcClass,
          mean: adjusted.mean.map(round3),
          bands: Object.fromEntries(
            adjusted.intervals.map((i) => [String(Math.round(i.level * 100)), { lower: i.lower.map(round3), upper: i.upper.map(round3) }]),
          ),
          params: {
            capped: forecast.capped.length,
            fromAnalogues: forecast.fromAnalogues,
            q95Total: round3(forecast.q95Total),
            ...(adjusted.days.length ? { override: { ids: adjusted.ids, days: adjusted.days, baseMean: adjusted.baseMean.map(round3) } } : {}),
          },
          rmsse: scale > 0 && cvMse !== undefined && Number.isFinite(cvMse) ? round3(Math.sqrt(cvMse / scale)) : null,
        });
        lines.push({
          variantId: variant.id,
          locationId,
          vendorId: vendor?.id ?? null,
          onHand: level?.onHand ?? 0,
          available: level?.available ?? 0,
          committed: level?.committed ?? 0,
          incoming,
          onOrder: onOrderUnits,
          inventoryPosition: Math.round(plan.inventoryPosition),
          avgDailyDemand: round3(adjusted.mean.slice(0, 28).reduce((a, b) => a + b, 0) / Math.min(28, adjusted.mean.length)),
          leadTimeDays: round3(leadTime.meanDays),
          leadTimeDemand: round3(plan.leadTimeDemandMean),
          safetyStock: round3(plan.safetyStock),
          reorderPoint: round3(plan.reorderPoint),
          eoq: Math.round(plan.economicOrderQuantity ?? 0),
          orderUpTo: round3(plan.orderUpToLevel),
          serviceLevel: sl,
          suggestedQty: doNotReorder ? 0 : plan.suggestedQuantity,
          daysOfCover: plan.daysOfCover === null ? null : round3(plan.daysOfCover),
          projectedStockoutDate: plan.projectedStockoutDay === null ? null : addDays(asOfDate, plan.projectedStockoutDay),
          urgency: doNotReorder && !ruleConflict ? "low" : plan.urgency,
          reason: ruleConflict
            ? `Order rules conflict (${ruleConflict}): fix this variant's MOQ, case pack or maximum. ${plan.reason}`
            : doNotReorder
              ? `Marked do not reorder. ${plan.reason}`
              : plan.reason,
          abcClass,
          unitCost: variant.unitCost,
        });
      }
    }
    await insertPlanChunk(shop, planRunId, forecasts, lines);
  }
  return tally;
}
