import { z } from "zod";
import { plainMethod } from "~/lib/forecasting";
import { orderArithmetic, type OrderArithmetic } from "~/lib/replenishment";
import type { WhyDto } from "~/utils/why-dto";
import type { ReplenishmentPageRow } from "~/models/replenishment.server";

export type { WhyDto };

// The "why" of one replenishment line as the Replenishment table's panel, the variant page and the CSV
// show it: one sentence, then sums in whole units that add up, then the method in plain words.

const count = z.number().int();
const arithmeticSchema = z.object({
  leadTimeDemand: count,
  safetyStock: count,
  reorderPoint: count,
  reviewDemand: count,
  orderUpTo: count,
  position: count,
  inDraft: count.nonnegative(),
  beforeRounding: count.nonnegative(),
  steps: z.array(z.object({ rule: z.enum(["economic-order-quantity", "moq", "case-pack", "max-quantity", "budget"]), figure: z.number(), quantity: count })),
  stopped: z.enum(["do-not-reorder", "rule-conflict"]).nullable(),
  quantity: count.nonnegative(),
});

/** The stored line fields the why is made of (Float columns as numbers). */
export type WhyLine = Pick<
  ReplenishmentPageRow,
  "reason" | "arithmetic" | "leadTimeDemand" | "reorderPoint" | "orderUpTo" | "inventoryPosition" | "draftedUnits" | "leadTimeDays" | "serviceLevel" | "onHand" | "available" | "onOrder" | "editedQty"
>;


/** The line's stored arithmetic, or one rebuilt from its figures (no rounding steps) for an older plan. */
export function lineArithmetic(line: WhyLine): { sums: OrderArithmetic; stepsKnown: boolean } {
  if (line.arithmetic) {
    const parsed = arithmeticSchema.safeParse(safeJson(line.arithmetic));
    if (parsed.success) return { sums: parsed.data, stepsKnown: true };
  }
  const sums = orderArithmetic({
    leadTimeDemandMean: Math.max(0, Number(line.leadTimeDemand)),
    reorderPoint: Number(line.reorderPoint),
    orderUpToLevel: Number(line.orderUpTo),
    inventoryPosition: Math.round(Number(line.inventoryPosition)),
    inDraft: Math.max(0, Math.round(Number(line.draftedUnits))),
    economicOrderQuantity: null,
  });
  return { sums, stepsKnown: false };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The why of one line; `forecast` is the line's forecast (method code and cross-validated RMSSE) when known. */
export function whyOf(line: WhyLine, forecast: { method: string; rmsse: number | null } | null): WhyDto {
  const { sums, stepsKnown } = lineArithmetic(line);
  return {
    sentence: line.reason,
    sums,
    stepsKnown,
    stock: { available: Number(line.available), onHand: Number(line.onHand), onOrder: Number(line.onOrder) },
    leadTimeDays: Number(line.leadTimeDays),
    serviceLevel: Number(line.serviceLevel),
    editedQty: line.editedQty === null ? null : Number(line.editedQty),
    method: forecast ? { words: plainMethod(forecast.method), code: forecast.method, rmsse: forecast.rmsse === null ? null : Number(forecast.rmsse) } : null,
  };
}
