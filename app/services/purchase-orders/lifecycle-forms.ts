// The PO page's forms for editing after drafting (lines, dates) and for ending a partly received PO: zod
// schemas the route's action merges into its own (client-safe: no I/O).
import { z } from "zod";

const version = z.coerce.number().int().min(1);
const quantity = z.string().trim().regex(/^\d{1,7}$/, "Quantities must be whole numbers between 0 and 1,000,000").transform(Number);
const unitCost = z.string().trim().regex(/^\d{1,9}(\.\d{1,4})?$/, "Unit costs must be amounts like 12.50, with at most 4 decimals");
const day = (what: string) => z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, `Enter the ${what} as a date, like 2026-12-20`);

export const LIFECYCLE_FORMS = [
  z.object({ intent: z.literal("close_short"), version }),
  z.object({ intent: z.literal("cancel_remainder"), version, reason: z.string().trim().min(1, "Say why the rest of the order is cancelled").max(500) }),
  z.object({
    intent: z.literal("update_lines"),
    version,
    lines: z
      .array(z.object({ lineId: z.string().min(1).max(64), quantity, unitCost: unitCost.optional() }))
      .min(1)
      .max(1_000),
  }),
  z.object({
    intent: z.literal("add_line"),
    version,
    variantId: z.string().min(1).max(64),
    addQuantity: quantity.refine((q) => q >= 1, "Order at least 1 unit"),
    addUnitCost: unitCost.optional(),
  }),
  z.object({
    intent: z.literal("update_dates"),
    version,
    expectedDate: day("expected date"),
    // Blank clears the vendor's ETA.
    confirmedEta: z
      .string()
      .trim()
      .default("")
      .refine((v) => v === "" || /^\d{4}-\d{2}-\d{2}$/.test(v), "Enter the vendor-confirmed ETA as a date, like 2026-12-20, or leave it blank")
      .transform((v) => v || null),
  }),
] as const;

/** The line fields of a posted form: lineId, quantity and (optionally) unitCost, repeated per line in order. */
export function linesOfForm(form: FormData) {
  const quantities = form.getAll("quantity");
  const costs = form.getAll("unitCost");
  return form.getAll("lineId").map((lineId, i) => ({ lineId, quantity: quantities[i], ...(costs.length ? { unitCost: costs[i] } : {}) }));
}
