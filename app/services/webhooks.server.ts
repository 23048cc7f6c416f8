import { markShopUninstalled, deleteAllShopData, updateShopScopes } from "~/models/shop-data.server";
import { markWebhookEvent, recordWebhookEvent } from "~/models/webhook-event.server";
import { parseWebhookPayload, type WebhookPayload } from "~/shopify/webhook-payloads";
import { topicFromConstant, type WebhookTopic } from "~/shopify/webhook-topics";
import { logger } from "~/utils/logger.server";

export interface IncomingWebhook {
  shop: string;
  /** As reported by authenticate.webhook, e.g. "ORDERS_CREATE". */
  topic: string;
  webhookId: string;
  payload: unknown;
}

export type WebhookOutcome = "applied" | "queued" | "duplicate" | "rejected";

/**
 * Takes one verified delivery: validates it, records it once under its webhook id, and applies the
 * app-lifecycle and privacy topics at once. Catalog, order and inventory topics stay recorded as
 * "received" for the sync worker. A payload that fails its schema is kept raw as a failed event (visible
 * in Sync health, re-processable) and still acknowledged, so Shopify does not retry it forever.
 */
export async function ingestWebhook(incoming: IncomingWebhook): Promise<WebhookOutcome> {
  const { shop, webhookId } = incoming;
  const topic = topicFromConstant(incoming.topic);
  const parsed = topic ? parseWebhookPayload(topic, incoming.payload) : { ok: false as const, error: `unsubscribed topic ${incoming.topic}` };
  if (!topic || !parsed.ok) {
    await recordWebhookEvent(shop, {
      webhookId,
      topic: topic ?? incoming.topic,
      status: "failed",
      error: parsed.ok ? "unknown topic" : parsed.error,
      payload: JSON.stringify(incoming.payload),
    });
    logger.warn({ kind: "webhook", shop, topic: incoming.topic, outcome: "rejected" });
    return "rejected";
  }
  if (!(await recordWebhookEvent(shop, { webhookId, topic, status: "received" }))) return "duplicate";
  if (!(await applyLifecycleTopic(shop, topic, parsed.data))) return "queued";
  if (topic !== "shop/redact") await markWebhookEvent(shop, webhookId, "processed");
  return "applied";
}

/** Topics about the installation itself; returns false for the data topics handled by sync. */
async function applyLifecycleTopic(shop: string, topic: WebhookTopic, payload: unknown): Promise<boolean> {
  switch (topic) {
    case "app/uninstalled":
      await markShopUninstalled(shop, new Date());
      return true;
    case "app/scopes_update":
      await updateShopScopes(shop, (payload as WebhookPayload<"app/scopes_update">).current.join(","));
      return true;
    case "shop/redact":
      await deleteAllShopData(shop);
      return true;
    case "customers/data_request":
    case "customers/redact":
      // We hold no customer data (docs/privacy.md): order lines carry no customer fields. Acknowledge.
      logger.info({ kind: "compliance", shop, topic, outcome: "nothing-held" });
      return true;
    default:
      return false;
  }
}
