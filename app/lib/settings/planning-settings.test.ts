import { describe, expect, it } from "vitest";
import {
  amountToCents,
  centsToAmount,
  fromStoredSettings,
  PLANNING_COLUMNS,
  planSettingsContext,
  planningSettingsSchema,
  toStoredSettings,
  type StoredPlanningRow,
} from "./planning-settings";

const FORM = {
  serviceLevelA: "99.95",
  serviceLevelB: "95",
  serviceLevelC: "90",
  reviewPeriodDays: "7",
  holdingCostRatePercent: "25",
  orderingCost: "25.5",
  forecastHorizonDays: "90",
  overstockCoverDays: "180",
  deadStockDays: "90",
  deadStockMinValue: "100",
  planBudget: "5,000.50",
  balanceServiceByCost: "on",
};

const ROW: StoredPlanningRow = {
  serviceLevelA: 0.9995,
  serviceLevelB: 0.95,
  serviceLevelC: 0.9,
  balanceServiceByCost: true,
  serviceByVariability: false,
  reviewPeriodDays: 7,
  holdingCostRate: 0.25,
  orderingCost: "25.50",
  forecastHorizonDays: 90,
  overstockCoverDays: 180,
  deadStockDays: 90,
  deadStockMinValue: "100.00",
  planBudgetCents: 500050,
};

describe("planning settings", () => {
  it("parses the form into merchant units: commas and % dropped, money to two decimals, an absent checkbox is off", () => {
    const parsed = planningSettingsSchema.parse(FORM);
    expect(parsed).toMatchObject({ serviceLevelA: 99.95, orderingCost: "25.50", deadStockMinValue: "100.00", planBudget: "5000.50", balanceServiceByCost: true, serviceByVariability: false });
    expect(planningSettingsSchema.parse({ ...FORM, planBudget: "" }).planBudget).toBe("");
  });

  it("refuses values outside a field's range, and a horizon shorter than the review period, in plain words", () => {
    const result = planningSettingsSchema.safeParse({ ...FORM, serviceLevelA: "100", orderingCost: "0", forecastHorizonDays: "28", reviewPeriodDays: "30" });
    expect(result.success).toBe(false);
    const messages = result.success ? [] : result.error.issues.map((i) => `${i.path[0]}: ${i.message}`);
    expect(messages).toContain("serviceLevelA: Class A cycle service level must be between 50 and 99.99%.");
    expect(messages).toContain("orderingCost: Ordering cost must be more than 0 and at most 1,000,000.");
  });

  it("converts between merchant units and stored columns both ways (95% ↔ 0.95, 5000.50 ↔ 500050 cents)", () => {
    const settings = planningSettingsSchema.parse(FORM);
    const stored = toStoredSettings(settings);
    expect(stored).toEqual({ ...ROW, planBudgetCents: 500050 });
    expect(Object.keys(stored).sort()).toEqual([...PLANNING_COLUMNS].sort());
    expect(fromStoredSettings(ROW)).toEqual(settings);
    expect(toStoredSettings({ ...settings, planBudget: "" }).planBudgetCents).toBeNull();
  });

  it("turns amounts into cents exactly, without float error", () => {
    expect(amountToCents("0.29")).toBe(29);
    expect(amountToCents("100000000.01")).toBe(10000000001);
    expect(amountToCents("7.5")).toBe(750);
    expect(centsToAmount(29)).toBe("0.29");
    expect(centsToAmount(10000000001)).toBe("100000000.01");
    expect(() => amountToCents("1.234")).toThrow(RangeError);
  });

  it("gives planning its settings in stored units with the ordering cost in cents", () => {
    expect(planSettingsContext({ ...ROW, orderingCost: { toFixed: () => "25.50", toString: () => "25.5" } })).toEqual({
      forecastHorizonDays: 90,
      reviewPeriodDays: 7,
      orderingCostCents: 2550,
      holdingCostRate: 0.25,
      serviceLevel: { A: 0.9995, B: 0.95, C: 0.9 },
      serviceByVariability: false,
      budgetCents: 500050,
    });
  });
});
