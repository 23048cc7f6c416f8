import { normalLoss } from "./normal";
import { requireFinite, requireNonNegative, requireNonNegativeInteger, requirePositiveInteger } from "./validate";

/** One line competing for a purchase budget (a plan's variant × location). Units unless stated. */
export interface BudgetLine {
  readonly id: string;
  /** Cost of one unit, integer cents. */
  readonly unitCostCents: number;
  /** Unconstrained suggestion (already rounded); the budget never buys more than this. */
  readonly suggestedQuantity: number;
  /** Inventory position before ordering. */
  readonly inventoryPosition: number;
  /** Mean and σ of demand over the protection interval (review period + lead time). */
  readonly protectionMean: number;
  readonly protectionSd: number;
  readonly moq?: number;
  readonly casePack?: number;
}

/** Allocation for one line. */
export interface BudgetAllocation {
  readonly id: string;
  readonly quantity: number;
  /** quantity × unit cost, integer cents. */
  readonly costCents: number;
  /** Expected units short over the protection interval after this order. */
  readonly expectedShortage: number;
}

/** Result of {@link allocateBudget}. */
export interface BudgetResult {
  readonly lines: readonly BudgetAllocation[];
  readonly totalCents: number;
  readonly remainingCents: number;
}

/**
 * Expected units short over the protection interval when ordering q: E[(D − IP − q)⁺] for
 * D ~ N(μ, σ²), i.e. σ·G((IP + q − μ)/σ); with σ = 0 it is (μ − IP − q)⁺. Units.
 * Reference: Silver, Pyke & Thomas, 4th ed., ch. 6 (expected shortage per replenishment cycle, σ·G(k)).
 * @example expectedShortage({ inventoryPosition: 0, protectionMean: 100, protectionSd: 0 }, 60) // 40
 */
export function expectedShortage(line: Pick<BudgetLine, "inventoryPosition" | "protectionMean" | "protectionSd">, quantity: number): number {
  const gap = line.protectionMean - line.inventoryPosition - quantity;
  if (line.protectionSd === 0) return Math.max(0, gap);
  return line.protectionSd * normalLoss(-gap / line.protectionSd);
}

/**
 * Cuts a set of lines' suggested quantities (a whole plan's, ADR 038) to fit a budget, buying the most service per cent: starting from
 * nothing, repeatedly add the step (first step up to the MOQ in whole cases, then one case) with the
 * largest reduction in expected units short per cent spent, while it fits the remaining budget and does
 * not exceed the line's suggestion. Greedy marginal analysis is optimal for the continuous relaxation
 * because expected shortage is convex in q. Money in integer cents; quantities in units.
 * Complexity O(S·log n) for S steps over n lines (a heap of each line's next step).
 * Reference: Silver, Pyke & Thomas, 4th ed., ch. 7 (budget-constrained multi-item service, marginal
 * analysis and exchange curves); ADR 022 records expected shortage as the service measure.
 * @throws RangeError "budgetCents must be a non-negative integer", "unitCostCents must be a non-negative integer", "suggestedQuantity must be a non-negative integer", "casePack must be a positive integer", "moq must be a non-negative integer", "protectionSd must be a non-negative finite number"
 * @example allocateBudget([a, b], 10_000) // spends ≤ 10 000 cents where each cent avoids the most expected units short
 */
export function allocateBudget(lines: readonly BudgetLine[], budgetCents: number): BudgetResult {
  requireNonNegativeInteger(budgetCents, "budgetCents");
  for (const l of lines) {
    requireNonNegativeInteger(l.unitCostCents, "unitCostCents");
    requireNonNegativeInteger(l.suggestedQuantity, "suggestedQuantity");
    requirePositiveInteger(l.casePack ?? 1, "casePack");
    requireNonNegativeInteger(l.moq ?? 0, "moq");
    requireFinite(l.inventoryPosition, "inventoryPosition");
    requireNonNegative(l.protectionMean, "protectionMean");
    requireNonNegative(l.protectionSd, "protectionSd");
  }
  const qty = lines.map(() => 0);
  let remaining = budgetCents;
  const nextStep = (i: number): number => {
    const l = lines[i];
    const pack = l.casePack ?? 1;
    const step = qty[i] === 0 ? Math.ceil(Math.max(l.moq ?? 0, 1) / pack) * pack : pack;
    return qty[i] + step <= l.suggestedQuantity ? step : 0;
  };
  // A line's next step and its score change only when that line steps, and the budget only shrinks: a
  // max-heap of each line's next step gives the same choice as scanning every line per step (ties to the
  // lower index), in O(S·log n), which a plan of 100k lines needs.
  const heap = new StepHeap();
  const offer = (i: number) => {
    const step = nextStep(i);
    if (step === 0) return;
    const cost = step * lines[i].unitCostCents;
    const gain = expectedShortage(lines[i], qty[i]) - expectedShortage(lines[i], qty[i] + step);
    if (gain > 0) heap.push({ i, step, cost, score: cost === 0 ? Number.POSITIVE_INFINITY : gain / cost });
  };
  for (let i = 0; i < lines.length; i++) offer(i);
  for (let top = heap.pop(); top; top = heap.pop()) {
    // Unaffordable now means unaffordable for good: this line's step stays, the budget only shrinks.
    if (top.cost > remaining) continue;
    qty[top.i] += top.step;
    remaining -= top.cost;
    offer(top.i);
  }
  const out = lines.map((l, i) => ({
    id: l.id,
    quantity: qty[i],
    costCents: qty[i] * l.unitCostCents,
    expectedShortage: expectedShortage(l, qty[i]),
  }));
  return { lines: out, totalCents: budgetCents - remaining, remainingCents: remaining };
}

interface Step {
  readonly i: number;
  readonly step: number;
  readonly cost: number;
  readonly score: number;
}

/** Binary max-heap of steps by score, then by lower line index (the scan's tie-break). */
class StepHeap {
  private readonly items: Step[] = [];
  private before(a: Step, b: Step): boolean {
    return a.score > b.score || (a.score === b.score && a.i < b.i);
  }
  push(item: Step): void {
    const h = this.items;
    h.push(item);
    let c = h.length - 1;
    while (c > 0) {
      const parent = (c - 1) >> 1;
      if (!this.before(h[c], h[parent])) break;
      [h[c], h[parent]] = [h[parent], h[c]];
      c = parent;
    }
  }
  pop(): Step | undefined {
    const h = this.items;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last) {
      h[0] = last;
      let c = 0;
      for (;;) {
        const l = 2 * c + 1;
        const r = l + 1;
        let best = c;
        if (l < h.length && this.before(h[l], h[best])) best = l;
        if (r < h.length && this.before(h[r], h[best])) best = r;
        if (best === c) break;
        [h[c], h[best]] = [h[best], h[c]];
        c = best;
      }
    }
    return top;
  }
}
