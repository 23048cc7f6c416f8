import { cancelShopJobs } from "~/models/jobs.server";
import { markShopUninstalled, deleteAllShopData, updateShopScopes } from "~/models/shop-data.server";
import { markWebhookEvent, recordWebhookEvent } from "~/models/webhook-event.server";
import { grantsScope, NATIVE_PURCHASE_ORDERS_SCOPE } from "~/shopify/scopes";
import { isSyncTopic, parseWebhookPayload, topicOf, WEBHOOK_TOPICS, type IngestionTopic, type WebhookPayload, type WebhookTopic } from "~/shopify/webhook-topics";
import { logger } from "~/utils/logger.server";
import { scrubOrderPayloads } from "./sync/retention.server";
import { storedPayload } from "./sync/stored-payload";

export interface IncomingWebhook {
  shop: string;
  /** As the X-Shopify-Topic header names it, e.g. "orders/create". */
  topic: string;
  webhookId: string;
  payload: unknown;
}

export type WebhookOutcome = "applied" | "queued" | "duplicate" | "rejected" | "recorded" | "ignored";

export interface IngestResult {
  outcome: WebhookOutcome;
  /**
   * The WebhookEvent row to hand off (app/jobs/webhooks.server.ts): set for a new data event ("queued") and for a
   * redelivery of one that is still unprocessed ("duplicate"); null otherwise.
   */
  eventId: string | null;
}

/**
 * Takes one verified delivery: validates it, records it once under its webhook id (with its raw payload),
 * and applies the app-lifecycle and privacy topics at once. Catalog, order and inventory topics are
 * recorded as "received" and returned as "queued": the caller (app/jobs/webhooks.server.ts) hands the event
 * off (the shop's drain job, on both databases). bulk_operations/finish stays "recorded" for the backfill.
 * A payload that fails its schema is kept (its allow-listed fields, stored-payload.ts) as a failed event (visible in Sync health,
 * re-processable) and still acknowledged, so Shopify does not retry it forever.
 */
export async function ingestWebhook(incoming: IncomingWebhook): Promise<IngestResult> {
  const done = (outcome: WebhookOutcome, eventId: string | null = null): IngestResult => ({ outcome, eventId });
  const { shop, webhookId } = incoming;
  const topic = topicOf(incoming.topic);
  // An uninstalled shop's data is not ours to update: acknowledged (so Shopify stops), neither kept nor
  // applied. Lifecycle and privacy topics still apply (shop/redact arrives 48 h after the uninstall).
  const skipIfUninstalled = topic !== null && (isSyncTopic(topic) || topic === "bulk_operations/finish");
  const ignored = () => {
    logger.info({ kind: "webhook", shop, topic, outcome: "ignored-uninstalled" });
    return done("ignored");
  };
  const parsed = topic ? parseWebhookPayload(topic, incoming.payload) : { ok: false as const, error: `unsubscribed topic ${incoming.topic}` };
  if (!topic || !parsed.ok) {
    const recorded = await recordWebhookEvent(shop, {
      webhookId,
      topic: topic ?? incoming.topic,
      status: "failed",
      error: parsed.ok ? "unknown topic" : parsed.error,
      payload: storedPayload(topic, incoming.payload) ?? undefined,
      skipIfUninstalled,
    });
    if (recorded === "uninstalled") return ignored();
    logger.warn({ kind: "webhook", shop, topic: incoming.topic, outcome: "rejected" });
    return done("rejected");
  }
  const sync = isSyncTopic(topic);
  const recorded = await recordWebhookEvent(shop, {
    webhookId,
    topic,
    status: "received",
    ...(sync || topic === "bulk_operations/finish" ? { payload: storedPayload(topic, incoming.payload)! } : {}),
    skipIfUninstalled,
  });
  if (recorded === "uninstalled") return ignored();
  if (!recorded?.created) {
    // A redelivery. If the first delivery's hand-off never happened (crash, enqueue error → 500), the
    // event is still "received": hand it off again (singleton keys drop a second pending job).
    return done("duplicate", sync && recorded?.status === "received" ? recorded.id : null);
  }
  if (sync) return done("queued", recorded.id);
  if (!isIngestionTopic(topic)) return done("recorded");
  await AT_INGESTION[topic](shop, parsed.data as never);
  if (topic !== "shop/redact") await markWebhookEvent(shop, webhookId, "processed");
  return done("applied");
}

function isIngestionTopic(topic: WebhookTopic): topic is IngestionTopic {
  const { kind } = WEBHOOK_TOPICS[topic];
  return kind === "lifecycle" || kind === "compliance";
}

/** The topics about the installation itself and the privacy requests, applied as they arrive. */
const AT_INGESTION: { [T in IngestionTopic]: (shop: string, payload: WebhookPayload<T>) => Promise<void> } = {
  "app/uninstalled": async (shop) => {
    await markShopUninstalled(shop, new Date());
    await cancelShopJobs(shop);
  },
  "app/scopes_update": async (shop, payload) => {
    const scopes = payload.current.join(",");
    await updateShopScopes(shop, scopes, { dropNativePurchaseOrders: !grantsScope(scopes, NATIVE_PURCHASE_ORDERS_SCOPE) });
  },
  "shop/redact": async (shop) => {
    await cancelShopJobs(shop);
    await deleteAllShopData(shop);
  },
  // We hold no customer data (docs/privacy.md): order lines carry no customer fields. Acknowledge.
  "customers/data_request": async (shop) => {
    logger.info({ kind: "compliance", shop, topic: "customers/data_request", outcome: "nothing-held" });
  },
  // Order lines carry no customer fields; the stored webhook payloads of the orders named are scrubbed.
  "customers/redact": async (shop, payload) => {
    const scrubbed = await scrubOrderPayloads(shop, payload.orders_to_redact);
    logger.info({ kind: "compliance", shop, topic: "customers/redact", outcome: "scrubbed", events: scrubbed });
  },
};
