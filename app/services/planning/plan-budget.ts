import { allocateBudget, type BudgetLine } from "~/lib/replenishment";
import { toTenThousandths } from "~/services/purchase-orders/money";
import { seriesKey } from "./series";
import type { PendingLine } from "./plan-chunk";

// The plan's purchase budget (ADR 038): once every line's unconstrained suggestion is known, a plan whose
// suggestions cost more than Settings' cap has them cut by allocateBudget (most expected units short avoided
// per cent first, in MOQ and case steps). Pure: plain data in, the cut quantities out; plan-shop.server.ts
// re-finishes the cut lines through the engine so their sums and sentence say so.

/**
 * Cost of one unit as the budget counts it: whole cents, rounded up (a cost of 0.125 counts 13 cents), so
 * quantity × this is never below the line value the screens show (quantity × cost rounded to cents); null
 * without a positive cost.
 * @example budgetUnitCents("12.3401") // 1235
 */
export function budgetUnitCents(unitCost: string | null): number | null {
  if (unitCost === null) return null;
  const tenThousandths = toTenThousandths(unitCost);
  return tenThousandths > 0n ? Number((tenThousandths + 99n) / 100n) : null;
}

/** A finished line competing for the budget: its pending series and the suggestion decideOrder gave it. */
export interface BudgetCandidate {
  readonly pending: PendingLine;
  readonly suggestedQty: number;
  /** Inventory position of the finished line, units (before drafts). */
  readonly inventoryPosition: number;
}

export interface BudgetCuts {
  /** By series key: the quantity the budget allows, for lines it cut (the rest keep their suggestion). */
  readonly cuts: Map<string, number>;
  /** What the lines that count cost before the cut, cents (unit cost rounded up, as budgetUnitCents). */
  readonly uncutCents: number;
  /** And after it: at most the budget. */
  readonly spentCents: number;
}

/**
 * Cuts a plan's suggestions to fit `budgetCents`. Counted: lines suggesting something at a known, positive
 * unit cost. Lines without a cost keep their suggestion and are not counted (nothing says what they cost;
 * the Replenishment screen values them at nothing too). Drafted units count as ordered (the suggestion is
 * net of them). When the counted suggestions fit, nothing is cut. Works on any set of lines: the whole
 * plan (a full run), or an incremental run's lines with the budget the untouched lines left.
 * @throws RangeError "budgetCents must be a non-negative integer"
 * @example budgetCuts([{ pending, suggestedQty: 40, inventoryPosition: 0 }], 2_000) // cuts: { "v|l": 20 } at 100 cents a unit
 */
export function budgetCuts(candidates: readonly BudgetCandidate[], budgetCents: number): BudgetCuts {
  if (!Number.isInteger(budgetCents) || budgetCents < 0) throw new RangeError("budgetCents must be a non-negative integer");
  const counted: { key: string; line: BudgetLine }[] = [];
  for (const { pending: p, suggestedQty, inventoryPosition } of candidates) {
    const unitCostCents = budgetUnitCents(p.unitCost);
    if (unitCostCents === null || suggestedQty <= 0) continue;
    const key = seriesKey(p.variantId, p.locationId);
    counted.push({
      key,
      line: {
        id: key,
        unitCostCents,
        suggestedQuantity: suggestedQty,
        inventoryPosition: inventoryPosition + p.draftedUnits,
        protectionMean: p.protectionDemandMean,
        protectionSd: p.protectionDemandSd,
        moq: p.moq,
        casePack: p.casePack,
      },
    });
  }
  const uncutCents = counted.reduce((sum, c) => sum + c.line.suggestedQuantity * c.line.unitCostCents, 0);
  if (uncutCents <= budgetCents) return { cuts: new Map(), uncutCents, spentCents: uncutCents };
  const allocation = allocateBudget(
    counted.map((c) => c.line),
    budgetCents,
  );
  const cuts = new Map<string, number>();
  allocation.lines.forEach((a, i) => {
    if (a.quantity < counted[i].line.suggestedQuantity) cuts.set(counted[i].key, a.quantity);
  });
  return { cuts, uncutCents, spentCents: allocation.totalCents };
}
