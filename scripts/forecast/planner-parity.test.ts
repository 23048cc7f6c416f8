// The forecast CLI and the plan run forecast a series the same way: same daily means, same quantile of the
// total at 0.95 over the same days (both through app/lib/planning).
import { describe, expect, it } from "vitest";
import { forecastChunk, lineServiceLevel, type ChunkInput, type PlanContext } from "~/services/planning/plan-chunk";
import { addDays } from "~/lib/time";
import { forecastForCli } from "./run";

const AS_OF = "2026-06-01";
const DAYS = 150;

function sales(seed: number): number[] {
  let s = seed;
  return Array.from({ length: DAYS }, (_, t) => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const u = s / 2 ** 31;
    return u < 0.3 ? 0 : Math.round(1 + (t % 7 === 5 ? 4 : 0) + u * 5 + (u > 0.95 ? 20 : 0));
  });
}

/** The plan run's daily forecast and protection-interval quantile at its level (class A at 95%) for lead time L (fixed) and review R. */
function planned(history: number[], stockoutDays: number[], L: number, R: number, horizonDays: number) {
  const from = addDays(AS_OF, -DAYS);
  const context: PlanContext = {
    asOfDate: AS_OF,
    historyDays: DAYS,
    closedDates: [],
    analogues: null,
    forecastHorizonDays: horizonDays,
    reviewPeriodDays: R,
    orderingCostCents: 2500,
    holdingCostRate: 0.25,
    serviceLevel: { A: 0.95, B: 0.95, C: 0.95 },
    costReferenceCents: null,
    serviceByVariability: false,
    activeLocationIds: ["loc"],
    vendors: {},
    defaultLeadTime: { meanDays: 14, sdDays: 2.8, observations: 0 },
    budgetCents: null,
  };
  const input: ChunkInput = {
    variants: [
      { id: "v", tracked: true, doNotReorder: false, archived: false, vendorId: null, unitCost: null, casePack: null, moqOverride: null, leadTimeOverrideDays: L, minQty: null, maxQty: null },
    ],
    demand: [{ variantId: "v", locationId: "loc", days: history.map((u, i) => (u > 0 ? `${addDays(from, i)}=${u}` : "")).filter(Boolean).join(",") }],
    stockouts: stockoutDays.map((i) => ({ variantId: "v", locationId: "loc", date: addDays(from, i) })),
    levels: new Map([["v|loc", { available: 3, onHand: 3, committed: 0, incoming: 0 }]]),
    onOrder: new Map(),
    overrides: new Map(),
  };
  const [pending] = forecastChunk(context, input).pending;
  // The quantile is at the series' service level: class A's 95% stepped by its XYZ cell (ADR 024).
  return { mean: pending.dailyForecast, level: lineServiceLevel(context, "A", pending.xyzClass, 0), q: pending.quantiles.A[1] };
}

describe("forecast CLI = planner", () => {
  it.each([
    { seed: 4, L: 21, R: 7, stockoutDays: [] as number[] },
    { seed: 17, L: 10, R: 4, stockoutDays: [40, 41, 42, 43, 120] },
    { seed: 33, L: 80, R: 10, stockoutDays: [149] },
  ])("gives the same daily means and 95% quantile of the total over L + R days (seed $seed, L $L, R $R)", ({ seed, L, R, stockoutDays }) => {
    const history = sales(seed);
    const horizon = L + R;
    const plan = planned(history, stockoutDays, L, R, horizon);
    const stockoutMask = new Uint8Array(DAYS);
    for (const i of stockoutDays) stockoutMask[i] = 1;
    const cli = forecastForCli(Float64Array.from(history), { horizon, freq: "day", stockoutMask }, [{ label: String(plan.level), p: plan.level }]);
    expect(plan.mean).toHaveLength(horizon);
    expect(cli.forecast.mean).toEqual(plan.mean);
    expect(cli.totals).toEqual([plan.q]);
    expect(plan.q).toBeGreaterThan(0);
  });
});
