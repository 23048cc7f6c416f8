import { z } from "zod";
import { shopsWithStrandedWebhookEvents } from "~/models/webhook-event.server";
import { alertsFollowWebhook } from "~/services/alerts/evaluate.server";
import { drainReceivedWebhookEvents, settleBulkOperationFinish } from "~/services/sync/process-webhook.server";
import { refreshesQuantities } from "~/services/sync/quantities.server";
import { ingestWebhook, type IncomingWebhook, type IngestResult } from "~/services/webhooks.server";
import { SYNC_TOPICS, topicOf } from "~/shopify/webhook-topics";
import { env } from "~/utils/env.server";
import { JOB } from "~/utils/job-names";
import { httpRequestsInFlight } from "~/utils/http-load.server";
import { logger } from "~/utils/logger.server";
import { readComponentsAfterWebhook } from "./bundles.server";
import { enqueueBackfill, getProcessQueue as getJobQueue } from "./process-queue.server";
import { enqueueTouchedPlan } from "./planning.server";
import { enqueueNativePurchaseOrderRead, enqueueQuantityRefresh } from "./quantities.server";
import { DEFAULT_MAX_ATTEMPTS, retryDelayMs, type JobQueue } from "./queue.server";

// Hand-off of recorded webhooks (docs/decisions/005-webhook-drain.md). The committed WebhookEvent row
// ("received") is the work item: a request asks for one per-shop `drain-webhooks` job, throttled per
// process, and a sweep every minute catches events whose hand-off never happened. The drain applies events
// in groups, one transaction each (DRAIN_GROUP); on SQLite it gives way to HTTP requests between groups.
// A `process-webhook` job retries one event whose apply failed.

/** At most one drain enqueue per shop per this many ms per process (plus one trailing, see DrainRequests). */
export const DRAIN_THROTTLE_MS = 250;
/** Events handled by one drain job before it hands over to a fresh one (other shops get their turn). */
export const DRAIN_LIMIT = 1000;
/** The sweep re-drains shops whose events have waited "received" this long. */
export const STRANDED_AFTER_MS = 30_000;

export const drainSingletonKey = (shop: string) => `drain-webhooks:${shop}`;

/**
 * What a webhook route calls after authenticating: validate + record once (service), then hand off. The
 * event row is committed before this resolves, so the 200 that follows never loses it. If the hand-off
 * fails, the error propagates (500), the event stays "received", and Shopify's retry of the same webhook
 * id hands it off again (see ingestWebhook); on PostgreSQL the sweep would also find it. A
 * bulk_operations/finish the shop's backfill waits for enqueues the backfill job.
 */
export async function receiveWebhook(incoming: IncomingWebhook): Promise<IngestResult> {
  const result = await ingestWebhook(incoming);
  if (result.eventId) await drainRequests(getJobQueue()).request(incoming.shop);
  // Newly granted read_inventory_purchase_orders: read the native POs now rather than at the next sweep.
  if (result.outcome === "applied" && topicOf(incoming.topic) === "app/scopes_update") await enqueueNativePurchaseOrderRead(getJobQueue(), incoming.shop);
  if (result.outcome === "recorded" && topicOf(incoming.topic) === "bulk_operations/finish") {
    if (await settleBulkOperationFinish(incoming.shop, incoming.webhookId, incoming.payload)) await enqueueBackfill(getJobQueue(), incoming.shop);
  }
  return result;
}

/**
 * Per-shop throttle of drain enqueues. The first request in a window enqueues at once (and the caller
 * awaits it); later ones in the window share one trailing enqueue at the window's end. Either way an
 * enqueue starts after the caller's event was committed, so a drain that runs after it sees the event
 * (pg-boss's "stately" policy keeps one queued drain per shop beside the one running). A trailing enqueue
 * lost with its process is covered by the sweep.
 */
export class DrainRequests {
  private last = new Map<string, number>();
  private trailing = new Set<string>();

  constructor(
    private readonly send: (shop: string) => Promise<unknown>,
    private readonly intervalMs = DRAIN_THROTTLE_MS,
    private readonly now: () => number = Date.now,
  ) {}

  async request(shop: string): Promise<void> {
    const now = this.now();
    const last = this.last.get(shop);
    if (last === undefined || now - last >= this.intervalMs) {
      this.last.set(shop, now);
      if (this.last.size > 10_000) this.forgetBefore(now - this.intervalMs);
      await this.send(shop);
      return;
    }
    if (this.trailing.has(shop)) return;
    this.trailing.add(shop);
    const timer = setTimeout(() => {
      this.trailing.delete(shop);
      this.last.set(shop, this.now());
      this.send(shop).catch((error: unknown) => logger.error({ kind: "webhook-drain", shop, outcome: "enqueue-failed", error: String(error) }));
    }, last + this.intervalMs - now);
    timer.unref();
  }

  private forgetBefore(time: number) {
    for (const [shop, at] of this.last) if (at < time && !this.trailing.has(shop)) this.last.delete(shop);
  }
}

const enqueueDrain = (queue: JobQueue, shop: string) => queue.enqueue(JOB.drainWebhooks, { shop }, { singletonKey: drainSingletonKey(shop) });

let requests: { queue: JobQueue; drains: DrainRequests } | null = null;
function drainRequests(queue: JobQueue): DrainRequests {
  // Tests enqueue on every request, so a job is waiting when they run the queue right after delivering.
  if (requests?.queue !== queue) requests = { queue, drains: new DrainRequests((shop) => enqueueDrain(queue, shop), env.NODE_ENV === "test" ? 0 : DRAIN_THROTTLE_MS) };
  return requests.drains;
}

const shopData = z.object({ shop: z.string().min(1) });

/** The drain job and the sweep that re-drains stranded events (registered on both backends). */
export function registerWebhookJobs(queue: JobQueue, options: { now: () => Date; alertsDebounceMs: number }) {
  queue.register(JOB.drainWebhooks, async (data) => {
    const { shop } = shopData.parse(data);
    let alerts = false;
    let quantities = false;
    let replan = false;
    const summary = await drainReceivedWebhookEvents(shop, {
      limit: DRAIN_LIMIT,
      // The in-process SQLite poller shares the event loop with the webhook routes: acknowledgements first.
      pauseWhile: queue.backend === "sqlite" ? () => httpRequestsInFlight() > 0 : undefined,
      afterApplied: async (topic, outcome, payload) => {
        alerts ||= alertsFollowWebhook(topic, outcome);
        replan ||= outcome === "processed" && alertsFollowWebhook(topic, outcome);
        quantities ||= outcome === "processed" && refreshesQuantities(topic);
        await readComponentsAfterWebhook(queue, shop, topic, outcome, payload);
      },
      // Marked failed already; retried on its own with backoff, this drain having been its first attempt.
      onError: async (webhookEventId) => {
        await queue.enqueue(
          JOB.processWebhook,
          { shop, webhookEventId },
          { singletonKey: `webhook:${webhookEventId}`, runAt: new Date(options.now().getTime() + retryDelayMs(1)), maxAttempts: DEFAULT_MAX_ATTEMPTS - 1 },
        );
      },
    });
    if (quantities) await enqueueQuantityRefresh(queue, shop, options.now());
    if (alerts) await enqueueAlertsAfterWebhook(queue, shop, options);
    // The plan follows within seconds, not after the alerts' debounce (its job re-evaluates the patched lines' alerts).
    if (replan) await enqueueTouchedPlan(queue, shop, options.now());
    if (summary.more) await enqueueDrain(queue, shop);
  });
  queue.register(JOB.webhookSweep, async () => {
    const before = new Date(options.now().getTime() - STRANDED_AFTER_MS);
    for (const shop of await shopsWithStrandedWebhookEvents(SYNC_TOPICS, before)) await enqueueDrain(queue, shop);
  });
}

/** One evaluation per shop a few seconds after a burst: while one waits, further enqueues are dropped. */
export function enqueueAlertsAfterWebhook(queue: JobQueue, shop: string, options: { now: () => Date; alertsDebounceMs: number }) {
  return queue.enqueue(JOB.alertsAfterWebhook, { shop }, { singletonKey: `alerts-after-webhook:${shop}`, runAt: new Date(options.now().getTime() + options.alertsDebounceMs) });
}
