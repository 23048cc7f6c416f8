// The policy benchmark measures the planner that ships: the same history, stock, lead time and service level
// give the same suggested quantity through the plan run (forecastChunk + finishLine) and stockcastPolicy.
import { describe, expect, it } from "vitest";
import { cellServiceLevel, type AbcClass } from "~/lib/analytics";
import { xyzOfHistory } from "~/lib/planning";
import { blendLeadTime } from "~/lib/replenishment";
import { finishLine, forecastChunk, type ChunkInput, type PlanContext } from "~/services/planning/plan-chunk";
import { addDays } from "~/lib/time";
import { DEFAULT_FORECAST_HORIZON_DAYS, stockcastPolicy } from "./stockcast-policy";

const AS_OF = "2026-06-01";
const DAYS = 140;

/** Daily sales with a weekday pattern, a few big days and zero days (deterministic); lumpy: a sale about one day in eleven. */
function sales(seed: number, lumpy = false): number[] {
  let s = seed;
  return Array.from({ length: DAYS }, (_, t) => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const u = s / 2 ** 31;
    if (lumpy) return u > 0.91 ? Math.round(5 + u * 20) : 0;
    return t % 9 === 0 ? 0 : Math.round(2 + (t % 7 === 2 ? 3 : 0) + u * 4 + (u > 0.93 ? 15 : 0));
  });
}

interface Case {
  name: string;
  seed: number;
  statedDays: number;
  receipts: number[];
  serviceLevel: number;
  onHand: number;
  onOrder: number;
  stockoutDays: number[];
  horizonDays?: number;
  /** The series' ABC class (default A); its XYZ class comes from the history, in both. */
  abc?: AbcClass;
  lumpy?: boolean;
  /** Settings → "Lower service levels for variable demand" (default off, as a new shop). */
  steps?: boolean;
}

function planned(c: Case): number {
  const history = sales(c.seed, c.lumpy);
  const from = addDays(AS_OF, -DAYS);
  const context: PlanContext = {
    asOfDate: AS_OF,
    historyDays: DAYS,
    closedDates: [],
    analogues: null,
    forecastHorizonDays: c.horizonDays ?? DEFAULT_FORECAST_HORIZON_DAYS,
    reviewPeriodDays: 7,
    orderingCostCents: 2500,
    holdingCostRate: 0.25,
    serviceLevel: { A: c.serviceLevel, B: c.serviceLevel, C: c.serviceLevel },
    costReferenceCents: null,
    serviceByVariability: c.steps ?? false,
    activeLocationIds: ["loc"],
    vendors: { ven: { moq: null, leadTime: blendLeadTime({ statedDays: c.statedDays, observedDays: c.receipts }) } },
    defaultLeadTime: blendLeadTime({ statedDays: 14, observedDays: [] }),
    budgetCents: null,
  };
  const input: ChunkInput = {
    variants: [
      { id: "v", tracked: true, doNotReorder: false, archived: false, vendorId: "ven", unitCost: null, casePack: null, moqOverride: null, leadTimeOverrideDays: null, minQty: null, maxQty: null },
    ],
    demand: [{ variantId: "v", locationId: "loc", days: history.map((u, i) => (u > 0 ? `${addDays(from, i)}=${u}` : "")).filter(Boolean).join(",") }],
    stockouts: c.stockoutDays.map((i) => ({ variantId: "v", locationId: "loc", date: addDays(from, i) })),
    levels: new Map([["v|loc", { available: c.onHand, onHand: c.onHand, committed: 0, incoming: 0 }]]),
    onOrder: new Map([["v|loc", { quantity: c.onOrder, imported: 0, receipts: [], drafted: 0 }]]),
    overrides: new Map(),
  };
  const chunk = forecastChunk(context, input);
  expect(chunk.pending).toHaveLength(1);
  return finishLine(context, chunk.pending[0], c.abc ?? "A").suggestedQty;
}

function simulated(c: Case): number {
  const history = sales(c.seed, c.lumpy);
  const policy = stockcastPolicy({ serviceLevel: c.serviceLevel, abc: c.abc ?? "A", variabilitySteps: c.steps, statedLeadTimeDays: c.statedDays, reviewPeriodDays: 7, forecastHorizonDays: c.horizonDays });
  const openedEmpty = history.map((_, i) => c.stockoutDays.includes(i));
  return policy({ day: DAYS, sales: history, stockedOut: openedEmpty, openedEmpty, onHand: c.onHand, onOrder: c.onOrder, observedLeadTimes: c.receipts });
}

const cases: Case[] = [
  // No receipts: σ_L = 0.2 × stated (ADR 021), so the quantiles are widened.
  { name: "stated lead time only (σ 2.8 days)", seed: 3, statedDays: 14, receipts: [], serviceLevel: 0.95, onHand: 6, onOrder: 0, stockoutDays: [] },
  // Blended mean 10.25 days: ⌈⌉ gives 11, rounding would give 10.
  { name: "one late receipt (mean 10.25 days)", seed: 11, statedDays: 10, receipts: [11], serviceLevel: 0.9, onHand: 20, onOrder: 10, stockoutDays: [60, 61, 62, 100], horizonDays: 28 },
  { name: "many receipts, high service, stocked-out days", seed: 29, statedDays: 7, receipts: [9, 6, 12, 8, 10], serviceLevel: 0.99, onHand: 0, onOrder: 15, stockoutDays: [130, 131, 132, 133] },
  // Lumpy demand in class C with the variability steps on: the CZ cell, below the class level (ADR 024).
  { name: "lumpy seller in class C, steps on (the CZ cell)", seed: 8, statedDays: 14, receipts: [], serviceLevel: 0.95, onHand: 0, onOrder: 0, stockoutDays: [], abc: "C", lumpy: true, steps: true },
  { name: "plenty of stock: no order", seed: 5, statedDays: 5, receipts: [5, 5], serviceLevel: 0.8, onHand: 400, onOrder: 0, stockoutDays: [] },
];

describe("the policy benchmark runs the planner's engine", () => {
  it.each(cases)("suggests the same quantity as the plan run: $name", (c) => {
    const q = planned(c);
    expect(simulated(c)).toBe(q);
    expect(Number.isInteger(q) && q >= 0).toBe(true);
  });

  it("orders something in the cases that need stock (the comparison is not 0 = 0 everywhere)", () => {
    expect(cases.slice(0, 4).map(planned).every((q) => q > 0)).toBe(true);
    expect(planned(cases[4])).toBe(0);
  });

  it("covers steady and lumpy sellers: both ABC × XYZ cells are exercised", () => {
    expect(xyzOfHistory(sales(3))).toBe("X");
    expect(xyzOfHistory(sales(8, true))).toBe("Z");
    // Steps off (a new shop): the Z cell is the class level, more stock than with the step; both paths agree.
    const neutral = { ...cases[3], steps: false };
    expect(simulated(neutral)).toBe(planned(neutral));
    expect(planned(neutral)).toBeGreaterThan(planned(cases[3]));
    // The cell, not the class level alone, sets the quantity: at the same 95% class level the Z step of row A
    // (98% → 95% by default) is larger than row C's (93% → 85%) in log-odds, so AZ gets less than CZ.
    const lumpy = cases[3];
    expect(cellServiceLevel(0.95, "A", "Z")).toBeLessThan(cellServiceLevel(0.95, "C", "Z"));
    expect(planned({ ...lumpy, abc: "A" })).toBeLessThan(planned(lumpy));
  });
});
