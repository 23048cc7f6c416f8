// The three CSV formats we import, and the columns each one relies on. Headers are matched exactly as
// Shopify writes them (case and spaces); columns we don't list are ignored.
//
// "shopify-orders" — Shopify admin › Orders › Export (one row per line item; the order-level columns are
//   filled on the first row of each order only, later rows repeat just Name):
//     Name            required  "#1001"; groups rows into orders
//     Created at      required on an order's first row  "2026-05-01 10:00:00 -0700" (offset required)
//     Lineitem quantity  required  whole number
//     Lineitem sku    blank → the line is skipped (custom items, tips: nothing to stock)
//     Lineitem price  optional decimal, default 0
//     Cancelled at    optional timestamp: the order is stored as cancelled (no demand)
//     Financial Status optional: "refunded" marks every line fully refunded. "partially_refunded" and
//                     "Refunded Amount" are money, not units, so they are NOT turned into quantities.
//     Location        optional: matched to a synced location by name; blank → the shop's default location
//                     (the rule the orders webhooks use)
//     Id              optional numeric order id: kept as the order's GID
// "shopify-inventory" — Shopify admin › Products › Inventory › Export (one row per variant × location):
//     SKU, Location, Available required ("not stocked" rows are skipped); stored as the end-of-day
//     InventorySnapshot of the date the caller names (the export's date).
// "demand" — our simple format, header `sku,date,qty[,location]`: units sold per SKU per local day
//   (blank location → the default location). Rows of the same SKU, location and day add up.
// Every kind: a SKU must match exactly one variant and a named location must exist, or the row is an error.
// Orders and demand rows become OrderLines (source "csv") and their DemandDays are re-derived.
import { z } from "zod";

export const IMPORT_KINDS = ["shopify-orders", "shopify-inventory", "demand"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const REQUIRED_COLUMNS: Record<ImportKind, string[]> = {
  "shopify-orders": ["Name", "Created at", "Lineitem quantity", "Lineitem sku"],
  "shopify-inventory": ["SKU", "Location", "Available"],
  demand: ["sku", "date", "qty"],
};

const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|UTC|[+-]\d{2}:?\d{2})$/;

/** "2026-05-01 10:00:00 -0700" (Shopify's export) or ISO 8601 with an offset. */
const timestamp = z.string().transform((s, ctx) => {
  const m = TIMESTAMP.exec(s.trim());
  const offset = m ? (m[3] === "UTC" ? "Z" : m[3].replace(/^([+-]\d{2})(\d{2})$/, "$1:$2")) : "";
  const date = m ? new Date(`${m[1]}T${m[2]}${offset}`) : null;
  if (!date || Number.isNaN(date.getTime())) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: `"${s}" is not a timestamp with an offset like 2026-05-01 10:00:00 -0700` });
    return z.NEVER;
  }
  return date;
});
const optionalTimestamp = z.string().transform((s) => (s.trim() === "" ? null : s)).pipe(timestamp.nullable());

const wholeNumber = z.string().regex(/^\d+$/, "must be a whole number of units").transform(Number);
const signedWholeNumber = z.string().regex(/^-?\d+$/, "must be a whole number").transform(Number);
const decimal = z
  .string()
  .transform((s) => s.replace(/^\s+|\s+$/g, ""))
  .pipe(z.string().regex(/^-?\d+(\.\d+)?$/, "must be a decimal amount like 19.99"));
const blankToNull = z.string().transform((s) => (s.trim() === "" ? null : s.trim()));
const optional = (schema: z.ZodTypeAny) => z.string().optional().transform((s) => (s === undefined || s.trim() === "" ? undefined : s)).pipe(schema.optional());

export const ordersRow = z.object({
  Name: z.string().min(1, "is empty"),
  "Created at": optionalTimestamp,
  "Lineitem quantity": wholeNumber,
  "Lineitem sku": blankToNull,
  "Lineitem price": optional(decimal).transform((s) => s ?? "0"),
  "Cancelled at": optionalTimestamp.optional().transform((d) => d ?? null),
  "Financial Status": z.string().optional().transform((s) => s?.trim().toLowerCase() || null),
  Location: z.string().optional().transform((s) => s?.trim() || null),
  Id: optional(z.string().regex(/^\d+$/, "must be a numeric order id")).transform((s) => s ?? null),
});
export type OrdersRow = z.infer<typeof ordersRow>;

export const inventoryRow = z.object({
  SKU: blankToNull,
  Location: z.string().trim().min(1, "is empty"),
  Available: z.string().transform((s) => s.trim()).pipe(z.union([z.literal("not stocked"), signedWholeNumber])),
});
export type InventoryRow = z.infer<typeof inventoryRow>;

export const demandRow = z.object({
  sku: z.string().trim().min(1, "is empty"),
  date: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date like 2026-05-01")
    .refine((d) => !Number.isNaN(new Date(`${d}T00:00:00Z`).getTime()) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), "is not a calendar date"),
  qty: wholeNumber,
  location: z.string().optional().transform((s) => s?.trim() || null),
});
export type DemandRow = z.infer<typeof demandRow>;

export const ROW_SCHEMAS = { "shopify-orders": ordersRow, "shopify-inventory": inventoryRow, demand: demandRow } as const;
