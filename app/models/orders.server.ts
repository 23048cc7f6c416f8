import { inIdChunks } from "./id-chunks.server";
import { insertRows, selectByKeys } from "./bulk-sql.server";
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
 * An absolute `refundedQuantity` (the refunds the order listed as of its `updated_at`) is topped up with the
 * refunds/create refunds recorded for the line that are newer than that snapshot: they are not in it yet.
 */
export async function applyOrderLine(shop: string, line: OrderLineInput, db: Db = defaultDb, known?: KnownLine): Promise<boolean> {
  const { refundedQuantity, ...fields } = line;
  const refunded = refundedQuantity === undefined ? undefined : refundedQuantity + (known ? refundsAfterIn(known.refunds, line.shopifyUpdatedAt) : await refundsAfter(shop, line.lineItemGid, line.shopifyUpdatedAt, db));
  const data = { ...fields, ...(refunded !== undefined ? { refundedQuantity: refunded } : {}) };
  // A line known not to be stored yet goes straight to the insert below.
  if (!known || known.stored) {
    const updated = await db.orderLine.updateMany({
      where: { shop, lineItemGid: line.lineItemGid, shopifyUpdatedAt: { lte: line.shopifyUpdatedAt } },
      data,
    });
    if (updated.count > 0) return true;
  }
  const row = await db.orderLine.upsert({
    where: { shop_lineItemGid: { shop, lineItemGid: line.lineItemGid } },
    create: { shop, ...data },
    update: {},
    select: { shopifyUpdatedAt: true },
  });
  return row.shopifyUpdatedAt.getTime() === line.shopifyUpdatedAt.getTime();
}

/** What a drain read once for a group of order events about one line (see OrderLookups in services/sync). */
export interface KnownLine {
  /** The line is stored (before the group, or written by an earlier event of it). */
  stored: boolean;
  /** Its recorded refunds (refunds/create), read before the group (a group holds no refund events). */
  refunds: readonly { refundedAt: Date; quantity: number }[];
}

/**
 * Inserts lines a drain group knows are not stored (OrderLookups: not there before the group, not written by it)
 * in one statement, each with its recorded refunds after its order state, as applyOrderLine would store it. A
 * line another process inserted meanwhile fails the statement and with it the group's transaction; the drain
 * then applies those events one at a time (applyOrderLine's upsert).
 */
export function insertNewOrderLines(shop: string, lines: readonly { line: OrderLineInput; known: KnownLine }[], db: Db = defaultDb): Promise<number> {
  return createOrderLines(
    shop,
    lines.map(({ line, known }) => ({ ...line, refundedQuantity: (line.refundedQuantity ?? 0) + refundsAfterIn(known.refunds, line.shopifyUpdatedAt) })),
    db,
  );
}

const refundsAfterIn = (refunds: KnownLine["refunds"], after: Date) => refunds.reduce((sum, r) => (r.refundedAt > after ? sum + r.quantity : sum), 0);

/** The recorded refunds of these lines, by line item GID (a drain's group of order events reads them once). */
export async function refundsOfLines(shop: string, lineItemGids: readonly string[], db: Db = defaultDb): Promise<Map<string, { refundedAt: Date; quantity: number }[]>> {
  const out = new Map<string, { refundedAt: Date; quantity: number }[]>();
  if (lineItemGids.length === 0) return out;
  const rows = await inIdChunks([...new Set(lineItemGids)], (gids) =>
    db.orderLineRefund.findMany({ where: { shop, lineItemGid: { in: gids } }, select: { lineItemGid: true, refundedAt: true, quantity: true } }),
  );
  for (const r of rows) out.set(r.lineItemGid, [...(out.get(r.lineItemGid) ?? []), { refundedAt: r.refundedAt, quantity: r.quantity }]);
  return out;
}

/** Units of the refunds recorded for a line (refunds/create) created after `after`. */
async function refundsAfter(shop: string, lineItemGid: string, after: Date, db: Db): Promise<number> {
  const sum = await db.orderLineRefund.aggregate({ where: { shop, lineItemGid, refundedAt: { gt: after } }, _sum: { quantity: true } });
  return sum._sum.quantity ?? 0;
}

/** Removes every line of one order (test orders never count as demand). Returns the removed keys. */
export async function deleteOrderLinesOfOrder(shop: string, orderGid: string, db: Db = defaultDb): Promise<DemandKeyRow[]> {
  const rows = await db.orderLine.findMany({ where: { shop, orderGid }, select: keySelect });
  await db.orderLine.deleteMany({ where: { shop, orderGid } });
  return rows;
}

/**
 * Adds one refund's quantity to a line once, by refund id: not when the line's stored order state is as of
 * the refund's time or later (an orders/* payload then already counted it in its absolute refunded
 * quantity), and not when this refund was added before (a redelivery under a new id, a reprocess). Refunds
 * arriving out of order each count: the line's order timestamp is left alone, so an older refund is not
 * mistaken for one the order state includes.
 * Returns the line's demand key, or null when the refund was already reflected.
 * Throws when the line is unknown (the order has not arrived yet: the job retries).
 */
export async function addRefundToLine(
  shop: string,
  refund: { lineItemGid: string; refundGid: string; quantity: number; refundedAt: Date },
  db: Db = defaultDb,
): Promise<DemandKeyRow | null> {
  const { lineItemGid, refundGid, quantity, refundedAt } = refund;
  const line = await db.orderLine.findUnique({ where: { shop_lineItemGid: { shop, lineItemGid } }, select: { id: true, shopifyUpdatedAt: true, ...keySelect } });
  if (!line) throw new Error(`refund for unknown order line ${lineItemGid}`);
  if (line.shopifyUpdatedAt.getTime() >= refundedAt.getTime()) return null;
  const seen = await db.orderLineRefund.findUnique({ where: { shop_lineItemGid_refundGid: { shop, lineItemGid, refundGid } }, select: { id: true } });
  if (seen) return null;
  // A concurrent apply of the same refund loses on the unique key: its transaction aborts and is retried.
  await db.orderLineRefund.create({ data: { shop, lineItemGid, refundGid, quantity, refundedAt } });
  await db.orderLine.update({ where: { id: line.id }, data: { refundedQuantity: { increment: quantity } } });
  return { variantId: line.variantId, locationId: line.locationId, localDate: line.localDate };
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

const LINE_COLUMNS = [
  "shop", "orderGid", "lineItemGid", "orderName", "variantGid", "variantId", "locationGid", "locationId", "quantity", "currentQuantity",
  "refundedQuantity", "unitPrice", "orderCreatedAt", "localDate", "cancelledAt", "shopifyUpdatedAt", "source", "createdAt", "updatedAt",
] as const;

/**
 * Inserts lines known to be new (a CSV import checked their keys in the same transaction) in multi-row
 * statements. Only for keys no webhook ever writes (CSV keys): no refunds can be recorded for them.
 */
export function createOrderLines(shop: string, lines: readonly OrderLineInput[], db: Db = defaultDb): Promise<number> {
  const now = new Date();
  return insertRows(
    db,
    "OrderLine",
    LINE_COLUMNS,
    lines.map((l) => [
      shop, l.orderGid, l.lineItemGid, l.orderName, l.variantGid, l.variantId, l.locationGid, l.locationId, l.quantity, l.currentQuantity,
      l.refundedQuantity ?? 0, l.unitPrice, l.orderCreatedAt, l.localDate, l.cancelledAt, l.shopifyUpdatedAt, l.source ?? "webhook", now, now,
    ]),
  );
}

/** Stored lines by line-item GID, for thousands of GIDs (a CSV import's write step). */
export function findOrderLineKeysByGid(shop: string, lineItemGids: readonly string[], db: Db = defaultDb) {
  return selectByKeys<{ lineItemGid: string } & DemandKeyRow>(db, "OrderLine", ["lineItemGid", "variantId", "locationId", "localDate"], shop, ["lineItemGid"], lineItemGids.map((g) => [g]));
}

/** The lines of many demand days at once (bulk re-derivation), each with its demand key. */
export function findLinesForDemandDays(shop: string, keys: readonly { variantId: string; locationId: string; date: string }[], db: Db = defaultDb) {
  return selectByKeys<{
    variantId: string;
    locationId: string;
    localDate: string;
    orderGid: string;
    currentQuantity: number;
    refundedQuantity: number;
    unitPrice: { toString(): string };
    cancelledAt: Date | null;
  }>(
    db,
    "OrderLine",
    ["variantId", "locationId", "localDate", "orderGid", "currentQuantity", "refundedQuantity", "unitPrice", "cancelledAt"],
    shop,
    ["variantId", "locationId", "localDate"],
    keys.map((k) => [k.variantId, k.locationId, k.date]),
  );
}
