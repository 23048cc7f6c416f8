// What Stockcast keeps of webhook payloads (issue 15, findings 6 and 9; docs/privacy.md): an allow-list per
// topic at ingestion, the customers/redact scrub of the orders it names, the retention sweep (a job of the
// app's queue), and a 200,000-level payload answered 200, not 500. HMAC-signed webhooks through the real
// routes, on both databases.
import crypto from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { uniqueShop } from "../factories";
import { getJobQueue, JOB } from "~/jobs/index.server";
import { reprocessWebhookEvent } from "~/services/sync/process-webhook.server";
import { FAILED_PAYLOAD_DAYS, PROCESSED_PAYLOAD_DAYS } from "~/services/sync/retention.server";
import { routeForTopic, type WebhookTopic } from "~/shopify/webhook-topics";
import { signedWebhook } from "../setup/signed-webhook";
import { stopTestQueues } from "../setup/test-queues";

const SECRET = "test-api-secret";
const DAY = 86_400_000;
const fixture = (name: string) => JSON.parse(readFileSync(`tests/fixtures/webhooks/${name}.json`, "utf8")) as Record<string, unknown>;
const ORDER_ID = 6100000000001;

afterAll(stopTestQueues);

/** Posts one signed delivery (raw body as given) and works the queue; the route's status (500 if it threw). */
async function deliver(topic: WebhookTopic, shop: string, rawBody: string, webhookId: string = crypto.randomUUID()): Promise<number> {
  const route = routeForTopic(topic);
  const mod = await import(`~/routes/webhooks.${route.replace("/webhooks/", "").replace(/\//g, ".")}.tsx`);
  const request = signedWebhook({ url: `https://stockcast.example${route}`, topic, shop, body: null, rawBody, secret: SECRET, webhookId });
  let status: number;
  try {
    status = ((await mod.action({ request, params: {}, context: {} })) as Response).status;
  } catch (thrown) {
    status = thrown instanceof Response ? thrown.status : 500;
  }
  await getJobQueue().runDue({ includeDelayed: true });
  return status;
}

async function installShop(label: string) {
  const shop = uniqueShop(label);
  await prisma.shop.create({ data: { shop, name: shop, ianaTimezone: "America/Los_Angeles" } });
  expect(await deliver("locations/create", shop, JSON.stringify(fixture("locations_create")))).toBe(200);
  expect(await deliver("products/create", shop, JSON.stringify(fixture("products_create")))).toBe(200);
  return shop;
}

/** The fixture order with what the old deny-list let through: line-item properties, destination, token … */
function orderWithPersonalData(): Record<string, unknown> {
  const order = fixture("orders_create");
  const [line] = order.line_items as Record<string, unknown>[];
  return {
    ...order,
    order_status_url: "https://shop.example/orders/abc/authenticate?key=s3cr3t",
    token: "tok-c0ffee",
    customer_id: 7300000000001,
    line_items: [{ ...line, properties: [{ name: "Engraving", value: "Jo Rivera" }], destination_location: { name: "Jo Rivera", address1: "12 Elm Street", city: "Portland" } }],
  };
}
const PERSONAL = ["Jo", "Rivera", "Elm Street", "Portland", "example.com", "s3cr3t", "tok-c0ffee", "7300000000001", "+1503"];

const storedPayloads = async (shop: string) => (await prisma.webhookEvent.findMany({ where: { shop }, select: { topic: true, status: true, payload: true } })).filter((e) => e.topic.startsWith("orders/"));

describe("stored webhook payloads", () => {
  it("keeps only the allow-listed fields of an order, processed or failed", async () => {
    const shop = await installShop("allow-list");
    expect(await deliver("orders/create", shop, JSON.stringify(orderWithPersonalData()))).toBe(200);
    const { created_at: _missing, ...invalid } = orderWithPersonalData();
    expect(await deliver("orders/updated", shop, JSON.stringify(invalid))).toBe(200); // fails its schema: kept for Sync
    const events = await storedPayloads(shop);
    expect(events.map((e) => e.status).sort()).toEqual(["failed", "processed"]);
    for (const { payload } of events) for (const text of PERSONAL) expect(payload).not.toContain(text);
    // Processing read all it needs from the cut payload.
    expect((await prisma.demandDay.findMany({ where: { shop } })).map((d) => d.units)).toEqual([3]);
  });

  it("customers/redact clears the named order's processed payloads and scrubs its failed ones, leaving other orders", async () => {
    const shop = await installShop("redact");
    const other = { ...orderWithPersonalData(), id: 6100000000999, admin_graphql_api_id: "gid://shopify/Order/6100000000999" };
    // Rows stored before the allow-list, under the old deny-list: names and addresses inside.
    const legacy = (status: string, payload: unknown) => ({ shop, webhookId: crypto.randomUUID(), topic: "orders/updated", status, payload: JSON.stringify(payload) });
    await prisma.webhookEvent.createMany({
      data: [legacy("processed", orderWithPersonalData()), legacy("failed", orderWithPersonalData()), legacy("processed", other)],
    });
    await prisma.webhookEvent.create({ data: { ...legacy("processed", { ...fixture("refunds_create"), order_id: ORDER_ID }), topic: "refunds/create" } });
    const request = { shop_id: 1, shop_domain: shop, customer: { id: 7300000000001, email: "jo.rivera@example.com", phone: "+15035550100" }, orders_to_redact: [ORDER_ID] };
    expect(await deliver("customers/redact", shop, JSON.stringify(request))).toBe(200);
    expect(await deliver("customers/redact", shop, JSON.stringify(request))).toBe(200); // a new delivery: safe twice

    const rows = await prisma.webhookEvent.findMany({ where: { shop, topic: { in: ["orders/updated", "refunds/create"] } } });
    const about = (row: (typeof rows)[number]) => (row.payload?.includes("6100000000999") ? "other" : `${row.topic} ${row.status}`);
    const byKind = Object.fromEntries(rows.map((r) => [about(r), r.payload]));
    expect(byKind["orders/updated processed"]).toBeNull();
    expect(byKind["refunds/create processed"]).toBeNull();
    const failed = byKind["orders/updated failed"]!;
    for (const text of PERSONAL) expect(failed).not.toContain(text);
    expect(JSON.parse(failed)).toMatchObject({ admin_graphql_api_id: `gid://shopify/Order/${ORDER_ID}`, line_items: [expect.objectContaining({ quantity: 3 })] });
    expect(byKind.other).toContain("Rivera"); // another customer's order is not this request's to scrub
    // No stored event of the shop (the customers/redact delivery itself included) holds the customer.
    const all = await prisma.webhookEvent.findMany({ where: { shop, NOT: { payload: { contains: "6100000000999" } } }, select: { payload: true } });
    for (const { payload } of all) for (const text of PERSONAL) expect(payload ?? "").not.toContain(text);
  });

  it("answers 200 to a 200,000-level payload, applies the order and stores no deep value", async () => {
    const shop = await installShop("deep");
    const levels = 200_000;
    const nested = '{"a":'.repeat(levels) + "1" + "}".repeat(levels);
    const order = JSON.stringify(fixture("orders_create"));
    const body = order.replace('"line_items":[{', `"junk":${nested},"line_items":[{"properties":${nested},`);
    expect(await deliver("orders/create", shop, body)).toBe(200);
    expect((await prisma.demandDay.findMany({ where: { shop } })).map((d) => d.units)).toEqual([3]);
    // All deep, and not an order at all: rejected into Sync health, still 200.
    expect(await deliver("orders/create", shop, nested)).toBe(200);
    const events = await storedPayloads(shop);
    expect(events.map((e) => [e.status, e.payload!.length < 2000]).sort()).toEqual([
      ["failed", true],
      ["processed", true],
    ]);
  });
});

describe("retention sweep", () => {
  it("clears processed payloads after 7 days and failed ones after 30, keeping the rows; an expired failure says so", async () => {
    const shop = uniqueShop("retention");
    const now = Date.now();
    const event = (label: string, status: string, ageDays: number) => ({
      shop,
      webhookId: label,
      topic: "orders/updated",
      status,
      payload: "{}",
      receivedAt: new Date(now - ageDays * DAY),
      processedAt: status === "processed" ? new Date(now - ageDays * DAY) : null,
    });
    await prisma.webhookEvent.createMany({
      data: [
        event("processed-old", "processed", PROCESSED_PAYLOAD_DAYS + 0.1),
        event("processed-recent", "processed", PROCESSED_PAYLOAD_DAYS - 0.1),
        event("failed-old", "failed", FAILED_PAYLOAD_DAYS + 0.1),
        event("failed-recent", "failed", FAILED_PAYLOAD_DAYS - 0.1),
        event("received-old", "received", FAILED_PAYLOAD_DAYS + 1),
      ],
    });
    // The hourly sweep is a job of the app's own queue (a pg-boss cron on PostgreSQL, a timer on SQLite).
    await getJobQueue().enqueue(JOB.webhookRetention, { shop: "*" }, { singletonKey: "sweep" });
    await getJobQueue().runDue({ includeDelayed: true });
    const rows = await prisma.webhookEvent.findMany({ where: { shop }, orderBy: { webhookId: "asc" } });
    expect(rows.map((r) => [r.webhookId, r.payload])).toEqual([
      ["failed-old", null],
      ["failed-recent", "{}"],
      ["processed-old", null],
      ["processed-recent", "{}"],
      ["received-old", "{}"], // not yet applied: never cleared from under the worker
    ]);
    const expired = rows.find((r) => r.webhookId === "failed-old")!;
    expect(await reprocessWebhookEvent(shop, expired.id)).toEqual({
      outcome: "failed",
      error: "the stored payload was cleared after its retention period (docs/privacy.md): nothing to re-process",
    });
  });
});
