// The vendor edit form: one zod schema shared by the route's action (validation) and the form (limits
// shown), with messages a merchant understands.
import { z } from "zod";

export const VENDOR_LEAD_TIME_MIN = 1;
export const VENDOR_LEAD_TIME_MAX = 365;
export const VENDOR_MOQ_MAX = 1_000_000;
export const VENDOR_NOTES_MAX = 2000;

export type VendorFieldName = "contactName" | "email" | "phone" | "currency" | "statedLeadTimeDays" | "moq" | "notes";

/** ISO 4217 codes the runtime knows (Intl); null when the runtime cannot list them. */
function knownCurrencies(): Set<string> | null {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  try {
    return intl.supportedValuesOf ? new Set(intl.supportedValuesOf("currency")) : null;
  } catch {
    return null;
  }
}

const optionalText = (label: string, max: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim())
    .refine((v) => v.length <= max, `${label} must be at most ${max} characters.`)
    .transform((v) => (v === "" ? null : v));

/** A whole number from form text; with `optional`, an empty field is null. */
export function wholeNumber(label: string, min: number, max: number, options: { optional: true }): z.ZodEffects<z.ZodString, number | null, string>;
export function wholeNumber(label: string, min: number, max: number): z.ZodEffects<z.ZodString, number, string>;
export function wholeNumber(label: string, min: number, max: number, options?: { optional: true }) {
  return z
    .string({ required_error: `${label} is required.`, invalid_type_error: `${label} is required.` })
    .transform((raw, ctx) => {
      const text = raw.trim().replace(/,/g, "");
      if (text === "") {
        if (options?.optional) return null;
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${label} is required.` });
        return z.NEVER;
      }
      if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${label} must be a whole number from ${min} to ${max.toLocaleString("en-US")}.` });
        return z.NEVER;
      }
      return Number(text);
    });
}

/** Editable vendor fields, from form text. Empty optional fields become null. */
export const vendorForm = z.object({
  contactName: optionalText("Contact name", 100),
  email: optionalText("Email", 254).refine((v) => v === null || z.string().email().safeParse(v).success, "Enter an email address like orders@vendor.com."),
  phone: optionalText("Phone", 40).refine((v) => v === null || /^[+()0-9 .\-x]{5,40}$/i.test(v), "Enter a phone number using digits, spaces, + ( ) - or x for an extension."),
  currency: z
    .string({ required_error: "Currency is required." })
    .transform((v) => v.trim().toUpperCase())
    .refine((v) => /^[A-Z]{3}$/.test(v), "Currency must be a 3-letter ISO 4217 code, like USD or EUR.")
    .refine((v) => !/^[A-Z]{3}$/.test(v) || (knownCurrencies()?.has(v) ?? true), "This is not a currency code we know. Use an ISO 4217 code, like USD or EUR."),
  statedLeadTimeDays: wholeNumber("Stated lead time", VENDOR_LEAD_TIME_MIN, VENDOR_LEAD_TIME_MAX),
  moq: z
    .string()
    .optional()
    .transform((v) => v ?? "")
    .pipe(wholeNumber("Minimum order quantity", 1, VENDOR_MOQ_MAX, { optional: true })),
  notes: optionalText("Notes", VENDOR_NOTES_MAX),
});

export type VendorFormValues = z.output<typeof vendorForm>;

/** The first message per field, for the form. */
export function fieldErrors<K extends string>(error: z.ZodError): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form") as K;
    if (!out[key]) out[key] = issue.message;
  }
  return out;
}
