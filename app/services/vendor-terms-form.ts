// The vendor page's "save_vendor_terms" intent (client-safe: the route's ACTION_INTENTS reads it).
import { z } from "zod";

/** How many variants the card lists at once (a vendor with more is edited by import). */
export const VENDOR_TERMS_PAGE = 200;

const optionalText = z.string().trim().max(100, "Keep vendor SKUs under 100 characters").transform((v) => v || null);
const optionalPrice = z
  .string()
  .trim()
  .transform((v) => v.replace(/,/g, ""))
  .pipe(z.string().regex(/^(\d{1,9}(\.\d{1,4})?)?$/, "Vendor prices must be amounts like 12.50 (up to 4 decimals)"))
  .transform((v) => v || null);

export const vendorTermsIntentSchema = z.object({
  intent: z.literal("save_vendor_terms"),
  rows: z.array(z.object({ variantId: z.string().min(1).max(64), vendorSku: optionalText, vendorPrice: optionalPrice })).min(1).max(VENDOR_TERMS_PAGE),
});
