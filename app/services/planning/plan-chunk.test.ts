// The plan run takes its quantiles from the engine, lead-time σ included (ADR 021, ADR 027).
import { describe, expect, it } from "vitest";
import { forecastDemand } from "~/lib/planning";
import { addDays } from "~/lib/time";
import { forecastChunk, type ChunkInput, type PlanContext } from "./plan-chunk";

const AS_OF = "2026-06-01";
const DAYS = 120;
const history = Array.from({ length: DAYS }, (_, t) => (t % 5 === 0 ? 0 : 2 + (t % 7) + (t % 3)));

function pendingFor(leadTime: { meanDays: number; sdDays: number }) {
  const from = addDays(AS_OF, -DAYS);
  const context: PlanContext = {
    asOfDate: AS_OF,
    historyDays: DAYS,
    forecastHorizonDays: 90,
    reviewPeriodDays: 7,
    orderingCostCents: 2500,
    holdingCostRate: 0.25,
    serviceLevel: { A: 0.98, B: 0.95, C: 0.9 },
    costReferenceCents: null,
    serviceByVariability: false,
    activeLocationIds: ["loc"],
    vendors: { ven: { moq: null, leadTime: { ...leadTime, observations: 0 } } },
    defaultLeadTime: { meanDays: 14, sdDays: 2.8, observations: 0 },
    budgetCents: null,
    closedDates: [],
    analogues: null,
  };
  const input: ChunkInput = {
    variants: [{ id: "v", tracked: true, doNotReorder: false, archived: false, vendorId: "ven", unitCost: null, casePack: null, moqOverride: null, leadTimeOverrideDays: null, minQty: null, maxQty: null }],
    demand: [{ variantId: "v", locationId: "loc", days: history.map((u, i) => (u > 0 ? `${addDays(from, i)}=${u}` : "")).filter(Boolean).join(",") }],
    stockouts: [],
    levels: new Map([["v|loc", { available: 4, onHand: 4, committed: 0, incoming: 0 }]]),
    onOrder: new Map(),
    overrides: new Map(),
  };
  return forecastChunk(context, input).pending[0];
}

describe("forecastChunk", () => {
  it("widens the lead-time and protection quantiles for lead-time σ, exactly as the engine does", () => {
    const fixed = pendingFor({ meanDays: 11.3, sdDays: 0 });
    const varying = pendingFor({ meanDays: 11.3, sdDays: 3 });
    const engine = forecastDemand({ history, horizonDays: 90, leadTime: { meanDays: 11.3, sdDays: 3 }, reviewPeriodDays: 7, serviceLevels: [0.98, 0.95, 0.9] });
    // A steady seller (X): each class's quantiles are at the class level itself.
    expect(varying.xyzClass).toBe("X");
    expect(varying.quantiles).toEqual({
      A: [engine.leadTimeDemand.quantiles[0], engine.protectionDemand.quantiles[0]],
      B: [engine.leadTimeDemand.quantiles[1], engine.protectionDemand.quantiles[1]],
      C: [engine.leadTimeDemand.quantiles[2], engine.protectionDemand.quantiles[2]],
    });
    for (const sl of ["A", "B", "C"] as const) {
      expect(varying.quantiles[sl][0]).toBeGreaterThan(fixed.quantiles[sl][0]);
      expect(varying.quantiles[sl][1]).toBeGreaterThan(fixed.quantiles[sl][1]);
    }
    // L = ⌈11.3⌉ = 12 days of lead-time demand, the same mean either way.
    expect(engine.leadTimeDays).toBe(12);
    expect(varying.leadTimeDemandMean).toBe(fixed.leadTimeDemandMean);
  });
});
