// The job queue behind ADR 004, on the database of this run: pg-boss on PostgreSQL (for real: it creates
// its own "pgboss" schema in the test database), the Job table on SQLite.
import { afterAll, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { createLevel, createLocation, createProduct, createShop, createVariant, uniqueShop } from "../factories";
import { JOB, registerJobs } from "~/jobs/index.server";
import { enqueuePlan, handlePlanJob } from "~/jobs/planning.server";
import { retryDelayMs, RETRY_BASE_SECONDS, TableJobQueue, type JobData } from "~/jobs/queue.server";
import { cancelShopJobs, listJobSummaries } from "~/models/jobs.server";
import { checkpointWal } from "~/models/sqlite-wal.server";
import { snapshotShopInventory } from "~/services/sync/inventory.server";
import { shopsDueForNightlyPlan } from "~/services/planning/nightly.server";
import { shopsDueForSnapshot } from "~/services/sync/snapshots.server";
import { localDate } from "~/lib/time";
import { openTestQueue, stopTestQueues, trackTestQueue } from "../setup/test-queues";

const postgres = !process.env.DATABASE_URL!.startsWith("file:");
const newQueue = openTestQueue;

afterAll(stopTestQueues);

describe("job queue", () => {
  it("uses pg-boss on PostgreSQL and the Job table on SQLite", async () => {
    const queue = newQueue();
    expect(queue.backend).toBe(postgres ? "pg-boss" : "sqlite");
    const shop = uniqueShop("backend");
    const seen: JobData[] = [];
    queue.register("test-echo", async (data) => void seen.push(data));
    const id = await queue.enqueue("test-echo", { shop, n: 1 });
    expect(id).toEqual(expect.any(String));
    if (postgres) {
      const rows = await prisma.$queryRawUnsafe<{ n: bigint }[]>(`SELECT COUNT(*) AS n FROM pgboss.job WHERE data->>'shop' = $1`, shop);
      expect(Number(rows[0].n)).toBe(1);
      expect(await prisma.job.count({ where: { shop } })).toBe(0);
    } else {
      expect(await prisma.job.count({ where: { shop } })).toBe(1);
    }
    expect(await queue.runDue()).toEqual({ completed: 1, failed: 0 });
    expect(seen).toEqual([{ shop, n: 1 }]);
    expect((await listJobSummaries(shop)).map((j) => [j.name, j.status, j.attempts])).toEqual([["test-echo", "completed", 1]]);
  });

  it("retries a failing handler with exponential backoff and ends failed with lastError after maxAttempts", async () => {
    const queue = newQueue();
    const shop = uniqueShop("failing");
    const attempts: number[] = [];
    queue.register("test-always-fails", async (_data, { attempt }) => {
      attempts.push(attempt);
      throw new Error(`boom on attempt ${attempt}`);
    });
    await queue.enqueue("test-always-fails", { shop }, { maxAttempts: 3 });
    const job = async () => (await listJobSummaries(shop))[0];

    const t0 = new Date();
    await queue.runDue({ now: t0 });
    let state = await job();
    expect(state).toMatchObject({ status: "queued", attempts: 1, maxAttempts: 3, lastError: "boom on attempt 1" });
    const firstDelay = new Date(state.runAt).getTime() - t0.getTime();
    expect(firstDelay).toBeGreaterThanOrEqual(RETRY_BASE_SECONDS * 1000 - 1000);
    expect(firstDelay).toBeLessThanOrEqual(2 * RETRY_BASE_SECONDS * 1000 + 1000);
    // not due yet: a second pass right away does nothing
    expect(await queue.runDue({ now: t0 })).toEqual({ completed: 0, failed: 0 });
    expect(attempts).toEqual([1]);

    if (postgres) {
      // pg-boss computes the backoff itself; run the waiting retries without sleeping
      expect(await queue.runDue({ includeDelayed: true })).toEqual({ completed: 0, failed: 1 });
    } else {
      const t1 = new Date(state.runAt);
      await queue.runDue({ now: t1 });
      state = await job();
      expect(state).toMatchObject({ status: "queued", attempts: 2, lastError: "boom on attempt 2" });
      const secondDelay = new Date(state.runAt).getTime() - t1.getTime();
      expect(secondDelay).toBeGreaterThanOrEqual(2 * RETRY_BASE_SECONDS * 1000);
      expect(secondDelay).toBeLessThanOrEqual(4 * RETRY_BASE_SECONDS * 1000);
      expect(await queue.runDue({ now: new Date(state.runAt) })).toEqual({ completed: 0, failed: 1 });
    }
    expect(attempts).toEqual([1, 2, 3]);
    expect(await job()).toMatchObject({ status: "failed", attempts: 3, maxAttempts: 3, lastError: "boom on attempt 3" });
    // failed for good: nothing left to run
    expect(await queue.runDue({ includeDelayed: true })).toEqual({ completed: 0, failed: 0 });
  });

  it("start() works jobs in the background until stop()", async () => {
    const queue = newQueue();
    const shop = uniqueShop("background");
    const done = new Promise<JobData>((resolve) => queue.register("test-background", async (data) => resolve(data)));
    await queue.enqueue("test-background", { shop, n: 7 });
    await queue.start();
    expect(await done).toEqual({ shop, n: 7 });
    await queue.stop();
    await expect.poll(async () => (await listJobSummaries(shop))[0]?.status, { timeout: 60_000 }).toBe("completed");
  });

  // SQLite's driver is synchronous: without a turn of the event loop between jobs, a request waiting on its
  // socket is never seen as in flight and a backlog runs to the end before it is answered.
  it.skipIf(postgres)("a backlog lets waiting I/O in between jobs and then yields to it", async () => {
    const queue = newQueue() as TableJobQueue;
    const shop = uniqueShop("yield");
    let ran = 0;
    queue.register("test-backlog", async () => void ran++);
    for (let n = 0; n < 5; n++) await queue.enqueue("test-backlog", { shop, n });
    let ioArrived = false;
    setImmediate(() => (ioArrived = true)); // stands in for an HTTP request reaching its handler
    const summary = await queue.runDue({ yieldWhile: () => ioArrived });
    expect(summary.completed).toBe(1);
    expect(ran).toBe(1);
    expect(await queue.runDue()).toEqual({ completed: 4, failed: 0 });
  });

  it("holds a job until its runAt", async () => {
    const queue = newQueue();
    const shop = uniqueShop("later");
    const ran: string[] = [];
    queue.register("test-later", async (data) => void ran.push(data.shop));
    const runAt = new Date(Date.now() + 60 * 60_000);
    await queue.enqueue("test-later", { shop }, { runAt });
    expect(await queue.runDue()).toEqual({ completed: 0, failed: 0 });
    expect((await listJobSummaries(shop))[0]).toMatchObject({ status: "queued", attempts: 0, runAt: runAt.toISOString() });
    if (postgres) await queue.runDue({ includeDelayed: true });
    else await queue.runDue({ now: runAt });
    expect(ran).toEqual([shop]);
  });

  it("backoff doubles per attempt with jitter in [1, 2) × base and is capped at an hour", () => {
    expect(retryDelayMs(1, () => 0)).toBe(5_000);
    expect(retryDelayMs(2, () => 0)).toBe(10_000);
    expect(retryDelayMs(3, () => 0.5)).toBe(30_000);
    expect(retryDelayMs(30, () => 0.99)).toBe(3_600_000);
  });

  it("drops a second pending job with the same singleton key, and a redelivered job is idempotent", async () => {
    const queue = newQueue();
    const shop = uniqueShop("singleton");
    let total = 0;
    queue.register("test-idempotent", async (data) => {
      // an idempotent handler: sets a value keyed by the job's data instead of adding to it
      total = Number(data.value);
    });
    expect(await queue.enqueue("test-idempotent", { shop, value: 4 }, { singletonKey: "k1" })).toEqual(expect.any(String));
    expect(await queue.enqueue("test-idempotent", { shop, value: 4 }, { singletonKey: "k1" })).toBeNull();
    expect(await queue.runDue()).toEqual({ completed: 1, failed: 0 });
    // once done, the same key may be enqueued again (a redelivery); running it again changes nothing
    expect(await queue.enqueue("test-idempotent", { shop, value: 4 }, { singletonKey: "k1" })).toEqual(expect.any(String));
    expect(await queue.runDue()).toEqual({ completed: 1, failed: 0 });
    expect(total).toBe(4);
  });

  it("a redelivered process-webhook job does not apply its event twice", async () => {
    const queue = registerJobs(newQueue());
    const shop = uniqueShop("redeliver");
    await createShop(shop, { shop });
    await createLocation(shop, 1, { name: "Main" });
    const product = await createProduct(shop, { title: "Mug" });
    await createVariant(shop, product.id, 1, { title: "Default", inventoryItemId: "gid://shopify/InventoryItem/1" });
    const order = {
      admin_graphql_api_id: "gid://shopify/Order/1",
      name: "#1",
      created_at: "2026-11-20T10:00:00Z",
      updated_at: "2026-11-20T10:00:00Z",
      line_items: [{ admin_graphql_api_id: "gid://shopify/LineItem/1", variant_id: 1, quantity: 2, current_quantity: 2, price: "7.50" }],
      refunds: [],
    };
    const event = await prisma.webhookEvent.create({ data: { shop, webhookId: "w-1", topic: "orders/create", payload: JSON.stringify(order) } });
    for (let i = 0; i < 3; i++) {
      await queue.enqueue(JOB.processWebhook, { shop, webhookEventId: event.id });
      await queue.runDue();
    }
    const days = await prisma.demandDay.findMany({ where: { shop } });
    expect(days.map((d) => [d.date, d.units, d.revenue.toString(), d.orders])).toEqual([["2026-11-20", 2, "15", 1]]);
    expect((await prisma.webhookEvent.findUniqueOrThrow({ where: { id: event.id } })).attempts).toBe(1);
    const jobs = await listJobSummaries(shop);
    expect(jobs.filter((j) => j.name === JOB.processWebhook).map((j) => j.status)).toEqual(["completed", "completed", "completed"]);
    // The one applied delivery asked for one (debounced, still waiting) alerts evaluation.
    expect(jobs.filter((j) => j.name === JOB.alertsAfterWebhook).map((j) => j.status)).toEqual(["queued"]);
  });

  it("the nightly plan sweep picks each shop once per local day, after 02:00 in its own time zone", async () => {
    // The test database holds other files' shops too, so the sweep's choice is checked for ours and the
    // plan job is run for ours only (a real sweep here would plan every shop in the database).
    const queue = registerJobs(newQueue());
    const now = new Date("2026-11-20T11:30:00Z");
    const tokyo = uniqueShop("plan-tokyo"); // 20:30 local: due
    const honolulu = uniqueShop("plan-honolulu"); // 01:30 local: not yet
    const planned = uniqueShop("plan-done"); // due, but already planned today
    await prisma.shop.createMany({
      data: [
        { shop: tokyo, name: "Tokyo", ianaTimezone: "Asia/Tokyo" },
        { shop: honolulu, name: "Honolulu", ianaTimezone: "Pacific/Honolulu" },
        { shop: planned, name: "Planned", ianaTimezone: "UTC" },
      ],
    });
    await prisma.planRun.create({ data: { shop: planned, status: "complete", asOfDate: "2026-11-20" } });
    const due = await shopsDueForNightlyPlan(now);
    expect(due).toContain(tokyo);
    expect(due).not.toContain(honolulu);
    expect(due).not.toContain(planned);

    expect(await enqueuePlan(queue, tokyo, "nightly")).toEqual(expect.any(String));
    expect(await enqueuePlan(queue, tokyo, "nightly")).toBeNull(); // one waiting plan per shop
    await handlePlanJob({ shop: tokyo, trigger: "nightly" });
    const run = await prisma.planRun.findFirstOrThrow({ where: { shop: tokyo } });
    expect([run.status, run.trigger, run.asOfDate]).toEqual(["complete", "nightly", localDate(new Date(), "Asia/Tokyo")]);
    expect(await shopsDueForNightlyPlan(new Date())).not.toContain(tokyo);
    await cancelShopJobs(tokyo);
  });

  it.skipIf(postgres)("on SQLite the running poller owns WAL checkpoints: automatic ones off, done when idle", async () => {
    const queue = trackTestQueue(new TableJobQueue({ pollMs: 50 }));
    await queue.start();
    const [setting] = await prisma.$queryRawUnsafe<{ wal_autocheckpoint: bigint | number }[]>("PRAGMA wal_autocheckpoint");
    expect(Number(setting.wal_autocheckpoint)).toBe(0);
    const shop = uniqueShop("wal");
    for (let i = 0; i < 100; i++) await prisma.location.create({ data: { shop, shopifyId: `gid://shopify/Location/${i}`, name: `L${i}` } });
    await new Promise((r) => setTimeout(r, 1500)); // idle ticks (every 50 ms, later on a busy machine): the poller checkpoints
    // Once everything is checkpointed, the next write starts the WAL over, so it holds that write alone.
    await prisma.shop.create({ data: { shop, name: "WAL" } });
    const [state] = await prisma.$queryRawUnsafe<{ log: bigint | number }[]>("PRAGMA wal_checkpoint(PASSIVE)");
    expect(Number(state.log)).toBeLessThan(20);
    await queue.stop();
    await prisma.$queryRawUnsafe("PRAGMA wal_autocheckpoint = 1000");
  });

  it.skipIf(postgres)("on SQLite a checkpoint runs on a connection of its own, off the event loop: it completes while the app's connection is inside a transaction", async () => {
    // In-process, the checkpoint would queue behind the open transaction on the app's single connection
    // (as every request does while it runs); on its own thread it copies the WAL meanwhile.
    await prisma.$queryRawUnsafe("PRAGMA wal_autocheckpoint = 0"); // as the app's poller sets it
    const shop = uniqueShop("wal-thread");
    for (let i = 0; i < 50; i++) await prisma.location.create({ data: { shop, shopifyId: `gid://shopify/Location/${i}`, name: `L${i}` } });
    const outcome = await prisma.$transaction(
      async (tx) => {
        await tx.shop.create({ data: { shop, name: "WAL thread" } });
        return Promise.race([checkpointWal().then(() => "checkpointed"), new Promise((r) => setTimeout(() => r("waited"), 3_000))]);
      },
      { timeout: 20_000 },
    );
    await prisma.$queryRawUnsafe("PRAGMA wal_autocheckpoint = 1000");
    expect(outcome).toBe("checkpointed");
  });

  it("the nightly snapshot writes end-of-day rows for shops in their last local hour", async () => {
    const queue = registerJobs(newQueue(), { now: () => new Date("2026-11-21T07:30:00Z") }); // 23:30 in Los Angeles
    const la = uniqueShop("snap-la");
    const paris = uniqueShop("snap-paris");
    await createShop(la, { shop: la, ianaTimezone: "America/Los_Angeles" });
    await createShop(paris, { shop: paris, ianaTimezone: "Europe/Paris" });
    for (const shop of [la, paris]) {
      const location = await createLocation(shop, 1, { name: "Main" });
      const product = await createProduct(shop, { title: "Mug" });
      const variant = await createVariant(shop, product.id, 1, { title: "Default" });
      await createLevel(shop, variant.id, location.id, 0);
    }
    const due = await shopsDueForSnapshot(new Date("2026-11-21T07:30:00Z"));
    expect(due.filter((d) => d.shop === la || d.shop === paris)).toEqual([{ shop: la, date: "2026-11-20" }]);
    await queue.enqueue(JOB.snapshotSweep, { shop: "*" });
    await queue.runDue();
    await queue.runDue();
    const rows = await prisma.inventorySnapshot.findMany({ where: { shop: { in: [la, paris] } } });
    expect(rows.map((r) => [r.shop, r.date, r.available, r.stockedOut])).toEqual([[la, "2026-11-20", 0, true]]);
    // running it again rewrites the same row
    expect(await snapshotShopInventory(la, "2026-11-20")).toBe(1);
    expect(await prisma.inventorySnapshot.count({ where: { shop: la } })).toBe(1);
  });
});
