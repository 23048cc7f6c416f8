// Writes the demo shop, twice, next to another shop, into a fresh database built by `prisma migrate deploy`:
// a temporary SQLite file, or a throw-away PostgreSQL database when SEED_TEST_DATABASE_URL=postgres://… names
// a server (the database in that URL is only a template; the test creates and drops its own).
// Every table and every row shape is written, but only the last weeks of the three history tables: the full
// seed (~270k rows) is written and counted by `npm run demo` at every start, which the browser tests run.
import { Prisma, type PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "../../app/db.server";
import { createFreshDatabase, dropDatabase, migrateDeploy } from "../../tests/setup/databases";
import { addDays } from "../../app/lib/time";
import { demandKey, demoBundles, deriveDemandDays, toMills } from "./derive";
import { DEMO_SHOP_DOMAIN, generateDemoShop, ORDER_LINE_DAYS, type DemoData } from "./generate";
import { SHOP_TABLES_DELETE_ORDER, seedDemoShop } from "./seed";

const TODAY = "2026-11-23";
const OTHER = "other-shop.myshopify.com";
const like = process.env.SEED_TEST_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "file:./prisma/seed-test.db";
const sqlite = like.startsWith("file:");
/** Placeholder for the single bound parameter of the raw queries below. */
const mark = sqlite ? "?" : "$1";
let url: string | undefined;
let prisma: PrismaClient;
let data: DemoData;

const countFor = async (shop: string) => {
  const out: Record<string, number> = {};
  for (const model of SHOP_TABLES_DELETE_ORDER) {
    const rows = await prisma.$queryRawUnsafe<{ n: bigint | number }[]>(`SELECT COUNT(*) AS n FROM "${model}" WHERE "shop" = ${mark}`, shop);
    out[model] = Number(rows[0].n);
  }
  return out;
};

async function seedOtherShop(): Promise<void> {
  await prisma.shop.create({ data: { shop: OTHER, name: "Other" } });
  const loc = await prisma.location.create({ data: { shop: OTHER, shopifyId: "gid://shopify/Location/1", name: "Main" } });
  const vendor = await prisma.vendor.create({ data: { shop: OTHER, name: "Northwind Apparel Co." } });
  const product = await prisma.product.create({ data: { shop: OTHER, shopifyId: "gid://shopify/Product/1", title: "Thing", vendorId: vendor.id } });
  const variant = await prisma.variant.create({ data: { shop: OTHER, shopifyId: "gid://shopify/ProductVariant/1", productId: product.id, title: "Default Title" } });
  await prisma.inventoryLevel.create({ data: { shop: OTHER, variantId: variant.id, locationId: loc.id, available: 5, onHand: 5 } });
  await prisma.demandDay.create({ data: { shop: OTHER, variantId: variant.id, locationId: loc.id, date: "2026-11-01", units: 2 } });
  await prisma.orderLine.create({
    data: {
      shop: OTHER,
      orderGid: "gid://shopify/Order/1",
      lineItemGid: "gid://shopify/LineItem/1",
      variantId: variant.id,
      locationId: loc.id,
      quantity: 2,
      currentQuantity: 2,
      orderCreatedAt: new Date("2026-11-01T15:00:00Z"),
      localDate: "2026-11-01",
      shopifyUpdatedAt: new Date("2026-11-01T15:00:00Z"),
    },
  });
  const po = await prisma.purchaseOrder.create({
    data: { shop: OTHER, number: "PO-1001", vendorId: vendor.id, destinationLocationId: loc.id, createdBy: "someone" },
  });
  await prisma.purchaseOrderLine.create({ data: { shop: OTHER, purchaseOrderId: po.id, variantId: variant.id, quantityOrdered: 10 } });
  await prisma.staffRole.create({ data: { shop: OTHER, staffId: "gid://shopify/StaffMember/104857601", name: "Alex Owner", role: "owner" } });
  await prisma.session.create({ data: { id: "offline_other", shop: OTHER, state: "x", accessToken: "token" } });
}

/** Days of DemandDay, OrderLine and InventorySnapshot history the test writes (the catalogue and POs are whole). */
const HISTORY_DAYS_WRITTEN = 21;

/** The demo shop with only its last `days` days of history rows; nothing else refers to those rows. */
function recentHistoryOnly(full: DemoData, days: number): DemoData {
  const since = addDays(TODAY, -days);
  return {
    ...full,
    demandDays: full.demandDays.filter((d) => d.date >= since),
    orderLines: full.orderLines.filter((l) => l.localDate >= since),
    inventorySnapshots: full.inventorySnapshots.filter((s) => s.date >= since),
  };
}

beforeAll(async () => {
  url = await createFreshDatabase(like, "seed");
  await migrateDeploy(url);
  prisma = createPrismaClient(url);
  data = recentHistoryOnly(generateDemoShop({ today: TODAY }), HISTORY_DAYS_WRITTEN);
});

afterAll(async () => {
  await prisma?.$disconnect();
  if (url) await dropDatabase(url);
});

describe("seedDemoShop", () => {
  it("deletes every shop-scoped table (all models with a shop column except Session)", () => {
    const withShop = Prisma.dmmf.datamodel.models
      .filter((m) => m.fields.some((f) => f.name === "shop") && m.name !== "Session")
      .map((m) => m.name)
      .sort();
    expect([...SHOP_TABLES_DELETE_ORDER].sort()).toEqual(withShop);
  });

  it("writes the demo shop next to another shop", async () => {
    await seedOtherShop();
    const otherBefore = await countFor(OTHER);
    // Seeding speed is reported by `npm run demo` (about 20 s on SQLite here), not asserted in a test.
    await seedDemoShop(prisma, data);
    const counts = await countFor(DEMO_SHOP_DOMAIN);
    expect(counts.DemandDay).toBe(data.demandDays.length);
    expect(counts.OrderLine).toBe(data.orderLines.length);
    expect(counts.InventorySnapshot).toBe(data.inventorySnapshots.length);
    expect(counts.Variant).toBe(data.variants.length);
    expect(counts.PurchaseOrder).toBe(data.purchaseOrders.length);
    expect(counts.Receipt).toBe(data.receipts.length);
    expect(counts.AuditEntry).toBe(data.auditEntries.length);
    expect(await countFor(OTHER)).toEqual(otherBefore);

    const shop = await prisma.shop.findUniqueOrThrow({ where: { shop: DEMO_SHOP_DOMAIN } });
    expect(shop).toMatchObject({ name: "Maple & Moss Outfitters", isDemo: true, currencyCode: "USD", ianaTimezone: "America/New_York" });
    // Values read back through Prisma as written (Decimal, DateTime, Boolean via the raw bulk path).
    const line = await prisma.orderLine.findUniqueOrThrow({ where: { id: data.orderLines[0].id } });
    expect(line.unitPrice.toFixed(2)).toBe(data.orderLines[0].unitPrice);
    expect(line.orderCreatedAt.toISOString()).toBe(data.orderLines[0].orderCreatedAt.toISOString());
    const snap = data.inventorySnapshots.find((s) => s.stockedOut)!;
    expect(await prisma.inventorySnapshot.findUniqueOrThrow({ where: { id: snap.id } })).toEqual(snap);
  });

  it("stores DemandDay consistent with OrderLine where both exist", async () => {
    const start = addDays(TODAY, -ORDER_LINE_DAYS);
    // The app's rule, kits exploded into their components (derive.ts), over the rows as stored.
    const lines = await prisma.orderLine.findMany({ where: { shop: DEMO_SHOP_DOMAIN } });
    const boms = await prisma.bundleComponent.findMany({ where: { shop: DEMO_SHOP_DOMAIN } });
    const prices = new Map((await prisma.variant.findMany({ where: { shop: DEMO_SHOP_DOMAIN }, select: { id: true, price: true } })).map((v) => [v.id, v.price.toString()]));
    const derived = [...deriveDemandDays(lines.map((l) => ({ ...l, unitPrice: l.unitPrice.toString() })), demoBundles(boms, (id) => prices.get(id)!)).values()].map((d) => ({
      variantId: d.variantId,
      locationId: d.locationId,
      localDate: d.date,
      units: d.units,
      orders: d.orders,
      revenueMills: d.revenueMills,
    }));
    expect(boms.length).toBeGreaterThan(0);
    const stored = await prisma.demandDay.findMany({ where: { shop: DEMO_SHOP_DOMAIN, date: { gte: start } } });
    expect(stored.length).toBe(derived.length);
    const byKey = new Map(stored.map((d) => [demandKey(d.variantId, d.locationId, d.date), d]));
    for (const x of derived) {
      const d = byKey.get(demandKey(x.variantId, x.locationId, x.localDate));
      expect(d, `${x.variantId} ${x.localDate}`).toBeDefined();
      expect(d!.units).toBe(Number(x.units));
      expect(d!.orders).toBe(Number(x.orders));
      expect(toMills(d!.revenue.toString())).toBe(x.revenueMills);
    }
    const earliestLine = await prisma.orderLine.aggregate({ where: { shop: DEMO_SHOP_DOMAIN }, _min: { localDate: true } });
    expect(earliestLine._min.localDate! >= start).toBe(true);
    // The window holds real sales: a test of nothing would pass too.
    expect(derived.length).toBeGreaterThan(1000);
  });

  it("re-seeding replaces the demo shop's rows and keeps the other shop's", async () => {
    const otherBefore = await countFor(OTHER);
    const demoBefore = await countFor(DEMO_SHOP_DOMAIN);
    // Rows the app may have added to the demo shop since (a plan run, an alert) disappear on re-seed.
    await prisma.planRun.create({ data: { shop: DEMO_SHOP_DOMAIN, asOfDate: TODAY } });
    await prisma.alert.create({
      data: { shop: DEMO_SHOP_DOMAIN, type: "stockout", severity: "critical", dedupeKey: "k", entityType: "Variant", entityId: "v", message: "m" },
    });
    const result = await seedDemoShop(prisma, data);
    expect(result.deleted.DemandDay).toBe(data.demandDays.length);
    expect(result.deleted.PlanRun).toBe(1);
    expect(await countFor(DEMO_SHOP_DOMAIN)).toEqual(demoBefore);
    expect(await countFor(OTHER)).toEqual(otherBefore);
    expect(await prisma.session.count({ where: { shop: OTHER } })).toBe(1);
    const po = await prisma.purchaseOrder.findFirstOrThrow({ where: { shop: OTHER } });
    expect(po.number).toBe("PO-1001");
  });

  it("lets timers (and sockets) in while it writes, though better-sqlite3 writes synchronously", async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    try {
      await seedDemoShop(prisma, data);
    } finally {
      clearInterval(timer);
    }
    // Without a turn of the event loop between statements, no timer could fire before the seed ended.
    expect(ticks).toBeGreaterThan(10);
  });
});
