import { defaultDb, type Db } from "./transaction.server";

export interface OrderLineInput {
  orderGid: string;
  lineItemGid: string;
  orderName: string | null;
  variantGid: string | null;
  variantId: string | null;
  locationGid: string | null;
  locationId: string | null;
  quantity: number;
  /** Quantity after order edits (refunds are kept apart in refundedQuantity). */
  currentQuantity: number;
  /** Absolute refunded quantity when the order payload lists its refunds; undefined keeps the stored one. */
  refundedQuantity?: number;
  unitPrice: string;
  orderCreatedAt: Date;
  localDate: string;
  cancelledAt: Date | null;
  shopifyUpdatedAt: Date;
  source?: string;
}

/** What demand re-derivation needs to know about a stored line. */
export interface DemandKeyRow {
  variantId: string | null;
  locationId: string | null;
  localDate: string;
}

const keySelect = { variantId: true, locationId: true, localDate: true } as const;

/** Stored lines by line-item GID (their current demand keys, before an update moves them). */
export function findOrderLinesByGid(shop: string, lineItemGids: string[], db: Db = defaultDb) {
  return db.orderLine.findMany({ where: { shop, lineItemGid: { in: lineItemGids } }, select: { lineItemGid: true, ...keySelect } });
}

export function findOrderLinesOfOrder(shop: string, orderGid: string, db: Db = defaultDb) {
  return db.orderLine.findMany({ where: { shop, orderGid }, select: { lineItemGid: true, ...keySelect } });
}

/**
 * Writes one order line keyed on (shop, lineItemGid) unless the stored row carries a newer Shopify
 * `updated_at` (an older delivery never overwrites a newer one). Returns false when it was stale.
 */
export async function applyOrderLine(shop: string, line: OrderLineInput, db: Db = defaultDb): Promise<boolean> {
  const { refundedQuantity, ...fields } = line;
  const data = { ...fields, ...(refundedQuantity !== undefined ? { refundedQuantity } : {}) };
  const updated = await db.orderLine.updateMany({
    where: { shop, lineItemGid: line.lineItemGid, shopifyUpdatedAt: { lte: line.shopifyUpdatedAt } },
    data,
  });
  if (updated.count > 0) return true;
  const row = await db.orderLine.upsert({
    where: { shop_lineItemGid: { shop, lineItemGid: line.lineItemGid } },
    create: { shop, ...data },
    update: {},
    select: { shopifyUpdatedAt: true },
  });
  return row.shopifyUpdatedAt.getTime() === line.shopifyUpdatedAt.getTime();
}

/** Removes every line of one order (test orders never count as demand). Returns the removed keys. */
export async function deleteOrderLinesOfOrder(shop: string, orderGid: string, db: Db = defaultDb): Promise<DemandKeyRow[]> {
  const rows = await db.orderLine.findMany({ where: { shop, orderGid }, select: keySelect });
  await db.orderLine.deleteMany({ where: { shop, orderGid } });
  return rows;
}

/**
 * Adds a refund's quantity to a line, only if the line's stored state predates the refund: an orders/*
 * payload written at or after the refund already carried it in its absolute refunded quantity.
 * Returns the line's demand key, or null when the refund was already reflected.
 * Throws when the line is unknown (the order has not arrived yet: the job retries).
 */
export async function addRefundToLine(
  shop: string,
  lineItemGid: string,
  quantity: number,
  refundedAt: Date,
  db: Db = defaultDb,
): Promise<DemandKeyRow | null> {
  const line = await db.orderLine.findUnique({ where: { shop_lineItemGid: { shop, lineItemGid } }, select: { id: true, ...keySelect } });
  if (!line) throw new Error(`refund for unknown order line ${lineItemGid}`);
  const updated = await db.orderLine.updateMany({
    where: { shop, id: line.id, shopifyUpdatedAt: { lt: refundedAt } },
    data: { refundedQuantity: { increment: quantity }, shopifyUpdatedAt: refundedAt },
  });
  return updated.count > 0 ? line : null;
}

/** Lines for a variant not yet synced when the order came: link them now. Returns their keys. */
export async function linkOrphanLines(shop: string, variantGid: string, variantId: string, db: Db = defaultDb): Promise<DemandKeyRow[]> {
  const rows = await db.orderLine.findMany({ where: { shop, variantGid, variantId: null }, select: keySelect });
  if (rows.length === 0) return [];
  await db.orderLine.updateMany({ where: { shop, variantGid, variantId: null }, data: { variantId } });
  return rows.map((r) => ({ ...r, variantId }));
}

/** Lines with no location (none known when they came): give them the default location. Returns keys. */
export async function assignLinesWithoutLocation(shop: string, locationId: string, db: Db = defaultDb): Promise<DemandKeyRow[]> {
  const rows = await db.orderLine.findMany({ where: { shop, locationId: null }, select: keySelect });
  if (rows.length === 0) return [];
  await db.orderLine.updateMany({ where: { shop, locationId: null }, data: { locationId } });
  return rows.map((r) => ({ ...r, locationId }));
}

/** The lines that make up one demand day (cancelled ones included: the caller filters). */
export function findLinesForDemandDay(shop: string, key: { variantId: string; locationId: string; date: string }, db: Db = defaultDb) {
  return db.orderLine.findMany({
    where: { shop, variantId: key.variantId, locationId: key.locationId, localDate: key.date },
    select: { orderGid: true, currentQuantity: true, refundedQuantity: true, unitPrice: true, cancelledAt: true },
  });
}
