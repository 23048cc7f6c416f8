import {
  averageSalesCoverPolicy,
  drawLeadTimes,
  inStockVelocityCoverPolicy,
  inventoryAtFillRate,
  mulberry32,
  simulateInventory,
  type ReplenishmentPolicy,
} from "~/lib/replenishment";
import type { DailySeries } from "./read-series";

/** Benchmark settings (documented in docs/benchmarks.md, "Policy simulation"). */
export interface BenchSettings {
  readonly seed: number;
  /** Vendor's stated lead time, days; actual lead times are drawn around it. */
  readonly leadTimeDays: number;
  readonly leadTimeSdDays: number;
  readonly reviewPeriodDays: number;
  /** Days of history before the simulation starts. */
  readonly warmupDays: number;
  /** Fixed minimum of rule (b), units. */
  readonly ruleMinimumUnits: number;
}

/** Context a policy factory gets per series. */
export interface SeriesContext {
  readonly index: number;
  readonly series: DailySeries;
  readonly settings: BenchSettings;
}

/** A policy family swept along one knob. */
export interface PolicyFamily {
  readonly name: string;
  readonly knobLabel: string;
  readonly knobs: readonly number[];
  make(knob: number, ctx: SeriesContext): ReplenishmentPolicy;
}

/** One point of a family's curve, aggregated over all series. */
export interface CurvePoint {
  readonly policy: string;
  readonly knob: number;
  readonly demand: number;
  readonly sold: number;
  /** Σ sold ÷ Σ demand over all series (units). */
  readonly pooledFillRate: number;
  /** Mean of per-series fill rates (series with demand in the window). */
  readonly meanItemFillRate: number;
  readonly stockoutDays: number;
  /** Σ over series of mean end-of-day units on hand. */
  readonly averageUnits: number;
  /** Σ over series of mean end-of-day units × unit cost, in currency units (not stored money). */
  readonly averageValue: number;
  readonly orders: number;
  readonly seconds: number;
}

/** FNV-1a 32-bit hash of a string (stable seed per series id). */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** Seeded unit cost per series, integer cents uniform in [100, 1000): the public data have no prices. */
export function unitCostCents(id: string, seed: number): number {
  return 100 + Math.floor(mulberry32((fnv1a(id) ^ seed) >>> 0)() * 900);
}

/** The two days-of-cover rules merchants use, swept over cover days. */
export function ruleFamilies(coverDays: readonly number[]): PolicyFamily[] {
  return [
    {
      name: "rule (a): 30-day avg sales × (L + cover)",
      knobLabel: "cover days",
      knobs: coverDays,
      make: (knob, { settings }) => averageSalesCoverPolicy({ leadTimeDays: settings.leadTimeDays, coverDays: knob }),
    },
    {
      name: "rule (b): in-stock velocity × (L + cover), min",
      knobLabel: "cover days",
      knobs: coverDays,
      make: (knob, { settings }) =>
        inStockVelocityCoverPolicy({ leadTimeDays: settings.leadTimeDays, coverDays: knob, minimumUnits: settings.ruleMinimumUnits }),
    },
  ];
}

/** Runs one family at one knob over all series. */
export function runPoint(family: PolicyFamily, knob: number, series: readonly DailySeries[], settings: BenchSettings): CurvePoint {
  const t0 = performance.now();
  let demand = 0;
  let sold = 0;
  let stockoutDays = 0;
  let averageUnits = 0;
  let averageValue = 0;
  let orders = 0;
  let fillSum = 0;
  let fillN = 0;
  series.forEach((s, index) => {
    if (s.qty.length <= settings.warmupDays) return;
    const leadTimeByDay = drawLeadTimes({
      days: s.qty.length,
      meanDays: settings.leadTimeDays,
      sdDays: settings.leadTimeSdDays,
      seed: (settings.seed * 7919 + fnv1a(s.id)) >>> 0,
    });
    const r = simulateInventory({
      demand: s.qty,
      startDay: settings.warmupDays,
      reviewPeriodDays: settings.reviewPeriodDays,
      leadTimeByDay,
      policy: family.make(knob, { index, series: s, settings }),
    });
    demand += r.demand;
    sold += r.sold;
    stockoutDays += r.stockoutDays;
    averageUnits += r.averageOnHand;
    averageValue += (r.averageOnHand * unitCostCents(s.id, settings.seed)) / 100;
    orders += r.orders;
    if (r.fillRate !== null) {
      fillSum += r.fillRate;
      fillN++;
    }
  });
  return {
    policy: family.name,
    knob,
    demand,
    sold,
    pooledFillRate: demand > 0 ? sold / demand : 0,
    meanItemFillRate: fillN > 0 ? fillSum / fillN : 0,
    stockoutDays,
    averageUnits,
    averageValue,
    orders,
    seconds: (performance.now() - t0) / 1000,
  };
}

/** Inventory value at a target fill rate along one family's curve; null outside its range. */
export function valueAt(points: readonly CurvePoint[], target: number, measure: "pooled" | "item"): number | null {
  return inventoryAtFillRate(
    points.map((p) => ({ knob: p.knob, fillRate: measure === "pooled" ? p.pooledFillRate : p.meanItemFillRate, inventory: p.averageValue })),
    target
  );
}
