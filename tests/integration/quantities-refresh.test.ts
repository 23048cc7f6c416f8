// Issue 14, item 1: on hand, committed, incoming and reserved follow the stock webhooks through the Admin API
// (the HTTP fake answers InventoryItemQuantities by executing it against the pinned schema), batched and
// debounced per shop, within the rate limit, plus a daily sweep; and a variant's inventory policy decides
// whether negative available counts as backorders. Runs on both databases.
import { createShop, uniqueShop } from "../factories";
import { conn, fakeShop, server, type ShopifyFake } from "../setup/shopify-fake";
import crypto from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { registerJobs } from "~/jobs/index.server";
import { createJobQueue } from "~/jobs/queue.server";
import { RecordingQueue } from "../setup/recording-queue";
import { variantsTouchedSince } from "~/models/planning-inputs.server";
import { shopsDueForQuantitySweep } from "~/models/quantity-refresh.server";
import { getForecastDetail } from "~/services/forecasts.server";
import { planShop } from "~/services/planning/plan-shop.server";
import { getReplenishment } from "~/services/replenishment.server";
import { sweepShopQuantities } from "~/services/sync/quantities.server";
import { routeForTopic, type WebhookTopic } from "~/shopify/webhook-topics";
import { addDays, localDate } from "~/lib/time";
import { PLAN_TOUCHED_JOB, REFRESH_QUANTITIES_JOB } from "~/utils/job-names";
import { storeAdminSession } from "../setup/admin-request";
import { signedWebhook } from "../setup/signed-webhook";

const SECRET = "test-api-secret";
const fixture = (name: string) => JSON.parse(readFileSync(`tests/fixtures/webhooks/${name}.json`, "utf8")) as Record<string, unknown>;
const LOCATION = "gid://shopify/Location/78412305521";
const VARIANT = (n: string) => `gid://shopify/ProductVariant/452100000${n}`;
const ITEM = (n: string) => `gid://shopify/InventoryItem/473800000${n}`;
const S = "00037";
const M = "00074";
const L = "00111";


/** Sleeps the Admin client asked for (throttling, pacing): recorded, not waited. */
const waits: number[] = [];
const queue = new RecordingQueue(createJobQueue(process.env.DATABASE_URL!, { supervise: false, schedule: false }));
registerJobs(queue, { quantities: { client: { sleep: async (ms) => void waits.push(ms), random: () => 0 } } });
globalThis.__stockcastJobQueue = queue;

afterAll(async () => {
  server.close();
  await queue.stop();
  globalThis.__stockcastJobQueue = undefined;
});

beforeEach(() => {
  waits.length = 0;
});

async function post(topic: WebhookTopic, shop: string, body: unknown): Promise<void> {
  const route = routeForTopic(topic);
  const mod = await import(`~/routes/webhooks.${route.replace("/webhooks/", "").replace(/\//g, ".")}.tsx`);
  const request = signedWebhook({ url: `https://stockcast.example${route}`, topic, shop, body, secret: SECRET, webhookId: crypto.randomUUID() });
  const response = (await mod.action({ request, params: {}, context: {} })) as Response;
  expect(response.status).toBe(200);
}

/** Applies what is due now: webhooks, not the debounced refresh (5 s later) nor other delayed jobs. */
const runDueNow = () => queue.runDue();
/** Works everything queued, delays included (the queue's poller a few seconds later). */
const runAll = () => queue.runDue({ includeDelayed: true, now: new Date(Date.now() + 60_000) });

interface LevelSpec {
  updatedAt: string;
  available: number;
  onHand: number;
  committed: number;
  incoming: number;
  reserved: number;
}

/** A Shopify inventory item with one level at LOCATION, as the Admin API schema shapes it. */
function item(id: string, level: LevelSpec) {
  return {
    id,
    inventoryLevels: conn([
      {
        id: `gid://shopify/InventoryLevel/1?inventory_item_id=${id.split("/").pop()}`,
        updatedAt: level.updatedAt,
        location: { id: LOCATION },
        quantities: [
          { name: "available", quantity: level.available },
          { name: "on_hand", quantity: level.onHand },
          { name: "committed", quantity: level.committed },
          { name: "incoming", quantity: level.incoming },
          { name: "reserved", quantity: level.reserved },
        ],
      },
    ]),
  };
}

/** A shop with the products_create fixture (four variants at one location) and its fake Admin API. */
async function installShop(label: string, items: ReturnType<typeof item>[]): Promise<{ shop: string; fake: ShopifyFake }> {
  const shop = uniqueShop(label);
  await storeAdminSession(shop);
  const fake = fakeShop(shop, { shop: { name: shop, ianaTimezone: "UTC", currencyCode: "USD" }, items });
  fake.roots.set("FlowTriggerReceive", () => ({ flowTriggerReceive: { userErrors: [] } }));
  await createShop(shop, { shop, orderingCost: "0" });
  await post("locations/create", shop, fixture("locations_create"));
  await post("products/create", shop, fixture("products_create"));
  await runAll();
  return { shop, fake };
}

async function level(shop: string, n: string) {
  const variant = await prisma.variant.findUniqueOrThrow({ where: { shop_shopifyId: { shop, shopifyId: VARIANT(n) } } });
  return prisma.inventoryLevel.findFirstOrThrow({ where: { shop, variantId: variant.id } });
}

const quantityCalls = (fake: ShopifyFake) => fake.calls.filter((c) => c.operationName === "InventoryItemQuantities");

describe("quantities refresh after stock webhooks", () => {
  it("an order touching two items costs one batched request after the debounce, updates both levels and re-plans exactly those variants", async () => {
    const t = "2026-11-22T10:00:00Z";
    const { shop, fake } = await installShop("qty-batch", [
      item(ITEM(S), { updatedAt: t, available: 7, onHand: 12, committed: 3, incoming: 20, reserved: 2 }),
      item(ITEM(M), { updatedAt: t, available: 4, onHand: 5, committed: 1, incoming: 0, reserved: 0 }),
      item(ITEM(L), { updatedAt: t, available: 9, onHand: 9, committed: 0, incoming: 0, reserved: 0 }),
    ]);
    // The three levels exist as an older sync left them.
    const location = await prisma.location.findUniqueOrThrow({ where: { shop_shopifyId: { shop, shopifyId: LOCATION } } });
    for (const n of [S, M, L]) {
      const variant = await prisma.variant.findUniqueOrThrow({ where: { shop_shopifyId: { shop, shopifyId: VARIANT(n) } } });
      await prisma.inventoryLevel.create({ data: { shop, variantId: variant.id, locationId: location.id, available: 1, shopifyUpdatedAt: new Date("2026-11-20T00:00:00Z") } });
    }
    fake.calls.length = 0;
    queue.enqueued.length = 0;

    const order = fixture("orders_create") as { line_items: Record<string, unknown>[] } & Record<string, unknown>;
    const second = { ...order.line_items[0], id: 16100000000002, admin_graphql_api_id: "gid://shopify/LineItem/16100000000002", variant_id: Number(`452100000${M}`), quantity: 1 };
    await post("orders/create", shop, { ...order, line_items: [order.line_items[0], second] });
    await runDueNow();
    // Applied; the refresh waits out its debounce (one job per shop, 5 s after the touch).
    expect(await prisma.orderLine.count({ where: { shop } })).toBe(2);
    expect(quantityCalls(fake)).toHaveLength(0);
    const refreshes = queue.of(shop, REFRESH_QUANTITIES_JOB);
    expect(refreshes).toHaveLength(1);
    expect(refreshes[0].options?.singletonKey).toBe(`refresh-quantities:${shop}`);
    expect(refreshes[0].options!.runAt!.getTime()).toBeGreaterThan(Date.now() + 3_000);
    const appliedAt = new Date();

    await runAll();
    const calls = quantityCalls(fake);
    expect(calls).toHaveLength(1);
    expect((calls[0].variables.ids as string[]).sort()).toEqual([ITEM(S), ITEM(M)].sort());
    expect(calls[0].variables.levels).toBe(1);
    expect(await level(shop, S)).toMatchObject({ available: 7, onHand: 12, committed: 3, incoming: 20, reserved: 2 });
    expect(await level(shop, M)).toMatchObject({ available: 4, onHand: 5, committed: 1, incoming: 0, reserved: 0 });
    // The untouched item was not read.
    expect(await level(shop, L)).toMatchObject({ available: 1, onHand: 0 });
    expect(await prisma.quantityRefresh.count({ where: { shop } })).toBe(0);
    // The touched plan follows, and what it re-plans since the order was applied is exactly these two variants.
    expect(queue.of(shop, PLAN_TOUCHED_JOB).length).toBeGreaterThan(0);
    const variantIds = await prisma.variant.findMany({ where: { shop, shopifyId: { in: [VARIANT(S), VARIANT(M)] } }, select: { id: true } });
    expect(await variantsTouchedSince(shop, appliedAt, 100)).toEqual(variantIds.map((v) => v.id).sort());

    // Reading the same state again (a webhook repeating it) writes nothing: the plan has nothing to redo.
    await post("inventory_levels/update", shop, { inventory_item_id: Number(`473800000${S}`), location_id: 78412305521, available: 7, updated_at: t });
    await runDueNow();
    const before = await level(shop, S);
    await runAll();
    expect(quantityCalls(fake)).toHaveLength(2);
    expect((await level(shop, S)).updatedAt).toEqual(before.updatedAt);

    // A refund touches the refunded line's item (restocking may change on hand).
    await post("refunds/create", shop, fixture("refunds_create"));
    await runDueNow();
    expect((await prisma.quantityRefresh.findMany({ where: { shop } })).map((r) => r.inventoryItemId)).toEqual([ITEM(S)]);
    await runAll();
    expect(quantityCalls(fake).at(-1)?.variables.ids).toEqual([ITEM(S)]);
  });

  it("waits out a THROTTLED answer for as long as the cost bucket needs, then reads", async () => {
    const { shop, fake } = await installShop("qty-throttle", [item(ITEM(S), { updatedAt: "2026-11-22T10:00:00Z", available: 2, onHand: 6, committed: 4, incoming: 0, reserved: 0 })]);
    fake.calls.length = 0;
    fake.script({ kind: "throttled", requested: 500, available: 100, restoreRate: 100 });
    await post("inventory_levels/update", shop, { inventory_item_id: Number(`473800000${S}`), location_id: 78412305521, available: 2, updated_at: "2026-11-22T09:00:00Z" });
    await runAll();
    expect(quantityCalls(fake)).toHaveLength(2);
    // (500 − 100) points at 100 points/s = 4 s before the retry.
    expect(waits).toContain(4000);
    expect(await level(shop, S)).toMatchObject({ available: 2, onHand: 6, committed: 4 });
  });

  it("paces the next request when the bucket reported by the last one cannot pay for it", async () => {
    const items = Array.from({ length: 60 }, (_, i) => item(`gid://shopify/InventoryItem/99${String(i).padStart(6, "0")}`, { updatedAt: "2026-11-22T10:00:00Z", available: i, onHand: i + 1, committed: 1, incoming: 0, reserved: 0 }));
    const { shop, fake } = await installShop("qty-pace", items);
    const product = await prisma.product.findFirstOrThrow({ where: { shop } });
    await prisma.variant.createMany({ data: items.map((it, i) => ({ shop, productId: product.id, shopifyId: `gid://shopify/ProductVariant/99${i}`, title: `V${i}`, inventoryItemId: it.id })) });
    // The last answer left 10 points and cost 400: the next batch waits (400 − 10) / 100 s.
    fake.cost = { requestedQueryCost: 500, actualQueryCost: 400, throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 10, restoreRate: 100 } };
    fake.calls.length = 0;
    await sweepShopQuantities(shop, new Date());
    await queue.enqueue(REFRESH_QUANTITIES_JOB, { shop });
    await runAll();
    // 64 items (the fixture's 4 + 60) at one location: 50 per request.
    expect(quantityCalls(fake).map((c) => (c.variables.ids as string[]).length)).toEqual([50, 14]);
    expect(waits).toContain(3900);
    const created = await prisma.inventoryLevel.findMany({ where: { shop, variant: { shopifyId: { startsWith: "gid://shopify/ProductVariant/99" } } } });
    expect(created).toHaveLength(60);
  });
});

describe("older data never overwrites newer", () => {
  it("a refresh older than a webhook keeps the webhook's available; an older read never overwrites a newer one", async () => {
    const shopify = item(ITEM(S), { updatedAt: "2026-11-22T08:00:00Z", available: 10, onHand: 15, committed: 5, incoming: 3, reserved: 0 });
    const { shop, fake } = await installShop("qty-order", [shopify]);
    // A webhook dated 09:00 says 2 available; Shopify's answer (read before it) is dated 08:00.
    await post("inventory_levels/update", shop, { inventory_item_id: Number(`473800000${S}`), location_id: 78412305521, available: 2, updated_at: "2026-11-22T09:00:00Z" });
    await runAll();
    expect(await level(shop, S)).toMatchObject({ available: 2, onHand: 15, committed: 5, incoming: 3, shopifyUpdatedAt: new Date("2026-11-22T09:00:00Z"), quantitiesUpdatedAt: new Date("2026-11-22T08:00:00Z") });

    // A later read (10:00) wins for everything.
    const q = (shopify.inventoryLevels.nodes[0] as { updatedAt: string; quantities: { name: string; quantity: number }[] });
    q.updatedAt = "2026-11-22T10:00:00Z";
    q.quantities = [{ name: "available", quantity: 1 }, { name: "on_hand", quantity: 9 }, { name: "committed", quantity: 8 }, { name: "incoming", quantity: 0 }, { name: "reserved", quantity: 0 }];
    await post("inventory_items/update", shop, fixture("inventory_items_update"));
    await runAll();
    expect(await level(shop, S)).toMatchObject({ available: 1, onHand: 9, committed: 8, incoming: 0 });

    // An answer dated before what is stored (a replica lagging) changes nothing.
    q.updatedAt = "2026-11-22T09:30:00Z";
    q.quantities = [{ name: "available", quantity: 50 }, { name: "on_hand", quantity: 50 }, { name: "committed", quantity: 0 }, { name: "incoming", quantity: 0 }, { name: "reserved", quantity: 0 }];
    await post("inventory_items/update", shop, fixture("inventory_items_update"));
    await runAll();
    expect(quantityCalls(fake).length).toBeGreaterThanOrEqual(3);
    expect(await level(shop, S)).toMatchObject({ available: 1, onHand: 9, committed: 8 });
  });
});

describe("the daily sweep", () => {
  it("is due for a shop never swept, reads every item in batches, and is not due again for a day", async () => {
    const t = "2026-11-22T10:00:00Z";
    const { shop, fake } = await installShop("qty-sweep", [
      item(ITEM(S), { updatedAt: t, available: 1, onHand: 1, committed: 0, incoming: 40, reserved: 0 }),
      item(ITEM(M), { updatedAt: t, available: 2, onHand: 2, committed: 0, incoming: 0, reserved: 1 }),
      item(ITEM(L), { updatedAt: t, available: 3, onHand: 3, committed: 0, incoming: 0, reserved: 0 }),
      // The fixture's fourth variant (XL, item …148) is unknown to Shopify now: nodes answers null.
    ]);
    const now = new Date();
    expect(await shopsDueForQuantitySweep(new Date(now.getTime() - 86_400_000))).toContain(shop);
    fake.calls.length = 0;
    expect(await sweepShopQuantities(shop, now)).toBe(4);
    expect(await shopsDueForQuantitySweep(new Date(now.getTime() - 86_400_000))).not.toContain(shop);
    await queue.enqueue(REFRESH_QUANTITIES_JOB, { shop });
    await runAll();
    expect(quantityCalls(fake)).toHaveLength(1);
    expect((quantityCalls(fake)[0].variables.ids as string[]).length).toBe(4);
    expect(await level(shop, S)).toMatchObject({ incoming: 40 });
    expect(await level(shop, M)).toMatchObject({ reserved: 1 });
    expect(await prisma.quantityRefresh.count({ where: { shop } })).toBe(0);
  });
});

describe("backorders follow the inventory policy", () => {
  it("a CONTINUE variant at −5 available owes 5 units (position −5); a DENY one counts as 0 stock", async () => {
    const { shop } = await installShop("qty-backorders", []);
    const product = fixture("products_create") as { variants: Record<string, unknown>[] } & Record<string, unknown>;
    await post("products/update", shop, {
      ...product,
      updated_at: "2026-11-02T08:00:00-07:00",
      variants: product.variants.map((v, i) => ({ ...v, inventory_policy: i === 0 ? "continue" : "deny" })),
    });
    await runAll();
    const [cont, deny] = await Promise.all([S, M].map((n) => prisma.variant.findUniqueOrThrow({ where: { shop_shopifyId: { shop, shopifyId: VARIANT(n) } } })));
    expect([cont.inventoryPolicy, deny.inventoryPolicy]).toEqual(["CONTINUE", "DENY"]);
    const location = await prisma.location.findUniqueOrThrow({ where: { shop_shopifyId: { shop, shopifyId: LOCATION } } });
    const today = localDate(new Date(), "UTC");
    for (const v of [cont, deny]) {
      await prisma.demandDay.createMany({ data: Array.from({ length: 90 }, (_, i) => ({ shop, variantId: v.id, locationId: location.id, date: addDays(today, -i - 1), units: 2, revenue: "20" })) });
      await prisma.inventoryLevel.upsert({
        where: { shop_variantId_locationId: { shop, variantId: v.id, locationId: location.id } },
        create: { shop, variantId: v.id, locationId: location.id, available: -5 },
        update: { available: -5 },
      });
    }
    await planShop(shop);
    const line = (variantId: string) => prisma.replenishmentLine.findFirstOrThrow({ where: { shop, variantId } });
    const [c, d] = await Promise.all([line(cont.id), line(deny.id)]);
    expect(c).toMatchObject({ available: -5, inventoryPosition: -5 });
    expect(d).toMatchObject({ available: -5, inventoryPosition: 0 });
    // The same demand: the variant that owes 5 units suggests 5 more.
    expect(c.suggestedQty - d.suggestedQty).toBeGreaterThanOrEqual(5);
    // Replenishment shows the backorders of the CONTINUE variant only.
    const screen = await getReplenishment(shop, { sort: "stockout", page: 1, pageSize: 50 });
    expect(screen.rows.find((r) => r.variantId === cont.id)).toMatchObject({ available: -5, backorders: 5 });
    expect(screen.rows.find((r) => r.variantId === deny.id)).toMatchObject({ available: -5, backorders: 0 });
    // So does the variant page.
    expect((await getForecastDetail(shop, cont.id, location.id))?.numbers).toMatchObject({ backorders: 5 });
    expect((await getForecastDetail(shop, deny.id, location.id))?.numbers).toMatchObject({ backorders: 0 });
  });
});
