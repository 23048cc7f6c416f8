import type { Prisma } from "@prisma/client";
import { defaultDb, type Db } from "~/models/transaction.server";

/** "newest": by creation, newest first; "expected_asc" / "expected_desc": by expected date, POs without one last. */
export type PurchaseOrderSort = "newest" | "expected_asc" | "expected_desc";

export interface PurchaseOrderListQuery {
  status?: string;
  vendorId?: string;
  /** Only POs awaiting delivery whose arrival day (ETA, else expected date) is before this day (00:00 UTC). */
  overdueBefore?: Date;
  sort?: PurchaseOrderSort;
  page: number;
  pageSize: number;
}

/** Sent or partially received POs whose arrival day (confirmed ETA, else expected date) is before `before`. */
function overdueWhere(before: Date): Prisma.PurchaseOrderWhereInput {
  return {
    status: { in: ["sent", "partially_received"] },
    OR: [{ confirmedEta: { lt: before } }, { confirmedEta: null, expectedAt: { lt: before } }],
  };
}

export function countOverduePurchaseOrders(shop: string, before: Date, vendorId?: string, db: Db = defaultDb) {
  return db.purchaseOrder.count({ where: { shop, ...(vendorId ? { vendorId } : {}), ...overdueWhere(before) } });
}

const ORDER_BY: Record<PurchaseOrderSort, Prisma.PurchaseOrderOrderByWithRelationInput[]> = {
  newest: [{ createdAt: "desc" }, { id: "desc" }],
  expected_asc: [{ expectedAt: { sort: "asc", nulls: "last" } }, { number: "asc" }],
  expected_desc: [{ expectedAt: { sort: "desc", nulls: "last" } }, { number: "desc" }],
};

const LINE_TOTAL_FIELDS = { select: { quantityOrdered: true, unitCost: true } } as const;

/** One page of the shop's POs, newest first, with the line fields totals need. */
export async function listPurchaseOrders(shop: string, q: PurchaseOrderListQuery, db: Db = defaultDb) {
  const where: Prisma.PurchaseOrderWhereInput = {
    shop,
    ...(q.status ? { status: q.status } : {}),
    ...(q.vendorId ? { vendorId: q.vendorId } : {}),
    ...(q.overdueBefore ? { AND: [overdueWhere(q.overdueBefore)] } : {}),
  };
  const [rows, total] = await Promise.all([
    db.purchaseOrder.findMany({
      where,
      orderBy: ORDER_BY[q.sort ?? "newest"],
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
      include: { vendor: { select: { name: true } }, lines: LINE_TOTAL_FIELDS },
    }),
    db.purchaseOrder.count({ where }),
  ]);
  return { rows, total };
}

export async function countPurchaseOrdersByStatus(shop: string, vendorId?: string, db: Db = defaultDb): Promise<Record<string, number>> {
  const groups = await db.purchaseOrder.groupBy({ by: ["status"], where: { shop, ...(vendorId ? { vendorId } : {}) }, _count: { _all: true } });
  return Object.fromEntries(groups.map((g) => [g.status, g._count._all]));
}

/** A PO with its vendor and lines, or null when it doesn't exist in this shop. */
export function findPurchaseOrder(shop: string, id: string, db: Db = defaultDb) {
  return db.purchaseOrder.findFirst({
    where: { id, shop },
    include: { vendor: true, lines: { orderBy: { id: "asc" } } },
  });
}

/**
 * Optimistic-concurrency update: changes the PO only if it still has `expectedVersion`, and bumps the version.
 * Returns how many rows changed (0 = someone else changed it first, or it isn't this shop's).
 */
export async function updatePurchaseOrderIfVersion(
  shop: string,
  id: string,
  expectedVersion: number,
  data: Omit<Prisma.PurchaseOrderUpdateManyMutationInput, "version">,
  db: Db = defaultDb,
): Promise<number> {
  const { count } = await db.purchaseOrder.updateMany({
    where: { id, shop, version: expectedVersion },
    data: { ...data, version: { increment: 1 } },
  });
  return count;
}

export function setPurchaseOrderLineQuantity(shop: string, lineId: string, quantityOrdered: number, db: Db = defaultDb) {
  return db.purchaseOrderLine.updateMany({ where: { id: lineId, shop }, data: { quantityOrdered } });
}

export function deletePurchaseOrderLines(shop: string, lineIds: string[], db: Db = defaultDb) {
  return db.purchaseOrderLine.deleteMany({ where: { shop, id: { in: lineIds } } });
}

/** Every PO number the shop has used (for the next "PO-####"). */
export async function listPurchaseOrderNumbers(shop: string, db: Db = defaultDb): Promise<string[]> {
  const rows = await db.purchaseOrder.findMany({ where: { shop }, select: { number: true } });
  return rows.map((r) => r.number);
}

export interface NewPurchaseOrder {
  number: string;
  vendorId: string;
  destinationLocationId: string;
  currency: string;
  expectedAt: Date;
  createdBy: string;
  lines: { variantId: string; quantityOrdered: number; unitCost: string }[];
}

/** Inserts a draft PO with its lines. Throws P2002 when the number is taken (callers retry). */
export function createPurchaseOrder(shop: string, po: NewPurchaseOrder, db: Db = defaultDb) {
  const { lines, ...header } = po;
  return db.purchaseOrder.create({
    data: { shop, ...header, status: "draft", lines: { create: lines.map((l) => ({ shop, ...l })) } },
    include: { lines: true },
  });
}

/** The most recent open draft of Stockcast's own for this vendor × destination, with its lines (null: none). */
export function findOpenDraft(shop: string, vendorId: string, destinationLocationId: string, db: Db = defaultDb) {
  return db.purchaseOrder.findFirst({
    where: { shop, vendorId, destinationLocationId, status: "draft", source: "stockcast" },
    include: { lines: { orderBy: { id: "asc" } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
}

export function addPurchaseOrderLine(shop: string, purchaseOrderId: string, line: { variantId: string; quantityOrdered: number; unitCost: string }, db: Db = defaultDb) {
  return db.purchaseOrderLine.create({ data: { shop, purchaseOrderId, ...line } });
}

/** Replenishment lines of one plan run chosen for ordering (shop-scoped; ids of other runs are ignored). */
export function findReplenishmentLinesForOrdering(shop: string, planRunId: string, ids: string[], db: Db = defaultDb) {
  return db.replenishmentLine.findMany({
    where: { shop, planRunId, id: { in: ids } },
    select: { id: true, variantId: true, locationId: true, vendorId: true, suggestedQty: true, editedQty: true, unitCost: true },
  });
}

/** What drafting needs from variants, vendors and locations. */
export async function lookupOrderingData(shop: string, ids: { variantIds: string[]; vendorIds: string[]; locationIds: string[] }, db: Db = defaultDb) {
  const [variants, vendors, locations] = await Promise.all([
    db.variant.findMany({ where: { shop, id: { in: ids.variantIds } }, select: { id: true, unitCost: true } }),
    db.vendor.findMany({ where: { shop, id: { in: ids.vendorIds } }, select: { id: true, name: true, currency: true, statedLeadTimeDays: true } }),
    db.location.findMany({ where: { shop, id: { in: ids.locationIds } }, select: { id: true, name: true } }),
  ]);
  return {
    variants: new Map(variants.map((v) => [v.id, v])),
    vendors: new Map(vendors.map((v) => [v.id, v])),
    locations: new Map(locations.map((l) => [l.id, l])),
  };
}

/** Display names for a PO's variants and locations. */
export async function lookupPurchaseOrderNames(shop: string, ids: { variantIds: string[]; locationIds: string[] }, db: Db = defaultDb) {
  const [variants, locations] = await Promise.all([
    db.variant.findMany({ where: { shop, id: { in: ids.variantIds } }, select: { id: true, title: true, sku: true, product: { select: { title: true } } } }),
    db.location.findMany({ where: { shop, id: { in: ids.locationIds } }, select: { id: true, name: true } }),
  ]);
  return { variants: new Map(variants.map((v) => [v.id, v])), locations: new Map(locations.map((l) => [l.id, l.name])) };
}

export function listVendorOptions(shop: string, db: Db = defaultDb) {
  return db.vendor.findMany({ where: { shop }, select: { id: true, name: true }, orderBy: { name: "asc" } });
}

/** Lines of this shop's draft and pending-approval POs for these variants: what is drafted but not yet ordered. */
export async function listDraftedLines(shop: string, variantIds: string[], db: Db = defaultDb) {
  if (variantIds.length === 0) return [];
  const lines = await db.purchaseOrderLine.findMany({
    where: { shop, variantId: { in: variantIds }, purchaseOrder: { status: { in: ["draft", "pending_approval"] } } },
    select: { variantId: true, quantityOrdered: true, purchaseOrder: { select: { id: true, number: true, destinationLocationId: true } } },
    orderBy: { purchaseOrder: { number: "asc" } },
  });
  return lines.map((l) => ({ variantId: l.variantId, locationId: l.purchaseOrder.destinationLocationId, poId: l.purchaseOrder.id, number: l.purchaseOrder.number, units: l.quantityOrdered }));
}
