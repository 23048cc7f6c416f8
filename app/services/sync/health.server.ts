import { timeZoneWarning } from "~/lib/time";
import { listJobSummaries, type JobSummary } from "~/models/jobs.server";
import { findShop } from "~/models/shop.server";
import { countWebhookEventsByStatus, listFailedWebhookEvents } from "~/models/webhook-event.server";
import type { SyncHealth } from "~/utils/sync-health";

export type { SyncHealth };

/**
 * Recent sync activity of one shop: webhook events by status over the last `windowHours`, the latest
 * failed events with their error (each re-processable), and the latest jobs with status, attempts and
 * last error. `status` is "attention" when anything has failed. `timeZoneWarning` says when the shop's
 * local days are not counted in the zone Shopify reports (lib/time timeZoneWarning).
 */
export async function getSyncHealth(shop: string, options: { now?: Date; windowHours?: number } = {}): Promise<SyncHealth> {
  const windowHours = options.windowHours ?? 24;
  const since = new Date((options.now ?? new Date()).getTime() - windowHours * 3_600_000);
  const [counts, failures, jobs, shopRow] = await Promise.all([
    countWebhookEventsByStatus(shop, since),
    listFailedWebhookEvents(shop, 10),
    listJobSummaries(shop, 20),
    findShop(shop),
  ]);
  const webhooks = {
    received: counts.received ?? 0,
    processed: counts.processed ?? 0,
    failed: counts.failed ?? 0,
    total: Object.values(counts).reduce((a, b) => a + b, 0),
    recentFailures: failures.map((f) => ({
      id: f.id,
      webhookId: f.webhookId,
      topic: f.topic,
      error: f.error,
      attempts: f.attempts,
      receivedAt: f.receivedAt.toISOString(),
    })),
  };
  const count = (status: JobSummary["status"]) => jobs.filter((j) => j.status === status).length;
  const jobSummary = { queued: count("queued"), running: count("running"), failed: count("failed"), recent: jobs };
  return {
    windowHours,
    webhooks,
    jobs: jobSummary,
    status: webhooks.recentFailures.length > 0 || jobSummary.failed > 0 ? "attention" : "ok",
    timeZoneWarning: shopRow ? timeZoneWarning(shopRow.ianaTimezone, shopRow.refusedTimeZone) : null,
  };
}
