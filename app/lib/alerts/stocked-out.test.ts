import { describe, expect, it } from "vitest";
import { evaluateStockedOutRules, type StockedOutFacts } from "./stocked-out";

const line = (over: Partial<StockedOutFacts> = {}): StockedOutFacts =>
  Object.freeze({ variantId: "v1", locationId: "l1", label: "Tent at Main", available: 0, avgDailyDemand: 2.5, doNotReorder: false, ...over });

describe("evaluateStockedOutRules", () => {
  it("fires (critical) when nothing is available and demand is expected, with the numbers in the message", () => {
    const [a] = evaluateStockedOutRules([line({ available: -2 })]);
    expect(a).toMatchObject({ type: "stocked_out_now", severity: "critical", dedupeKey: "stocked_out_now:v1|l1", muteScope: { entityType: "variant", entityId: "v1" } });
    expect(a.message).toBe("Tent at Main: out of stock (-2 available) while about 2.5 units a day are expected to sell.");
  });

  it("does not fire at the boundary: one unit available, or no expected demand, or do-not-reorder", () => {
    expect(evaluateStockedOutRules([line({ available: 1 }), line({ avgDailyDemand: 0 }), line({ doNotReorder: true })])).toEqual([]);
  });

  it("skips lines that already have their order-now alert (one alert per line)", () => {
    expect(evaluateStockedOutRules([line(), line({ locationId: "l2" })], { skip: new Set(["v1|l1"]) }).map((a) => a.entityId)).toEqual(["v1|l2"]);
  });

  it("keeps one dedupe key while the condition persists, whatever the numbers", () => {
    expect(evaluateStockedOutRules([line({ available: 0 })])[0].dedupeKey).toBe(evaluateStockedOutRules([line({ available: -5, avgDailyDemand: 9 })])[0].dedupeKey);
  });
});
