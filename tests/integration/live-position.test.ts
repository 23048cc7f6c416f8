// Issue "Live plan": the plan's stock position comes from Shopify's `available`, the figure webhooks keep live, so
// a signed inventory_levels/update alone moves the plan, its alerts and the export — no backfill, no click.
import crypto from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { createShop, uniqueShop } from "../factories";
import { fakeFlowTriggers, server } from "../setup/shopify-fake";
import prisma from "~/db.server";
import { getJobQueue } from "~/jobs/index.server";
import { routeForTopic, type WebhookTopic } from "~/shopify/webhook-topics";
import { planShop } from "~/services/planning/plan-shop.server";
import { exportReplenishmentCsv } from "~/services/replenishment.server";
import { addDays, localDate } from "~/lib/time";
import { storeAdminSession } from "../setup/admin-request";
import { signedWebhook } from "../setup/signed-webhook";

const SECRET = "test-api-secret";
const fixture = (name: string) => JSON.parse(readFileSync(`tests/fixtures/webhooks/${name}.json`, "utf8")) as Record<string, unknown>;
const VARIANT = "gid://shopify/ProductVariant/45210000000037";
const LOCATION = "gid://shopify/Location/78412305521";

async function post(topic: WebhookTopic, shop: string, body: unknown): Promise<Response> {
  const route = routeForTopic(topic);
  const mod = await import(`~/routes/webhooks.${route.replace("/webhooks/", "").replace(/\//g, ".")}.tsx`);
  const request = signedWebhook({ url: `https://stockcast.example${route}`, topic, shop, body, secret: SECRET, webhookId: crypto.randomUUID() });
  return (await mod.action({ request, params: {}, context: {} })) as Response;
}

/** Works the queue as its poller would over the next `seconds` (debounces and re-plan delays included). */
async function workQueue(seconds: number) {
  for (let s = 0; s <= seconds; s += 5) await getJobQueue().runDue({ includeDelayed: true, now: new Date(Date.now() + s * 1000) });
}

afterAll(async () => {
  server.close();
  await getJobQueue().stop();
});

describe("the plan's position follows Shopify's available", () => {
  it("a signed inventory_levels/update to 0 on a well-stocked selling line makes it critical, in the plan and its export", async () => {
    const shop = uniqueShop("live-position");
    await storeAdminSession(shop);
    fakeFlowTriggers(shop);
    await createShop(shop, { shop, orderingCost: "0" });
    for (const [topic, name] of [["locations/create", "locations_create"], ["products/create", "products_create"]] as const) {
      expect((await post(topic, shop, fixture(name))).status).toBe(200);
      await workQueue(0);
    }
    const variant = await prisma.variant.findUniqueOrThrow({ where: { shop_shopifyId: { shop, shopifyId: VARIANT } } });
    const location = await prisma.location.findUniqueOrThrow({ where: { shop_shopifyId: { shop, shopifyId: LOCATION } } });
    const today = localDate(new Date(), "UTC");
    await prisma.demandDay.createMany({ data: Array.from({ length: 120 }, (_, i) => ({ shop, variantId: variant.id, locationId: location.id, date: addDays(today, -i - 1), units: 3, revenue: "30" })) });
    // Well stocked, as the last backfill saw it: 500 on hand, 500 available.
    await prisma.inventoryLevel.upsert({
      where: { shop_variantId_locationId: { shop, variantId: variant.id, locationId: location.id } },
      create: { shop, variantId: variant.id, locationId: location.id, available: 500, onHand: 500 },
      update: { available: 500, onHand: 500, committed: 0 },
    });
    await planShop(shop);
    const line = () => prisma.replenishmentLine.findFirstOrThrow({ where: { shop, variantId: variant.id } });
    expect(await line()).toMatchObject({ available: 500, suggestedQty: 0 });
    expect((await line()).urgency).not.toBe("critical");

    // Shopify reports the level sold out. Only `available` changes: on hand stays as the backfill stored it.
    const update = { ...fixture("inventory_levels_update"), available: 0, updated_at: new Date().toISOString() };
    expect((await post("inventory_levels/update", shop, update)).status).toBe(200);
    await workQueue(30);
    const after = await line();
    expect(after).toMatchObject({ available: 0, onHand: 500, inventoryPosition: 0, urgency: "critical" });
    expect(after.suggestedQty).toBeGreaterThan(0);
    // The export says the same.
    const csv = await exportReplenishmentCsv(shop, { sort: "stockout" });
    const row = csv.split("\r\n").find((r) => r.includes(",critical,"));
    expect(row).toBeDefined();
    expect(row).toContain(String(after.suggestedQty));

    // The product is archived in Shopify: its products/update webhook alone stops the suggestion.
    const archived = { ...fixture("products_create"), status: "archived", updated_at: new Date().toISOString() };
    expect((await post("products/update", shop, archived)).status).toBe(200);
    await workQueue(30);
    expect(await line()).toMatchObject({ suggestedQty: 0, reason: expect.stringMatching(/^Marked do not reorder/) });
  });
});
