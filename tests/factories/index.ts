// Test data for the integration files: one builder per table with the defaults most tests want, each field
// overridable. Every row belongs to the shop passed in, and every shop is new (a random domain), so files
// and tests never see each other's rows and shop scoping stays testable.
import crypto from "node:crypto";
import type { Prisma } from "@prisma/client";
import prisma from "~/db.server";
import { addDays } from "~/lib/time";

type Fields<T> = Partial<Omit<T, "shop">>;

/** A new shop domain, `<label>-<8 random hex>.myshopify.com`. */
export function uniqueShop(label: string): string {
  return `${label}-${crypto.randomUUID().slice(0, 8)}.myshopify.com`;
}

/** A Shop row named `label` on a new domain (or `fields.shop`), in UTC unless `fields` says otherwise. */
export async function createShop(label: string, fields: Fields<Prisma.ShopUncheckedCreateInput> & { shop?: string } = {}): Promise<string> {
  const shop = fields.shop ?? uniqueShop(label);
  await prisma.shop.create({ data: { name: label, ianaTimezone: "UTC", ...fields, shop } });
  return shop;
}

/** Location `n` (Shopify id gid://shopify/Location/n), named "Warehouse" unless `fields` says otherwise. */
export function createLocation(shop: string, n = 1, fields: Fields<Prisma.LocationUncheckedCreateInput> = {}) {
  return prisma.location.create({ data: { shopifyId: `gid://shopify/Location/${n}`, name: "Warehouse", ...fields, shop } });
}

/** A vendor named "Acme" (the schema's defaults otherwise: 14 days stated lead time, USD). */
export function createVendor(shop: string, fields: Fields<Prisma.VendorUncheckedCreateInput> = {}) {
  return prisma.vendor.create({ data: { name: "Acme", ...fields, shop } });
}

/** Product `n` (gid://shopify/Product/n), titled "Tent" unless `fields` says otherwise. */
export function createProduct(shop: string, fields: Fields<Prisma.ProductUncheckedCreateInput> = {}, n = 1) {
  return prisma.product.create({ data: { shopifyId: `gid://shopify/Product/${n}`, title: "Tent", ...fields, shop } });
}

/** Variant `n` (gid://shopify/ProductVariant/n) of a product, titled "V<n>" unless `fields` says otherwise. */
export function createVariant(shop: string, productId: string, n: number, fields: Fields<Prisma.VariantUncheckedCreateInput> = {}) {
  return prisma.variant.create({ data: { shopifyId: `gid://shopify/ProductVariant/${n}`, productId, title: `V${n}`, ...fields, shop } });
}

/** The stock of a variant at a location: `available` = `onHand` = `units` unless `fields` says otherwise. */
export function createLevel(shop: string, variantId: string, locationId: string, units: number, fields: Fields<Prisma.InventoryLevelUncheckedCreateInput> = {}) {
  return prisma.inventoryLevel.create({ data: { variantId, locationId, available: units, onHand: units, ...fields, shop } });
}

export interface StoreFields {
  shop?: Parameters<typeof createShop>[1];
  location?: Fields<Prisma.LocationUncheckedCreateInput>;
  vendor?: Fields<Prisma.VendorUncheckedCreateInput>;
  product?: Fields<Prisma.ProductUncheckedCreateInput>;
}

/** Location 1, vendor "Acme" and product 1 of that vendor, in a shop that exists already. */
export async function createCatalog(shop: string, fields: Omit<StoreFields, "shop"> = {}) {
  const location = await createLocation(shop, 1, fields.location);
  const vendor = await createVendor(shop, fields.vendor);
  const product = await createProduct(shop, { vendorId: vendor.id, ...fields.product });
  return { location, vendor, product };
}

/** The usual start of a test: a shop with location 1, vendor "Acme" and product 1 of that vendor. */
export async function createStore(label: string, fields: StoreFields = {}) {
  const shop = await createShop(label, fields.shop);
  return { shop, ...(await createCatalog(shop, fields)) };
}

type PoLineFields = Omit<Prisma.PurchaseOrderLineUncheckedCreateWithoutPurchaseOrderInput, "shop">;

/** Purchase order "PO-1001" (a draft unless `fields` says otherwise) with `lines`; returned with its lines. */
export function createPurchaseOrder(
  shop: string,
  fields: Fields<Prisma.PurchaseOrderUncheckedCreateInput> & Pick<Prisma.PurchaseOrderUncheckedCreateInput, "vendorId" | "destinationLocationId" | "createdBy">,
  lines: PoLineFields[],
) {
  return prisma.purchaseOrder.create({
    data: { number: "PO-1001", ...fields, shop, lines: { create: lines.map((l) => ({ ...l, shop })) } },
    include: { lines: true },
  });
}

export interface DemandHistory {
  /** The day after the last day of history ("today"). */
  until: string;
  days: number;
  /** Units sold `daysAgo` days before `until` (1 = yesterday); 0 writes no row. */
  units: number | ((daysAgo: number) => number);
  /** Revenue of a day's units; none: the schema default (0). */
  revenue?: (units: number) => string;
}

/** DemandDay rows for the `days` days before `until`, newest first: pass them to demandDay.createMany. */
export function demandDays(shop: string, variantId: string, locationId: string, history: DemandHistory): Prisma.DemandDayCreateManyInput[] {
  const rows: Prisma.DemandDayCreateManyInput[] = [];
  for (let daysAgo = 1; daysAgo <= history.days; daysAgo++) {
    const units = typeof history.units === "number" ? history.units : history.units(daysAgo);
    if (units === 0) continue;
    rows.push({ shop, variantId, locationId, date: addDays(history.until, -daysAgo), units, ...(history.revenue ? { revenue: history.revenue(units) } : {}) });
  }
  return rows;
}

/** The offline session Shopify's token exchange leaves for a shop: Admin clients for it can be made. */
export function createOfflineSession(shop: string, scope: string | null = "read_products,read_inventory,read_orders,read_locations") {
  return prisma.session.create({ data: { id: `offline_${shop}`, shop, state: "", accessToken: "shpat_test", scope } });
}
