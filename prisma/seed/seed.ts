/**
 * Writes a generated demo shop with a given PrismaClient: deletes every row of that shop, then inserts the
 * generated rows, all in one transaction (a re-seed replaces the shop atomically; other shops are untouched).
 *
 * Speed: the three bulk tables (DemandDay, OrderLine, InventorySnapshot) go in as multi-row INSERTs through
 * $executeRawUnsafe with bound parameters (SQLite ≈4× and PostgreSQL ≈10× faster than createMany through
 * the driver adapters; seed.test.ts reads the rows back through Prisma to prove DateTime/Decimal/Boolean are
 * stored as createMany would store them). Everything else uses createMany in chunks.
 */
import type { PrismaClient } from "@prisma/client";
import { yieldToEventLoop } from "../../app/utils/event-loop";
import type { DemoData } from "./generate";

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/**
 * Every table carrying `shop`, children before parents, except Session (Shopify's login state, not demo
 * data). seed.test.ts fails when a model with a `shop` column is missing from this list.
 */
export const SHOP_TABLES_DELETE_ORDER = [
  "AuditEntry",
  "ActionLease",
  "StaffRole",
  "NotificationDelivery",
  "NotificationChannel",
  "AlertMute",
  "Alert",
  "SavedView",
  "ReceiptLine",
  "Receipt",
  "PurchaseOrderLine",
  "PurchaseOrder",
  "ReplenishmentLine",
  "ForecastOverride",
  "ForecastSnapshot",
  "Forecast",
  "PlanRun",
  "ImportUpload",
  "ImportBatch",
  "BackfillRun",
  "Job",
  "WebhookEvent",
  "BundleComponent",
  "DemandDay",
  "OrderLineRefund",
  "OrderLine",
  "InventorySnapshot",
  "QuantityRefresh",
  "QuantitySweep",
  "NativePurchaseOrderLine",
  "VendorVariant",
  "InventoryLevel",
  "Variant",
  "Product",
  "Vendor",
  "Location",
  "Shop",
] as const;

export type ShopTable = (typeof SHOP_TABLES_DELETE_ORDER)[number];

type Delegate = {
  deleteMany(args: { where: { shop: string } }): Promise<{ count: number }>;
  count(args: { where: { shop: string } }): Promise<number>;
};
type CreateDelegate = { createMany(args: { data: object[] }): Promise<{ count: number }> };

function delegate<T>(tx: Tx, model: string): T {
  const key = model[0].toLowerCase() + model.slice(1);
  const d = (tx as unknown as Record<string, T | undefined>)[key];
  if (!d) throw new Error(`Prisma client has no model ${model}`);
  return d;
}

/** Deletes every row of `shop` (see SHOP_TABLES_DELETE_ORDER). Returns deleted row counts per table. */
export async function deleteShopRows(tx: Tx, shop: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const model of SHOP_TABLES_DELETE_ORDER) {
    counts[model] = (await delegate<Delegate>(tx, model).deleteMany({ where: { shop } })).count;
    await yieldToEventLoop();
  }
  return counts;
}

/** "sqlite" | "postgresql" from the generated client; unknown → createMany everywhere (always correct). */
function providerOf(prisma: PrismaClient): string | undefined {
  return (prisma as unknown as { _activeProvider?: string })._activeProvider;
}

const RAW_ROWS_PER_STATEMENT = 1000;
const CREATE_MANY_CHUNK = 5000;

/** Multi-row INSERTs with bound parameters ("?" on SQLite, "$n" on PostgreSQL). Identifiers are ours. */
async function insertRaw(tx: Tx, provider: "sqlite" | "postgresql", table: string, rows: readonly Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  const columnList = columns.map((c) => `"${c}"`).join(", ");
  for (let i = 0; i < rows.length; i += RAW_ROWS_PER_STATEMENT) {
    const chunk = rows.slice(i, i + RAW_ROWS_PER_STATEMENT);
    const params: unknown[] = [];
    const tuples: string[] = [];
    for (const row of chunk) {
      const marks: string[] = [];
      for (const c of columns) {
        params.push(row[c] ?? null);
        marks.push(provider === "postgresql" ? `$${params.length}` : "?");
      }
      tuples.push(`(${marks.join(", ")})`);
    }
    await tx.$executeRawUnsafe(`INSERT INTO "${table}" (${columnList}) VALUES ${tuples.join(", ")}`, ...params);
    // SQLite writes synchronously: without a turn of the event loop, a full seed (~270k rows) would hold
    // the process for tens of seconds (no timers, no sockets, no test-runner RPC).
    await yieldToEventLoop();
  }
}

async function insertMany(tx: Tx, model: string, rows: readonly object[]): Promise<void> {
  const d = delegate<CreateDelegate>(tx, model);
  for (let i = 0; i < rows.length; i += CREATE_MANY_CHUNK) {
    await d.createMany({ data: rows.slice(i, i + CREATE_MANY_CHUNK) });
    await yieldToEventLoop();
  }
}

export interface SeedResult {
  shop: string;
  deleted: Record<string, number>;
  inserted: Record<string, number>;
  ms: number;
}

export interface SeedOptions {
  /** Progress messages (e.g. console.log); silent by default. */
  log?: (message: string) => void;
  /** Interactive-transaction timeout, ms (default 10 minutes). */
  timeoutMs?: number;
}

/** Replaces the demo shop's rows with `data` in one transaction, and checks every table's row count. */
export async function seedDemoShop(prisma: PrismaClient, data: DemoData, options: SeedOptions = {}): Promise<SeedResult> {
  const log = options.log ?? (() => {});
  const provider = providerOf(prisma);
  const raw = provider === "sqlite" || provider === "postgresql" ? provider : null;
  const started = performance.now();
  const inserted: Record<string, number> = {};
  let deleted: Record<string, number> = {};
  const shop = data.shop.shop;
  for (const table of Object.keys(data) as (keyof DemoData)[]) {
    const rows = data[table];
    for (const row of Array.isArray(rows) ? rows : [rows]) {
      if ((row as { shop?: string }).shop !== shop) throw new Error(`demo data for ${table} contains a row of another shop`);
    }
  }

  await prisma.$transaction(
    async (tx) => {
      deleted = await deleteShopRows(tx, shop);
      log(`deleted previous rows of ${shop}: ${Object.values(deleted).reduce((a, b) => a + b, 0)}`);
      const step = async (model: string, rows: readonly object[], bulk = false) => {
        const t = performance.now();
        if (bulk && raw) await insertRaw(tx, raw, model, rows as Record<string, unknown>[]);
        else await insertMany(tx, model, rows);
        inserted[model] = rows.length;
        log(`${model}: ${rows.length} rows in ${Math.round(performance.now() - t)} ms`);
      };
      await step("Shop", [data.shop]);
      await step("Location", data.locations);
      await step("Vendor", data.vendors);
      await step("Product", data.products);
      await step("Variant", data.variants);
      await step("InventoryLevel", data.inventoryLevels);
      await step("NativePurchaseOrderLine", data.nativePurchaseOrderLines);
      await step("InventorySnapshot", data.inventorySnapshots, true);
      await step("OrderLine", data.orderLines, true);
      await step("DemandDay", data.demandDays, true);
      await step("BundleComponent", data.bundleComponents);
      await step("StaffRole", data.staffRoles);
      await step("PurchaseOrder", data.purchaseOrders);
      await step("PurchaseOrderLine", data.purchaseOrderLines);
      await step("Receipt", data.receipts);
      await step("ReceiptLine", data.receiptLines);
      await step("AuditEntry", data.auditEntries);
      // Read back before committing: a seed that lost or doubled rows never becomes the demo shop.
      for (const [model, expected] of Object.entries(inserted)) {
        const stored = await delegate<Delegate>(tx, model).count({ where: { shop } });
        if (stored !== expected) throw new Error(`seeding ${shop}: ${model} holds ${stored} rows after writing ${expected}`);
      }
    },
    { timeout: options.timeoutMs ?? 600_000, maxWait: 30_000 },
  );
  return { shop, deleted, inserted, ms: Math.round(performance.now() - started) };
}
