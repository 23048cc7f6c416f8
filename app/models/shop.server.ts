import prisma from "~/db.server";

/** The shop row (settings and identity), or null when the shop never installed. */
export function findShop(shop: string) {
  return prisma.shop.findUnique({ where: { shop } });
}

/** Creates the shop on first install, or reactivates it on re-install. Safe to call repeatedly. */
export function upsertInstalledShop(shop: string, fields: { name?: string; scopes?: string | null } = {}) {
  return prisma.shop.upsert({
    where: { shop },
    create: { shop, name: fields.name ?? shop.replace(/\.myshopify\.com$/, ""), scopes: fields.scopes ?? null },
    update: { active: true, uninstalledAt: null, ...(fields.scopes !== undefined ? { scopes: fields.scopes } : {}) },
  });
}

/**
 * Row counts of what the shop has synced, for the Overview, and whether it has any demand history, in one
 * statement (one round trip instead of seven; the two order-line counts are covering-index scans). Demand
 * days are only checked for existence: counting ~200k of them cost 30 ms for a figure nobody is shown.
 */
export async function countShopData(shop: string) {
  const [row] = await prisma.$queryRaw<Record<"variants" | "locations" | "vendors" | "orderLines" | "orders" | "purchaseOrders" | "hasDemand", unknown>[]>`
    SELECT
      (SELECT COUNT(*) FROM "Variant" WHERE "shop" = ${shop} AND "deletedAt" IS NULL) AS "variants",
      (SELECT COUNT(*) FROM "Location" WHERE "shop" = ${shop} AND "deletedAt" IS NULL) AS "locations",
      (SELECT COUNT(*) FROM "Vendor" WHERE "shop" = ${shop}) AS "vendors",
      (SELECT COUNT(*) FROM "OrderLine" WHERE "shop" = ${shop}) AS "orderLines",
      (SELECT COUNT(DISTINCT "orderGid") FROM "OrderLine" WHERE "shop" = ${shop}) AS "orders",
      (SELECT COUNT(*) FROM "PurchaseOrder" WHERE "shop" = ${shop}) AS "purchaseOrders",
      (SELECT COUNT(*) FROM (SELECT 1 FROM "DemandDay" WHERE "shop" = ${shop} LIMIT 1) AS "d") AS "hasDemand"`;
  const n = (key: keyof NonNullable<typeof row>) => Number(row?.[key] ?? 0);
  return {
    variants: n("variants"),
    locations: n("locations"),
    vendors: n("vendors"),
    orderLines: n("orderLines"),
    orders: n("orders"),
    hasDemand: n("hasDemand") > 0,
    purchaseOrders: n("purchaseOrders"),
  };
}

/** Database liveness for /healthz: one trivial round trip. */
export async function pingDatabase(): Promise<void> {
  await prisma.$queryRawUnsafe("SELECT 1");
}
