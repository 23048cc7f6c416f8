import { describe, expect, it } from "vitest";
import { assessStockHealth } from "./dead-stock";
import { averageInventoryValue, daysOfSupply, inventoryTurnover, turnoverDays } from "./turnover";
import { vendorScore } from "./vendor-score";

const health = { onHand: 1, unitCostCents: 1, averageDailyDemand: 1, daysSinceLastSale: 1 };
const receipt = { leadTimeDays: 1, promisedLeadTimeDays: 1, orderedUnits: 1, receivedUnits: 1, unitCostCents: 1 };

// One row per precondition message not already asserted next to its happy-path tests (style.md §7).
const cases: [string, () => unknown][] = [
  ["snapshotsCents must be a non-negative integer", () => averageInventoryValue([1.5])],
  ["averageInventoryCents must be a non-negative finite number", () => inventoryTurnover({ cogsCents: 1, averageInventoryCents: -1 })],
  ["averageDailyDemand must be a non-negative finite number", () => daysOfSupply({ onHand: 1, averageDailyDemand: -1 })],
  ["turns must be a non-negative finite number", () => turnoverDays({ turns: -1, periodDays: 1 })],
  ["periodDays must be a non-negative finite number", () => turnoverDays({ turns: 1, periodDays: -1 })],
  ["averageDailyDemand must be a non-negative finite number", () => assessStockHealth({ ...health, averageDailyDemand: -1 })],
  ["daysSinceLastSale must be a non-negative finite number", () => assessStockHealth({ ...health, daysSinceLastSale: -1 })],
  ["deadAfterDays must be a non-negative finite number", () => assessStockHealth({ ...health, deadAfterDays: -1 })],
  ["overstockDays must be a non-negative finite number", () => assessStockHealth({ ...health, overstockDays: -1 })],
  ["targetCoverDays must be a non-negative finite number", () => assessStockHealth({ ...health, targetCoverDays: -1 })],
  ["graceDays must be a non-negative finite number", () => vendorScore([receipt], { graceDays: -1 })],
  ["weight must be a non-negative finite number", () => vendorScore([receipt], { weights: { onTime: -1, fill: 1, leadTimeConsistency: 0.5, priceStability: 0.5 } })],
  ["leadTimeDays must be a non-negative finite number", () => vendorScore([{ ...receipt, leadTimeDays: -1 }])],
  ["promisedLeadTimeDays must be a non-negative finite number", () => vendorScore([{ ...receipt, promisedLeadTimeDays: -1 }])],
  ["receivedUnits must be a non-negative finite number", () => vendorScore([{ ...receipt, receivedUnits: -1 }])],
  ["unitCostCents must be a non-negative integer", () => vendorScore([{ ...receipt, unitCostCents: 0.5 }])],
];

describe("analytics preconditions", () => {
  it.each(cases)("throws RangeError %s", (message, call) => {
    expect(call).toThrow(new RangeError(message));
  });
});
