/**
 * Static catalogue of the demo shop "Maple & Moss Outfitters": vendors, locations, product specs, kits and
 * option values. The data lives in catalog.json; this module checks it once on load (a typo in a season or a
 * vendor key fails loudly here, not as odd demo data) and hands out typed, read-only views.
 * generate.ts turns it into rows with a seeded random source.
 */
import { z } from "zod";
import raw from "./catalog.json";

const season = z.enum(["winter", "summer", "holiday", "spring", "none"]);
/** Demand pattern in the Syntetos–Boylan sense (smooth / erratic / intermittent / lumpy). */
const pattern = z.enum(["smooth", "erratic", "intermittent", "lumpy"]);
const lifecycle = z.enum(["steady", "new", "discontinued", "fading", "draft"]);
const optionSet = z.enum(["size4", "size5", "kids5", "shoe5", "sock3", "sml2", "colour3", "colour2", "capacity2", "bed3", "pack2", "single"]);
const range = z.tuple([z.number(), z.number()]);

export type Season = z.infer<typeof season>;
export type Pattern = z.infer<typeof pattern>;
export type Lifecycle = z.infer<typeof lifecycle>;
export type OptionSet = z.infer<typeof optionSet>;

const vendorSpec = z
  .object({
    key: z.string(),
    name: z.string(),
    contactName: z.string(),
    email: z.string(),
    phone: z.string(),
    statedLeadTimeDays: z.number().int().positive(),
    moq: z.number().int().positive().nullable(),
    notes: z.string(),
    /** Probability a PO arrives by its expected date. */
    onTimeRate: z.number().min(0).max(1),
    /** When late: days late ≈ |N(lateMeanDays, lateSdDays)| + 1. */
    lateMeanDays: z.number(),
    lateSdDays: z.number(),
    /** Relative share of historical POs. */
    poWeight: z.number().positive(),
  })
  .strict();
export type VendorSpec = z.infer<typeof vendorSpec>;

const locationSpec = z
  .object({
    key: z.enum(["brooklyn", "portland", "austin"]),
    name: z.string(),
    /** Numeric Shopify id (the GID is built from it). */
    shopifyNumber: z.number().int().positive(),
    /** Demand multiplier relative to the warehouse (which fulfils online orders). */
    demandFactor: z.number().positive(),
    /** Share of active products stocked here (the warehouse stocks everything). */
    assortment: z.number().min(0).max(1),
    /** Weekly profile, Sunday first: online orders run a touch higher early in the week, stores peak at weekends. */
    weekly: z.array(z.number()).length(7),
    /** Local opening window for orders, minutes after midnight. */
    openMinute: z.number().int(),
    closeMinute: z.number().int(),
  })
  .strict();
export type LocationSpec = z.infer<typeof locationSpec>;

/** A title, or a title with overrides of its category's spec. */
const productEntry = z.union([
  z.string(),
  z
    .object({
      title: z.string(),
      vendor: z.string().optional(),
      season: season.optional(),
      options: optionSet.optional(),
      price: range.optional(),
      pattern: pattern.optional(),
      popularity: range.optional(),
      lifecycle: lifecycle.optional(),
      casePack: z.number().int().positive().nullable().optional(),
      /** Not sold in the stores (online / B2B only). */
      onlineOnly: z.boolean().optional(),
    })
    .strict(),
]);
export type ProductEntry = z.infer<typeof productEntry>;

const categorySpec = z
  .object({
    type: z.string(),
    code: z.string(),
    vendor: z.string(),
    season,
    options: optionSet,
    price: range,
    pattern,
    /** Mean units/day of the whole product at the warehouse, range. */
    popularity: range,
    casePack: z.number().int().positive().nullable(),
    products: z.array(productEntry),
  })
  .strict();
export type CategorySpec = z.infer<typeof categorySpec>;

/** Kits sold as their own (untracked) variant; planning explodes them into component demand. */
const kitSpec = z
  .object({
    title: z.string(),
    price: z.number().positive(),
    /** Component product titles (first variant is used) and quantity per kit. */
    components: z.array(z.object({ title: z.string(), quantity: z.number().int().positive() }).strict()),
    popularity: z.number().positive(),
  })
  .strict();
export type KitSpec = z.infer<typeof kitSpec>;

const optionValues = z.array(z.object({ title: z.string(), code: z.string(), share: z.number().positive() }).strict());

const catalogSchema = z
  .object({
    vendors: z.array(vendorSpec),
    locations: z.array(locationSpec),
    categories: z.array(categorySpec),
    kits: z.array(kitSpec),
    // Every option set has its values (an object, not a record: a missing set fails here).
    optionValues: z.object(Object.fromEntries(optionSet.options.map((o) => [o, optionValues])) as Record<OptionSet, typeof optionValues>).strict(),
  })
  .strict()
  .superRefine((c, ctx) => {
    const vendors = new Set(c.vendors.map((v) => v.key));
    for (const cat of c.categories) {
      for (const v of [cat.vendor, ...cat.products.map((p) => (typeof p === "string" ? undefined : p.vendor))]) {
        if (v !== undefined && !vendors.has(v)) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${cat.type}: unknown vendor "${v}"` });
      }
    }
  });

const catalog = catalogSchema.parse(raw);

export const VENDORS: readonly VendorSpec[] = catalog.vendors;
export const LOCATIONS: readonly LocationSpec[] = catalog.locations;
export const CATEGORIES: readonly CategorySpec[] = catalog.categories;
export const KITS: readonly KitSpec[] = catalog.kits;
export const OPTION_VALUES: Record<OptionSet, readonly { title: string; code: string; share: number }[]> = catalog.optionValues;
