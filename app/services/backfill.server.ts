// Install backfill: shop identity, then three bulk queries (locations; variants with products, inventory
// items and levels; orders of the last 60 days, or all of them with read_all_orders), each streamed from its
// JSONL file and stored in batches. A batch and the run's cursor commit in one transaction, so a run that
// dies part-way resumes at the first unstored line of its stage and ends with the same rows as an
// uninterrupted one; every write is an upsert keyed on Shopify GIDs, so nothing is ever stored twice.
// Calling runBackfill again is also how a job reacts to bulk_operations/finish: it finds the run, sees the
// operation COMPLETED and streams it.
import {
  applyFullInventoryLevel,
  createBackfillRun,
  createFullInventoryLevels,
  createOrderLines,
  findLevelKeys,
  dropCsvLinesOfOrders,
  findLatestBackfillRun,
  findUnfinishedBackfillRun,
  finishBackfillRun,
  mapLocationIds,
  mapVariantIds,
  updateBackfillProgress,
  type BackfillStage,
  type FullInventoryLevelInput,
} from "~/models/backfill.server";
import { findBundleRowsOf } from "~/models/bundles.server";
import { applyLocation, applyProduct, applyVariant, updateInventoryItem, upsertVendorByName } from "~/models/catalog.server";
import { applyOrderLine, deleteOrderLinesOfOrder, findOrderLinesByGid, linkOrphanLines, type DemandKeyRow, type OrderLineInput } from "~/models/orders.server";
import { findShop } from "~/models/shop.server";
import { inTransaction, type Db } from "~/models/transaction.server";
import type { AdminClient } from "~/shopify/admin-client.server";
import { batchGroups, groupJsonl, readJsonl, type JsonlGroup } from "~/shopify/bulk/jsonl";
import { BulkOperationError, BulkResultExpiredError, openBulkResult, startBulkQuery, waitForBulkOperation } from "~/shopify/bulk/operation.server";
import { mapCatalogGroup, mapLocation, mapOrderGroup } from "~/shopify/mappers";
import { BULK_CATALOG } from "~/shopify/queries/bulk-catalog";
import { BULK_LOCATIONS } from "~/shopify/queries/bulk-locations";
import { bulkOrdersQuery } from "~/shopify/queries/bulk-orders";
import { SHOP_INFO } from "~/shopify/queries/shop-info";
import { applyBundleComponents } from "~/services/sync/bundles.server";
import { rederiveDemandDays } from "~/services/sync/demand.server";
import { localDate } from "~/lib/time";
import { defaultLocationId } from "~/services/sync/locations.server";
import { syncShopIdentity } from "~/services/sync/shop-identity.server";
import { logger } from "~/utils/logger.server";

export interface BackfillOptions {
  /** Downloads the JSONL file (the signed URL needs no Shopify credentials). */
  fetchImpl?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  pollIntervalMs?: number;
  maxPolls?: number;
  /** JSONL lines per transaction (whole root objects, so a batch may run a little over). */
  batchSize?: number;
  now?: () => Date;
  /** Orders of all time (read_all_orders granted); default: read from the shop's stored scopes. */
  readAllOrders?: boolean;
  /**
   * Re-derives DemandDay rows for order lines the backfill wrote or moved, inside the batch's transaction.
   * Default: the webhook sync's rederiveDemandDays.
   */
  rederiveDemand?: (shop: string, keys: DemandKeyRow[], tx: Db) => Promise<unknown>;
}

export interface BackfillSummary {
  runId: string;
  resumed: boolean;
  stages: Partial<Record<BackfillStage, { objects: number }>>;
}

const BULK_STAGES = ["locations", "catalog", "orders"] as const;
type BulkStage = (typeof BULK_STAGES)[number];
const ORDER_HISTORY_DAYS = 60;

/** Runs (or resumes) the shop's backfill to completion. Throws, leaving the run resumable, on failure. */
export async function runBackfill(shop: string, client: AdminClient, options: BackfillOptions = {}): Promise<BackfillSummary> {
  const existing = await findUnfinishedBackfillRun(shop);
  const run = existing ?? (await createBackfillRun(shop));
  const summary: BackfillSummary = { runId: run.id, resumed: Boolean(existing), stages: {} };
  let progress = { stage: run.stage as BackfillStage, bulkOperationId: run.bulkOperationId, cursor: Number(run.resumeCursor ?? 0) };
  try {
    if (progress.stage === "shop") {
      const { shop: info } = await client.request(SHOP_INFO);
      await syncShopIdentity(shop, info);
      progress = await advance(shop, run.id, "locations");
    }
    for (const stage of BULK_STAGES) {
      if (progress.stage !== stage) continue;
      summary.stages[stage] = { objects: await runBulkStage(shop, run.id, stage, progress, client, options) };
      progress = await advance(shop, run.id, stage === "orders" ? "done" : BULK_STAGES[BULK_STAGES.indexOf(stage) + 1]);
    }
    await finishBackfillRun(shop, run.id, { status: "completed" });
    return summary;
  } catch (error) {
    await finishBackfillRun(shop, run.id, { status: "failed", error: error instanceof Error ? error.message : String(error) });
    throw error;
  }
}

export interface BackfillProgressDto {
  status: "none" | "running" | "failed" | "completed";
  stage: BackfillStage | null;
  objectsDone: number;
  objectsTotal: number;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
}

/** The latest run, as plain JSON for Settings / Sync health. objectsDone/objectsTotal count the current stage's lines. */
export async function getBackfillProgress(shop: string): Promise<BackfillProgressDto> {
  const run = await findLatestBackfillRun(shop);
  if (!run) return { status: "none", stage: null, objectsDone: 0, objectsTotal: 0, startedAt: null, finishedAt: null, error: null };
  return {
    status: run.status as BackfillProgressDto["status"],
    stage: run.stage as BackfillStage,
    objectsDone: run.objectsDone,
    objectsTotal: run.objectsTotal,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    error: run.error,
  };
}

/**
 * bulk_operations/finish: true when the finished operation is the one the shop's unfinished backfill waits
 * for, i.e. the caller should run runBackfill now (it will find the operation COMPLETED and stream it).
 */
export async function isAwaitedBulkOperation(shop: string, bulkOperationGid: string): Promise<boolean> {
  const run = await findUnfinishedBackfillRun(shop);
  return run?.bulkOperationId === bulkOperationGid;
}

async function advance(shop: string, runId: string, stage: BackfillStage) {
  await updateBackfillProgress(shop, runId, { stage, bulkOperationId: null, objectsTotal: 0, objectsDone: 0, resumeCursor: null });
  return { stage, bulkOperationId: null, cursor: 0 };
}

async function runBulkStage(
  shop: string,
  runId: string,
  stage: BulkStage,
  progress: { bulkOperationId: string | null; cursor: number },
  client: AdminClient,
  options: BackfillOptions,
): Promise<number> {
  let operationId = progress.bulkOperationId;
  let cursor = progress.cursor;
  if (!operationId) {
    operationId = await startBulkQuery(client, await stageQuery(shop, stage, options));
    cursor = 0;
    await updateBackfillProgress(shop, runId, { bulkOperationId: operationId, objectsTotal: 0, objectsDone: 0, resumeCursor: null });
  }
  let operation;
  try {
    operation = await waitForBulkOperation(client, operationId, { sleep: options.sleep, intervalMs: options.pollIntervalMs, maxPolls: options.maxPolls });
  } catch (error) {
    // A failed, cancelled or expired operation can't be resumed: the next attempt starts the stage afresh
    // (re-storing lines already stored is harmless, every write is an upsert).
    if (error instanceof BulkOperationError && error.operation)
      await updateBackfillProgress(shop, runId, { bulkOperationId: null, objectsDone: 0, resumeCursor: null });
    throw error;
  }
  const objectsTotal = Number(operation.objectCount);
  await updateBackfillProgress(shop, runId, { objectsTotal });
  if (!operation.url) return 0;

  const timeZone = (await findShop(shop))?.ianaTimezone ?? "UTC";
  let file: ReadableStream<Uint8Array>;
  try {
    file = await openBulkResult(operation.url, options.fetchImpl);
  } catch (error) {
    if (error instanceof BulkResultExpiredError) await updateBackfillProgress(shop, runId, { bulkOperationId: null, objectsDone: 0, resumeCursor: null });
    throw error;
  }
  const lines = readJsonl(file, { afterLine: cursor });
  let stored = 0;
  // Bundles listed before one of their components: their components are stored once the whole file is.
  const pendingBundles: PendingBundle[] = [];
  for await (const batch of batchGroups(groupJsonl(lines), options.batchSize ?? 250)) {
    const lastLine = batch[batch.length - 1].lastLine;
    await inTransaction(async (tx) => {
      if (stage === "locations") await storeLocations(shop, batch, tx);
      else if (stage === "catalog") pendingBundles.push(...(await storeCatalog(shop, batch, tx, options)));
      else await storeOrders(shop, batch, timeZone, tx, options);
      await updateBackfillProgress(shop, runId, { objectsDone: Math.min(lastLine, objectsTotal || lastLine), resumeCursor: String(lastLine) }, tx);
    });
    stored += batch.reduce((n, g) => n + 1 + g.children.length, 0);
  }
  if (pendingBundles.length) await inTransaction((tx) => storePendingBundles(shop, pendingBundles, tx, options));
  return stored;
}

async function stageQuery(shop: string, stage: BulkStage, options: BackfillOptions): Promise<string> {
  if (stage === "locations") return BULK_LOCATIONS.source;
  if (stage === "catalog") return BULK_CATALOG.source;
  const readAll = options.readAllOrders ?? ((await findShop(shop))?.scopes ?? "").split(",").includes("read_all_orders");
  if (readAll) return bulkOrdersQuery("status:any");
  const since = new Date((options.now?.() ?? new Date()).getTime() - ORDER_HISTORY_DAYS * 86_400_000);
  return bulkOrdersQuery(`created_at:>=${since.toISOString().slice(0, 10)} status:any`);
}

async function storeLocations(shop: string, batch: JsonlGroup[], tx: Db) {
  for (const group of batch) await applyLocation(shop, toLocationInput(mapLocation(group.root)), tx);
}

function toLocationInput(l: ReturnType<typeof mapLocation>) {
  return { shopifyId: l.shopifyId, name: l.name, active: l.active, shopifyUpdatedAt: l.shopifyUpdatedAt };
}

interface PendingBundle {
  variantId: string;
  components: ReturnType<typeof mapCatalogGroup>["components"];
}

/** Stores a batch of variants; returns the bundles whose components are not all stored yet. */
async function storeCatalog(shop: string, batch: JsonlGroup[], tx: Db, options: BackfillOptions): Promise<PendingBundle[]> {
  const records = batch.map(mapCatalogGroup);
  const locations = await mapLocationIds(shop, records.flatMap((r) => r.levels.map((l) => l.locationShopifyId)), tx);
  const vendors = new Map<string, string>();
  const products = new Map<string, string>();
  const touched: DemandKeyRow[] = [];
  const levelInputs: FullInventoryLevelInput[] = [];
  const pending: PendingBundle[] = [];
  const now = options.now?.() ?? new Date();
  // Variants stored as bundles before: only they and variants listing components need their BOM looked at.
  const storedVariants = await mapVariantIds(shop, records.map((r) => r.variant.shopifyId), tx);
  const bundles = new Set((await findBundleRowsOf(shop, [...storedVariants.values()], tx)).map((r) => r.bundleVariantId));
  for (const { product, variant, levels, components } of records) {
    let vendorId: string | null = null;
    if (product.vendor) {
      vendorId = vendors.get(product.vendor) ?? (await upsertVendorByName(shop, product.vendor, tx)).id;
      vendors.set(product.vendor, vendorId);
    }
    // Variants are versioned by their product's updated_at, as the products/* webhooks do.
    const updatedAt = product.shopifyUpdatedAt ?? product.shopifyCreatedAt ?? new Date(0);
    let productId = products.get(product.shopifyId);
    if (!productId) {
      productId = (await applyProduct(shop, { ...withoutVendor(product), vendorId, shopifyUpdatedAt: updatedAt }, tx)).id;
      products.set(product.shopifyId, productId);
    }
    const variantId = await applyVariant(
      shop,
      productId,
      {
        shopifyId: variant.shopifyId,
        title: variant.title,
        sku: variant.sku,
        barcode: variant.barcode,
        price: variant.price,
        inventoryItemId: variant.inventoryItemId,
        inventoryPolicy: variant.inventoryPolicy ?? undefined,
        shopifyCreatedAt: variant.shopifyCreatedAt,
        shopifyUpdatedAt: updatedAt,
      },
      tx,
    );
    await updateInventoryItem(shop, variant.inventoryItemId, { unitCost: variant.unitCost, tracked: variant.tracked }, tx);
    touched.push(...(await linkOrphanLines(shop, variant.shopifyId, variantId, tx)));
    if ((components.length || bundles.has(variantId)) && (await applyBundleComponents(shop, variantId, components, now, tx)) === "unresolved")
      pending.push({ variantId, components });
    for (const level of levels) {
      const locationId = locations.get(level.locationShopifyId);
      if (!locationId) continue; // a level at a location Shopify did not list: nothing to attach it to
      const { available, onHand, committed, incoming, reserved, shopifyUpdatedAt } = level;
      levelInputs.push({ variantId, locationId, available, onHand, committed, incoming, reserved, shopifyUpdatedAt });
    }
  }
  // New levels in one insert; known ones one by one (newer-wins check).
  const known = await findLevelKeys(shop, levelInputs.map((l) => l.variantId), tx);
  await createFullInventoryLevels(shop, levelInputs.filter((l) => !known.has(`${l.variantId}|${l.locationId}`)), tx);
  for (const level of levelInputs.filter((l) => known.has(`${l.variantId}|${l.locationId}`))) await applyFullInventoryLevel(shop, level, tx);
  await rederive(shop, touched, tx, options);
  return pending;
}

/** Bundles listed before their components, once the whole catalogue is stored (a component Shopify did not list stays unresolved). */
async function storePendingBundles(shop: string, pending: PendingBundle[], tx: Db, options: BackfillOptions) {
  const now = options.now?.() ?? new Date();
  for (const { variantId, components } of pending) {
    if ((await applyBundleComponents(shop, variantId, components, now, tx)) === "unresolved")
      logger.warn({ kind: "backfill", shop, outcome: "bundle-unresolved", variantId, components: components.map((c) => c.componentShopifyId) });
  }
}

function withoutVendor<T extends { vendor: unknown }>(product: T): Omit<T, "vendor"> {
  const { vendor: _vendor, ...rest } = product;
  return rest;
}

/**
 * Orders follow the same rules as the orders/* webhooks (app/services/sync/orders.server.ts), so a later
 * webhook for the same order never moves its demand: demand date = local date of processedAt; location =
 * the point-of-sale location, else the shop's default location; test orders are not stored.
 */
async function storeOrders(shop: string, batch: JsonlGroup[], timeZone: string, tx: Db, options: BackfillOptions) {
  const orders = batch.map(mapOrderGroup);
  const touched: DemandKeyRow[] = [];
  for (const order of orders.filter((o) => o.test)) touched.push(...(await deleteOrderLinesOfOrder(shop, order.orderGid, tx)));
  const real = orders.filter((o) => !o.test);
  touched.push(...(await dropCsvLinesOfOrders(shop, real.map((o) => o.name), tx)));
  const lines = real.flatMap((o) => o.lines);
  const stored = await findOrderLinesByGid(shop, lines.map((l) => l.lineItemGid), tx);
  const known = new Set(stored.map((l) => l.lineItemGid));
  touched.push(...stored);
  const fresh: OrderLineInput[] = [];
  const variants = await mapVariantIds(shop, lines.flatMap((l) => (l.variantGid ? [l.variantGid] : [])), tx);
  const locations = await mapLocationIds(shop, real.flatMap((o) => (o.retailLocationGid ? [o.retailLocationGid] : [])), tx);
  const fallbackLocation = await defaultLocationId(shop, tx);
  for (const order of real) {
    const date = localDate(order.processedAt, timeZone);
    const locationId = (order.retailLocationGid ? locations.get(order.retailLocationGid) : undefined) ?? fallbackLocation;
    for (const line of order.lines) {
      const variantId = line.variantGid ? (variants.get(line.variantGid) ?? null) : null;
      const input: OrderLineInput = {
        orderGid: order.orderGid,
        lineItemGid: line.lineItemGid,
        orderName: order.name,
        variantGid: line.variantGid,
        variantId,
        locationGid: order.retailLocationGid,
        locationId,
        quantity: line.quantity,
        currentQuantity: line.currentQuantity,
        refundedQuantity: line.refundedQuantity,
        unitPrice: line.unitPrice,
        orderCreatedAt: order.processedAt,
        localDate: date,
        cancelledAt: order.cancelledAt,
        shopifyUpdatedAt: order.updatedAt,
        source: "backfill",
      };
      // Lines never seen go in one insert below; stored ones go through the newer-wins update.
      if (known.has(line.lineItemGid)) await applyOrderLine(shop, input, tx);
      else fresh.push(input);
      touched.push({ variantId, locationId, localDate: date });
    }
  }
  await createOrderLines(shop, fresh, tx);
  await rederive(shop, touched, tx, options);
}

async function rederive(shop: string, touched: DemandKeyRow[], tx: Db, options: BackfillOptions) {
  if (touched.length) await (options.rederiveDemand ?? rederiveDemandDays)(shop, touched, tx);
}
