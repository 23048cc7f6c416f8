import type { Prisma } from "@prisma/client";
import prisma, { containsInsensitive } from "~/db.server";
import { inIdChunks } from "~/models/id-chunks.server";
import { defaultDb, type Db } from "~/models/transaction.server";
import type { ReplenishmentSort, UrgencyFilter } from "~/utils/planning-options";


export interface ReplenishmentQuery {
  urgency?: UrgencyFilter[];
  vendorId?: string;
  locationId?: string;
  abcClass?: string;
  search?: string;
  sort: ReplenishmentSort;
  page: number;
  pageSize: number;
}

const ORDER_BY: Record<ReplenishmentSort, Prisma.ReplenishmentLineOrderByWithRelationInput[]> = {
  stockout: [{ projectedStockoutDate: { sort: "asc", nulls: "last" } }, { suggestedQty: "desc" }, { id: "asc" }],
  cover: [{ daysOfCover: { sort: "asc", nulls: "last" } }, { id: "asc" }],
  quantity: [{ suggestedQty: "desc" }, { id: "asc" }],
  value: [{ unitCost: { sort: "desc", nulls: "last" } }, { suggestedQty: "desc" }, { id: "asc" }],
};

/** Variant ids whose SKU, title or product title contains `search` (case-insensitive on both providers). */
export async function variantIdsMatching(shop: string, search: string): Promise<string[]> {
  const match = containsInsensitive(search);
  const rows = await prisma.variant.findMany({
    where: { shop, deletedAt: null, OR: [{ sku: match }, { title: match }, { product: { title: match } }] },
    select: { id: true },
  });
  return rows.map((v) => v.id);
}

/** One page of a plan run's lines, filtered and sorted in the database, plus the total for pagination. */
export async function listReplenishmentLines(shop: string, planRunId: string, q: ReplenishmentQuery) {
  const where: Prisma.ReplenishmentLineWhereInput = {
    shop,
    planRunId,
    ...(q.urgency?.length ? { urgency: { in: q.urgency } } : {}),
    ...(q.vendorId ? { vendorId: q.vendorId } : {}),
    ...(q.locationId ? { locationId: q.locationId } : {}),
    ...(q.abcClass ? { abcClass: q.abcClass } : {}),
    ...(q.search ? { variantId: { in: await variantIdsMatching(shop, q.search) } } : {}),
  };
  const [rows, total] = await Promise.all([
    prisma.replenishmentLine.findMany({ where, orderBy: ORDER_BY[q.sort], skip: (q.page - 1) * q.pageSize, take: q.pageSize }),
    prisma.replenishmentLine.count({ where }),
  ]);
  return { rows, total };
}

export async function countLinesByUrgency(shop: string, planRunId: string): Promise<Record<string, number>> {
  const groups = await prisma.replenishmentLine.groupBy({ by: ["urgency"], where: { shop, planRunId }, _count: { _all: true } });
  return Object.fromEntries(groups.map((g) => [g.urgency, g._count._all]));
}

/** Names for the ids on one page: variants (with product and SKU), locations, vendors. */
export async function lookupNames(shop: string, ids: { variantIds: string[]; locationIds: string[]; vendorIds: string[] }) {
  const [variants, locations, vendors] = await Promise.all([
    inIdChunks(ids.variantIds, (variantIds) =>
      prisma.variant.findMany({ where: { shop, id: { in: variantIds } }, select: { id: true, title: true, sku: true, product: { select: { title: true } } } }),
    ),
    inIdChunks(ids.locationIds, (locationIds) => prisma.location.findMany({ where: { shop, id: { in: locationIds } }, select: { id: true, name: true } })),
    inIdChunks(ids.vendorIds, (vendorIds) => prisma.vendor.findMany({ where: { shop, id: { in: vendorIds } }, select: { id: true, name: true } })),
  ]);
  return { variants: new Map(variants.map((v) => [v.id, v])), locations: new Map(locations.map((l) => [l.id, l.name])), vendors: new Map(vendors.map((v) => [v.id, v.name])) };
}

export function listFilterOptions(shop: string) {
  return Promise.all([
    prisma.vendor.findMany({ where: { shop }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    prisma.location.findMany({ where: { shop, deletedAt: null }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
}

/** Sets (or clears, with null) the merchant's own quantity on one line of the shop's plan; returns before/after. */
export async function setEditedQuantity(shop: string, lineId: string, quantity: number | null, db: Db = defaultDb) {
  const before = await db.replenishmentLine.findFirst({ where: { shop, id: lineId }, select: { id: true, variantId: true, suggestedQty: true, editedQty: true } });
  if (!before) return null;
  await db.replenishmentLine.update({ where: { id: lineId, shop }, data: { editedQty: quantity } });
  return { before, after: { ...before, editedQty: quantity } };
}
