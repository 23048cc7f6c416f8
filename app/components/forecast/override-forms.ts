// What the variant (forecast detail) page accepts: per-variant planning overrides and manual forecast
// overrides, one zod schema each, shared by the route's action and the forms, with merchant-readable errors.
import { z } from "zod";
import { wholeNumber } from "~/components/vendors/vendor-form";

export const OVERRIDE_LIMITS = {
  leadTimeOverrideDays: { min: 1, max: 365 },
  moqOverride: { min: 1, max: 1_000_000 },
  casePack: { min: 1, max: 10_000 },
  minQty: { min: 1, max: 1_000_000 },
  maxQty: { min: 1, max: 1_000_000 },
} as const;

export type OverrideFieldName = keyof typeof OVERRIDE_LIMITS | "doNotReorder";

export const OVERRIDE_LABEL: Record<OverrideFieldName, string> = {
  leadTimeOverrideDays: "Lead time override",
  moqOverride: "MOQ override",
  casePack: "Case pack",
  minQty: "Minimum per order",
  maxQty: "Maximum per order",
  doNotReorder: "Do not reorder",
};

const optionalWhole = (name: keyof typeof OVERRIDE_LIMITS) =>
  z
    .string()
    .optional()
    .transform((v) => v ?? "")
    .pipe(wholeNumber(OVERRIDE_LABEL[name], OVERRIDE_LIMITS[name].min, OVERRIDE_LIMITS[name].max, { optional: true }));

const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "on" || v === "true");

/** The overrides as stored: null = use the vendor's or shop's default. */
export const variantOverridesShape = z.object({
  leadTimeOverrideDays: z.number().int().nullable(),
  moqOverride: z.number().int().nullable(),
  casePack: z.number().int().nullable(),
  minQty: z.number().int().nullable(),
  maxQty: z.number().int().nullable(),
  doNotReorder: z.boolean(),
});

export type VariantOverrides = z.output<typeof variantOverridesShape>;

/**
 * The overrides card's fields (empty = no override). Checks min ≤ max, and that some whole case fits
 * between the larger of MOQ and minimum and the maximum — otherwise planning could never suggest an order.
 */
export const variantOverridesForm = z
  .object({
    leadTimeOverrideDays: optionalWhole("leadTimeOverrideDays"),
    moqOverride: optionalWhole("moqOverride"),
    casePack: optionalWhole("casePack"),
    minQty: optionalWhole("minQty"),
    maxQty: optionalWhole("maxQty"),
    doNotReorder: checkbox,
  })
  .superRefine((v, ctx) => {
    if (v.minQty !== null && v.maxQty !== null && v.minQty > v.maxQty) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["maxQty"], message: "Maximum per order must be at least the minimum per order." });
      return;
    }
    if (v.maxQty !== null) {
      const pack = v.casePack ?? 1;
      const floor = Math.max(v.moqOverride ?? 0, v.minQty ?? 0, 1);
      if (Math.floor(v.maxQty / pack) * pack < Math.ceil(floor / pack) * pack) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ["maxQty"],
          message: `No whole case of ${pack} fits between the minimum of ${floor} and the maximum of ${v.maxQty}: raise the maximum or change the case pack.`,
        });
      }
    }
  });

const isoDate = (label: string) =>
  z
    .string({ required_error: `${label} is required.` })
    .trim()
    .refine((v) => v !== "", `${label} is required.`)
    .refine((v) => v === "" || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v)), `${label} must be a date like 2026-12-24.`);

export const FORECAST_OVERRIDE_MAX_UNITS = 100_000;

/** "Override forecast": a date range, units per day (≥ 0, up to 2 decimals) and an optional note. */
export const forecastOverrideForm = z
  .object({
    locationId: z.string({ required_error: "Choose a location." }).trim().min(1, "Choose a location.").max(64),
    startDate: isoDate("Start date"),
    endDate: isoDate("End date"),
    dailyUnits: z
      .string({ required_error: "Units per day is required." })
      .transform((raw, ctx) => {
        const text = raw.trim().replace(/,/g, "");
        if (text === "") {
          ctx.addIssue({ code: z.ZodIssueCode.custom, message: "Units per day is required." });
          return z.NEVER;
        }
        if (!/^\d+(\.\d{1,2})?$/.test(text) || Number(text) > FORECAST_OVERRIDE_MAX_UNITS) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, message: `Units per day must be a number from 0 to ${FORECAST_OVERRIDE_MAX_UNITS.toLocaleString("en-US")}, with at most two decimals.` });
          return z.NEVER;
        }
        return Number(text);
      }),
    note: z
      .string()
      .optional()
      .transform((v) => (v ?? "").trim())
      .refine((v) => v.length <= 500, "Note must be at most 500 characters.")
      .transform((v) => (v === "" ? null : v)),
  })
  .superRefine((v, ctx) => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(v.startDate) && /^\d{4}-\d{2}-\d{2}$/.test(v.endDate) && v.endDate < v.startDate) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["endDate"], message: "End date must be on or after the start date." });
    }
  });

export type ForecastOverrideInput = z.output<typeof forecastOverrideForm>;
