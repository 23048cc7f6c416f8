import type { InventoryQuantities } from "~/lib/sync/records";
import { inIdChunks } from "./id-chunks.server";
import type { OrderLineInput } from "./orders.server";
import { defaultDb, type Db } from "./transaction.server";

// BackfillRun (progress of the install backfill) and the few writes the backfill needs beyond what the
// webhook models (catalog, orders, inventory) already offer: full inventory quantities and shop identity.

export const BACKFILL_STAGES = ["shop", "locations", "catalog", "orders", "done"] as const;
export type BackfillStage = (typeof BACKFILL_STAGES)[number];
export type BackfillStatus = "running" | "failed" | "completed";

export interface BackfillProgress {
  stage: BackfillStage;
  bulkOperationId: string | null;
  objectsTotal: number;
  objectsDone: number;
  /** Last JSONL line of the current stage's file that is stored ("123"), or null before the first batch. */
  resumeCursor: string | null;
}

export function createBackfillRun(shop: string, db: Db = defaultDb) {
  return db.backfillRun.create({ data: { shop, status: "running", stage: "shop" } });
}

/** The newest run that did not complete (running, or failed part-way): the one to resume. */
export function findUnfinishedBackfillRun(shop: string, db: Db = defaultDb) {
  return db.backfillRun.findFirst({ where: { shop, status: { in: ["running", "failed"] } }, orderBy: { startedAt: "desc" } });
}

export function findLatestBackfillRun(shop: string, db: Db = defaultDb) {
  return db.backfillRun.findFirst({ where: { shop }, orderBy: { startedAt: "desc" } });
}

/** Moves a run to a stage / records its bulk operation and progress. */
export async function updateBackfillProgress(shop: string, runId: string, progress: Partial<BackfillProgress>, db: Db = defaultDb): Promise<void> {
  await db.backfillRun.updateMany({ where: { shop, id: runId }, data: { ...progress, status: "running", error: null } });
}

export async function finishBackfillRun(shop: string, runId: string, outcome: { status: "completed" } | { status: "failed"; error: string }, db: Db = defaultDb) {
  await db.backfillRun.updateMany({
    where: { shop, id: runId },
    data: outcome.status === "completed" ? { status: "completed", stage: "done", finishedAt: new Date(), error: null } : { status: "failed", error: outcome.error.slice(0, 2000) },
  });
}

/**
 * Name, zone and currency as Shopify reports them (the zone decides which local day an order falls on).
 * Without `ianaTimezone` the stored zone stays (UTC for a new shop); `refusedTimeZone` records a zone refused.
 */
export async function updateShopIdentity(
  shop: string,
  fields: { name: string; currencyCode: string; ianaTimezone?: string; refusedTimeZone: string | null },
  db: Db = defaultDb,
) {
  await db.shop.upsert({ where: { shop }, create: { shop, ...fields }, update: fields });
}

export interface FullInventoryLevelInput extends InventoryQuantities {
  variantId: string;
  locationId: string;
}

/**
 * Writes all five quantities of a level (the backfill reads them; webhooks only carry `available`), unless a
 * newer Shopify updated_at is stored. The read dates both `available` and the other four (quantitiesUpdatedAt).
 */
export async function applyFullInventoryLevel(shop: string, input: FullInventoryLevelInput, db: Db = defaultDb): Promise<void> {
  const { variantId, locationId, shopifyUpdatedAt, ...quantities } = input;
  const newer = shopifyUpdatedAt ? { OR: [{ shopifyUpdatedAt: null }, { shopifyUpdatedAt: { lte: shopifyUpdatedAt } }] } : {};
  const updated = await db.inventoryLevel.updateMany({ where: { shop, variantId, locationId, ...newer }, data: { ...quantities, shopifyUpdatedAt, quantitiesUpdatedAt: shopifyUpdatedAt } });
  if (updated.count > 0) return;
  await db.inventoryLevel.upsert({
    where: { shop_variantId_locationId: { shop, variantId, locationId } },
    create: { shop, variantId, locationId, ...quantities, shopifyUpdatedAt, quantitiesUpdatedAt: shopifyUpdatedAt },
    update: {},
  });
}

/**
 * Inserts levels in one statement (the backfill's common case: a variant seen for the first time). The caller
 * passes only levels it found absent; applyFullInventoryLevel handles the rest.
 */
export async function createFullInventoryLevels(shop: string, levels: FullInventoryLevelInput[], db: Db = defaultDb): Promise<void> {
  if (levels.length) await db.inventoryLevel.createMany({ data: levels.map((l) => ({ shop, ...l, quantitiesUpdatedAt: l.shopifyUpdatedAt })) });
}

/** Which (variant, location) pairs of these variants already have a level: "variantId|locationId". */
export async function findLevelKeys(shop: string, variantIds: string[], db: Db = defaultDb): Promise<Set<string>> {
  if (variantIds.length === 0) return new Set();
  const rows = await db.inventoryLevel.findMany({ where: { shop, variantId: { in: [...new Set(variantIds)] } }, select: { variantId: true, locationId: true } });
  return new Set(rows.map((r) => `${r.variantId}|${r.locationId}`));
}

/** Inserts order lines never stored before in one statement (the caller checked they are absent). */
export async function createOrderLines(shop: string, lines: OrderLineInput[], db: Db = defaultDb): Promise<void> {
  if (lines.length) await db.orderLine.createMany({ data: lines.map((l) => ({ shop, ...l })) });
}

/** Local ids of the given location GIDs (GID → id). */
export async function mapLocationIds(shop: string, gids: string[], db: Db = defaultDb): Promise<Map<string, string>> {
  if (gids.length === 0) return new Map();
  const rows = await db.location.findMany({ where: { shop, shopifyId: { in: [...new Set(gids)] } }, select: { id: true, shopifyId: true } });
  return new Map(rows.map((r) => [r.shopifyId, r.id]));
}

/** Local ids of the given variant GIDs (GID → id). */
export async function mapVariantIds(shop: string, gids: string[], db: Db = defaultDb): Promise<Map<string, string>> {
  if (gids.length === 0) return new Map();
  const rows = await db.variant.findMany({ where: { shop, shopifyId: { in: [...new Set(gids)] } }, select: { id: true, shopifyId: true } });
  return new Map(rows.map((r) => [r.shopifyId, r.id]));
}

/**
 * Shopify's own order lines supersede lines imported from a CSV export for the same order names: drops the
 * CSV copies so an order is never counted twice. Returns their demand keys.
 */
/** Which of these order names still have lines imported from a CSV (a drain's group of order events asks once). */
export async function orderNamesWithCsvLines(shop: string, orderNames: readonly string[], db: Db = defaultDb): Promise<Set<string>> {
  if (orderNames.length === 0) return new Set();
  const rows = await inIdChunks([...new Set(orderNames)], (names) => db.orderLine.findMany({ where: { shop, source: "csv", orderName: { in: names } }, select: { orderName: true }, distinct: ["orderName"] }));
  return new Set(rows.flatMap((r) => (r.orderName ? [r.orderName] : [])));
}

export async function dropCsvLinesOfOrders(shop: string, orderNames: string[], db: Db = defaultDb) {
  if (orderNames.length === 0) return [];
  const where = { shop, source: "csv", orderName: { in: orderNames } };
  const rows = await db.orderLine.findMany({ where, select: { variantId: true, locationId: true, localDate: true } });
  if (rows.length) await db.orderLine.deleteMany({ where });
  return rows;
}
