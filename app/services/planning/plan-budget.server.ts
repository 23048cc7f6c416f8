import { listCostedLines, setPlanRunBudget } from "~/models/plan-run.server";
import { lineTotalCents } from "~/services/purchase-orders/money";
import { budgetUnitCents } from "./plan-budget";

/**
 * Stores on the run the purchase budget it respected and what its suggestions cost before and after the
 * cut, valued as the Replenishment screen values lines (quantity × unit cost, rounded to cents). A full run
 * calls it before completing, an incremental run after patching the lines. Cents. Without a cap nothing is
 * read (a plan at scale has ~100k lines; the screen shows the totals only under a cap).
 */
export async function refreshPlanRunBudget(shop: string, planRunId: string, budgetCents: number | null): Promise<void> {
  if (budgetCents === null) return setPlanRunBudget(shop, planRunId, { budgetCents: null, budgetUncutCents: null, budgetSpentCents: null });
  let uncut = 0n;
  let spent = 0n;
  for (const l of await listCostedLines(shop, planRunId)) {
    uncut += lineTotalCents(l.budgetCutFrom ?? l.suggestedQty, l.unitCost);
    spent += lineTotalCents(l.suggestedQty, l.unitCost);
  }
  await setPlanRunBudget(shop, planRunId, { budgetCents, budgetUncutCents: Number(uncut), budgetSpentCents: Number(spent) });
}

/**
 * Cents of the budget the lines of variants outside `variantIds` already spend in the run: what an
 * incremental run re-planning `variantIds` must leave alone. Costed as the cut counts them (budgetUnitCents).
 */
export async function budgetSpentOutside(shop: string, planRunId: string, variantIds: readonly string[]): Promise<number> {
  const inside = new Set(variantIds);
  let cents = 0;
  for (const l of await listCostedLines(shop, planRunId)) {
    if (!inside.has(l.variantId)) cents += l.suggestedQty * (budgetUnitCents(l.unitCost) ?? 0);
  }
  return cents;
}
