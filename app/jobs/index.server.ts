import { z } from "zod";
import { alertsFollowWebhook, reevaluateStockAlerts } from "~/services/alerts/evaluate.server";
import { MAX_DELIVERY_ATTEMPTS, queueAlertDeliveries, queueDueDigests, sendDelivery, shopsDueForDelivery } from "~/services/notifications/delivery.server";
import { shopsDueForNightlyPlan } from "~/services/planning/nightly.server";
import { processWebhookEvent } from "~/services/sync/process-webhook.server";
import { refreshesQuantities } from "~/services/sync/quantities.server";
import { clearExpiredWebhookPayloads } from "~/services/sync/retention.server";
import { shopsDueForSnapshot, snapshotInventoryForDay } from "~/services/sync/snapshots.server";
import { env } from "~/utils/env.server";
import { JOB } from "~/utils/job-names";
import { logger } from "~/utils/logger.server";
import { enqueuePlan, enqueueTouchedPlan, handlePlanJob, handleTouchedPlanJob } from "./planning.server";
import { handleBackfillJob, type BackfillJobOptions } from "./backfill.server";
import {
  enqueueNativePurchaseOrderRead,
  enqueueQuantityRefresh,
  registerQuantityJobs,
  type QuantityJobOptions,
} from "./quantities.server";
import { handleBundleComponentsJob, readComponentsAfterWebhook, type BundleComponentsJobOptions } from "./bundles.server";
import { handleImportJob } from "./import.server";
import { getProcessQueue, setUpProcessQueue } from "./process-queue.server";
import { PgBossJobQueue, type JobQueue } from "./queue.server";
import { enqueueAlertsAfterWebhook, registerWebhookJobs } from "./webhooks.server";

export { JOB };

const ALERTS_DEBOUNCE_MS = 10_000;
const processWebhookData = z.object({ shop: z.string(), webhookEventId: z.string() });
const sendNotificationData = z.object({ shop: z.string(), deliveryId: z.string() });
const snapshotData = z.object({ shop: z.string(), date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) });

/** Registers every handler on `queue`. Handlers are idempotent: any job may run more than once. */
export function registerJobs(queue: JobQueue, options: { now?: () => Date; backfill?: BackfillJobOptions; quantities?: Omit<QuantityJobOptions, "now">; bundles?: BundleComponentsJobOptions } = {}): JobQueue {
  const now = options.now ?? (() => new Date());
  queue.register(JOB.backfill, async (data) => {
    // A finished backfill brings the whole store: plan it now rather than at night, and read its native POs.
    if ((await handleBackfillJob(data, options.backfill)) === "completed") {
      const shop = z.string().parse(data.shop);
      await enqueuePlan(queue, shop, "backfill");
      await enqueueNativePurchaseOrderRead(queue, shop);
    }
  });
  queue.register(JOB.plan, (data) => handlePlanJob(data, queue, now()));
  queue.register(JOB.csvImport, (data, context) => handleImportJob(data, context, queue));
  queue.register(JOB.planSweep, async () => {
    for (const shop of await shopsDueForNightlyPlan(now())) await enqueuePlan(queue, shop, "nightly");
  });
  queue.register(JOB.processWebhook, async (data) => {
    const { shop, webhookEventId } = processWebhookData.parse(data);
    await processWebhookEvent(shop, webhookEventId, {
      // One evaluation per shop a few seconds after a burst: while one waits, further enqueues are dropped.
      afterApplied: async (topic, outcome, payload) => {
        // The touched items' on hand, committed, incoming and reserved are read a few seconds later, in one batch.
        if (outcome === "processed" && refreshesQuantities(topic)) await enqueueQuantityRefresh(queue, shop, now());
        await readComponentsAfterWebhook(queue, shop, topic, outcome, payload);
        if (!alertsFollowWebhook(topic, outcome)) return;
        await enqueueAlertsAfterWebhook(queue, shop, { now, alertsDebounceMs: ALERTS_DEBOUNCE_MS });
        // The plan follows within seconds, not after the alerts' debounce (its job re-evaluates stock alerts too).
        if (outcome === "processed") await enqueueTouchedPlan(queue, shop, now());
      },
    });
  });
  registerWebhookJobs(queue, { now, alertsDebounceMs: ALERTS_DEBOUNCE_MS });
  registerQuantityJobs(queue, { now, ...options.quantities });
  queue.register(JOB.bundleComponents, async (data) => {
    // A changed bill of materials moved its components' demand: re-plan them now, not at night.
    if ((await handleBundleComponentsJob(data, options.bundles)) === "changed") await enqueueTouchedPlan(queue, z.string().parse(data.shop), now());
  });
  queue.register(JOB.alertsAfterWebhook, async (data) => {
    const shop = z.string().min(1).parse(data.shop);
    await reevaluateStockAlerts(shop, now());
  });
  queue.register(JOB.planTouched, (data) => handleTouchedPlanJob(data, now(), queue));
  queue.register(JOB.snapshotInventory, async (data) => {
    const { shop, date } = snapshotData.parse(data);
    await snapshotInventoryForDay(shop, date);
  });
  queue.register(JOB.snapshotSweep, async () => {
    for (const { shop, date } of await shopsDueForSnapshot(now())) {
      await queue.enqueue(JOB.snapshotInventory, { shop, date }, { singletonKey: `snapshot:${shop}:${date}` });
    }
  });
  queue.register(JOB.webhookRetention, async () => {
    const cleared = await clearExpiredWebhookPayloads(now());
    logger.info({ kind: "retention", outcome: "cleared", ...cleared });
  });
  registerNotificationJobs(queue, now);
  return queue;
}

/** Enqueues one send job per delivery (a retrying or queued send of the same delivery is not doubled). */
async function enqueueSends(queue: JobQueue, shop: string, deliveryIds: readonly string[]) {
  for (const deliveryId of deliveryIds) {
    await queue.enqueue(JOB.sendNotification, { shop, deliveryId }, { singletonKey: `delivery:${deliveryId}`, maxAttempts: MAX_DELIVERY_ATTEMPTS });
  }
}

function registerNotificationJobs(queue: JobQueue, now: () => Date) {
  queue.register(JOB.deliverNotifications, async (data) => {
    const shop = z.string().min(1).parse(data.shop);
    await enqueueSends(queue, shop, await queueAlertDeliveries(shop, now()));
  });
  queue.register(JOB.sendNotification, async (data) => {
    const { shop, deliveryId } = sendNotificationData.parse(data);
    await sendDelivery(shop, deliveryId, now());
  });
  queue.register(JOB.notificationSweep, async () => {
    for (const shop of await shopsDueForDelivery(now())) {
      await queue.enqueue(JOB.deliverNotifications, { shop }, { singletonKey: `notify:${shop}` });
    }
  });
  queue.register(JOB.notificationDigest, async () => {
    for (const { shop, deliveryId } of await queueDueDigests(now())) await enqueueSends(queue, shop, [deliveryId]);
  });
}

/**
 * Starts working jobs in this process, plus the sweeps (hourly inventory snapshot, per-minute notification
 * delivery, quarter-hourly daily digest, hourly nightly-plan check, hourly webhook payload retention, hourly check
 * for the daily quantities refresh): pg-boss cron schedules on PostgreSQL; on SQLite timers that
 * enqueue each sweep (its singleton key keeps one pending at a time).
 */
export async function startJobs(queue: JobQueue): Promise<() => Promise<void>> {
  await queue.start();
  const timers: NodeJS.Timeout[] = [];
  if (queue instanceof PgBossJobQueue) {
    const boss = await queue.instance();
    await boss.createQueue(JOB.snapshotSweep, { name: JOB.snapshotSweep, policy: "stately" });
    await boss.schedule(JOB.snapshotSweep, "5 * * * *", { shop: "*" }, { singletonKey: "sweep" });
    await boss.createQueue(JOB.notificationSweep, { name: JOB.notificationSweep, policy: "stately" });
    await boss.schedule(JOB.notificationSweep, "* * * * *", { shop: "*" }, { singletonKey: "sweep" });
    await boss.createQueue(JOB.notificationDigest, { name: JOB.notificationDigest, policy: "stately" });
    await boss.schedule(JOB.notificationDigest, "*/15 * * * *", { shop: "*" }, { singletonKey: "sweep" });
    await boss.createQueue(JOB.planSweep, { name: JOB.planSweep, policy: "stately" });
    await boss.schedule(JOB.planSweep, "25 * * * *", { shop: "*" }, { singletonKey: "sweep" });
    await boss.createQueue(JOB.webhookSweep, { name: JOB.webhookSweep, policy: "stately" });
    await boss.schedule(JOB.webhookSweep, "* * * * *", { shop: "*" }, { singletonKey: "sweep" });
    await boss.createQueue(JOB.webhookRetention, { name: JOB.webhookRetention, policy: "stately" });
    await boss.schedule(JOB.webhookRetention, "40 * * * *", { shop: "*" }, { singletonKey: "sweep" });
    await boss.createQueue(JOB.quantitiesSweep, { name: JOB.quantitiesSweep, policy: "stately" });
    await boss.schedule(JOB.quantitiesSweep, "50 * * * *", { shop: "*" }, { singletonKey: "sweep" });
  } else {
    const every = (job: string, ms: number) => {
      const sweep = () =>
        queue.enqueue(job, { shop: "*" }, { singletonKey: "sweep" }).catch((error) => logger.error({ kind: "job", job, outcome: "error", error: String(error) }));
      const handle = setInterval(sweep, ms);
      handle.unref();
      timers.push(handle);
      void sweep();
    };
    every(JOB.snapshotSweep, 15 * 60_000);
    every(JOB.notificationSweep, 60_000);
    every(JOB.notificationDigest, 15 * 60_000);
    every(JOB.planSweep, 15 * 60_000);
    every(JOB.webhookSweep, 60_000);
    every(JOB.webhookRetention, 60 * 60_000);
    every(JOB.quantitiesSweep, 60 * 60_000);
  }
  return async () => {
    for (const handle of timers) clearInterval(handle);
    await queue.stop();
  };
}

/**
 * The process's job queue, with every handler registered (the queue itself is the leaf
 * process-queue.server.ts, which code below the jobs — Shopify's auth hooks — may use to enqueue). On
 * SQLite outside tests the app process is its own worker: the first use starts the in-process poller. On
 * PostgreSQL the app only enqueues; `npm run worker` (scripts/worker.ts) does the work. Tests drive the
 * queue with `runDue()`.
 */
export function getJobQueue(): JobQueue {
  return getProcessQueue();
}

setUpProcessQueue((queue) => {
  registerJobs(queue);
  if (queue.backend === "sqlite" && env.NODE_ENV !== "test") void startJobs(queue);
});
