// The webhook hand-off (docs/decisions/005-webhook-drain.md): group-committed event rows, the per-shop
// drain job and its sweep (run on both databases, though only PostgreSQL hands off through them), and the
// per-process throttle of drain enqueues.
import crypto from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import prisma from "~/db.server";
import { JOB, registerJobs } from "~/jobs/index.server";
import { DrainRequests, STRANDED_AFTER_MS } from "~/jobs/webhooks.server";
import { listJobSummaries } from "~/models/jobs.server";
import { recordWebhookEvent, shopsWithStrandedWebhookEvents } from "~/models/webhook-event.server";
import { DRAIN_GROUP } from "~/services/sync/process-webhook.server";
import { SYNC_TOPICS } from "~/shopify/webhook-topics";
import { openTestQueue, stopTestQueues } from "../setup/test-queues";

const uniqueShop = (label: string) => `${label}-${crypto.randomUUID().slice(0, 8)}.myshopify.com`;
const fixture = (name: string) => readFileSync(`tests/fixtures/webhooks/${name}.json`, "utf8");
const newQueue = () => registerJobs(openTestQueue());

afterAll(stopTestQueues);

/** A shop with the fixtures' location and product, and `n` orders recorded as received (not applied). */
async function shopWithReceivedOrders(label: string, n: number, receivedAt = new Date()) {
  const shop = uniqueShop(label);
  await prisma.shop.create({ data: { shop, name: shop, ianaTimezone: "America/Los_Angeles" } });
  for (const [topic, name] of [["locations/create", "locations_create"], ["products/create", "products_create"]]) {
    await prisma.webhookEvent.create({ data: { shop, webhookId: crypto.randomUUID(), topic, payload: fixture(name), receivedAt: new Date(receivedAt.getTime() - 1000) } });
  }
  for (let i = 0; i < n; i++) {
    const order = JSON.parse(fixture("orders_create"));
    order.admin_graphql_api_id = `gid://shopify/Order/${5000 + i}`;
    order.line_items = [{ ...order.line_items[0], admin_graphql_api_id: `gid://shopify/LineItem/${6000 + i}`, id: 6000 + i }];
    await prisma.webhookEvent.create({ data: { shop, webhookId: crypto.randomUUID(), topic: "orders/create", payload: JSON.stringify(order), receivedAt: new Date(receivedAt.getTime() + i) } });
  }
  return shop;
}

const unitsOf = async (shop: string) => (await prisma.demandDay.aggregate({ where: { shop }, _sum: { units: true } }))._sum.units ?? 0;

describe("group commit of webhook events", () => {
  it("writes concurrent deliveries together: each new id once, a webhook id repeated in one batch once", async () => {
    const shop = uniqueShop("batch");
    const repeated = crypto.randomUUID();
    const results = await Promise.all([
      ...Array.from({ length: 20 }, (_, i) => recordWebhookEvent(shop, { webhookId: `w-${i}`, topic: "orders/create", status: "received", payload: "{}" })),
      ...Array.from({ length: 5 }, () => recordWebhookEvent(shop, { webhookId: repeated, topic: "orders/create", status: "received", payload: "{}" })),
    ]);
    expect(results.slice(0, 20).every((r) => r?.created)).toBe(true);
    const [first, ...again] = results.slice(20).sort((a, b) => Number(b!.created) - Number(a!.created));
    expect(first!.created).toBe(true);
    // the other four deliveries of that id learn the one row and its status
    expect(again).toEqual(Array(4).fill({ id: first!.id, created: false, status: "received" }));
    const rows = await prisma.webhookEvent.findMany({ where: { shop } });
    expect(rows).toHaveLength(21);
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set(results.map((r) => r!.id)));
    // the timestamps are real dates on both databases (the drain orders by them)
    for (const row of rows) expect(Math.abs(row.receivedAt.getTime() - Date.now())).toBeLessThan(60_000);
    // a later delivery of a recorded id is not recorded again
    await prisma.webhookEvent.updateMany({ where: { shop, webhookId: "w-3" }, data: { status: "processed" } });
    expect(await recordWebhookEvent(shop, { webhookId: "w-3", topic: "orders/create", status: "received" })).toEqual({ id: results[3]!.id, created: false, status: "processed" });
    expect(await prisma.webhookEvent.count({ where: { shop } })).toBe(21);
  });
});

describe("drain-webhooks", () => {
  it("applies every received event of the shop in arrival order, once, and enqueues one alerts evaluation", async () => {
    const queue = newQueue();
    const shop = await shopWithReceivedOrders("drain", 5);
    const other = await shopWithReceivedOrders("drain-other", 1);
    await queue.enqueue(JOB.drainWebhooks, { shop }, { singletonKey: `drain-webhooks:${shop}` });
    await queue.runDue();
    // products before orders (arrival order): every order's line found its variant
    expect(await unitsOf(shop)).toBe(15);
    expect(await prisma.webhookEvent.count({ where: { shop, status: { not: "processed" } } })).toBe(0);
    expect(await prisma.webhookEvent.count({ where: { shop: other, status: "received" } })).toBe(3); // not its shop
    const jobs = await listJobSummaries(shop);
    expect(jobs.filter((j) => j.name === JOB.alertsAfterWebhook).map((j) => j.status)).toEqual(["queued"]);
    // a second drain finds nothing to do
    await queue.enqueue(JOB.drainWebhooks, { shop }, { singletonKey: `drain-webhooks:${shop}` });
    await queue.runDue();
    expect(await unitsOf(shop)).toBe(15);
  });

  it("applies a burst in groups of DRAIN_GROUP, one transaction each: every order once, demand days derived once per group, one re-plan queued", async () => {
    const queue = newQueue();
    const n = DRAIN_GROUP * 2 + 7;
    const shop = await shopWithReceivedOrders("drain-groups", n);
    // The last order is changed by a later orders/updated in the same group: the update wins.
    const updated = JSON.parse(fixture("orders_create"));
    updated.admin_graphql_api_id = `gid://shopify/Order/${5000 + n - 1}`;
    updated.updated_at = "2026-11-22T12:00:00-05:00";
    updated.line_items = [{ ...updated.line_items[0], admin_graphql_api_id: `gid://shopify/LineItem/${6000 + n - 1}`, id: 6000 + n - 1, quantity: 7, current_quantity: 7 }];
    await prisma.webhookEvent.create({ data: { shop, webhookId: crypto.randomUUID(), topic: "orders/updated", payload: JSON.stringify(updated), receivedAt: new Date(Date.now() + n + 10) } });
    // A refund recorded before its order arrived, on a line of the second group (orders alone: read once per group).
    await prisma.orderLineRefund.create({ data: { shop, lineItemGid: `gid://shopify/LineItem/${6000 + DRAIN_GROUP + 5}`, refundGid: "gid://shopify/Refund/1", quantity: 1, refundedAt: new Date("2026-12-01T00:00:00Z") } });
    // The same order name imported from a CSV before: Shopify's lines replace it.
    await prisma.orderLine.create({
      data: { shop, orderGid: "gid://stockcast/CsvOrder/%239001", lineItemGid: "gid://stockcast/CsvOrderLine/%239001/1", orderName: "#9001", quantity: 2, currentQuantity: 2, orderCreatedAt: new Date("2026-11-01T09:00:00Z"), localDate: "2026-11-01", shopifyUpdatedAt: new Date("2026-11-01T09:00:00Z"), source: "csv" },
    });
    await queue.enqueue(JOB.drainWebhooks, { shop }, { singletonKey: `drain-webhooks:${shop}` });
    await queue.runDue();
    expect(await unitsOf(shop)).toBe(3 * (n - 1) + 7 - 1);
    expect(await prisma.orderLine.count({ where: { shop, source: "csv" } })).toBe(0);
    expect((await prisma.orderLine.findFirstOrThrow({ where: { shop, lineItemGid: `gid://shopify/LineItem/${6000 + DRAIN_GROUP + 5}` } })).refundedQuantity).toBe(1);
    const events = await prisma.webhookEvent.findMany({ where: { shop } });
    expect(events.every((e) => e.status === "processed" && e.attempts === 1)).toBe(true);
    expect(await prisma.orderLine.count({ where: { shop } })).toBe(n);
    // Their inventory items wait for the quantities refresh, as after one-by-one application.
    const sold = await prisma.orderLine.findMany({ where: { shop }, select: { variantId: true }, distinct: ["variantId"] });
    const items = await prisma.variant.findMany({ where: { shop, id: { in: sold.flatMap((l) => l.variantId ?? []) }, inventoryItemId: { not: null } }, select: { inventoryItemId: true } });
    expect(items.length).toBeGreaterThan(0);
    expect((await prisma.quantityRefresh.findMany({ where: { shop } })).map((q) => q.inventoryItemId).sort()).toEqual(items.map((i) => i.inventoryItemId).sort());
    const jobs = await listJobSummaries(shop);
    expect(jobs.filter((j) => j.name === JOB.planTouched).map((j) => j.status)).toEqual(["queued"]);
    expect(jobs.filter((j) => j.name === JOB.processWebhook)).toEqual([]);
  });

  it("hands an event whose apply fails to a retrying process-webhook job; the rest still apply", async () => {
    const queue = newQueue();
    const shop = await shopWithReceivedOrders("drain-fail", 2);
    const level = await prisma.webhookEvent.create({
      data: { shop, webhookId: crypto.randomUUID(), topic: "inventory_levels/update", payload: fixture("inventory_levels_update").replace("47380000000037", "999"), receivedAt: new Date(Date.now() - 500) },
    });
    await queue.enqueue(JOB.drainWebhooks, { shop }, { singletonKey: `drain-webhooks:${shop}` });
    await queue.runDue();
    expect(await unitsOf(shop)).toBe(6);
    expect(await prisma.webhookEvent.findUniqueOrThrow({ where: { id: level.id } })).toMatchObject({ status: "failed", attempts: 1 });
    const retry = (await listJobSummaries(shop)).find((j) => j.name === JOB.processWebhook);
    expect(retry).toMatchObject({ status: "queued", maxAttempts: 4 });
    await queue.runDue({ includeDelayed: true, limit: 20 });
    expect(await prisma.webhookEvent.findUniqueOrThrow({ where: { id: level.id } })).toMatchObject({ status: "failed", attempts: 5 });
  });

  it("leaves an uninstalled shop's events alone", async () => {
    const queue = newQueue();
    const shop = await shopWithReceivedOrders("drain-gone", 1);
    await prisma.shop.update({ where: { shop }, data: { active: false } });
    await queue.enqueue(JOB.drainWebhooks, { shop }, { singletonKey: `drain-webhooks:${shop}` });
    await queue.runDue();
    expect(await prisma.webhookEvent.count({ where: { shop, status: "received" } })).toBe(3);
  });

  it("the sweep re-drains active shops whose events wait longer than the threshold, and only those", async () => {
    const now = new Date();
    const queue = registerJobs(openTestQueue(), { now: () => now });
    const stranded = await shopWithReceivedOrders("stranded", 1, new Date(now.getTime() - STRANDED_AFTER_MS - 5000));
    const fresh = await shopWithReceivedOrders("fresh", 1, now);
    const gone = await shopWithReceivedOrders("stranded-gone", 1, new Date(now.getTime() - STRANDED_AFTER_MS - 5000));
    await prisma.shop.update({ where: { shop: gone }, data: { active: false } });
    const due = await shopsWithStrandedWebhookEvents(SYNC_TOPICS, new Date(now.getTime() - STRANDED_AFTER_MS));
    expect(due).toContain(stranded);
    expect(due).not.toContain(fresh);
    expect(due).not.toContain(gone);
    // (the test database holds earlier files' shops too: the sweep may drain some of theirs)
    await queue.enqueue(JOB.webhookSweep, { shop: "*" }, { singletonKey: "sweep" });
    await queue.runDue();
    expect((await listJobSummaries(stranded)).map((j) => [j.name, j.status])).toContainEqual([JOB.drainWebhooks, "completed"]);
    expect(await listJobSummaries(fresh)).toEqual([]);
    expect(await listJobSummaries(gone)).toEqual([]);
    expect(await unitsOf(stranded)).toBe(3);
  });
});

describe("drain requests (per-process throttle)", () => {
  afterEach(() => vi.useRealTimers());

  it("enqueues at once, then once more at the end of the window however many requests came in it", async () => {
    vi.useFakeTimers();
    const sent: [string, number][] = [];
    const drains = new DrainRequests(async (shop) => void sent.push([shop, Date.now()]), 250);
    const t0 = Date.now();
    await drains.request("a");
    await drains.request("b");
    vi.advanceTimersByTime(100);
    for (let i = 0; i < 10; i++) await drains.request("a");
    expect(sent).toEqual([
      ["a", t0],
      ["b", t0],
    ]);
    vi.advanceTimersByTime(150);
    expect(sent).toEqual([
      ["a", t0],
      ["b", t0],
      ["a", t0 + 250],
    ]);
    // a request after a quiet window is sent at once again
    vi.advanceTimersByTime(1000);
    await drains.request("a");
    expect(sent.at(-1)).toEqual(["a", t0 + 1250]);
    expect(sent).toHaveLength(4);
  });

  it("propagates a failed immediate enqueue to the caller (the route answers 500 and Shopify retries)", async () => {
    const drains = new DrainRequests(async () => Promise.reject(new Error("queue down")), 250);
    await expect(drains.request("a")).rejects.toThrow("queue down");
  });
});
