import { describe, expect, it } from "vitest";
import { budgetSummary } from "./budget-summary";

describe("budgetSummary", () => {
  it("says what the budget cut, in the shop currency", () => {
    expect(budgetSummary({ capCents: 500_000, uncutCents: 742_000, spentCents: 499_012 }, "USD")).toBe(
      "Budget $5,000.00: suggestions cut from $7,420.00 to $4,990.12, keeping the orders that prevent the most stockouts per dollar.",
    );
    expect(budgetSummary({ capCents: 500_000, uncutCents: 320_000, spentCents: 320_000 }, "CAD")).toBe("Budget CA$5,000.00: suggestions cost CA$3,200.00, within it.");
  });
});
