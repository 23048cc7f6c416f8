// The `backfill` job end to end against the fake Shopify (msw; answers executed against the real Admin
// schema): afterAuth records the shop and enqueues it once; the job reads the store through the offline
// session; a backfill still waiting on Shopify is resumed by the bulk_operations/finish webhook.
import { fakeShop, server } from "../setup/shopify-fake";
import crypto from "node:crypto";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { createOfflineSession, uniqueShop } from "../factories";
import { BACKFILL_MAX_POLLS, enqueueBackfill } from "~/jobs/backfill.server";
import { getJobQueue, registerJobs } from "~/jobs/index.server";
import { createJobQueue } from "~/jobs/queue.server";
import { cancelShopJobs, listJobSummaries } from "~/models/jobs.server";
import { action as bulkFinishWebhook } from "~/routes/webhooks.bulk_operations.finish";
import { afterAuth } from "~/shopify.server";
import { EXPECTED, storeFixture } from "../fixtures/bulk/store";
import { backfilledCounts } from "../setup/backfill-counts";
import { signedWebhook } from "../setup/signed-webhook";

const noSleep = async () => {};
const queue = registerJobs(createJobQueue(process.env.DATABASE_URL!, { supervise: false, schedule: false }), {
  backfill: { backfill: { sleep: noSleep, batchSize: 4, now: () => new Date("2026-11-11T00:00:00Z") }, client: { sleep: noSleep, random: () => 0.5 } },
});

afterEach(() => server.resetHandlers());
afterAll(async () => {
  server.close();
  await queue.stop();
  await getJobQueue().stop();
  globalThis.__stockcastJobQueue = undefined;
});

/** A shop with an offline session (what Shopify's token exchange leaves) and a fake store behind it. */
async function setUp(label: string) {
  const shop = uniqueShop(label);
  await createOfflineSession(shop);
  const fake = fakeShop(shop, storeFixture());
  // The plan after the backfill raises alerts, each announced to Shopify Flow.
  fake.roots.set("FlowTriggerReceive", () => ({ flowTriggerReceive: { userErrors: [] } }));
  return { shop, fake };
}


const queuedBackfills = async (shop: string) => (await listJobSummaries(shop)).filter((j) => j.name === "backfill" && j.status === "queued").length;

async function bulkFinish(shop: string, operationId: string) {
  const webhookId = crypto.randomUUID();
  const request = signedWebhook({
    url: "https://stockcast.example/webhooks/bulk_operations/finish",
    topic: "bulk_operations/finish",
    shop,
    secret: "test-api-secret",
    webhookId,
    body: { admin_graphql_api_id: operationId, completed_at: "2026-11-11T00:05:00Z", created_at: "2026-11-11T00:00:00Z", error_code: null, status: "completed", type: "query" },
  });
  const response = (await bulkFinishWebhook({ request, params: {}, context: {} })) as Response;
  expect(response.status).toBe(200);
  return prisma.webhookEvent.findUniqueOrThrow({ where: { shop_webhookId: { shop, webhookId } } });
}

describe("backfill job", () => {
  it("after auth: records the shop, enqueues one backfill, and the job stores the whole store", async () => {
    const { shop, fake } = await setUp("install");
    const { backfill } = await afterAuth({ session: { shop, scope: "read_products,read_orders" } });
    expect(backfill).not.toBeNull();
    await backfill;
    expect(await prisma.shop.findUniqueOrThrow({ where: { shop } })).toMatchObject({ active: true, scopes: "read_products,read_orders" });
    expect(await queuedBackfills(shop)).toBe(1);
    // One pending job per shop: a second enqueue is dropped.
    expect(await enqueueBackfill(queue, shop)).toBeNull();

    await queue.runDue();
    expect(await prisma.backfillRun.findFirstOrThrow({ where: { shop } })).toMatchObject({ status: "completed", stage: "done", error: null });
    expect(await backfilledCounts(shop)).toEqual(EXPECTED);
    expect(await prisma.shop.findUniqueOrThrow({ where: { shop } })).toMatchObject({ name: "Fixture Outfitters", currencyCode: "EUR" });
    expect(fake.calls.filter((c) => c.operationName === "BulkOperationRunQuery")).toHaveLength(3);
    expect((await listJobSummaries(shop)).find((j) => j.name === "backfill")).toMatchObject({ status: "completed" });
    // The finished backfill queued a plan of the new store, which the same pass ran.
    expect(await prisma.planRun.findFirstOrThrow({ where: { shop } })).toMatchObject({ status: "complete", trigger: "backfill" });

    // Signing in again later does not read the whole store again.
    expect((await afterAuth({ session: { shop, scope: "read_products,read_orders" } })).backfill).toBeNull();
    expect(await queuedBackfills(shop)).toBe(0);
  });

  it("after a re-install: backfills again", async () => {
    const { shop } = await setUp("reinstall");
    await prisma.shop.create({ data: { shop, name: "Old", active: false, uninstalledAt: new Date() } });
    await prisma.backfillRun.create({ data: { shop, status: "completed", stage: "done", finishedAt: new Date() } });
    await (await afterAuth({ session: { shop } })).backfill;
    expect(await prisma.shop.findUniqueOrThrow({ where: { shop } })).toMatchObject({ active: true, uninstalledAt: null });
    expect(await queuedBackfills(shop)).toBe(1);
    await cancelShopJobs(shop);
  });

  it("skips an uninstalled shop without calling Shopify", async () => {
    const { shop, fake } = await setUp("gone");
    await prisma.shop.create({ data: { shop, name: "Gone", active: false } });
    await enqueueBackfill(queue, shop);
    await queue.runDue();
    expect(await prisma.backfillRun.count({ where: { shop } })).toBe(0);
    expect(fake.calls).toHaveLength(0);
    expect(await prisma.planRun.count({ where: { shop } })).toBe(0);
  });

  it("is resumed by bulk_operations/finish for the operation it waits on, not by any other", async () => {
    const { shop, fake } = await setUp("finish");
    await prisma.shop.create({ data: { shop, name: "Finish" } });
    // Shopify takes longer than one attempt polls: the attempt fails, the run keeps its operation.
    fake.runningPolls = 10_000;
    await enqueueBackfill(queue, shop);
    await queue.runDue();
    const waiting = await prisma.backfillRun.findFirstOrThrow({ where: { shop } });
    expect(waiting).toMatchObject({ status: "failed", stage: "locations", bulkOperationId: expect.stringMatching(/^gid:\/\/shopify\/BulkOperation\//) });
    expect(waiting.error).toBe(`bulk operation ${waiting.bulkOperationId} still running after ${BACKFILL_MAX_POLLS} polls`);
    await cancelShopJobs(shop); // the queue's retry is not what this test is about

    fake.runningPolls = 0;
    const other = await bulkFinish(shop, "gid://shopify/BulkOperation/999999");
    expect(other.status).toBe("processed");
    expect(await queuedBackfills(shop)).toBe(0);

    const awaited = await bulkFinish(shop, waiting.bulkOperationId!);
    expect(awaited.status).toBe("processed");
    expect(await queuedBackfills(shop)).toBe(1);

    await queue.runDue();
    expect(await prisma.backfillRun.findMany({ where: { shop } })).toEqual([expect.objectContaining({ id: waiting.id, status: "completed", stage: "done" })]);
    expect(await backfilledCounts(shop)).toEqual(EXPECTED);
    // The operation that was waited on was reused, not started again.
    expect(fake.calls.filter((c) => c.operationName === "BulkOperationRunQuery")).toHaveLength(3);
  });
});
