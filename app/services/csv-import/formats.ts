// The CSV formats we import, and the columns each one relies on. Shopify's exports and ours are matched
// exactly as written (case and spaces); Stocky's by alias (below). Columns we don't list are ignored.
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
// "stocky-suppliers" / "stocky-purchase-orders" — Stocky's supplier list and purchase-order export (one row
//   per PO line). Headers are matched by alias, not exactly (stocky-columns.ts); docs/stocky-import.md lists
//   the columns, the status mapping and the update rules.
// Every kind: a SKU must match exactly one variant and a named location must exist, or the row is an error.
// Orders and demand rows become OrderLines (source "csv") and their DemandDays are re-derived.
import { z } from "zod";
import { headerMapper, normalizeHeader, STOCKY_PO_COLUMNS, STOCKY_SUPPLIER_COLUMNS } from "./stocky-columns";

export const IMPORT_KINDS = ["shopify-orders", "shopify-inventory", "demand", "stocky-suppliers", "stocky-purchase-orders"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const REQUIRED_COLUMNS: Record<ImportKind, string[]> = {
  "shopify-orders": ["Name", "Created at", "Lineitem quantity", "Lineitem sku"],
  "shopify-inventory": ["SKU", "Location", "Available"],
  demand: ["sku", "date", "qty"],
  "stocky-suppliers": ["Name"],
  "stocky-purchase-orders": ["PO number", "Supplier", "SKU", "Quantity ordered"],
};

/** Kinds whose headers are matched by alias rather than exactly. */
export const HEADER_MAPPERS: Partial<Record<ImportKind, (headers: string[]) => string[]>> = {
  "stocky-suppliers": headerMapper(STOCKY_SUPPLIER_COLUMNS),
  "stocky-purchase-orders": headerMapper(STOCKY_PO_COLUMNS),
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

/** Largest quantity one cell may hold: far above any real order line, and its sums stay within a 32-bit column. */
export const MAX_CELL_UNITS = 1_000_000;
const withinUnits = (n: number) => Math.abs(n) <= MAX_CELL_UNITS;
const tooMany = `must be at most ${MAX_CELL_UNITS.toLocaleString("en-US")}`;
const wholeNumber = z.string().regex(/^\d+$/, "must be a whole number of units").transform(Number).refine(withinUnits, tooMany);
const signedWholeNumber = z.string().regex(/^-?\d+$/, "must be a whole number").transform(Number).refine(withinUnits, tooMany);
const decimal = z
  .string()
  .transform((s) => s.replace(/^\s+|\s+$/g, ""))
  .pipe(z.string().regex(/^-?\d{1,12}(\.\d{1,6})?$/, "must be a decimal amount like 19.99"));
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

// ---- Stocky ----

/** Blank or missing → undefined; otherwise trimmed and checked by `schema`. */
const optionalCell = <T extends z.ZodTypeAny>(schema: T) =>
  z
    .string()
    .optional()
    .transform((s) => (s === undefined || s.trim() === "" ? undefined : s.trim()))
    .pipe(schema.optional());

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/**
 * A calendar date as YYYY-MM-DD from "2026-11-23" (a time after it is ignored), "23 Nov 2026" or
 * "Nov 23, 2026". Numeric day/month orders (11/03/2026) are refused: they are ambiguous.
 */
export function parseCalendarDate(text: string): string | null {
  const s = text.trim();
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[ T].*)?$/.exec(s);
  const dayFirst = /^(\d{1,2})[ -]([A-Za-z]{3,9})\.?[ ,-]*(\d{4})$/.exec(s);
  const monthFirst = /^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})$/.exec(s);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (dayFirst) [y, m, d] = [Number(dayFirst[3]), MONTHS.indexOf(dayFirst[2].slice(0, 3).toLowerCase()) + 1, Number(dayFirst[1])];
  else if (monthFirst) [y, m, d] = [Number(monthFirst[3]), MONTHS.indexOf(monthFirst[1].slice(0, 3).toLowerCase()) + 1, Number(monthFirst[2])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (m < 1 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

const calendarDate = z.string().transform((s, ctx) => {
  const date = parseCalendarDate(s);
  if (date === null) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: `"${s}" is not a date like 2026-11-23 or 23 Nov 2026` });
    return z.NEVER;
  }
  return date;
});

/** "12.50", "$1,299.00", "USD 12.5" → "12.50", "1299.00", "12.5" (a decimal string; never a float). */
const money = z.string().transform((s, ctx) => {
  let t = s.replace(/^[A-Za-z]{3}\s+|\s+[A-Za-z]{3}$/g, "").replace(/[$€£¥\s]/g, "");
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) t = t.replace(/,/g, "");
  if (!/^\d{1,12}(\.\d{1,6})?$/.test(t)) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: `"${s}" is not an amount like 12.50` });
    return z.NEVER;
  }
  return t;
});

const units = (what: string) =>
  z
    .string()
    .regex(/^\d+(\.0+)?$/, `must be a whole number of ${what}`)
    .transform((s) => Math.round(Number(s)))
    .refine(withinUnits, tooMany);
const currencyCode = z
  .string()
  .regex(/^[A-Za-z]{3}$/, "must be a three-letter currency code like USD")
  .transform((s) => s.toUpperCase());

export const stockySupplierRow = z.object({
  Name: z.string().trim().min(1, "is empty: every supplier needs a name"),
  Email: optionalCell(z.string().email("is not an email address")),
  Phone: optionalCell(z.string()),
  Contact: optionalCell(z.string()),
  "Lead time": optionalCell(
    z
      .string()
      .regex(/^\d+(\.0+)?\s*(days?|d)?$/i, "must be a whole number of days, like 14")
      .transform((s) => parseInt(s, 10))
      .refine((days) => days <= 365, "must be at most 365 days"),
  ),
  MOQ: optionalCell(units("units")),
  Currency: optionalCell(currencyCode),
  Notes: optionalCell(z.string()),
});
export type StockySupplierRow = z.infer<typeof stockySupplierRow>;

/** Stockcast's PO statuses that a Stocky status can become. */
export type StockyMappedStatus = "draft" | "sent" | "partially_received" | "received" | "closed" | "cancelled";

/** Stocky's PO statuses (and the spellings merchants use for them) → Stockcast's. Keys are normalized headers-style. */
export const STOCKY_STATUS: Record<string, StockyMappedStatus> = {
  draft: "draft",
  "not ordered": "draft",
  ordered: "sent",
  sent: "sent",
  open: "sent",
  confirmed: "sent",
  submitted: "sent",
  "awaiting delivery": "sent",
  "in transit": "sent",
  partial: "partially_received",
  "partially received": "partially_received",
  "partly received": "partially_received",
  "part received": "partially_received",
  received: "received",
  "fully received": "received",
  complete: "received",
  completed: "received",
  closed: "closed",
  archived: "closed",
  cancelled: "cancelled",
  canceled: "cancelled",
  void: "cancelled",
};

const stockyStatus = z.string().transform((s, ctx) => {
  const status = STOCKY_STATUS[normalizeHeader(s)];
  if (!status) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: `"${s}" is not a purchase-order status (draft, ordered, partially received, received, closed or cancelled)` });
    return z.NEVER;
  }
  return status;
});

export const stockyPurchaseOrderRow = z.object({
  "PO number": z.string().trim().min(1, "is empty"),
  Supplier: optionalCell(z.string()),
  Status: optionalCell(stockyStatus),
  "Ordered at": optionalCell(calendarDate),
  "Expected at": optionalCell(calendarDate),
  Location: optionalCell(z.string()),
  SKU: z.string().trim().min(1, "is empty"),
  "Quantity ordered": z.string().trim().pipe(units("units")),
  "Quantity received": optionalCell(units("units")),
  Cost: optionalCell(money),
  "Supplier SKU": optionalCell(z.string().trim().max(100, "is longer than 100 characters")),
  Currency: optionalCell(currencyCode),
});
export type StockyPurchaseOrderRow = z.infer<typeof stockyPurchaseOrderRow>;

export const ROW_SCHEMAS = {
  "shopify-orders": ordersRow,
  "shopify-inventory": inventoryRow,
  demand: demandRow,
  "stocky-suppliers": stockySupplierRow,
  "stocky-purchase-orders": stockyPurchaseOrderRow,
} as const;
