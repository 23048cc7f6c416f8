import { naiveDailyMean, weeklyTotals, type AbcClass, type XyzClass } from "~/lib/analytics";
import type { AnalogueCurves } from "~/lib/forecasting";
import { decideOrder, forecastDemand, seriesServiceLevel, xyzOfHistory, type DemandForecast } from "~/lib/planning";
import { continuesSelling, onOrderQuantity, stockFromAvailable, type LeadTimeEstimate, type ScheduledReceipt } from "~/lib/replenishment";
import type { PlanSettingsContext } from "~/lib/settings";
import { addDays, daysBetween } from "~/lib/time";
import type { JsonText } from "~/utils/json-text";
import { buildPackedSeries, horizonOverrides, naiveSquaredScale, orderMinimum, seriesKey, type ForecastOverrideSpan } from "./series";

// The CPU-bound part of a plan run: plain data in, rows out, no I/O. It runs on the calling thread or in a
// worker thread (plan-pool.server.ts), so everything here must survive structured cloning.

export interface ChunkVariant {
  id: string;
  tracked: boolean;
  /** Has components: no inventory of its own, its sales are its components' demand (never planned itself). */
  bundle?: boolean;
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
  /** Shopify's inventoryPolicy ("CONTINUE" | "DENY"; null or absent: not synced yet, counted as CONTINUE). */
  inventoryPolicy?: string | null;
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
  /** Units in draft or pending-approval POs: not on order yet; the suggestion is net of them. */
  drafted: number;
}

/** What stays the same for every chunk of one run: the shop's planning settings (lib/settings) and the run's reads. */
export interface PlanContext extends PlanSettingsContext {
  asOfDate: string;
  historyDays: number;
  /** Days in the history window the whole shop was closed (closedDays): unknown demand, not zero. */
  closedDates: string[];
  /** The shop's launch curves for items in their first 8 weeks (null: no launched product to learn from). */
  analogues: AnalogueCurves | null;
  /** Settings → "Balance service levels by unit cost": the shop's mean unit cost (cents); null when off. */
  costReferenceCents: number | null;
  activeLocationIds: string[];
  vendors: Record<string, { moq: number | null; leadTime: LeadTimeEstimate }>;
  /** Lead time of variants without a vendor. */
  defaultLeadTime: LeadTimeEstimate;
}

/** The history window's closed days as a mask (undefined when there are none). */
function closedMaskOf(fromDate: string, days: number, dates: readonly string[]): Uint8Array | undefined {
  if (dates.length === 0) return undefined;
  const mask = new Uint8Array(days);
  for (const d of dates) {
    const i = daysBetween(fromDate, d);
    if (i >= 0 && i < days) mask[i] = 1;
  }
  return mask;
}

export interface ChunkInput {
  variants: ChunkVariant[];
  /** Packed demand per variant × location (listDemandSeries): unpacked here, off the calling thread. */
  demand: { variantId: string; locationId: string; days: string | null }[];
  stockouts: { variantId: string; locationId: string; date: string }[];
  /** By series key, in the order the levels were read (a variant's locations are planned in that order). */
  levels: Map<string, ChunkLevel>;
  onOrder: Map<string, ChunkOnOrder>;
  overrides: Map<string, ForecastOverrideSpan[]>;
}


export interface ForecastOut {
  variantId: string;
  locationId: string;
  method: string;
  demandClass: string;
  abcClass: string | null;
  /** Variability of the last 26 weeks of known demand (xyzOfHistory). */
  xyzClass: XyzClass;
  mean: JsonText;
  bands: JsonText;
  params: JsonText;
  rmsse: number | null;
  /** The forecast-accuracy record of this series (ForecastSnapshot; written by full runs only); none under a 4-week horizon. */
  accuracy?: SnapshotFigures;
}

/** A series' forecast units for each of the 4 weeks from the plan date, and the naive benchmark's units per day. */
export interface SnapshotFigures {
  weeks: number[];
  naiveDaily: number;
}

/** The 4 weeks a snapshot records (weeklyTotals' default). */
const SNAPSHOT_DAYS = 28;

/** Days unknown to the planner (stocked out or shop closed) as one mask, for the naive benchmark. */
function unknownDays(stockout: Uint8Array | undefined, closed: Uint8Array | undefined): ArrayLike<number> | undefined {
  if (!stockout || !closed) return stockout ?? closed;
  return stockout.map((s, i) => (s || closed[i] ? 1 : 0));
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
  xyzClass: XyzClass;
  unitCost: string | null;
  draftedUnits: number;
  /** OrderArithmetic as JSON text. */
  arithmetic: string;
  /** The suggestion before the purchase budget cut it; null when not cut. */
  budgetCutFrom: number | null;
}

/**
 * A planned series waiting for its ABC class: everything `planLine` needs except the service level, with
 * the lead-time and protection-period demand quantiles at each service level the shop uses.
 */
export interface PendingLine {
  variantId: string;
  locationId: string;
  vendorId: string | null;
  unitCost: string | null;
  doNotReorder: boolean;
  /** Takes backorders: a negative available is owed to customers (stockFromAvailable). */
  continueSelling: boolean;
  level: ChunkLevel;
  onOrderUnits: number;
  receipts: ScheduledReceipt[];
  draftedUnits: number;
  moq: number | undefined;
  casePack: number | undefined;
  maxQuantity: number | undefined;
  unitCostCents: number;
  /** Variability class of the series' recent known demand: with the ABC class, it picks the service level. */
  xyzClass: XyzClass;
  leadTime: { meanDays: number; sdDays: number };
  dailyForecast: number[];
  leadTimeDemandMean: number;
  protectionDemandMean: number;
  /** σ of demand over the protection interval, units, widened for lead-time σ as the quantiles are (the budget's shortage measure). */
  protectionDemandSd: number;
  /** By ABC class: [lead-time demand quantile, protection-period demand quantile] at lineServiceLevel. */
  quantiles: Record<AbcClass, [number, number]>;
}

export interface ChunkResult {
  /** Forecast rows without their ABC class (set with the lines). */
  forecasts: ForecastOut[];
  pending: PendingLine[];
  seriesTotal: number;
  seriesPlanned: number;
  skippedReasons: Record<string, number>;
}

export const toCents = (decimal: string | null | undefined) => Math.round(Number(decimal ?? 0) * 100);
const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** A series' service level: its ABC × XYZ cell's (the class level is the X cell; Y and Z below it when the shop asks), balanced by unit cost when it asks. */
export function lineServiceLevel(context: PlanContext, abc: AbcClass, xyz: XyzClass, unitCostCents: number): number {
  return seriesServiceLevel({
    classLevel: context.serviceLevel[abc],
    abc,
    xyz,
    variabilitySteps: context.serviceByVariability,
    unitCostCents,
    costReferenceCents: context.costReferenceCents,
  });
}

const ABC_CLASSES: readonly AbcClass[] = ["A", "B", "C"];

/**
 * Forecasts every planned series of a chunk of variants with the engine's first step (forecastDemand,
 * app/lib/planning): demand history with stocked-out days as unknown demand, lead time (override, else
 * vendor's blended), manual forecast overrides; lead-time demand quantiles at every service level the shop
 * uses, so the ABC class (which needs the whole catalogue's revenue) can be applied later by `finishLine`.
 * Skipped series are counted by reason.
 */
export function forecastChunk(context: PlanContext, input: ChunkInput): ChunkResult {
  const result: ChunkResult = { forecasts: [], pending: [], seriesTotal: 0, seriesPlanned: 0, skippedReasons: {} };
  const skip = (reason: string) => {
    result.skippedReasons[reason] = (result.skippedReasons[reason] ?? 0) + 1;
  };
  const active = new Set(context.activeLocationIds);
  const { asOfDate } = context;
  const fromDate = addDays(asOfDate, -context.historyDays);
  const series = buildPackedSeries(fromDate, context.historyDays, input.demand, input.stockouts);
  const closedMask = closedMaskOf(fromDate, context.historyDays, context.closedDates);
  // Where each variant is planned: every location that stocks it or sold it.
  const locationsOf = new Map<string, string[]>();
  for (const key of [...input.levels.keys(), ...series.keys()]) {
    const [variantId, locationId] = key.split("|");
    const list = locationsOf.get(variantId) ?? [];
    if (!list.includes(locationId)) locationsOf.set(variantId, [...list, locationId]);
  }
  for (const variant of input.variants) {
    for (const locationId of locationsOf.get(variant.id) ?? []) {
      result.seriesTotal++;
      if (!active.has(locationId)) { skip("location inactive"); continue; }
      if (variant.bundle) { skip("bundle: planned as its components"); continue; }
      if (!variant.tracked) { skip("inventory not tracked"); continue; }
      const key = seriesKey(variant.id, locationId);
      const history = series.get(key);
      const level = input.levels.get(key) ?? { available: 0, onHand: 0, committed: 0, incoming: 0 };
      if (!history?.units.some((u) => u > 0) && !level.onHand) { skip("no sales and no stock"); continue; }

      const vendor = variant.vendorId ? context.vendors[variant.vendorId] : undefined;
      const blended = vendor ? vendor.leadTime : context.defaultLeadTime;
      const leadTime = variant.leadTimeOverrideDays ? { meanDays: variant.leadTimeOverrideDays, sdDays: 0 } : blended;
      const unitCostCents = toCents(variant.unitCost);
      const xyzClass = xyzOfHistory(history?.units ?? [], history?.stockout, closedMask);
      // Quantiles at the level each ABC class would give this series (finishLine picks its class's pair).
      const lineLevels = ABC_CLASSES.map((abc) => lineServiceLevel(context, abc, xyzClass, unitCostCents));
      let demand: DemandForecast;
      try {
        demand = forecastDemand({
          history: history?.units ?? new Float64Array(context.historyDays),
          stockoutMask: history?.stockout,
          closedMask,
          analogues: context.analogues ?? undefined,
          horizonDays: context.forecastHorizonDays,
          leadTime,
          reviewPeriodDays: context.reviewPeriodDays,
          serviceLevels: lineLevels,
          overrides: horizonOverrides(asOfDate, input.overrides.get(key) ?? []),
        });
      } catch (error) {
        skip(`forecast failed: ${error instanceof Error ? error.message : "unknown error"}`);
        continue;
      }
      const { forecast, adjusted, leadTimeDemand: ltd, protectionDemand: protection } = demand;
      const ordered = input.onOrder.get(key) ?? { quantity: 0, imported: 0, receipts: [], drafted: 0 };
      // Cross-validated error of the chosen method, scaled like the benchmark's RMSSE.
      const scale = history ? naiveSquaredScale(history.units, history.stockout) : 0;
      const cvMse = forecast.scores[0]?.mse;
      result.seriesPlanned++;
      result.forecasts.push({
        variantId: variant.id,
        locationId,
        method: forecast.method,
        demandClass: forecast.demandClass,
        abcClass: null,
        xyzClass,
        mean: { $json: JSON.stringify(adjusted.mean.map(round3)) },
        bands: {
          $json: JSON.stringify(
            Object.fromEntries(adjusted.intervals.map((i) => [String(Math.round(i.level * 100)), { lower: i.lower.map(round3), upper: i.upper.map(round3) }])),
          ),
        },
        params: {
          $json: JSON.stringify({
            capped: forecast.capped.length,
            fromAnalogues: forecast.fromAnalogues,
            q95Total: round3(forecast.q95Total),
            ...(adjusted.days.length ? { override: { ids: adjusted.ids, days: adjusted.days, baseMean: adjusted.baseMean.map(round3) } } : {}),
          }),
        },
        rmsse: scale > 0 && cvMse !== undefined && Number.isFinite(cvMse) ? round3(Math.sqrt(cvMse / scale)) : null,
        // The forecast of record (overrides applied) against the naive benchmark on the same history.
        accuracy:
          adjusted.mean.length >= SNAPSHOT_DAYS
            ? { weeks: weeklyTotals(adjusted.mean).map(round3), naiveDaily: history ? round3(naiveDailyMean(history.units, unknownDays(history.stockout, closedMask))) : 0 }
            : undefined,
      });
      result.pending.push({
        variantId: variant.id,
        locationId,
        vendorId: variant.vendorId && vendor ? variant.vendorId : null,
        unitCost: variant.unitCost,
        doNotReorder: variant.doNotReorder || variant.archived,
        continueSelling: continuesSelling(variant.inventoryPolicy),
        level,
        onOrderUnits: onOrderQuantity({ stockcastOpen: ordered.quantity, importedOpen: ordered.imported, shopifyIncoming: level.incoming }),
        receipts: ordered.receipts,
        draftedUnits: ordered.drafted,
        moq: orderMinimum(variant.moqOverride ?? vendor?.moq, variant.minQty),
        casePack: variant.casePack ?? undefined,
        maxQuantity: variant.maxQty ?? undefined,
        unitCostCents,
        xyzClass,
        leadTime,
        dailyForecast: adjusted.mean,
        leadTimeDemandMean: ltd.mean,
        protectionDemandMean: protection.mean,
        protectionDemandSd: Math.sqrt(protection.sd ** 2 + (protection.mean / protection.periods) ** 2 * leadTime.sdDays ** 2),
        quantiles: { A: [ltd.quantiles[0], protection.quantiles[0]], B: [ltd.quantiles[1], protection.quantiles[1]], C: [ltd.quantiles[2], protection.quantiles[2]] },
      });
    }
  }
  return result;
}

/**
 * The replenishment line of a pending series at its ABC class's service level: the engine's second step
 * (decideOrder), cut to `budgetQuantity` when the plan's purchase budget allows less (plan-budget.ts).
 */
export function finishLine(context: PlanContext, p: PendingLine, abcClass: AbcClass, budgetQuantity?: number): LineOut {
  const sl = lineServiceLevel(context, abcClass, p.xyzClass, p.unitCostCents);
  const [ltdQuantile, protectionQuantile] = p.quantiles[abcClass];
  const { line: plan, suggestedQuantity, ruleConflict, arithmetic, reason } = decideOrder({
    dailyForecast: p.dailyForecast,
    leadTimeDemand: { mean: p.leadTimeDemandMean, quantile: ltdQuantile },
    protectionDemand: { mean: p.protectionDemandMean, quantile: protectionQuantile },
    leadTime: p.leadTime,
    reviewPeriodDays: context.reviewPeriodDays,
    serviceLevel: sl,
    // Shopify's available is the net stock webhooks keep live (docs/on-order.md, "Position"): position = available + on order.
    stock: stockFromAvailable(p.level.available, p.onOrderUnits, p.continueSelling),
    scheduledReceipts: p.receipts,
    draftedUnits: p.draftedUnits,
    doNotReorder: p.doNotReorder,
    constraints: { moq: p.moq, casePack: p.casePack, maxQuantity: p.maxQuantity },
    eoqCosts: p.unitCostCents > 0 ? { orderingCostCents: context.orderingCostCents, holdingCostRate: context.holdingCostRate, unitCostCents: p.unitCostCents } : undefined,
    budgetQuantity,
  });
  const cut = arithmetic.steps.at(-1)?.rule === "budget";
  const doNotReorder = p.doNotReorder || ruleConflict !== null;
  return {
    variantId: p.variantId,
    locationId: p.locationId,
    vendorId: p.vendorId,
    onHand: p.level.onHand,
    available: p.level.available,
    committed: p.level.committed,
    incoming: p.level.incoming,
    onOrder: p.onOrderUnits,
    inventoryPosition: Math.round(plan.inventoryPosition),
    avgDailyDemand: round3(p.dailyForecast.slice(0, 28).reduce((a, b) => a + b, 0) / Math.min(28, p.dailyForecast.length)),
    leadTimeDays: round3(p.leadTime.meanDays),
    leadTimeDemand: round3(plan.leadTimeDemandMean),
    safetyStock: round3(plan.safetyStock),
    reorderPoint: round3(plan.reorderPoint),
    eoq: Math.round(plan.economicOrderQuantity ?? 0),
    orderUpTo: round3(plan.orderUpToLevel),
    serviceLevel: sl,
    suggestedQty: suggestedQuantity,
    daysOfCover: plan.daysOfCover === null ? null : round3(plan.daysOfCover),
    projectedStockoutDate: plan.projectedStockoutDay === null ? null : addDays(context.asOfDate, plan.projectedStockoutDay),
    urgency: doNotReorder && !ruleConflict ? "low" : plan.urgency,
    reason: ruleConflict
      ? `Order rules conflict (${ruleConflict}): fix this variant's MOQ, case pack or maximum. ${reason}`
      : p.doNotReorder
        ? `Marked do not reorder. ${reason}`
        : reason,
    abcClass,
    xyzClass: p.xyzClass,
    unitCost: p.unitCost,
    draftedUnits: p.draftedUnits,
    arithmetic: JSON.stringify(arithmetic),
    budgetCutFrom: cut ? (arithmetic.steps.at(-2)?.quantity ?? arithmetic.beforeRounding) : null,
  };
}
