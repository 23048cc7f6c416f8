// Shopify sync, end to end: HMAC-signed deliveries to the real webhook routes → WebhookEvent → a per-shop
// drain-webhooks job (pg-boss on PostgreSQL, the Job table on SQLite) → OrderLine / DemandDay / catalog / inventory rows. Runs on both databases.
import crypto from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { getJobQueue } from "~/jobs/index.server";
import { getSyncHealth } from "~/services/sync/health.server";
import { processWebhookEvent, reprocessWebhookEvent } from "~/services/sync/process-webhook.server";
import { routeForTopic, type WebhookTopic } from "~/shopify/webhook-topics";
import { signedWebhook } from "../setup/signed-webhook";

const SECRET = "test-api-secret";
const uniqueShop = (label: string) => `${label}-${crypto.randomUUID().slice(0, 8)}.myshopify.com`;
const fixture = (name: string) => JSON.parse(readFileSync(`tests/fixtures/webhooks/${name}.json`, "utf8")) as Record<string, unknown>;

const VARIANT = "gid://shopify/ProductVariant/45210000000037";
const LOCATION = "gid://shopify/Location/78412305521";
const LINE = "gid://shopify/LineItem/16100000000001";

async function post(topic: WebhookTopic, shop: string, body: unknown, webhookId: string = crypto.randomUUID(), rawBody?: string): Promise<Response> {
  const route = routeForTopic(topic);
  const mod = await import(`~/routes/webhooks.${route.replace("/webhooks/", "").replace(/\//g, ".")}.tsx`);
  const request = signedWebhook({ url: `https://stockcast.example${route}`, topic, shop, body, secret: SECRET, webhookId, rawBody });
  try {
    return (await mod.action({ request, params: {}, context: {} })) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

/** Delivers one webhook and works the queue, retries included (tests don't wait out backoffs). */
async function deliver(topic: WebhookTopic, shop: string, body: unknown, webhookId?: string) {
  const response = await post(topic, shop, body, webhookId);
  expect(response.status).toBe(200);
  await getJobQueue().runDue({ includeDelayed: true });
}

async function installShop(shop: string, ianaTimezone = "America/Los_Angeles") {
  await prisma.shop.create({ data: { shop, name: shop, ianaTimezone } });
  await deliver("locations/create", shop, fixture("locations_create"));
  await deliver("products/create", shop, fixture("products_create"));
}

async function ids(shop: string) {
  const variant = await prisma.variant.findUniqueOrThrow({ where: { shop_shopifyId: { shop, shopifyId: VARIANT } } });
  const location = await prisma.location.findUniqueOrThrow({ where: { shop_shopifyId: { shop, shopifyId: LOCATION } } });
  return { variantId: variant.id, locationId: location.id };
}

async function demand(shop: string) {
  const rows = await prisma.demandDay.findMany({ where: { shop }, orderBy: { date: "asc" } });
  return rows.map((r) => ({ date: r.date, units: r.units, revenue: Number(r.revenue.toString()), orders: r.orders }));
}

afterAll(async () => {
  await getJobQueue().stop();
  globalThis.__stockcastJobQueue = undefined;
});

describe("sync: catalog", () => {
  it("mirrors locations, products, variants and vendors keyed on GIDs", async () => {
    const shop = uniqueShop("catalog");
    await installShop(shop);
    const product = await prisma.product.findUniqueOrThrow({ where: { shop_shopifyId: { shop, shopifyId: "gid://shopify/Product/8614000000101" } }, include: { vendor: true, variants: true } });
    expect(product.title).toBe("Ridgeline Insulated Parka");
    expect(product.vendor?.name).toBe("Northwind Apparel Co.");
    expect(product.variants.map((v) => [v.sku, v.inventoryItemId]).sort()).toEqual([
      ["MM-OUT-001-L", "gid://shopify/InventoryItem/47380000000111"],
      ["MM-OUT-001-M", "gid://shopify/InventoryItem/47380000000074"],
      ["MM-OUT-001-S", "gid://shopify/InventoryItem/47380000000037"],
      ["MM-OUT-001-XL", "gid://shopify/InventoryItem/47380000000148"],
    ]);
    await deliver("inventory_items/update", shop, fixture("inventory_items_update"));
    const variant = await prisma.variant.findUniqueOrThrow({ where: { shop_shopifyId: { shop, shopifyId: VARIANT } } });
    expect(variant.unitCost?.toString()).toBe("84.5");
    // a product update listing one variant tombstones the others; the same payload again changes nothing
    const update: Record<string, unknown> = { ...fixture("products_create"), updated_at: "2026-11-10T08:00:00-08:00" };
    update.variants = (update.variants as unknown[]).slice(0, 1);
    await deliver("products/update", shop, update);
    await deliver("products/update", shop, update);
    const variants = await prisma.variant.findMany({ where: { shop }, orderBy: { sku: "asc" } });
    expect(variants.map((v) => [v.sku, v.deletedAt !== null])).toEqual([
      ["MM-OUT-001-L", true],
      ["MM-OUT-001-M", true],
      ["MM-OUT-001-S", false],
      ["MM-OUT-001-XL", true],
    ]);
    expect(await prisma.vendor.count({ where: { shop } })).toBe(1);
  });
});

describe("sync: orders → DemandDay", () => {
  it("applies the same webhook id delivered 5 times once", async () => {
    const shop = uniqueShop("dupe");
    await installShop(shop);
    const webhookId = crypto.randomUUID();
    for (let i = 0; i < 5; i++) expect((await post("orders/create", shop, fixture("orders_create"), webhookId)).status).toBe(200);
    await getJobQueue().runDue({ includeDelayed: true });
    for (let i = 0; i < 2; i++) await deliver("orders/create", shop, fixture("orders_create"), webhookId);
    expect(await prisma.webhookEvent.count({ where: { shop, topic: "orders/create" } })).toBe(1);
    expect(await prisma.orderLine.count({ where: { shop } })).toBe(1);
    // 15:45 in Los Angeles on the 21st (23:45 UTC): the shop's local date
    expect(await demand(shop)).toEqual([{ date: "2026-11-21", units: 3, revenue: 567, orders: 1 }]);
    // the same order under a new delivery id (Shopify re-sent the event) is still counted once
    await deliver("orders/create", shop, fixture("orders_create"));
    expect(await demand(shop)).toEqual([{ date: "2026-11-21", units: 3, revenue: 567, orders: 1 }]);
  });

  it("create → quantity edit → refund gives the hand-computed DemandDay, whatever arrives late or twice", async () => {
    const shop = uniqueShop("edits");
    await installShop(shop);
    await deliver("orders/create", shop, fixture("orders_create"));
    expect(await demand(shop)).toEqual([{ date: "2026-11-21", units: 3, revenue: 567, orders: 1 }]);
    // order edit removes one unit: current_quantity 3 → 2
    await deliver("orders/updated", shop, fixture("orders_updated"));
    expect(await demand(shop)).toEqual([{ date: "2026-11-21", units: 2, revenue: 378, orders: 1 }]);
    // one unit returned two days later: it corrects the day it was sold, 2 − 1 = 1 unit, 1 × 189.00
    const refundWebhookId = crypto.randomUUID();
    await deliver("refunds/create", shop, fixture("refunds_create"), refundWebhookId);
    expect(await demand(shop)).toEqual([{ date: "2026-11-21", units: 1, revenue: 189, orders: 1 }]);
    const line = await prisma.orderLine.findUniqueOrThrow({ where: { shop_lineItemGid: { shop, lineItemGid: LINE } } });
    expect([line.quantity, line.currentQuantity, line.refundedQuantity]).toEqual([3, 2, 1]);
    // the orders/updated the refund triggers lists the refund and current_quantity 1: not counted twice
    const afterRefund = fixture("orders_updated");
    afterRefund.updated_at = "2026-11-23T10:15:30-05:00";
    (afterRefund.line_items as Record<string, unknown>[])[0].current_quantity = 1;
    afterRefund.refunds = [{ id: 930000000001, created_at: "2026-11-23T10:15:00-05:00", refund_line_items: fixture("refunds_create").refund_line_items }];
    await deliver("orders/updated", shop, afterRefund);
    expect(await demand(shop)).toEqual([{ date: "2026-11-21", units: 1, revenue: 189, orders: 1 }]);
    // a stale orders/create arriving last, and the refund re-sent under a new delivery id: no change
    await deliver("orders/create", shop, fixture("orders_create"));
    await deliver("refunds/create", shop, fixture("refunds_create"));
    await deliver("refunds/create", shop, fixture("refunds_create"), refundWebhookId);
    expect(await demand(shop)).toEqual([{ date: "2026-11-21", units: 1, revenue: 189, orders: 1 }]);
  });

  it("books an order on the shop's local date and a web order on the default location", async () => {
    const la = uniqueShop("la");
    const utc = uniqueShop("utc");
    await installShop(la, "America/Los_Angeles");
    await installShop(utc, "UTC");
    const lateEvening = {
      ...fixture("orders_create"),
      admin_graphql_api_id: "gid://shopify/Order/6100000000002",
      id: 6100000000002,
      created_at: "2026-11-20T23:30:00-08:00",
      processed_at: "2026-11-20T23:30:00-08:00",
      updated_at: "2026-11-20T23:30:05-08:00",
      location_id: null,
      line_items: [{ ...(fixture("orders_create").line_items as object[])[0], admin_graphql_api_id: "gid://shopify/LineItem/16100000000002", id: 16100000000002 }],
    };
    await deliver("orders/create", la, lateEvening);
    await deliver("orders/create", utc, lateEvening);
    expect((await demand(la)).map((d) => d.date)).toEqual(["2026-11-20"]);
    expect((await demand(utc)).map((d) => d.date)).toEqual(["2026-11-21"]);
    const [day] = await prisma.demandDay.findMany({ where: { shop: la } });
    expect(day.locationId).toBe((await ids(la)).locationId);
  });

  it("orders/cancelled removes the demand", async () => {
    const shop = uniqueShop("cancel");
    await installShop(shop);
    await deliver("orders/create", shop, fixture("orders_create"));
    expect(await demand(shop)).toHaveLength(1);
    await deliver("orders/cancelled", shop, fixture("orders_cancelled"));
    expect(await demand(shop)).toEqual([]);
    const line = await prisma.orderLine.findUniqueOrThrow({ where: { shop_lineItemGid: { shop, lineItemGid: LINE } } });
    expect(line.cancelledAt?.toISOString()).toBe("2026-11-22T17:00:00.000Z");
  });

  it("links an order that arrived before its product once the product lands", async () => {
    const shop = uniqueShop("orphan");
    await prisma.shop.create({ data: { shop, name: shop, ianaTimezone: "America/Los_Angeles" } });
    await deliver("locations/create", shop, fixture("locations_create"));
    await deliver("orders/create", shop, fixture("orders_create"));
    expect(await demand(shop)).toEqual([]);
    await deliver("products/create", shop, fixture("products_create"));
    expect(await demand(shop)).toEqual([{ date: "2026-11-21", units: 3, revenue: 567, orders: 1 }]);
  });

  it("books web orders taken before any location was synced at the first location that arrives", async () => {
    const shop = uniqueShop("nolocation");
    await prisma.shop.create({ data: { shop, name: shop, ianaTimezone: "America/Los_Angeles" } });
    await deliver("products/create", shop, fixture("products_create"));
    await deliver("orders/create", shop, { ...fixture("orders_create"), location_id: null });
    expect(await demand(shop)).toEqual([]);
    await deliver("locations/create", shop, fixture("locations_create"));
    expect(await demand(shop)).toEqual([{ date: "2026-11-21", units: 3, revenue: 567, orders: 1 }]);
    expect((await prisma.demandDay.findFirstOrThrow({ where: { shop } })).locationId).toBe((await ids(shop)).locationId);
  });

  it("keeps numeric ids above 2^53 exact (the raw body is parsed losslessly)", async () => {
    const shop = uniqueShop("bigint");
    await installShop(shop);
    const big = "9007199254740993"; // 2^53 + 1: JSON.parse would turn it into ...992
    const product = fixture("products_create");
    const variants = product.variants as Record<string, unknown>[];
    variants[0] = { ...variants[0], admin_graphql_api_id: `gid://shopify/ProductVariant/${big}`, inventory_item_id: "__ITEM__" };
    const productRaw = JSON.stringify({ ...product, updated_at: "2026-11-15T08:00:00-08:00" }).replace('"__ITEM__"', big);
    expect((await post("products/update", shop, null, crypto.randomUUID(), productRaw)).status).toBe(200);
    const order = fixture("orders_create");
    order.line_items = [{ ...(order.line_items as object[])[0], variant_id: "__VARIANT__" }];
    expect((await post("orders/create", shop, null, crypto.randomUUID(), JSON.stringify(order).replace('"__VARIANT__"', big))).status).toBe(200);
    const level = { ...fixture("inventory_levels_update"), inventory_item_id: "__ITEM__" };
    expect((await post("inventory_levels/update", shop, null, crypto.randomUUID(), JSON.stringify(level).replace('"__ITEM__"', big))).status).toBe(200);
    await getJobQueue().runDue({ includeDelayed: true });
    const variant = await prisma.variant.findUniqueOrThrow({ where: { shop_shopifyId: { shop, shopifyId: `gid://shopify/ProductVariant/${big}` } } });
    expect(variant.inventoryItemId).toBe(`gid://shopify/InventoryItem/${big}`);
    const line = await prisma.orderLine.findUniqueOrThrow({ where: { shop_lineItemGid: { shop, lineItemGid: LINE } } });
    expect([line.variantGid, line.variantId]).toEqual([`gid://shopify/ProductVariant/${big}`, variant.id]);
    expect(await prisma.inventoryLevel.count({ where: { shop, variantId: variant.id } })).toBe(1);
    expect(await prisma.webhookEvent.count({ where: { shop, status: { not: "processed" } } })).toBe(0);
  });

  it("loses no units when orders for the same day are applied concurrently", async () => {
    const shop = uniqueShop("concurrent");
    await installShop(shop);
    const orders = Array.from({ length: 8 }, (_, i) => {
      const order = fixture("orders_create");
      order.admin_graphql_api_id = `gid://shopify/Order/${7000 + i}`;
      order.line_items = [{ ...(order.line_items as object[])[0], admin_graphql_api_id: `gid://shopify/LineItem/${8000 + i}`, id: 8000 + i }];
      return order;
    });
    for (const order of orders) expect((await post("orders/create", shop, order)).status).toBe(200);
    const events = await prisma.webhookEvent.findMany({ where: { shop, topic: "orders/create" } });
    // several workers at once (PostgreSQL); a loser of a lock race fails and is retried by the queue
    const outcomes = await Promise.allSettled(events.map((e) => processWebhookEvent(shop, e.id)));
    for (const [i, o] of outcomes.entries()) if (o.status === "rejected") await processWebhookEvent(shop, events[i].id);
    expect(await demand(shop)).toEqual([{ date: "2026-11-21", units: 24, revenue: 4536, orders: 8 }]);
    await getJobQueue().runDue({ includeDelayed: true });
    expect(await demand(shop)).toEqual([{ date: "2026-11-21", units: 24, revenue: 4536, orders: 8 }]);
  });

  it("stores no customer fields from order payloads", async () => {
    const shop = uniqueShop("privacy");
    await installShop(shop);
    await deliver("orders/create", shop, fixture("orders_create"));
    const event = await prisma.webhookEvent.findFirstOrThrow({ where: { shop, topic: "orders/create" } });
    expect(event.payload).not.toMatch(/jo\.rivera|Rivera|Alder St|\+1503/);
    expect(JSON.parse(event.payload!).name).toBe("#9001");
  });
});

describe("sync: inventory", () => {
  it("keeps the newest level when updates arrive out of order and snapshots the local day", async () => {
    const shop = uniqueShop("inventory");
    await installShop(shop);
    const level = (available: number, updatedAt: string) => ({ ...fixture("inventory_levels_update"), available, updated_at: updatedAt });
    await deliver("inventory_levels/update", shop, level(7, "2026-11-21T18:50:00-05:00"));
    await deliver("inventory_levels/update", shop, level(3, "2026-11-21T18:40:00-05:00")); // older, arrives later
    const key = await ids(shop);
    const stored = await prisma.inventoryLevel.findUniqueOrThrow({ where: { shop_variantId_locationId: { shop, ...key } } });
    expect(stored.available).toBe(7);
    let snapshot = await prisma.inventorySnapshot.findUniqueOrThrow({ where: { shop_variantId_locationId_date: { shop, ...key, date: "2026-11-21" } } });
    expect([snapshot.available, snapshot.stockedOut]).toEqual([7, false]);
    await deliver("inventory_levels/update", shop, level(0, "2026-11-21T19:00:00-05:00"));
    snapshot = await prisma.inventorySnapshot.findUniqueOrThrow({ where: { shop_variantId_locationId_date: { shop, ...key, date: "2026-11-21" } } });
    expect([snapshot.available, snapshot.stockedOut]).toEqual([0, true]);
    await deliver("inventory_levels/disconnect", shop, level(0, "2026-11-21T19:05:00-05:00"));
    expect(await prisma.inventoryLevel.count({ where: { shop } })).toBe(0);
  });
});

describe("sync: failures", () => {
  it("stores a payload failing its schema raw as failed, answers 200, applies nothing, and can re-process it", async () => {
    const shop = uniqueShop("schema");
    await installShop(shop);
    const bad = { ...fixture("orders_create"), line_items: [{ quantity: -1 }] };
    expect((await post("orders/create", shop, bad)).status).toBe(200);
    await getJobQueue().runDue({ includeDelayed: true });
    const event = await prisma.webhookEvent.findFirstOrThrow({ where: { shop, topic: "orders/create" } });
    expect(event.status).toBe("failed");
    expect(event.error).toMatch(/line_items\.0/);
    expect(JSON.parse(event.payload!).line_items).toEqual([{ quantity: -1 }]);
    expect(await prisma.orderLine.count({ where: { shop } })).toBe(0);
    // re-processing runs today's schema on the stored payload: still invalid, still nothing applied
    const again = await reprocessWebhookEvent(shop, event.id);
    expect(again.outcome).toBe("failed");
    expect(again.error).toMatch(/line_items\.0/);
    expect(await prisma.orderLine.count({ where: { shop } })).toBe(0);
    const health = await getSyncHealth(shop);
    expect(health.status).toBe("attention");
    expect(health.webhooks.recentFailures.map((f) => [f.id, f.topic])).toEqual([[event.id, "orders/create"]]);
  });

  it("marks an event failed with its error after retries, and re-processes it after the fix", async () => {
    const shop = uniqueShop("retry");
    await prisma.shop.create({ data: { shop, name: shop } });
    await deliver("locations/create", shop, fixture("locations_create"));
    await deliver("inventory_levels/update", shop, fixture("inventory_levels_update")); // no product yet
    const event = await prisma.webhookEvent.findFirstOrThrow({ where: { shop, topic: "inventory_levels/update" } });
    expect(event.status).toBe("failed");
    expect(event.error).toBe("no variant with inventory item gid://shopify/InventoryItem/47380000000037 yet");
    expect(event.attempts).toBe(5);
    const health = await getSyncHealth(shop);
    const job = health.jobs.recent.find((j) => j.name === "process-webhook" && j.status === "failed");
    // The shop's drain made the first attempt and handed the event to a retrying job.
    const retries = 4;
    expect(job).toMatchObject({ attempts: retries, maxAttempts: retries, lastError: event.error });
    await deliver("products/create", shop, fixture("products_create"));
    expect(await reprocessWebhookEvent(shop, event.id)).toEqual({ outcome: "processed", error: null });
    expect((await prisma.inventoryLevel.findFirstOrThrow({ where: { shop } })).available).toBe(3);
    expect((await prisma.webhookEvent.findUniqueOrThrow({ where: { id: event.id } })).status).toBe("processed");
  });
});

describe("sync: lost hand-off", () => {
  it("re-enqueues an event recorded but never handed off when Shopify redelivers it", async () => {
    const shop = uniqueShop("handoff");
    await installShop(shop);
    const webhookId = crypto.randomUUID();
    // the process died between recording the event and enqueueing its job (so the route answered 500)
    await prisma.webhookEvent.create({ data: { shop, webhookId, topic: "orders/create", payload: JSON.stringify(fixture("orders_create")) } });
    await getJobQueue().runDue({ includeDelayed: true });
    expect(await demand(shop)).toEqual([]);
    await deliver("orders/create", shop, fixture("orders_create"), webhookId); // Shopify's retry
    expect(await demand(shop)).toEqual([{ date: "2026-11-21", units: 3, revenue: 567, orders: 1 }]);
    expect(await prisma.webhookEvent.count({ where: { shop, topic: "orders/create" } })).toBe(1);
  });
});

describe("sync: shops are isolated", () => {
  it("never lets shop A's webhooks change shop B's rows", async () => {
    const a = uniqueShop("shop-a");
    const b = uniqueShop("shop-b");
    await installShop(a);
    await installShop(b);
    await deliver("inventory_levels/update", b, fixture("inventory_levels_update"));
    const before = {
      lines: await prisma.orderLine.findMany({ where: { shop: b } }),
      demand: await demand(b),
      levels: await prisma.inventoryLevel.findMany({ where: { shop: b } }),
      variants: await prisma.variant.findMany({ where: { shop: b } }),
    };
    await deliver("orders/create", a, fixture("orders_create"));
    await deliver("refunds/create", a, fixture("refunds_create"));
    await deliver("inventory_levels/update", a, { ...fixture("inventory_levels_update"), available: 99, updated_at: "2026-11-22T10:00:00-05:00" });
    await deliver("inventory_items/update", a, fixture("inventory_items_update"));
    await deliver("products/delete", a, { id: 8614000000101 });
    expect(await demand(a)).toEqual([{ date: "2026-11-21", units: 2, revenue: 378, orders: 1 }]);
    expect({
      lines: await prisma.orderLine.findMany({ where: { shop: b } }),
      demand: await demand(b),
      levels: await prisma.inventoryLevel.findMany({ where: { shop: b } }),
      variants: await prisma.variant.findMany({ where: { shop: b } }),
    }).toEqual(before);
  });

  it("app/uninstalled cancels the shop's pending jobs", async () => {
    const shop = uniqueShop("uninstall");
    await installShop(shop);
    expect((await post("orders/create", shop, fixture("orders_create"))).status).toBe(200);
    expect((await getSyncHealth(shop)).jobs.queued).toBe(1);
    expect((await post("app/uninstalled", shop, { myshopify_domain: shop })).status).toBe(200);
    await getJobQueue().runDue({ includeDelayed: true });
    const health = await getSyncHealth(shop);
    expect(health.jobs.queued).toBe(0);
    expect(health.jobs.recent.find((j) => j.name === "drain-webhooks")?.status).toBe("cancelled");
    expect(await prisma.orderLine.count({ where: { shop } })).toBe(0);
  });
});
