import { cancelShopJobs } from "~/models/jobs.server";
import { markShopUninstalled, deleteAllShopData, updateShopScopes } from "~/models/shop-data.server";
import { isShopUninstalled } from "~/models/shop.server";
import { markWebhookEvent, recordWebhookEvent } from "~/models/webhook-event.server";
import { grantsScope, NATIVE_PURCHASE_ORDERS_SCOPE } from "~/shopify/scopes";
import { parseWebhookPayload, type WebhookPayload } from "~/shopify/webhook-payloads";
import { topicFromConstant, type WebhookTopic } from "~/shopify/webhook-topics";
import { logger } from "~/utils/logger.server";
import { isSyncTopic } from "./sync/process-webhook.server";
import { scrubOrderPayloads } from "./sync/retention.server";
import { storedPayload } from "./sync/stored-payload";

export interface IncomingWebhook {
  shop: string;
  /** As reported by authenticate.webhook, e.g. "ORDERS_CREATE". */
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
 * off (the shop's drain job on PostgreSQL, one `process-webhook` job on SQLite). bulk_operations/finish stays "recorded" for the backfill.
 * A payload that fails its schema is kept (its allow-listed fields, stored-payload.ts) as a failed event (visible in Sync health,
 * re-processable) and still acknowledged, so Shopify does not retry it forever.
 */
export async function ingestWebhook(incoming: IncomingWebhook): Promise<IngestResult> {
  const done = (outcome: WebhookOutcome, eventId: string | null = null): IngestResult => ({ outcome, eventId });
  const { shop, webhookId } = incoming;
  const topic = topicFromConstant(incoming.topic);
  // An uninstalled shop's data is not ours to update: acknowledged (so Shopify stops), neither kept nor
  // applied. Lifecycle and privacy topics still apply (shop/redact arrives 48 h after the uninstall).
  if (topic && (isSyncTopic(topic) || topic === "bulk_operations/finish") && (await isShopUninstalled(shop))) {
    logger.info({ kind: "webhook", shop, topic, outcome: "ignored-uninstalled" });
    return done("ignored");
  }
  const parsed = topic ? parseWebhookPayload(topic, incoming.payload) : { ok: false as const, error: `unsubscribed topic ${incoming.topic}` };
  if (!topic || !parsed.ok) {
    await recordWebhookEvent(shop, {
      webhookId,
      topic: topic ?? incoming.topic,
      status: "failed",
      error: parsed.ok ? "unknown topic" : parsed.error,
      payload: storedPayload(topic, incoming.payload) ?? undefined,
    });
    logger.warn({ kind: "webhook", shop, topic: incoming.topic, outcome: "rejected" });
    return done("rejected");
  }
  const sync = isSyncTopic(topic);
  const recorded = await recordWebhookEvent(shop, {
    webhookId,
    topic,
    status: "received",
    ...(sync || topic === "bulk_operations/finish" ? { payload: storedPayload(topic, incoming.payload)! } : {}),
  });
  if (!recorded?.created) {
    // A redelivery. If the first delivery's hand-off never happened (crash, enqueue error → 500), the
    // event is still "received": hand it off again (singleton keys drop a second pending job).
    return done("duplicate", sync && recorded?.status === "received" ? recorded.id : null);
  }
  if (sync) return done("queued", recorded.id);
  if (!(await applyLifecycleTopic(shop, topic, parsed.data))) return done("recorded");
  if (topic !== "shop/redact") await markWebhookEvent(shop, webhookId, "processed");
  return done("applied");
}

/** Topics about the installation itself; returns false for the data topics handled by sync. */
async function applyLifecycleTopic(shop: string, topic: WebhookTopic, payload: unknown): Promise<boolean> {
  switch (topic) {
    case "app/uninstalled":
      await markShopUninstalled(shop, new Date());
      await cancelShopJobs(shop);
      return true;
    case "app/scopes_update": {
      const scopes = (payload as WebhookPayload<"app/scopes_update">).current.join(",");
      await updateShopScopes(shop, scopes, { dropNativePurchaseOrders: !grantsScope(scopes, NATIVE_PURCHASE_ORDERS_SCOPE) });
      return true;
    }
    case "shop/redact":
      await cancelShopJobs(shop);
      await deleteAllShopData(shop);
      return true;
    case "customers/data_request":
      // We hold no customer data (docs/privacy.md): order lines carry no customer fields. Acknowledge.
      logger.info({ kind: "compliance", shop, topic, outcome: "nothing-held" });
      return true;
    case "customers/redact": {
      // Order lines carry no customer fields; the stored webhook payloads of the orders named are scrubbed.
      const scrubbed = await scrubOrderPayloads(shop, (payload as WebhookPayload<"customers/redact">).orders_to_redact);
      logger.info({ kind: "compliance", shop, topic, outcome: "scrubbed", events: scrubbed });
      return true;
    }
    default:
      return false;
  }
}
