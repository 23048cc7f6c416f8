// The "update_charges" intent of the PO page (client-safe: the route's zod union and the card share it).
import { z } from "zod";

/** Amounts as the merchant types them ("125", "12.50"), in the PO currency, to integer cents. */
const amount = (label: string) =>
  z
    .string()
    .trim()
    .transform((v) => v.replace(/,/g, "") || "0")
    .pipe(z.string().regex(/^\d{1,7}(\.\d{1,2})?$/, `${label} must be an amount like 125 or 12.50, under 10,000,000`))
    .transform((v) => {
      const [whole, fraction = ""] = v.split(".");
      return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
    });

export const ALLOCATION_BASES = ["value", "quantity"] as const;
export type AllocationBasisInput = (typeof ALLOCATION_BASES)[number];

export const chargesIntentSchema = z.object({
  intent: z.literal("update_charges"),
  version: z.coerce.number().int().min(1),
  freight: amount("Freight"),
  duty: amount("Duty"),
  other: amount("Other charges"),
  allocation: z.enum(ALLOCATION_BASES, { message: "Choose how to spread the charges: by value or by quantity" }),
});
export type ChargesInput = z.infer<typeof chargesIntentSchema>;
