// Webhooks of a shop that uninstalled Stockcast, and webhooks whose shop header is not a shop, through the
// real routes and Shopify's real webhook authentication on the database of this run. (Notifications of an
// uninstalled shop: notifications.test.ts.)
import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { action as bulkFinish } from "~/routes/webhooks.bulk_operations.finish";
import { action as compliance } from "~/routes/webhooks.compliance";
import { action as inventoryLevels } from "~/routes/webhooks.inventory_levels";
import { action as orders } from "~/routes/webhooks.orders";
import { createShop } from "../factories";
import { callRoute } from "../setup/admin-request";
import { signedWebhook } from "../setup/signed-webhook";

const SECRET = "test-api-secret";
type Action = typeof orders;

function deliver(route: Action, path: string, topic: string, shop: string, body: unknown) {
  const request = signedWebhook({ url: `https://stockcast.example${path}`, topic, shop, body, secret: SECRET });
  return callRoute(() => route({ request, params: {}, context: {} }));
}

const order = {
  id: 4410001,
  admin_graphql_api_id: "gid://shopify/Order/4410001",
  name: "#1001",
  created_at: "2026-11-20T10:00:00Z",
  updated_at: "2026-11-20T10:01:00Z",
  cancelled_at: null,
  line_items: [{ admin_graphql_api_id: "gid://shopify/LineItem/1", variant_id: 1, quantity: 2, price: "19.99" }],
};

async function uninstalledShop(label: string) {
  const shop = await createShop(label, { active: false, uninstalledAt: new Date() });
  return shop;
}

describe("webhooks of an uninstalled shop", () => {
  it("are acknowledged with 200 but neither kept nor applied nor queued", async () => {
    const shop = await uninstalledShop("gone");
    const jobsBefore = await prisma.job.count({ where: { shop } });
    expect((await deliver(orders, "/webhooks/orders", "orders/create", shop, order)).status).toBe(200);
    const level = { inventory_item_id: 1, location_id: 2, available: 5, updated_at: "2026-11-20T10:00:00Z", admin_graphql_api_id: "gid://shopify/InventoryLevel/1?inventory_item_id=1" };
    expect((await deliver(inventoryLevels, "/webhooks/inventory_levels", "inventory_levels/update", shop, level)).status).toBe(200);
    const finished = { admin_graphql_api_id: "gid://shopify/BulkOperation/1", completed_at: "2026-11-20T10:00:00Z", created_at: "2026-11-20T09:00:00Z", error_code: null, status: "completed", type: "query" };
    expect((await deliver(bulkFinish, "/webhooks/bulk_operations/finish", "bulk_operations/finish", shop, finished)).status).toBe(200);
    expect(await prisma.webhookEvent.count({ where: { shop } })).toBe(0);
    expect(await prisma.orderLine.count({ where: { shop } })).toBe(0);
    expect(await prisma.job.count({ where: { shop } })).toBe(jobsBefore);
  });

  it("still get their privacy topics applied: shop/redact deletes the shop", async () => {
    const shop = await uninstalledShop("redacted");
    expect((await deliver(compliance, "/webhooks/compliance", "shop/redact", shop, { shop_id: 1, shop_domain: shop })).status).toBe(200);
    expect(await prisma.shop.count({ where: { shop } })).toBe(0);
  });

  it("an installed shop's same delivery is kept and applied as before", async () => {
    const shop = await createShop("kept");
    expect((await deliver(orders, "/webhooks/orders", "orders/create", shop, order)).status).toBe(200);
    expect(await prisma.webhookEvent.count({ where: { shop } })).toBe(1);
  });
});

describe("a correctly signed webhook whose shop header is not a shop domain", () => {
  it.each(["evil.example.com", "not a shop", "shop.myshopify.com.evil.example"])("answers 400, records nothing: %s", async (shop) => {
    const response = await deliver(orders, "/webhooks/orders", "orders/create", shop, order);
    expect(response.status).toBe(400);
    expect(await response.text()).toBe("X-Shopify-Shop-Domain is not a shop domain");
    expect(await prisma.webhookEvent.count({ where: { shop } })).toBe(0);
  });
});
