import { ingestWebhook, type IncomingWebhook, type IngestResult } from "~/services/webhooks.server";
import { getJobQueue, JOB } from "./index.server";

/**
 * What a webhook route calls after authenticating: validate + record once (service), then hand the event
 * to exactly one `process-webhook` job. The job key is the event id, so a repeated hand-off is dropped
 * while one is pending. If enqueueing fails, the error propagates (500), the event stays "received", and
 * Shopify's retry of the same webhook id hands it off again (see ingestWebhook); the job itself does
 * nothing for an event already processed.
 */
export async function receiveWebhook(incoming: IncomingWebhook): Promise<IngestResult> {
  const result = await ingestWebhook(incoming);
  if (result.eventId) {
    await getJobQueue().enqueue(
      JOB.processWebhook,
      { shop: incoming.shop, webhookEventId: result.eventId },
      { singletonKey: `webhook:${result.eventId}` },
    );
  }
  return result;
}
