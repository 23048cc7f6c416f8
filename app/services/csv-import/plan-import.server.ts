// CSV history import: what a validated file turns into (its plan: catalog checks, then the rows to write).
// Rows are stored under deterministic keys (order name + line, or SKU + location + day), so a corrected file
// updates the rows of the earlier one instead of adding to them, and writing a file twice (a retried job)
// is harmless. The frame around it — queue, read, validate, write in steps — is run-import.server.ts.
import { findLocationsByName, findShopifyOrderNames, findVariantsBySku } from "~/models/import-batch.server";
import { upsertInventorySnapshot } from "~/models/inventory.server";
import { applyOrderLine, createOrderLines, findOrderLineKeysByGid, type DemandKeyRow, type OrderLineInput } from "~/models/orders.server";
import { findShop } from "~/models/shop.server";
import { defaultDb, type Db } from "~/models/transaction.server";
import { localDate } from "~/lib/time";
import { defaultLocationId } from "~/services/sync/locations.server";
import { timeSlicer } from "~/utils/event-loop";
import { yieldToRequests } from "~/utils/http-load.server";
import type { StockyCounts } from "~/utils/import-result";
import type { DemandRow, ImportKind, InventoryRow, OrdersRow, StockyPurchaseOrderRow, StockySupplierRow } from "./formats";
import type { RowError } from "./read-csv.server";
import type { ImportRequest } from "./request";
import { planStockyPurchaseOrders, planStockySuppliers } from "./stocky.server";

/** What one write step stored. */
export interface WriteOutcome {
  written: number;
  touched: DemandKeyRow[];
  counts?: StockyCounts;
}

/**
 * What a valid file turns into: `size` rows to store, written in steps of consecutive rows [from, to), one
 * transaction each (the caller picks the step sizes), plus rows deliberately skipped. A plan that is not
 * `chunked` is written in one step (Stocky: vendors and the POs that name them go together).
 */
export interface Plan {
  errors: RowError[];
  skipped: number;
  size: number;
  chunked: boolean;
  write: (tx: Db, from: number, to: number) => Promise<WriteOutcome>;
}

/** Turns a validated file's rows into its plan (catalog checks add errors by line). */
export async function planImport(shop: string, request: ImportRequest, rows: { line: number; value: unknown }[], actor: string): Promise<Plan> {
  const kind: ImportKind = request.kind;
  if (kind === "shopify-orders") return planOrders(shop, rows as { line: number; value: OrdersRow }[]);
  if (kind === "demand") return planDemand(shop, rows as { line: number; value: DemandRow }[]);
  if (kind === "shopify-inventory") return planInventory(shop, rows as { line: number; value: InventoryRow }[], (request as { snapshotDate: string }).snapshotDate);
  const stocky =
    kind === "stocky-suppliers"
      ? await planStockySuppliers(shop, rows as { line: number; value: StockySupplierRow }[], actor)
      : await planStockyPurchaseOrders(shop, rows as { line: number; value: StockyPurchaseOrderRow }[], actor);
  return { errors: stocky.errors, skipped: stocky.skipped, size: 1, chunked: false, write: (tx) => stocky.write(tx) };
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
  const pace = timeSlicer(20, yieldToRequests);
  for (const [i, row] of rows.entries()) {
    if ((i & 1023) === 0) await pace();
    const order = orders.get(row.value.Name);
    if (order) order.lines.push(row);
    else orders.set(row.value.Name, { first: row.value, line: row.line, lines: [row] });
  }
  const inputs: OrderLineInput[] = [];
  let skipped = 0;
  for (const [name, order] of orders) {
    await pace();
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
  return { errors, skipped, size: inputs.length, chunked: true, write: (tx, from, to) => writeOrderLines(shop, inputs.slice(from, to), tx) };
}

/** A day's summed demand must still fit the 32-bit quantity column. */
const MAX_DAY_UNITS = 1_000_000_000;

/** One SKU × location × day of a demand file: its rows' units added up. */
interface DayTotal {
  variant: { id: string; shopifyId: string };
  location: { id: string; shopifyId: string } | null;
  date: string;
  qty: number;
}

async function planDemand(shop: string, rows: { line: number; value: DemandRow }[]): Promise<Plan> {
  const errors: RowError[] = [];
  const variants = await findVariantsBySku(shop, rows.map((r) => r.value.sku));
  const locations = await findLocationsByName(shop);
  const fallback = await defaultLocation(shop, locations);
  // Rows for the same SKU, location and day add up. Kept compact (a million days fit in a few hundred MB);
  // each write step builds its order lines from them.
  const days = new Map<string, DayTotal>();
  const pace = timeSlicer(20, yieldToRequests);
  for (const [i, { line, value }] of rows.entries()) {
    if ((i & 1023) === 0) await pace();
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
      if (existing.qty + value.qty > MAX_DAY_UNITS) {
        errors.push({ line, message: `qty: rows for this SKU, location and day add up to more than ${MAX_DAY_UNITS.toLocaleString("en-US")} units` });
        continue;
      }
      existing.qty += value.qty;
      continue;
    }
    days.set(key, { variant, location, date: value.date, qty: value.qty });
  }
  // A million days spread at once held the loop for most of a second: copied a slice at a time.
  const planned: [string, DayTotal][] = [];
  for (const entry of days) {
    planned.push(entry);
    if ((planned.length & 4095) === 0) await pace();
  }
  days.clear();
  const input = ([key, day]: (typeof planned)[number]): OrderLineInput => {
    const at = new Date(`${day.date}T12:00:00Z`);
    return {
      orderGid: `gid://stockcast/CsvDemand/${key}`,
      lineItemGid: `gid://stockcast/CsvDemand/${key}`,
      orderName: null,
      variantGid: day.variant.shopifyId,
      variantId: day.variant.id,
      locationGid: day.location?.shopifyId ?? null,
      locationId: day.location?.id ?? null,
      quantity: day.qty,
      currentQuantity: day.qty,
      refundedQuantity: 0,
      unitPrice: "0",
      orderCreatedAt: at,
      localDate: day.date,
      cancelledAt: null,
      shopifyUpdatedAt: at,
      source: "csv",
    };
  };
  return { errors, skipped: 0, size: planned.length, chunked: true, write: (tx, from, to) => writeOrderLines(shop, planned.slice(from, to).map(input), tx) };
}

async function writeOrderLines(shop: string, inputs: OrderLineInput[], tx: Db): Promise<WriteOutcome> {
  const before = await findOrderLineKeysByGid(
    shop,
    inputs.map((i) => i.lineItemGid),
    tx,
  );
  const stored = new Set(before.map((b) => b.lineItemGid));
  const touched: DemandKeyRow[] = before.map(({ variantId, locationId, localDate }) => ({ variantId, locationId, localDate }));
  const now = new Date();
  const fresh: OrderLineInput[] = [];
  for (const input of inputs) {
    // A corrected file replaces its earlier rows (keys are CSV-only, never a Shopify line): date the
    // write now so the "newer wins" rule of applyOrderLine lets it through.
    if (stored.has(input.lineItemGid)) await applyOrderLine(shop, { ...input, shopifyUpdatedAt: now }, tx);
    else fresh.push(input);
    touched.push({ variantId: input.variantId, locationId: input.locationId, localDate: input.localDate });
  }
  if (fresh.length) await createOrderLines(shop, fresh, tx);
  return { written: inputs.length, touched };
}

async function planInventory(shop: string, rows: { line: number; value: InventoryRow }[], snapshotDate: string): Promise<Plan> {
  const errors: RowError[] = [];
  const variants = await findVariantsBySku(shop, rows.flatMap((r) => (r.value.SKU ? [r.value.SKU] : [])));
  const locations = await findLocationsByName(shop);
  const snapshots = new Map<string, { variantId: string; locationId: string; available: number; line: number }>();
  let skipped = 0;
  const pace = timeSlicer(20, yieldToRequests);
  for (const [i, { line, value }] of rows.entries()) {
    if ((i & 1023) === 0) await pace();
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
  const planned = [...snapshots.values()];
  return {
    errors,
    skipped,
    size: planned.length,
    chunked: true,
    write: async (tx, from, to) => {
      for (const s of planned.slice(from, to)) await upsertInventorySnapshot(shop, { variantId: s.variantId, locationId: s.locationId, date: snapshotDate }, s.available, tx);
      return { written: to - from, touched: [] };
    },
  };
}
