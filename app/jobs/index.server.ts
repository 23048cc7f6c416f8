import { z } from "zod";
import { processWebhookEvent } from "~/services/sync/process-webhook.server";
import { shopsDueForSnapshot, snapshotInventoryForDay } from "~/services/sync/snapshots.server";
import { env } from "~/utils/env.server";
import { logger } from "~/utils/logger.server";
import { BACKFILL_JOB, handleBackfillJob, type BackfillJobOptions } from "./backfill.server";
import { createJobQueue, PgBossJobQueue, type JobQueue } from "./queue.server";

/** Job names (one pg-boss queue each). */
export const JOB = {
  processWebhook: "process-webhook",
  snapshotInventory: "snapshot-inventory",
  snapshotSweep: "snapshot-sweep",
  backfill: BACKFILL_JOB,
} as const;

const processWebhookData = z.object({ shop: z.string(), webhookEventId: z.string() });
const snapshotData = z.object({ shop: z.string(), date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) });

/** Registers every handler on `queue`. Handlers are idempotent: any job may run more than once. */
export function registerJobs(queue: JobQueue, options: { now?: () => Date; backfill?: BackfillJobOptions } = {}): JobQueue {
  const now = options.now ?? (() => new Date());
  queue.register(JOB.backfill, (data) => handleBackfillJob(data, options.backfill));
  queue.register(JOB.processWebhook, async (data) => {
    const { shop, webhookEventId } = processWebhookData.parse(data);
    await processWebhookEvent(shop, webhookEventId);
  });
  queue.register(JOB.snapshotInventory, async (data) => {
    const { shop, date } = snapshotData.parse(data);
    await snapshotInventoryForDay(shop, date);
  });
  queue.register(JOB.snapshotSweep, async () => {
    for (const { shop, date } of await shopsDueForSnapshot(now())) {
      await queue.enqueue(JOB.snapshotInventory, { shop, date }, { singletonKey: `snapshot:${shop}:${date}` });
    }
  });
  return queue;
}

/**
 * Starts working jobs in this process, plus the hourly snapshot sweep: a pg-boss cron schedule on
 * PostgreSQL; on SQLite a timer that enqueues the sweep (its singleton key keeps one pending at a time).
 */
export async function startJobs(queue: JobQueue): Promise<() => Promise<void>> {
  await queue.start();
  let timer: NodeJS.Timeout | null = null;
  if (queue instanceof PgBossJobQueue) {
    const boss = await queue.instance();
    await boss.createQueue(JOB.snapshotSweep, { name: JOB.snapshotSweep, policy: "stately" });
    await boss.schedule(JOB.snapshotSweep, "5 * * * *", { shop: "*" }, { singletonKey: "sweep" });
  } else {
    const sweep = () =>
      queue.enqueue(JOB.snapshotSweep, { shop: "*" }, { singletonKey: "sweep" }).catch((error) => logger.error({ kind: "job", job: JOB.snapshotSweep, outcome: "error", error: String(error) }));
    timer = setInterval(sweep, 15 * 60_000);
    timer.unref();
    void sweep();
  }
  return async () => {
    if (timer) clearInterval(timer);
    await queue.stop();
  };
}

declare global {
  var __stockcastJobQueue: JobQueue | undefined;
}

/**
 * The process's job queue, with every handler registered. On SQLite outside tests the app process is its
 * own worker: the first use starts the in-process poller. On PostgreSQL the app only enqueues; `npm run
 * worker` (scripts/worker.ts) does the work. Tests drive the queue with `runDue()`.
 */
export function getJobQueue(): JobQueue {
  if (!globalThis.__stockcastJobQueue) {
    const test = env.NODE_ENV === "test";
    const queue = registerJobs(createJobQueue(env.DATABASE_URL, { supervise: !test, schedule: !test }));
    globalThis.__stockcastJobQueue = queue;
    if (queue.backend === "sqlite" && !test) void startJobs(queue);
  }
  return globalThis.__stockcastJobQueue;
}
