// The Replenishment screen's line on the plan's purchase budget (ADR 038), client-safe.

/** A plan's purchase budget and its suggestions' value at unit cost before and after the cut, cents. */
export interface PlanBudgetDto {
  capCents: number;
  uncutCents: number;
  spentCents: number;
}

const money = (cents: number, currency: string) => new Intl.NumberFormat("en-US", { style: "currency", currency }).format(cents / 100);

/**
 * "Budget $5,000.00: suggestions cut from $7,420.00 to $4,990.00", or "…: suggestions cost $3,200.00, within
 * it" when nothing was cut. Money in the shop currency.
 * @example budgetSummary({ capCents: 500_000, uncutCents: 742_000, spentCents: 499_000 }, "USD")
 */
export function budgetSummary(budget: PlanBudgetDto, currency: string): string {
  const cap = `Budget ${money(budget.capCents, currency)}`;
  if (budget.uncutCents > budget.spentCents)
    return `${cap}: suggestions cut from ${money(budget.uncutCents, currency)} to ${money(budget.spentCents, currency)}, keeping the orders that prevent the most stockouts per dollar.`;
  return `${cap}: suggestions cost ${money(budget.spentCents, currency)}, within it.`;
}
