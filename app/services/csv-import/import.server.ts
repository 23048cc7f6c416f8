// CSV history import (Settings › Import). One file is one ImportBatch: it is read and validated in full
// (streaming), and only when every row is good are all its rows written, in one transaction. A file with a
// single bad row writes nothing and names the line. Importing the same bytes again is a no-op ("duplicate").
// Rows are stored under deterministic keys (order name + line, or SKU + location + day), so a corrected
// file updates the rows of the earlier one instead of adding to them.
import { z } from "zod";
import { isUniqueViolation } from "~/db.server";
import {
  findImportBatch,
  findLocationsByName,
  findShopifyOrderNames,
  findVariantsBySku,
  inImportTransaction,
  recordImportBatch,
} from "~/models/import-batch.server";
import { upsertInventorySnapshot } from "~/models/inventory.server";
import { applyOrderLine, findOrderLinesByGid, type DemandKeyRow, type OrderLineInput } from "~/models/orders.server";
import { findShop } from "~/models/shop.server";
import { defaultDb, type Db } from "~/models/transaction.server";
import { rederiveDemandDays } from "~/services/sync/demand.server";
import { localDate } from "~/services/sync/local-date";
import { defaultLocationId } from "~/services/sync/locations.server";
import {
  HEADER_MAPPERS,
  IMPORT_KINDS,
  REQUIRED_COLUMNS,
  ROW_SCHEMAS,
  type DemandRow,
  type ImportKind,
  type InventoryRow,
  type OrdersRow,
  type StockyPurchaseOrderRow,
  type StockySupplierRow,
} from "./formats";
import { readCsv, type CsvContent, type RowError } from "./read-csv.server";
import type { ImportResult, StockyCounts } from "~/utils/import-result";
import { planStockyPurchaseOrders, planStockySuppliers } from "./stocky.server";

export const importRequest = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("shopify-orders"), fileName: z.string().min(1) }),
  z.object({ kind: z.literal("demand"), fileName: z.string().min(1) }),
  z.object({ kind: z.literal("stocky-suppliers"), fileName: z.string().min(1) }),
  z.object({ kind: z.literal("stocky-purchase-orders"), fileName: z.string().min(1) }),
  z.object({
    kind: z.literal("shopify-inventory"),
    fileName: z.string().min(1),
    /** The local date the export was taken: its quantities become that day's end-of-day snapshot. */
    snapshotDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "snapshotDate must be YYYY-MM-DD"),
  }),
]);
export type ImportRequest = z.infer<typeof importRequest>;

export type { ImportResult } from "~/utils/import-result";

export interface ImportOptions {
  /** Re-derives DemandDay rows for the order lines written, inside the import's transaction (default: sync's). */
  rederiveDemand?: (shop: string, keys: DemandKeyRow[], tx: Db) => Promise<unknown>;
  /** Who imported (audit entries of Stocky vendors and POs); default "csv-import". */
  actor?: string;
}

/** What a valid file turns into: its writes, run later in one transaction, plus rows deliberately skipped. */
interface Plan {
  errors: RowError[];
  skipped: number;
  write: (tx: Db) => Promise<{ written: number; touched: DemandKeyRow[]; counts?: StockyCounts }>;
}

export async function importCsv(shop: string, request: ImportRequest, content: CsvContent, options: ImportOptions = {}): Promise<ImportResult> {
  const req = importRequest.parse(request);
  const kind: ImportKind = req.kind;
  if (!IMPORT_KINDS.includes(kind)) throw new RangeError(`unknown import kind ${kind}`);
  const parsed = await readCsv(content, ROW_SCHEMAS[kind], REQUIRED_COLUMNS[kind], HEADER_MAPPERS[kind]);

  const previous = await findImportBatch(shop, kind, parsed.fileHash);
  if (previous?.status === "completed") return { status: "duplicate", batchId: previous.id };

  // Catalog checks (SKUs, locations) run on the rows that parsed, so one report lists every problem.
  const rows = parsed.rows;
  const actor = options.actor ?? "csv-import";
  const plan: Plan =
    kind === "shopify-orders"
      ? await planOrders(shop, rows as { line: number; value: OrdersRow }[])
      : kind === "demand"
        ? await planDemand(shop, rows as { line: number; value: DemandRow }[])
        : kind === "stocky-suppliers"
          ? await planStockySuppliers(shop, rows as { line: number; value: StockySupplierRow }[], actor)
          : kind === "stocky-purchase-orders"
            ? await planStockyPurchaseOrders(shop, rows as { line: number; value: StockyPurchaseOrderRow }[], actor)
            : await planInventory(shop, rows as { line: number; value: InventoryRow }[], (req as { snapshotDate: string }).snapshotDate);
  const errors = [...parsed.errors, ...plan.errors].sort((a, b) => a.line - b.line);
  const base = { kind, fileName: req.fileName, fileHash: parsed.fileHash, rowCount: parsed.rowCount };
  if (errors.length) {
    const batch = await recordImportBatch(shop, { ...base, status: "failed", errors });
    return { status: "failed", batchId: batch.id, rowCount: parsed.rowCount, errors };
  }
  try {
    return await inImportTransaction(async (tx) => {
      const { written, touched, counts } = await plan.write(tx);
      if (touched.length) await (options.rederiveDemand ?? rederiveDemandDays)(shop, touched, tx);
      const batch = await recordImportBatch(shop, { ...base, status: "completed" }, tx);
      return { status: "imported" as const, batchId: batch.id, rowCount: parsed.rowCount, written, skipped: plan.skipped, ...(counts ? { counts } : {}) };
    });
  } catch (error) {
    // The same file imported concurrently: the other import committed it.
    if (isUniqueViolation(error)) {
      const winner = await findImportBatch(shop, kind, parsed.fileHash);
      if (winner?.status === "completed") return { status: "duplicate", batchId: winner.id };
    }
    throw error;
  }
}

/** Resolves a SKU to exactly one variant, or explains why it can't. */
function resolveSku(bySku: Map<string, { id: string; shopifyId: string }[]>, sku: string): { id: string; shopifyId: string } | string {
  const matches = bySku.get(sku) ?? [];
  if (matches.length === 1) return matches[0];
  return matches.length === 0 ? `SKU "${sku}" matches no product variant` : `SKU "${sku}" matches ${matches.length} variants; make SKUs unique first`;
}

/** A named location, or — for a blank name — the shop's default location (the webhook sync's rule). */
function resolveLocation(byName: Map<string, { id: string; shopifyId: string }>, name: string | null, fallback: { id: string; shopifyId: string } | null) {
  if (name === null) return fallback;
  return byName.get(name) ?? `location "${name}" is not one of the shop's locations`;
}

async function defaultLocation(shop: string, byName: Map<string, { id: string; shopifyId: string }>) {
  const id = await defaultLocationId(shop, defaultDb);
  return [...byName.values()].find((l) => l.id === id) ?? null;
}

async function planOrders(shop: string, rows: { line: number; value: OrdersRow }[]): Promise<Plan> {
  const errors: RowError[] = [];
  const timeZone = (await findShop(shop))?.ianaTimezone ?? "UTC";
  const variants = await findVariantsBySku(shop, rows.flatMap((r) => (r.value["Lineitem sku"] ? [r.value["Lineitem sku"]] : [])));
  const locations = await findLocationsByName(shop);
  const fallback = await defaultLocation(shop, locations);
  const fromShopify = await findShopifyOrderNames(shop, rows.map((r) => r.value.Name));

  // Group line rows by order; the order-level columns come from the order's first row.
  const orders = new Map<string, { first: OrdersRow; line: number; lines: { line: number; value: OrdersRow }[] }>();
  for (const row of rows) {
    const order = orders.get(row.value.Name);
    if (order) order.lines.push(row);
    else orders.set(row.value.Name, { first: row.value, line: row.line, lines: [row] });
  }
  const inputs: OrderLineInput[] = [];
  let skipped = 0;
  for (const [name, order] of orders) {
    if (fromShopify.has(name)) {
      skipped += order.lines.length; // Shopify's own copy of this order is already stored
      continue;
    }
    const createdAt = order.first["Created at"];
    if (!createdAt) {
      errors.push({ line: order.line, message: `Created at: required on the first row of order ${name}` });
      continue;
    }
    const location = resolveLocation(locations, order.first.Location, fallback);
    if (typeof location === "string") errors.push({ line: order.line, message: `Location: ${location}` });
    const orderGid = order.first.Id ? `gid://shopify/Order/${order.first.Id}` : `gid://stockcast/CsvOrder/${encodeURIComponent(name)}`;
    const cancelledAt = order.first["Cancelled at"];
    const refunded = order.first["Financial Status"] === "refunded";
    order.lines.forEach(({ line, value }, index) => {
      const sku = value["Lineitem sku"];
      if (!sku) {
        skipped++;
        return;
      }
      const variant = resolveSku(variants, sku);
      if (typeof variant === "string") return void errors.push({ line, message: `Lineitem sku: ${variant}` });
      if (typeof location === "string") return;
      inputs.push({
        orderGid,
        lineItemGid: `gid://stockcast/CsvOrderLine/${encodeURIComponent(name)}/${index + 1}`,
        orderName: name,
        variantGid: variant.shopifyId,
        variantId: variant.id,
        locationGid: location?.shopifyId ?? null,
        locationId: location?.id ?? null,
        quantity: value["Lineitem quantity"],
        currentQuantity: value["Lineitem quantity"],
        refundedQuantity: refunded ? value["Lineitem quantity"] : 0,
        unitPrice: value["Lineitem price"],
        orderCreatedAt: createdAt,
        localDate: localDate(createdAt, timeZone),
        cancelledAt,
        shopifyUpdatedAt: cancelledAt ?? createdAt,
        source: "csv",
      });
    });
  }
  return { errors, skipped, write: (tx) => writeOrderLines(shop, inputs, tx) };
}

/** A day's summed demand must still fit the 32-bit quantity column. */
const MAX_DAY_UNITS = 1_000_000_000;

async function planDemand(shop: string, rows: { line: number; value: DemandRow }[]): Promise<Plan> {
  const errors: RowError[] = [];
  const variants = await findVariantsBySku(shop, rows.map((r) => r.value.sku));
  const locations = await findLocationsByName(shop);
  const fallback = await defaultLocation(shop, locations);
  // Rows for the same SKU, location and day add up.
  const days = new Map<string, OrderLineInput>();
  for (const { line, value } of rows) {
    const variant = resolveSku(variants, value.sku);
    if (typeof variant === "string") {
      errors.push({ line, message: `sku: ${variant}` });
      continue;
    }
    const location = resolveLocation(locations, value.location, fallback);
    if (typeof location === "string") {
      errors.push({ line, message: `location: ${location}` });
      continue;
    }
    const key = `${encodeURIComponent(value.sku)}/${location ? encodeURIComponent(location.shopifyId) : "-"}/${value.date}`;
    const existing = days.get(key);
    if (existing) {
      if (existing.quantity + value.qty > MAX_DAY_UNITS) {
        errors.push({ line, message: `qty: rows for this SKU, location and day add up to more than ${MAX_DAY_UNITS.toLocaleString("en-US")} units` });
        continue;
      }
      existing.quantity += value.qty;
      existing.currentQuantity += value.qty;
      continue;
    }
    const at = new Date(`${value.date}T12:00:00Z`);
    days.set(key, {
      orderGid: `gid://stockcast/CsvDemand/${key}`,
      lineItemGid: `gid://stockcast/CsvDemand/${key}`,
      orderName: null,
      variantGid: variant.shopifyId,
      variantId: variant.id,
      locationGid: location?.shopifyId ?? null,
      locationId: location?.id ?? null,
      quantity: value.qty,
      currentQuantity: value.qty,
      refundedQuantity: 0,
      unitPrice: "0",
      orderCreatedAt: at,
      localDate: value.date,
      cancelledAt: null,
      shopifyUpdatedAt: at,
      source: "csv",
    });
  }
  return { errors, skipped: 0, write: (tx) => writeOrderLines(shop, [...days.values()], tx) };
}

async function writeOrderLines(shop: string, inputs: OrderLineInput[], tx: Db) {
  const before = await findOrderLinesByGid(shop, inputs.map((i) => i.lineItemGid), tx);
  const stored = new Set(before.map((b) => b.lineItemGid));
  const touched: DemandKeyRow[] = before.map(({ variantId, locationId, localDate }) => ({ variantId, locationId, localDate }));
  const now = new Date();
  for (const input of inputs) {
    // A corrected file replaces its earlier rows (keys are CSV-only, never a Shopify line): date the
    // write now so the "newer wins" rule of applyOrderLine lets it through.
    await applyOrderLine(shop, stored.has(input.lineItemGid) ? { ...input, shopifyUpdatedAt: now } : input, tx);
    touched.push({ variantId: input.variantId, locationId: input.locationId, localDate: input.localDate });
  }
  return { written: inputs.length, touched };
}

async function planInventory(shop: string, rows: { line: number; value: InventoryRow }[], snapshotDate: string): Promise<Plan> {
  const errors: RowError[] = [];
  const variants = await findVariantsBySku(shop, rows.flatMap((r) => (r.value.SKU ? [r.value.SKU] : [])));
  const locations = await findLocationsByName(shop);
  const snapshots = new Map<string, { variantId: string; locationId: string; available: number; line: number }>();
  let skipped = 0;
  for (const { line, value } of rows) {
    if (!value.SKU || value.Available === "not stocked") {
      skipped++;
      continue;
    }
    const variant = resolveSku(variants, value.SKU);
    if (typeof variant === "string") errors.push({ line, message: `SKU: ${variant}` });
    const location = resolveLocation(locations, value.Location, null);
    if (typeof location === "string") errors.push({ line, message: `Location: ${location}` });
    if (typeof variant === "string" || typeof location === "string" || location === null) continue;
    const key = `${variant.id}/${location.id}`;
    const twice = snapshots.get(key);
    if (twice) errors.push({ line, message: `SKU "${value.SKU}" at "${value.Location}" already appears on line ${twice.line}` });
    else snapshots.set(key, { variantId: variant.id, locationId: location.id, available: value.Available, line });
  }
  return {
    errors,
    skipped,
    write: async (tx) => {
      for (const s of snapshots.values()) await upsertInventorySnapshot(shop, { variantId: s.variantId, locationId: s.locationId, date: snapshotDate }, s.available, tx);
      return { written: snapshots.size, touched: [] };
    },
  };
}
