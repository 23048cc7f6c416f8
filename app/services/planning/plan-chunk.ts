import type { AbcClass } from "~/lib/analytics";
import { forecastSeries, leadTimeDemand, type SeriesForecast } from "~/lib/forecasting";
import { onOrderQuantity, planLine, type LeadTimeEstimate, type PlanLine, type PlanLineInput, type ScheduledReceipt } from "~/lib/replenishment";
import { addDays } from "~/utils/dates";
import { applyForecastOverrides, naiveSquaredScale, orderMinimum, seriesKey, shiftTotal, type ForecastOverrideSpan } from "./series";

// The CPU-bound half of a plan run: plain data in, rows out, no I/O. It runs on the calling thread or in a
// worker thread (plan-pool.server.ts), so everything here must survive structured cloning.

export interface ChunkVariant {
  id: string;
  tracked: boolean;
  doNotReorder: boolean;
  archived: boolean;
  vendorId: string | null;
  /** Decimal as its string; null when unknown. */
  unitCost: string | null;
  casePack: number | null;
  moqOverride: number | null;
  leadTimeOverrideDays: number | null;
  minQty: number | null;
  maxQty: number | null;
}

export interface ChunkLevel {
  available: number;
  onHand: number;
  committed: number;
  incoming: number;
}

export interface ChunkOnOrder {
  quantity: number;
  imported: number;
  receipts: ScheduledReceipt[];
}

/** What stays the same for every chunk of one run. */
export interface PlanContext {
  asOfDate: string;
  historyDays: number;
  forecastHorizonDays: number;
  reviewPeriodDays: number;
  orderingCostCents: number;
  holdingCostRate: number;
  serviceLevel: Record<AbcClass, number>;
  activeLocationIds: string[];
  vendors: Record<string, { moq: number | null; leadTime: LeadTimeEstimate }>;
  /** Lead time of variants without a vendor. */
  defaultLeadTime: LeadTimeEstimate;
}

export interface ChunkInput {
  variants: ChunkVariant[];
  abc: Record<string, AbcClass>;
  /** Locations each variant is planned at: every location that stocks it or sold it. */
  locationsOf: Record<string, string[]>;
  series: Map<string, { units: Float64Array; stockout: Uint8Array }>;
  levels: Map<string, ChunkLevel>;
  onOrder: Map<string, ChunkOnOrder>;
  overrides: Map<string, ForecastOverrideSpan[]>;
}

export interface ForecastOut {
  variantId: string;
  locationId: string;
  method: string;
  demandClass: string;
  abcClass: string;
  mean: number[];
  bands: Record<string, { lower: number[]; upper: number[] }>;
  params: Record<string, unknown>;
  rmsse: number | null;
}

export interface LineOut {
  variantId: string;
  locationId: string;
  vendorId: string | null;
  onHand: number;
  available: number;
  committed: number;
  incoming: number;
  onOrder: number;
  inventoryPosition: number;
  avgDailyDemand: number;
  leadTimeDays: number;
  leadTimeDemand: number;
  safetyStock: number;
  reorderPoint: number;
  eoq: number;
  orderUpTo: number;
  serviceLevel: number;
  suggestedQty: number;
  daysOfCover: number | null;
  projectedStockoutDate: string | null;
  urgency: string;
  reason: string;
  abcClass: string;
  unitCost: string | null;
}

export interface ChunkResult {
  forecasts: ForecastOut[];
  lines: LineOut[];
  seriesTotal: number;
  seriesPlanned: number;
  skippedReasons: Record<string, number>;
}

export const toCents = (decimal: string | null | undefined) => Math.round(Number(decimal ?? 0) * 100);
const round3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Forecasts and replenishment lines for every planned series of a chunk of variants: demand history with
 * stocked-out days as unknown demand, the variant's ABC service level, lead time (override, else vendor's
 * blended), manual forecast overrides and order rules. Skipped series are counted by reason.
 */
export function planChunk(context: PlanContext, input: ChunkInput): ChunkResult {
  const result: ChunkResult = { forecasts: [], lines: [], seriesTotal: 0, seriesPlanned: 0, skippedReasons: {} };
  const skip = (reason: string) => {
    result.skippedReasons[reason] = (result.skippedReasons[reason] ?? 0) + 1;
  };
  const active = new Set(context.activeLocationIds);
  const { asOfDate } = context;
  for (const variant of input.variants) {
    for (const locationId of input.locationsOf[variant.id] ?? []) {
      result.seriesTotal++;
      if (!active.has(locationId)) { skip("location inactive"); continue; }
      if (!variant.tracked) { skip("inventory not tracked"); continue; }
      const key = seriesKey(variant.id, locationId);
      const history = input.series.get(key);
      const level = input.levels.get(key);
      if (!history?.units.some((u) => u > 0) && !level?.onHand) { skip("no sales and no stock"); continue; }

      const vendor = variant.vendorId ? context.vendors[variant.vendorId] : undefined;
      const blended = vendor ? vendor.leadTime : context.defaultLeadTime;
      const leadTime = variant.leadTimeOverrideDays ? { meanDays: variant.leadTimeOverrideDays, sdDays: 0 } : blended;
      const L = Math.max(1, Math.ceil(leadTime.meanDays));
      const R = context.reviewPeriodDays;
      const abcClass = input.abc[variant.id] ?? "C";
      const sl = context.serviceLevel[abcClass];
      let forecast: SeriesForecast;
      try {
        forecast = forecastSeries(history?.units ?? new Float64Array(context.historyDays), {
          horizon: Math.max(context.forecastHorizonDays, L + R + 1),
          period: 7,
          stockoutMask: history?.stockout,
        });
      } catch (error) {
        skip(`forecast failed: ${error instanceof Error ? error.message : "unknown error"}`);
        continue;
      }
      // Manual forecast overrides replace the mean on their days and shift the totals (see series.ts).
      const adjusted = applyForecastOverrides(forecast, asOfDate, input.overrides.get(key) ?? []);
      const ltd = shiftTotal(leadTimeDemand(forecast, L), forecast.mean, adjusted.mean, L);
      const protection = shiftTotal(leadTimeDemand(forecast, L + R), forecast.mean, adjusted.mean, L + R);
      const unitCostCents = toCents(variant.unitCost);
      const ordered = input.onOrder.get(key) ?? { quantity: 0, imported: 0, receipts: [] };
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
          unitCostCents > 0 ? { orderingCostCents: context.orderingCostCents, holdingCostRate: context.holdingCostRate, unitCostCents } : undefined,
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
      const doNotReorder = variant.doNotReorder || variant.archived || ruleConflict !== null;
      // Cross-validated error of the chosen method, scaled like the benchmark's RMSSE.
      const scale = history ? naiveSquaredScale(history.units, history.stockout) : 0;
      const cvMse = forecast.scores[0]?.mse;
      result.seriesPlanned++;
      result.forecasts.push({
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
      result.lines.push({
        variantId: variant.id,
        locationId,
        vendorId: variant.vendorId && vendor ? variant.vendorId : null,
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
  return result;
}
