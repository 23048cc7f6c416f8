// Receipts of purchase orders: what arrived, when, and whether Shopify's inventory was adjusted for it.
// Every function is shop-scoped; pass the transaction of the receive so the receipt, the PO line counters and
// the local inventory levels land together or not at all.
import { defaultDb, type Db } from "~/models/transaction.server";

export type PushStatus = "pending" | "pushed" | "failed" | "local";

export interface NewReceipt {
  purchaseOrderId: string;
  idempotencyKey: string;
  receivedBy: string;
  lines: { purchaseOrderLineId: string; quantity: number }[];
}

const WITH_LINES = { lines: { orderBy: { id: "asc" } } } as const;

/** Inserts a receipt with its lines (status pending). Throws P2002 when the shop already used the key. */
export function createReceipt(shop: string, receipt: NewReceipt, db: Db = defaultDb) {
  const { lines, ...header } = receipt;
  return db.receipt.create({
    data: { shop, ...header, pushStatus: "pending", lines: { create: lines.map((l) => ({ shop, ...l })) } },
    include: WITH_LINES,
  });
}

/** The receipt a submit with this idempotency key created, if any. */
export function findReceiptByKey(shop: string, idempotencyKey: string, db: Db = defaultDb) {
  return db.receipt.findUnique({ where: { shop_idempotencyKey: { shop, idempotencyKey } }, include: WITH_LINES });
}

export function findReceipt(shop: string, id: string, db: Db = defaultDb) {
  return db.receipt.findFirst({ where: { id, shop }, include: WITH_LINES });
}

/** A PO's receipts, newest first. */
export function listReceipts(shop: string, purchaseOrderId: string, db: Db = defaultDb) {
  return db.receipt.findMany({ where: { shop, purchaseOrderId }, orderBy: [{ receivedAt: "desc" }, { id: "desc" }], include: WITH_LINES });
}

/** When this PO was first received, or null before any receipt. */
export async function firstReceiptAt(shop: string, purchaseOrderId: string, db: Db = defaultDb): Promise<Date | null> {
  const row = await db.receipt.findFirst({ where: { shop, purchaseOrderId }, orderBy: [{ receivedAt: "asc" }, { id: "asc" }], select: { receivedAt: true } });
  return row?.receivedAt ?? null;
}

export function incrementQuantityReceived(shop: string, lineId: string, quantity: number, db: Db = defaultDb) {
  return db.purchaseOrderLine.updateMany({ where: { id: lineId, shop }, data: { quantityReceived: { increment: quantity } } });
}

/** Adds received units to the local level (on hand and available), creating the level if the item wasn't stocked there. */
export async function addReceivedInventory(shop: string, variantId: string, locationId: string, quantity: number, db: Db = defaultDb) {
  await db.inventoryLevel.upsert({
    where: { shop_variantId_locationId: { shop, variantId, locationId } },
    create: { shop, variantId, locationId, available: quantity, onHand: quantity },
    update: { available: { increment: quantity }, onHand: { increment: quantity } },
  });
}

/** What the Shopify adjustment needs: inventory item ids of the variants and the location's Shopify id. */
export async function lookupPushTargets(shop: string, variantIds: string[], locationId: string, db: Db = defaultDb) {
  const [variants, location] = await Promise.all([
    db.variant.findMany({ where: { shop, id: { in: variantIds } }, select: { id: true, title: true, sku: true, inventoryItemId: true, product: { select: { title: true } } } }),
    db.location.findFirst({ where: { shop, id: locationId }, select: { id: true, name: true, shopifyId: true } }),
  ]);
  return { variants: new Map(variants.map((v) => [v.id, v])), location };
}

/**
 * Records the outcome of a push. Only a receipt still waiting (pending or failed) changes, so a late failure
 * never overwrites a push that succeeded meanwhile. Returns how many rows changed.
 */
export async function setReceiptPushOutcome(
  shop: string,
  id: string,
  outcome: { pushStatus: "pushed"; pushedAt: Date } | { pushStatus: "failed"; pushError: string } | { pushStatus: "local" },
  db: Db = defaultDb,
): Promise<number> {
  const data =
    outcome.pushStatus === "pushed"
      ? { pushStatus: "pushed", pushedAt: outcome.pushedAt, pushError: null }
      : outcome.pushStatus === "failed"
        ? { pushStatus: "failed", pushError: outcome.pushError.slice(0, 1000) }
        : { pushStatus: "local", pushError: null };
  const { count } = await db.receipt.updateMany({ where: { id, shop, pushStatus: { in: ["pending", "failed"] } }, data });
  return count;
}
