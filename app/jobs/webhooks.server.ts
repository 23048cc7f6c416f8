import { settleBulkOperationFinish } from "~/services/sync/process-webhook.server";
import { ingestWebhook, type IncomingWebhook, type IngestResult } from "~/services/webhooks.server";
import { topicFromConstant } from "~/shopify/webhook-topics";
import { enqueueBackfill } from "./backfill.server";
import { getJobQueue, JOB } from "./index.server";

/**
 * What a webhook route calls after authenticating: validate + record once (service), then hand the event
 * to exactly one `process-webhook` job. The job key is the event id, so a repeated hand-off is dropped
 * while one is pending. If enqueueing fails, the error propagates (500), the event stays "received", and
 * Shopify's retry of the same webhook id hands it off again (see ingestWebhook); the job itself does
 * nothing for an event already processed. A bulk_operations/finish the shop's backfill waits for enqueues
 * the backfill job (which finds the operation completed and streams its result).
 */
export async function receiveWebhook(incoming: IncomingWebhook): Promise<IngestResult> {
  const result = await ingestWebhook(incoming);
  if (result.eventId) {
    await getJobQueue().enqueue(
      JOB.processWebhook,
      { shop: incoming.shop, webhookEventId: result.eventId },
      // A first delivery's event row is new, so no job can hold its key yet.
      { singletonKey: `webhook:${result.eventId}`, keyIsNew: result.outcome === "queued" },
    );
  }
  if (result.outcome === "recorded" && topicFromConstant(incoming.topic) === "bulk_operations/finish") {
    if (await settleBulkOperationFinish(incoming.shop, incoming.webhookId, incoming.payload)) await enqueueBackfill(getJobQueue(), incoming.shop);
  }
  return result;
}
