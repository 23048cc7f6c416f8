import prisma from "~/db.server";

/** The shop row (settings and identity), or null when the shop never installed. */
export function findShop(shop: string) {
  return prisma.shop.findUnique({ where: { shop } });
}

/** True once the shop uninstalled the app (until it installs again); a shop without a row is not. */
export async function isShopUninstalled(shop: string): Promise<boolean> {
  const row = await prisma.shop.findUnique({ where: { shop }, select: { active: true } });
  return row?.active === false;
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
 * Row counts of what the shop has synced, for the Overview, and whether it has any demand history (an
 * existence check: counting ~200k demand days cost the Overview 30 ms for a figure it never shows).
 */
export async function countShopData(shop: string) {
  const where = { shop };
  const [variants, locations, vendors, orderLines, orders, demandDay, purchaseOrders] = await Promise.all([
    prisma.variant.count({ where: { shop, deletedAt: null } }),
    prisma.location.count({ where: { shop, deletedAt: null } }),
    prisma.vendor.count({ where }),
    prisma.orderLine.count({ where }),
    prisma.$queryRaw<{ n: bigint | number }[]>`SELECT COUNT(DISTINCT "orderGid") AS n FROM "OrderLine" WHERE "shop" = ${shop}`.then(
      (rows) => Number(rows[0]?.n ?? 0),
    ),
    prisma.demandDay.findFirst({ where, select: { id: true } }),
    prisma.purchaseOrder.count({ where }),
  ]);
  return { variants, locations, vendors, orderLines, orders, hasDemand: demandDay !== null, purchaseOrders };
}

/** Database liveness for /healthz: one trivial round trip. */
export async function pingDatabase(): Promise<void> {
  await prisma.$queryRawUnsafe("SELECT 1");
}
