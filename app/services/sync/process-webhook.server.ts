import { findShop } from "~/models/shop.server";
import { evaluateAlertsAfterWebhook } from "~/services/alerts.server";
import { isAwaitedBulkOperation } from "~/services/backfill.server";
import { inTransaction, type Db } from "~/models/transaction.server";
import { findWebhookEvent, findWebhookEventByWebhookId, markWebhookEventById } from "~/models/webhook-event.server";
import { parseWebhookPayload, type WebhookPayload } from "~/shopify/webhook-payloads";
import { ALL_TOPICS, type WebhookTopic } from "~/shopify/webhook-topics";
import { logger } from "~/utils/logger.server";
import {
  applyInventoryItemPayload,
  applyLocationPayload,
  applyProductPayload,
  deleteInventoryItemPayload,
  deleteLocationPayload,
  deleteProductPayload,
} from "./catalog.server";
import { applyInventoryLevelPayload, disconnectInventoryLevelPayload } from "./inventory.server";
import { applyOrder, applyRefund } from "./orders.server";

/** Topics the sync worker applies (the lifecycle and privacy topics are applied at ingestion). */
export const SYNC_TOPICS = [
  "orders/create",
  "orders/updated",
  "orders/cancelled",
  "refunds/create",
  "products/create",
  "products/update",
  "products/delete",
  "inventory_levels/update",
  "inventory_levels/connect",
  "inventory_levels/disconnect",
  "inventory_items/create",
  "inventory_items/update",
  "inventory_items/delete",
  "locations/create",
  "locations/update",
  "locations/delete",
] as const satisfies readonly WebhookTopic[];
export type SyncTopic = (typeof SYNC_TOPICS)[number];

export function isSyncTopic(topic: string): topic is SyncTopic {
  return (SYNC_TOPICS as readonly string[]).includes(topic);
}

export type ProcessOutcome = "processed" | "already-processed" | "failed" | "missing" | "skipped";

/**
 * Applies one recorded webhook event (the `process-webhook` job). Idempotent: a processed event is not
 * applied again, and every write is an ordered upsert anyway. The whole event is applied in one
 * transaction. A payload that fails its schema is marked failed and not retried (retrying cannot help);
 * an error while applying marks the event failed with the message and is re-thrown so the queue retries
 * with backoff. Events of an uninstalled shop are skipped.
 */
export async function processWebhookEvent(
  shop: string,
  eventId: string,
  options: {
    force?: boolean;
    /**
     * Called instead of re-evaluating alerts inline. The queue passes one that enqueues a debounced
     * per-shop alerts job, so a burst of webhooks costs one evaluation, not one each.
     */
    afterApplied?: (topic: string, outcome: ProcessOutcome) => Promise<void>;
  } = {},
): Promise<ProcessOutcome> {
  const seen: { topic: string | null; outcome: ProcessOutcome } = { topic: null, outcome: "failed" };
  try {
    seen.outcome = await applyWebhookEvent(shop, eventId, options, seen);
    return seen.outcome;
  } finally {
    // Stock alerts follow stock and demand; failures feed sync_unhealthy. Never fails the processing itself.
    if (seen.topic !== null) {
      if (options.afterApplied) await options.afterApplied(seen.topic, seen.outcome).catch((error: unknown) => logger.error({ kind: "alerts-after-webhook", shop, outcome: "error", error: String(error) }));
      else await evaluateAlertsAfterWebhook(shop, seen.topic, seen.outcome);
    }
  }
}

async function applyWebhookEvent(shop: string, eventId: string, options: { force?: boolean }, seen: { topic: string | null }): Promise<ProcessOutcome> {
  const event = await findWebhookEvent(shop, eventId);
  if (!event) return "missing";
  if (event.status === "processed" && !options.force) return "already-processed";
  const shopRow = await findShop(shop);
  if (shopRow && !shopRow.active) return "skipped";
  seen.topic = event.topic;
  const topic = ALL_TOPICS.find((t) => t === event.topic);
  if (!topic || !isSyncTopic(topic)) {
    await markWebhookEventById(shop, eventId, "failed", `topic ${event.topic} is not applied by sync`);
    return "failed";
  }
  let payload: unknown;
  try {
    payload = JSON.parse(event.payload ?? "null");
  } catch {
    await markWebhookEventById(shop, eventId, "failed", "stored payload is not JSON");
    return "failed";
  }
  const parsed = parseWebhookPayload(topic, payload);
  if (!parsed.ok) {
    await markWebhookEventById(shop, eventId, "failed", parsed.error);
    return "failed";
  }
  const timeZone = shopRow?.ianaTimezone ?? "UTC";
  try {
    await inTransaction((tx) => applyTopic(shop, topic, parsed.data, timeZone, event.receivedAt, tx));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await markWebhookEventById(shop, eventId, "failed", message);
    logger.warn({ kind: "webhook-apply", shop, topic, outcome: "failed", error: message });
    throw error;
  }
  await markWebhookEventById(shop, eventId, "processed");
  return "processed";
}

/**
 * Re-applies a stored event now (Settings → Sync, after a fix): parses its raw payload with today's schema
 * and applies it. Safe on an already-processed event (ordered upserts). Returns the outcome and, when it
 * failed again, the error.
 */
export async function reprocessWebhookEvent(shop: string, eventId: string): Promise<{ outcome: ProcessOutcome; error: string | null }> {
  try {
    const outcome = await processWebhookEvent(shop, eventId, { force: true });
    const error = outcome === "failed" ? ((await findWebhookEvent(shop, eventId))?.error ?? null) : null;
    return { outcome, error };
  } catch (error) {
    return { outcome: "failed", error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * bulk_operations/finish (recorded at ingestion, never applied by the sync worker): marks the event processed
 * and returns true when the finished operation is the one the shop's unfinished backfill waits for — the
 * caller (app/jobs/webhooks.server.ts) then enqueues the backfill job, which streams the result.
 */
export async function settleBulkOperationFinish(shop: string, webhookId: string, payload: unknown): Promise<boolean> {
  const event = await findWebhookEventByWebhookId(shop, webhookId);
  const parsed = parseWebhookPayload("bulk_operations/finish", payload);
  if (!parsed.ok) return false; // recorded as failed at ingestion
  const awaited = await isAwaitedBulkOperation(shop, (parsed.data as WebhookPayload<"bulk_operations/finish">).admin_graphql_api_id);
  if (event && event.status === "received") await markWebhookEventById(shop, event.id, "processed");
  return awaited;
}

async function applyTopic(shop: string, topic: SyncTopic, data: unknown, timeZone: string, receivedAt: Date, tx: Db): Promise<void> {
  switch (topic) {
    case "orders/create":
    case "orders/updated":
    case "orders/cancelled":
      await applyOrder(shop, topic, data as WebhookPayload<"orders/create">, timeZone, tx);
      return;
    case "refunds/create":
      await applyRefund(shop, data as WebhookPayload<"refunds/create">, tx);
      return;
    case "products/create":
    case "products/update":
      await applyProductPayload(shop, data as WebhookPayload<"products/create">, tx);
      return;
    case "products/delete":
      await deleteProductPayload(shop, data as WebhookPayload<"products/delete">, receivedAt, tx);
      return;
    case "inventory_levels/update":
    case "inventory_levels/connect":
      await applyInventoryLevelPayload(shop, data as WebhookPayload<"inventory_levels/update">, timeZone, receivedAt, tx);
      return;
    case "inventory_levels/disconnect":
      await disconnectInventoryLevelPayload(shop, data as WebhookPayload<"inventory_levels/update">, tx);
      return;
    case "inventory_items/create":
    case "inventory_items/update":
      await applyInventoryItemPayload(shop, data as WebhookPayload<"inventory_items/update">, tx);
      return;
    case "inventory_items/delete":
      await deleteInventoryItemPayload(shop, data as WebhookPayload<"inventory_items/delete">, tx);
      return;
    case "locations/create":
    case "locations/update":
      await applyLocationPayload(shop, data as WebhookPayload<"locations/update">, tx);
      return;
    case "locations/delete":
      await deleteLocationPayload(shop, data as WebhookPayload<"locations/delete">, receivedAt, tx);
      return;
  }
}
