import crypto from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { APPLY_TOPIC } from "~/services/sync/apply-topic.server";
import { ALL_TOPICS, COMPLIANCE_ROUTE, COMPLIANCE_TOPICS, SYNC_TOPICS, WEBHOOK_ROUTES, WEBHOOK_TOPICS } from "~/shopify/webhook-topics";
import { signedWebhook } from "../setup/signed-webhook";

const SECRET = "test-api-secret";
const uniqueShop = (label: string) => `${label}-${crypto.randomUUID().slice(0, 8)}.myshopify.com`;

const order = (n: number) => ({
  id: 820982911946154500 + n, // bigger than 2^53 on purpose: we key on admin_graphql_api_id
  admin_graphql_api_id: `gid://shopify/Order/${820982911946154500 + n}`,
  name: `#${1000 + n}`,
  created_at: "2026-11-20T23:30:00-08:00",
  updated_at: "2026-11-20T23:31:00-08:00",
  cancelled_at: null,
  line_items: [{ admin_graphql_api_id: `gid://shopify/LineItem/${n}`, variant_id: 1, quantity: 2, price: "19.99" }],
});

async function post(route: string, topic: string, shop: string, body: unknown, extra: Partial<Parameters<typeof signedWebhook>[0]> = {}) {
  const mod = await import(`~/routes/webhooks.${route.replace("/webhooks/", "").replace(/\//g, ".")}.tsx`);
  const request = signedWebhook({ url: `https://stockcast.example${route}`, topic, shop, body, secret: SECRET, ...extra });
  try {
    return (await mod.action({ request, params: {}, context: {} })) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

describe("webhook routes", () => {
  it("agree with shopify.app.toml and the route files", () => {
    const toml = readFileSync("shopify.app.toml", "utf8");
    const subscriptions = [...toml.matchAll(/topics = \[([^\]]*)\]\s*\n\s*uri = "([^"]+)"/g)].map(([, topics, uri]) => [uri, topics.match(/"[^"]+"/g)!.map((t) => t.slice(1, -1))] as const);
    const expected = [...Object.entries(WEBHOOK_ROUTES), [COMPLIANCE_ROUTE, [...COMPLIANCE_TOPICS]]];
    expect(subscriptions).toEqual(expected);
    const files = readdirSync("app/routes").filter((f) => f.startsWith("webhooks."));
    expect(files.sort()).toEqual(expected.map(([uri]) => `${(uri as string).slice(1).replace(/\//g, ".")}.tsx`).sort());
  });

  it("derive every list from the one topic table, and the drain applies every sync topic", () => {
    expect(Object.keys(APPLY_TOPIC).sort()).toEqual([...SYNC_TOPICS].sort());
    expect(SYNC_TOPICS.length).toBeGreaterThan(10);
    const routed = [...Object.values(WEBHOOK_ROUTES).flat(), ...COMPLIANCE_TOPICS];
    expect(routed.sort()).toEqual([...ALL_TOPICS].sort());
    for (const topic of ALL_TOPICS) {
      const { kind, touchesStock } = WEBHOOK_TOPICS[topic];
      if (kind !== "sync") expect(touchesStock, topic).toBe(false);
    }
  });

  it("answers a request that is not a signed POST as Shopify's library would, storing nothing", async () => {
    const shop = uniqueShop("headers");
    const valid = () => signedWebhook({ url: "https://stockcast.example/webhooks/orders", topic: "orders/create", shop, body: order(9), secret: SECRET });
    const { webhookAction } = await import("~/jobs/webhook-action.server");
    const answer = async (request: Request) => {
      try {
        return (await webhookAction({ request, params: {}, context: {} })).status;
      } catch (thrown) {
        if (thrown instanceof Response) return thrown.status;
        throw thrown;
      }
    };
    expect(await answer(new Request(valid().url, { method: "GET", headers: valid().headers }))).toBe(405);
    for (const header of ["X-Shopify-Hmac-Sha256", "X-Shopify-Topic", "X-Shopify-Shop-Domain", "X-Shopify-Webhook-Id", "X-Shopify-API-Version"]) {
      const request = valid();
      const headers = new Headers(request.headers);
      headers.delete(header);
      expect(await answer(new Request(request.url, { method: "POST", headers, body: await request.text() })), header).toBe(400);
    }
    const emptyBody = signedWebhook({ url: valid().url, topic: "orders/create", shop, body: null, rawBody: "", secret: SECRET });
    expect(await answer(emptyBody)).toBe(400);
    const badShop = signedWebhook({ url: valid().url, topic: "orders/create", shop: "evil.example.com", body: order(9), secret: SECRET });
    expect(await answer(badShop)).toBe(400);
    expect(await prisma.webhookEvent.count({ where: { shop } })).toBe(0);
    // The library's constant form of the topic header is understood too.
    expect(await answer(signedWebhook({ url: valid().url, topic: "ORDERS_CREATE", shop, body: order(9), secret: SECRET }))).toBe(200);
    expect(await prisma.webhookEvent.findMany({ where: { shop }, select: { topic: true, status: true } })).toEqual([{ topic: "orders/create", status: "received" }]);
  });

  it("rejects a bad HMAC with 401 and stores nothing", async () => {
    const shop = uniqueShop("hmac");
    const response = await post("/webhooks/orders", "orders/create", shop, order(1), { hmac: "bm90IHRoZSBobWFj" });
    expect(response.status).toBe(401);
    expect(await prisma.webhookEvent.count({ where: { shop } })).toBe(0);
  });

  it("answers 400 to a signed body that is not JSON", async () => {
    const shop = uniqueShop("json");
    const response = await post("/webhooks/orders", "orders/create", shop, null, { rawBody: "{not json" });
    expect(response.status).toBe(400);
    expect(await prisma.webhookEvent.count({ where: { shop } })).toBe(0);
  });

  it("keeps a payload that fails its schema as a failed event, answers 200", async () => {
    const shop = uniqueShop("schema");
    const response = await post("/webhooks/orders", "orders/create", shop, { ...order(2), line_items: [{ quantity: -1 }] });
    expect(response.status).toBe(200);
    const [event] = await prisma.webhookEvent.findMany({ where: { shop } });
    expect(event.status).toBe("failed");
    expect(event.error).toMatch(/line_items\.0/);
    expect(JSON.parse(event.payload!).name).toBe("#1002");
  });

  it("records the same webhook id once however often it is delivered", async () => {
    const shop = uniqueShop("dupe");
    const webhookId = crypto.randomUUID();
    for (let i = 0; i < 5; i++) {
      expect((await post("/webhooks/orders", "orders/create", shop, order(3), { webhookId })).status).toBe(200);
    }
    expect(await prisma.webhookEvent.count({ where: { shop } })).toBe(1);
  });

  it("app/uninstalled drops the shop's sessions and marks it inactive", async () => {
    const shop = uniqueShop("uninstall");
    await prisma.shop.create({ data: { shop, name: "Leaving" } });
    await prisma.session.create({ data: { id: `offline_${shop}`, shop, state: "", accessToken: "x" } });
    expect((await post("/webhooks/app/uninstalled", "app/uninstalled", shop, { myshopify_domain: shop })).status).toBe(200);
    expect(await prisma.session.count({ where: { shop } })).toBe(0);
    expect((await prisma.shop.findUnique({ where: { shop } }))?.active).toBe(false);
  });

  it("shop/redact deletes every row of that shop and leaves another shop untouched", async () => {
    const gone = uniqueShop("redact");
    const kept = uniqueShop("kept");
    for (const shop of [gone, kept]) {
      await prisma.shop.create({ data: { shop, name: shop } });
      const vendor = await prisma.vendor.create({ data: { shop, name: "Acme" } });
      const product = await prisma.product.create({ data: { shop, shopifyId: "gid://shopify/Product/1", title: "Tent", vendorId: vendor.id } });
      const variant = await prisma.variant.create({ data: { shop, shopifyId: "gid://shopify/ProductVariant/1", productId: product.id, title: "Default" } });
      await prisma.vendorVariant.create({ data: { shop, vendorId: vendor.id, variantId: variant.id, vendorSku: "AC-1" } });
      await prisma.demandDay.create({ data: { shop, variantId: "v", locationId: "l", date: "2026-11-01", units: 3 } });
      await prisma.savedView.create({ data: { shop, screen: "replenishment", name: "Critical", nameKey: "critical", query: "urgency=critical", createdBy: "42" } });
    }
    const response = await post(COMPLIANCE_ROUTE, "shop/redact", gone, { shop_id: 1, shop_domain: gone });
    expect(response.status).toBe(200);
    const tables = await shopScopedTables();
    for (const table of tables) {
      expect(await countRows(table, gone), `${table} rows left for the redacted shop`).toBe(0);
    }
    expect(await countRows("Variant", kept)).toBe(1);
    expect(await countRows("DemandDay", kept)).toBe(1);
    expect(await countRows("SavedView", kept)).toBe(1);
    expect(await countRows("VendorVariant", kept)).toBe(1);
  });
});

/** Every table that has a "shop" column, read from the live schema so a new table can't be forgotten. */
async function shopScopedTables(): Promise<string[]> {
  const postgres = !process.env.DATABASE_URL!.startsWith("file:");
  const rows = postgres
    ? await prisma.$queryRawUnsafe<{ t: string }[]>(`SELECT table_name::text AS t FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'shop'`)
    : await prisma.$queryRawUnsafe<{ t: string }[]>(`SELECT m.name AS t FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND p.name = 'shop'`);
  const tables = rows.map((r) => r.t);
  expect(tables.length).toBeGreaterThan(25);
  return tables;
}

async function countRows(table: string, shop: string): Promise<number> {
  const postgres = !process.env.DATABASE_URL!.startsWith("file:");
  const sql = `SELECT COUNT(*) AS n FROM "${table}" WHERE "shop" = ${postgres ? "$1" : "?"}`;
  const [row] = await prisma.$queryRawUnsafe<{ n: number | bigint }[]>(sql, shop);
  return Number(row.n);
}
