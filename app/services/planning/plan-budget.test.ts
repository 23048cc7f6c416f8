// The plan's purchase budget wiring (ADR 038): which lines count, what they cost, and the cut.
import { describe, expect, it } from "vitest";
import { budgetCuts, budgetUnitCents, type BudgetCandidate } from "./plan-budget";
import type { PendingLine } from "./plan-chunk";

function pending(id: string, fields: Partial<PendingLine>): PendingLine {
  return Object.freeze({
    variantId: id,
    locationId: "loc",
    vendorId: null,
    unitCost: "1.00",
    doNotReorder: false,
    continueSelling: false,
    level: { available: 0, onHand: 0, committed: 0, incoming: 0 },
    onOrderUnits: 0,
    receipts: [],
    draftedUnits: 0,
    moq: undefined,
    casePack: undefined,
    maxQuantity: undefined,
    unitCostCents: 100,
    xyzClass: "X",
    leadTime: { meanDays: 7, sdDays: 0 },
    dailyForecast: [],
    leadTimeDemandMean: 0,
    protectionDemandMean: 40,
    protectionDemandSd: 0,
    quantiles: { A: [0, 0] as [number, number], B: [0, 0] as [number, number], C: [0, 0] as [number, number] },
    ...fields,
  });
}

const candidate = (id: string, suggestedQty: number, fields: Partial<PendingLine> = {}): BudgetCandidate =>
  Object.freeze({ pending: pending(id, fields), suggestedQty, inventoryPosition: 0 });

describe("budgetUnitCents", () => {
  it("counts a unit in whole cents rounded up, so the cut never undercounts the screen's line value", () => {
    expect(budgetUnitCents("12.3401")).toBe(1235);
    expect(budgetUnitCents("12.34")).toBe(1234);
    expect(budgetUnitCents("0.125")).toBe(13);
    expect(budgetUnitCents("0")).toBeNull();
    expect(budgetUnitCents(null)).toBeNull();
  });
});

describe("budgetCuts", () => {
  it("cuts nothing when the suggestions fit", () => {
    const r = budgetCuts([candidate("a", 40), candidate("b", 40, { unitCost: "10.00" })], 44_000);
    expect(r).toEqual({ cuts: new Map(), uncutCents: 44_000, spentCents: 44_000 });
  });

  it("gives the budget to the most service per cent (the cheap line first) and spends at most the cap", () => {
    // Both need 40 units with no uncertainty; a cheap unit avoids as much shortage as a dear one for a tenth of the money.
    const r = budgetCuts([candidate("cheap", 40), candidate("dear", 40, { unitCost: "10.00" })], 5_000);
    expect(r.cuts).toEqual(new Map([["dear|loc", 1]]));
    expect(r.uncutCents).toBe(44_000);
    expect(r.spentCents).toBe(5_000);
  });

  it("leaves lines without a cost, or suggesting nothing, out of the count and uncut", () => {
    const r = budgetCuts([candidate("free", 500, { unitCost: null }), candidate("zero", 0), candidate("paid", 40)], 1_000);
    expect(r.cuts).toEqual(new Map([["paid|loc", 10]]));
    expect(r.uncutCents).toBe(4_000);
  });

  it("counts drafted units as ordered and keeps MOQ and case packs", () => {
    // 24 of 40 needed are drafted: the first case of 12 removes 12 units short, the second only 4.
    const drafted = candidate("drafted", 24, { draftedUnits: 24, casePack: 12, moq: 12 });
    const fresh = candidate("fresh", 24, { casePack: 12, moq: 12 });
    const r = budgetCuts([drafted, fresh], 3_600);
    expect(r.cuts).toEqual(new Map([["drafted|loc", 12]]));
    expect(r.spentCents).toBe(3_600);
  });

  it("spends nothing with a zero budget left, and refuses a bad budget", () => {
    expect(budgetCuts([candidate("a", 40)], 0).cuts).toEqual(new Map([["a|loc", 0]]));
    expect(() => budgetCuts([], -1)).toThrow(new RangeError("budgetCents must be a non-negative integer"));
    expect(() => budgetCuts([], 1.5)).toThrow(new RangeError("budgetCents must be a non-negative integer"));
  });
});
