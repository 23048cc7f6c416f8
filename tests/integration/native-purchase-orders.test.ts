// Issue 14, item 5: Shopify's native purchase orders, counted once. With the optional scope
// read_inventory_purchase_orders the daily sweep reads them (the fake answers InventoryPurchaseOrders by executing
// it against the `unstable` introspection, the one that has the field), and Replenishment and the variant page
// show which on-order units they are, with supplier and expected arrival in the shop's time zone. Their units are
// Shopify's `incoming` already: the plan's on order is the same with or without them, beside Stockcast POs,
// Stocky POs and transfers. Without the scope nothing is read and nothing changes. Runs on both databases.
import { conn, fakeShop, server, type ShopifyFake } from "../setup/shopify-fake";
import crypto from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { registerJobs } from "~/jobs/index.server";
import { createJobQueue } from "~/jobs/queue.server";
import { RecordingQueue } from "../setup/recording-queue";
import { importCsv } from "~/services/csv-import/import.server";
import { getForecastDetail } from "~/services/forecasts.server";
import { planShop } from "~/services/planning/plan-shop.server";
import { getReplenishment } from "~/services/replenishment.server";
import { syncNativePurchaseOrders } from "~/services/sync/native-purchase-orders.server";
import { createAdminClient } from "~/shopify/admin-client.server";
import { routeForTopic } from "~/shopify/webhook-topics";
import { unauthenticated } from "~/shopify.server";
import { addDays } from "~/lib/time";
import { NATIVE_PURCHASE_ORDERS_JOB, QUANTITIES_SWEEP_JOB } from "~/utils/job-names";
import { storeAdminSession } from "../setup/admin-request";
import { signedWebhook } from "../setup/signed-webhook";

const NOW = new Date("2026-12-07T18:00:00Z");
const LOCATION = "gid://shopify/Location/1";
const ITEM = (i: number) => `gid://shopify/InventoryItem/${5000 + i}`;
const BASE_SCOPES = "read_products,read_inventory,write_inventory,read_orders,read_locations";
const WITH_SCOPE = `${BASE_SCOPES},read_inventory_purchase_orders`;


const queue = new RecordingQueue(createJobQueue(process.env.DATABASE_URL!, { supervise: false, schedule: false }));
registerJobs(queue, { quantities: { client: { sleep: async () => {}, random: () => 0 } } });
globalThis.__stockcastJobQueue = queue;
const runAll = () => queue.runDue({ includeDelayed: true, now: new Date(Date.now() + 60_000) });

afterAll(async () => {
  server.close();
  await queue.stop();
  globalThis.__stockcastJobQueue = undefined;
});

// Shopify's incoming at the warehouse, per SKU, and what makes it up.
const INCOMING: Record<string, number> = {
  "ONLY-NATIVE": 7, // native #PO1 (7)
  "NATIVE-PART-RECEIVED": 8, // native #PO2 (10, ordered first) and #PO3 (6): 8 of the 16 not received yet
  "NATIVE-AND-TRANSFER": 8, // native #PO4 (5) + a transfer (3)
  "NATIVE-AND-STOCKCAST": 6, // native #PO5 (6); plus a Stockcast PO (10), never in incoming
  "NATIVE-AND-STOCKY": 5, // native #PO6 (5), the re-created Stocky PO S-1 (5)
  "DRAFT-OR-ARCHIVED": 0, // a draft native PO (20) and an archived one (4): nothing incoming
  NOTHING: 0,
};
const SKUS = Object.keys(INCOMING);

interface PoSpec {
  n: number;
  status?: "ORDERED" | "DRAFT";
  orderedAt: string | null;
  archivedAt?: string;
  supplier?: string;
  lines: { sku: string; quantity: number; supplierSku?: string }[];
}

/** A native PO as the `unstable` Admin schema shapes it (only the fields the app selects matter). */
function nativePo(spec: PoSpec) {
  return {
    id: `gid://shopify/InventoryPurchaseOrder/${spec.n}`,
    name: `#PO${spec.n}`,
    status: spec.status ?? "ORDERED",
    orderedAt: spec.orderedAt,
    archivedAt: spec.archivedAt ?? null,
    origin: { supplier: spec.supplier ? { name: spec.supplier } : null },
    destination: { location: { id: LOCATION } },
    lineItems: conn(
      spec.lines.map((l, i) => ({
        id: `gid://shopify/InventoryPurchaseOrderLineItem/${spec.n * 100 + i}`,
        totalQuantity: l.quantity,
        supplierSku: l.supplierSku ?? null,
        inventoryItem: { id: l.sku === "UNKNOWN" ? ITEM(999) : ITEM(SKUS.indexOf(l.sku)) },
      })),
    ),
  };
}

const NATIVE_POS = [
  nativePo({ n: 1, orderedAt: "2026-12-01T05:00:00Z", supplier: "Acme Outdoor", lines: [{ sku: "ONLY-NATIVE", quantity: 7, supplierSku: "AC-77" }] }),
  nativePo({ n: 2, orderedAt: "2026-11-20T17:00:00Z", supplier: "Acme Outdoor", lines: [{ sku: "NATIVE-PART-RECEIVED", quantity: 10 }] }),
  nativePo({ n: 3, orderedAt: "2026-12-03T17:00:00Z", supplier: "Trailhead Supply", lines: [{ sku: "NATIVE-PART-RECEIVED", quantity: 6 }] }),
  nativePo({ n: 4, orderedAt: "2026-12-02T17:00:00Z", lines: [{ sku: "NATIVE-AND-TRANSFER", quantity: 5 }] }),
  nativePo({ n: 5, orderedAt: "2026-12-02T17:00:00Z", supplier: "Acme Outdoor", lines: [{ sku: "NATIVE-AND-STOCKCAST", quantity: 6 }, { sku: "UNKNOWN", quantity: 3 }] }),
  nativePo({ n: 6, orderedAt: "2026-12-04T17:00:00Z", supplier: "Acme Outdoor", lines: [{ sku: "NATIVE-AND-STOCKY", quantity: 5 }] }),
  nativePo({ n: 7, status: "DRAFT", orderedAt: null, supplier: "Acme Outdoor", lines: [{ sku: "DRAFT-OR-ARCHIVED", quantity: 20 }] }),
  nativePo({ n: 8, orderedAt: "2026-10-01T17:00:00Z", archivedAt: "2026-11-01T17:00:00Z", lines: [{ sku: "DRAFT-OR-ARCHIVED", quantity: 4 }] }),
  // Fifty drafts fill the first page (50 per request): the POs above sit on the second.
  ...Array.from({ length: 50 }, (_, i) => nativePo({ n: 100 + i, status: "DRAFT", orderedAt: null, lines: [{ sku: "NOTHING", quantity: 1 }] })),
].sort((a, b) => Number(b.id.split("/").pop()) - Number(a.id.split("/").pop()));

/** A shop in Los Angeles with seven variants at one warehouse, 120 days of demand each, and its fake Admin API. */
async function seedShop(label: string, scopes: string): Promise<{ shop: string; fake: ShopifyFake; variants: Record<string, string>; locationId: string }> {
  const shop = `${label}-${crypto.randomUUID().slice(0, 8)}.myshopify.com`;
  await storeAdminSession(shop);
  // Items first: the sweep's quantities read finds each item here (with the levels seeded below), not as a line's item.
  const items = SKUS.map((sku, i) => ({
    id: ITEM(i),
    inventoryLevels: conn([
      {
        id: `gid://shopify/InventoryLevel/${i + 1}?inventory_item_id=${5000 + i}`,
        updatedAt: "2026-12-07T12:00:00Z",
        location: { id: LOCATION },
        quantities: [
          { name: "available", quantity: 40 },
          { name: "on_hand", quantity: 50 },
          { name: "committed", quantity: 10 },
          { name: "incoming", quantity: INCOMING[sku] },
          { name: "reserved", quantity: 0 },
        ],
      },
    ]),
  }));
  const fake = fakeShop(shop, { shop: { name: shop, ianaTimezone: "America/Los_Angeles", currencyCode: "USD" }, items, inventoryPurchaseOrders: NATIVE_POS });
  await prisma.shop.create({ data: { shop, name: label, ianaTimezone: "America/Los_Angeles", scopes, orderingCost: "0" } });
  const location = await prisma.location.create({ data: { shop, shopifyId: LOCATION, name: "Warehouse" } });
  const vendor = await prisma.vendor.create({ data: { shop, name: "Acme Outdoor", statedLeadTimeDays: 10 } });
  const product = await prisma.product.create({ data: { shop, shopifyId: "gid://shopify/Product/1", title: "Tent", vendorId: vendor.id } });
  const variants: Record<string, string> = {};
  const today = "2026-12-07";
  for (const [i, sku] of SKUS.entries()) {
    const v = await prisma.variant.create({
      data: { shop, shopifyId: `gid://shopify/ProductVariant/${i + 1}`, productId: product.id, title: sku, sku, unitCost: "10", inventoryItemId: ITEM(i) },
    });
    variants[sku] = v.id;
    await prisma.inventoryLevel.create({ data: { shop, variantId: v.id, locationId: location.id, available: 40, onHand: 50, committed: 10, incoming: INCOMING[sku] } });
    await prisma.demandDay.createMany({ data: Array.from({ length: 120 }, (_, d) => ({ shop, variantId: v.id, locationId: location.id, date: addDays(today, -(d + 1)), units: 2, revenue: "40" })) });
  }
  await prisma.purchaseOrder.create({
    data: {
      shop,
      number: "PO-1001",
      vendorId: vendor.id,
      destinationLocationId: location.id,
      status: "sent",
      createdBy: "staff:1",
      lines: { create: [{ shop, variantId: variants["NATIVE-AND-STOCKCAST"], quantityOrdered: 10, quantityReceived: 0 }] },
    },
  });
  const stocky = ["PO #,Supplier,Status,Expected Date,Location,SKU,Qty Ordered,Qty Received", "S-1,Acme Outdoor,Ordered,2026-12-20,Warehouse,NATIVE-AND-STOCKY,5,0"].join("\n");
  expect(await importCsv(shop, { kind: "stocky-purchase-orders", fileName: "stocky.csv" }, stocky)).toMatchObject({ status: "imported" });
  return { shop, fake, variants, locationId: location.id };
}

async function onOrderBySku(shop: string, variants: Record<string, string>) {
  const { planRunId } = await planShop(shop, { now: NOW });
  const lines = await prisma.replenishmentLine.findMany({ where: { shop, planRunId } });
  return Object.fromEntries(SKUS.map((sku) => [sku, lines.find((l) => l.variantId === variants[sku])!.onOrder]));
}

const poCalls = (fake: ShopifyFake) => fake.calls.filter((c) => c.operationName === "InventoryPurchaseOrders");

async function postScopes(shop: string, current: string) {
  const { action } = await import("~/routes/webhooks.app.scopes_update");
  const route = routeForTopic("app/scopes_update");
  const body = { id: 1, current: current.split(","), previous: [], updated_at: NOW.toISOString() };
  const request = signedWebhook({ url: `https://stockcast.example${route}`, topic: "app/scopes_update", shop, body, secret: "test-api-secret", webhookId: crypto.randomUUID() });
  expect(((await action({ request, params: {}, context: {} })) as Response).status).toBe(200);
}

describe("native POs counted once beside `incoming`", () => {
  it("the sweep reads ordered native POs; on order is unchanged, and the screens show which units they are", async () => {
    const { shop, fake, variants, locationId } = await seedShop("native-po", WITH_SCOPE);
    // The rule before any native PO is known: Stockcast open + max(incoming, Stocky open).
    const before = await onOrderBySku(shop, variants);
    expect(before).toEqual({
      "ONLY-NATIVE": 7,
      "NATIVE-PART-RECEIVED": 8,
      "NATIVE-AND-TRANSFER": 8,
      "NATIVE-AND-STOCKCAST": 16,
      "NATIVE-AND-STOCKY": 5,
      "DRAFT-OR-ARCHIVED": 0,
      NOTHING: 0,
    });

    // Earlier files' shops share this database: swept just now, so the sweep reads this shop alone.
    const others = await prisma.shop.findMany({ where: { shop: { not: shop } }, select: { shop: true } });
    for (const other of others) await prisma.quantitySweep.upsert({ where: { shop: other.shop }, create: { shop: other.shop, sweptAt: new Date() }, update: { sweptAt: new Date() } });
    await queue.enqueue(QUANTITIES_SWEEP_JOB, { shop: "*" });
    await runAll();
    expect(queue.of(shop, NATIVE_PURCHASE_ORDERS_JOB)).toHaveLength(1);
    // Two pages of 50, the second after the first's cursor.
    expect(poCalls(fake).map((c) => c.variables.after)).toEqual([null, "50"]);
    const stored = await prisma.nativePurchaseOrderLine.findMany({ where: { shop }, orderBy: { name: "asc" } });
    // Ordered and not archived, for an item Stockcast knows: #PO5's unknown item and the drafts are left out.
    expect(stored.map((l) => [l.name, l.quantity])).toEqual([["#PO1", 7], ["#PO2", 10], ["#PO3", 6], ["#PO4", 5], ["#PO5", 6], ["#PO6", 5]]);

    // Counted once: the same on order as without them.
    expect(await onOrderBySku(shop, variants)).toEqual(before);

    const replenishment = await getReplenishment(shop, { page: 1, pageSize: 50, sort: "stockout" });
    const rowOf = (sku: string) => replenishment.rows.find((r) => r.variantId === variants[sku])!;
    const native = (sku: string) => rowOf(sku).nativePos.map((p) => [p.name, p.units]);
    expect(native("ONLY-NATIVE")).toEqual([["#PO1", 7]]);
    // 8 of 16 still incoming: the newer PO's 6, then 2 of the older one's 10.
    expect(native("NATIVE-PART-RECEIVED")).toEqual([["#PO2", 2], ["#PO3", 6]]);
    // The transfer's 3 stay plain incoming.
    expect(native("NATIVE-AND-TRANSFER")).toEqual([["#PO4", 5]]);
    expect(native("NATIVE-AND-STOCKCAST")).toEqual([["#PO5", 6]]);
    expect(native("NATIVE-AND-STOCKY")).toEqual([["#PO6", 5]]);
    expect(native("DRAFT-OR-ARCHIVED")).toEqual([]);
    for (const sku of SKUS) {
      const row = rowOf(sku);
      expect(row.nativePos.reduce((n, p) => n + p.units, 0)).toBeLessThanOrEqual(row.onOrder);
    }

    // Ordered 05:00 UTC on 1 Dec is 30 Nov in Los Angeles; expected = that day + the plan's lead time.
    const po1 = rowOf("ONLY-NATIVE").nativePos[0];
    const line = await prisma.replenishmentLine.findFirstOrThrow({ where: { shop, variantId: variants["ONLY-NATIVE"] } });
    expect(po1).toEqual({ name: "#PO1", supplier: "Acme Outdoor", supplierSku: "AC-77", units: 7, orderedOn: "2026-11-30", expectedOn: addDays("2026-11-30", Math.ceil(line.leadTimeDays)) });

    const detail = await getForecastDetail(shop, variants["NATIVE-PART-RECEIVED"], locationId, NOW);
    expect(detail?.numbers?.why.stock.onOrder).toBe(8);
    expect(detail?.numbers?.nativePos.map((p) => [p.name, p.supplier, p.units, p.orderedOn])).toEqual([
      ["#PO2", "Acme Outdoor", 2, "2026-11-20"],
      ["#PO3", "Trailhead Supply", 6, "2026-12-03"],
    ]);

    // A PO received in Shopify drops out of the next read (and out of incoming).
    fake.store.inventoryPurchaseOrders = NATIVE_POS.filter((p) => p.name !== "#PO1");
    await prisma.inventoryLevel.updateMany({ where: { shop, variantId: variants["ONLY-NATIVE"] }, data: { incoming: 0 } });
    await queue.enqueue(NATIVE_PURCHASE_ORDERS_JOB, { shop });
    await runAll();
    expect(await prisma.nativePurchaseOrderLine.count({ where: { shop, name: "#PO1" } })).toBe(0);
    expect((await onOrderBySku(shop, variants))["ONLY-NATIVE"]).toBe(0);
  });

  it("without the scope nothing is read, stored or changed; a revoked scope drops the lines, a granted one reads them", async () => {
    const { shop, fake, variants } = await seedShop("native-none", BASE_SCOPES);
    const before = await onOrderBySku(shop, variants);
    await queue.enqueue(QUANTITIES_SWEEP_JOB, { shop: "*" });
    await runAll();
    expect(queue.of(shop, NATIVE_PURCHASE_ORDERS_JOB)).toHaveLength(0);
    expect(poCalls(fake)).toHaveLength(0);
    const admin = createAdminClient((await unauthenticated.admin(shop)).admin);
    expect(await syncNativePurchaseOrders(shop, admin)).toEqual({ outcome: "no scope", cleared: 0 });
    expect(poCalls(fake)).toHaveLength(0);
    expect(await prisma.nativePurchaseOrderLine.count({ where: { shop } })).toBe(0);
    const replenishment = await getReplenishment(shop, { page: 1, pageSize: 50, sort: "stockout" });
    expect(replenishment.rows.every((r) => r.nativePos.length === 0)).toBe(true);
    expect(await onOrderBySku(shop, variants)).toEqual(before);

    // The merchant grants the scope: the native POs are read at once, not at the next sweep.
    await postScopes(shop, WITH_SCOPE);
    await runAll();
    expect(poCalls(fake)).toHaveLength(2);
    expect(await prisma.nativePurchaseOrderLine.count({ where: { shop } })).toBe(6);

    // Revoked: the lines go with the scope.
    await postScopes(shop, BASE_SCOPES);
    expect(await prisma.nativePurchaseOrderLine.count({ where: { shop } })).toBe(0);
  });

  it("a shop Shopify refuses the field to keeps its lines and the job does not fail", async () => {
    const { shop, fake } = await seedShop("native-refused", WITH_SCOPE);
    await queue.enqueue(NATIVE_PURCHASE_ORDERS_JOB, { shop });
    await runAll();
    expect(await prisma.nativePurchaseOrderLine.count({ where: { shop } })).toBe(6);
    fake.script({ kind: "errors", message: "Field 'inventoryPurchaseOrders' doesn't exist on type 'QueryRoot'", code: "undefinedField" });
    await queue.enqueue(NATIVE_PURCHASE_ORDERS_JOB, { shop });
    expect(await runAll()).toMatchObject({ completed: 1, failed: 0 });
    expect(poCalls(fake)).toHaveLength(3);
    expect(await prisma.nativePurchaseOrderLine.count({ where: { shop } })).toBe(6);
  });
});
