import { findShop } from "~/models/shop.server";
import { evaluateAlertsAfterWebhook } from "~/services/alerts/evaluate.server";
import { isAwaitedBulkOperation } from "~/services/backfill.server";
import { inTransaction } from "~/models/transaction.server";
import {
  findWebhookEvent,
  findWebhookEventByWebhookId,
  listReceivedWebhookEvents,
  markWebhookEventById,
  markWebhookEventsProcessed,
  type WebhookEventCursor,
} from "~/models/webhook-event.server";
import { isSyncTopic, parseWebhookPayload, SYNC_TOPICS, type SyncTopic, type WebhookPayload } from "~/shopify/webhook-topics";
import { logger } from "~/utils/logger.server";
import type { DemandKeyRow } from "~/models/orders.server";
import { applyTopic } from "./apply-topic.server";
import { rederiveDemandDaysInBulk } from "./demand.server";
import { prefetchOrderLookups } from "./orders.server";
import { yieldToEventLoop } from "~/utils/event-loop";
import { touchItemsOfOrders, touchItemsOfWebhook } from "./quantities.server";

export type ProcessOutcome = "processed" | "already-processed" | "failed" | "missing" | "skipped";

/**
 * Applies one recorded webhook event (the `process-webhook` job). Idempotent: a processed event is not
 * applied again, and every write is an ordered upsert anyway. The whole event is applied in one
 * transaction. A payload that fails its schema is marked failed and not retried (retrying cannot help);
 * an error while applying marks the event failed with the message and is re-thrown so the queue retries
 * with backoff. Events of an uninstalled shop are skipped.
 */
export async function processWebhookEvent(shop: string, eventId: string, options: ProcessOptions = {}): Promise<ProcessOutcome> {
  return processLoadedEvent(shop, () => findWebhookEvent(shop, eventId), options);
}

export interface ProcessOptions {
  force?: boolean;
  /**
   * Called instead of re-evaluating alerts inline. The queue passes one that enqueues a debounced
   * per-shop alerts job, so a burst of webhooks costs one evaluation, not one each.
   */
  afterApplied?: (topic: string, outcome: ProcessOutcome, payload?: unknown) => Promise<void>;
}

type StoredEvent = NonNullable<Awaited<ReturnType<typeof findWebhookEvent>>>;
type ShopRow = Awaited<ReturnType<typeof findShop>>;

async function processLoadedEvent(
  shop: string,
  load: () => Promise<StoredEvent | null>,
  options: ProcessOptions,
  shopRow?: ShopRow,
): Promise<ProcessOutcome> {
  const seen: { topic: string | null; outcome: ProcessOutcome; payload?: unknown } = { topic: null, outcome: "failed" };
  try {
    seen.outcome = await applyWebhookEvent(shop, await load(), options, seen, shopRow);
    return seen.outcome;
  } finally {
    // Stock alerts follow stock and demand; failures feed sync_unhealthy. Never fails the processing itself.
    if (seen.topic !== null) {
      if (options.afterApplied) await options.afterApplied(seen.topic, seen.outcome, seen.payload).catch((error: unknown) => logger.error({ kind: "alerts-after-webhook", shop, outcome: "error", error: String(error) }));
      else await evaluateAlertsAfterWebhook(shop, seen.topic, seen.outcome);
    }
  }
}

async function applyWebhookEvent(
  shop: string,
  event: StoredEvent | null,
  options: { force?: boolean },
  seen: { topic: string | null; payload?: unknown },
  knownShop?: ShopRow,
): Promise<ProcessOutcome> {
  if (!event) return "missing";
  const eventId = event.id;
  if (event.status === "processed" && !options.force) return "already-processed";
  const shopRow = knownShop === undefined ? await findShop(shop) : knownShop;
  if (shopRow && !shopRow.active) return "skipped";
  seen.topic = event.topic;
  const topic = event.topic;
  if (!isSyncTopic(topic)) {
    await markWebhookEventById(shop, eventId, "failed", `topic ${event.topic} is not applied by sync`);
    return "failed";
  }
  if (event.payload === null) {
    await markWebhookEventById(shop, eventId, "failed", "the stored payload was cleared after its retention period (docs/privacy.md): nothing to re-process");
    return "failed";
  }
  let payload: unknown;
  try {
    payload = JSON.parse(event.payload);
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
    // Applied and marked processed in one commit: a crash between the two cannot leave it half done.
    await inTransaction(async (tx) => {
      await applyTopic(topic, parsed.data, { shop, timeZone, receivedAt: event.receivedAt, tx });
      // Its inventory items wait for the quantities refresh (app/jobs/quantities.server.ts), in the same commit.
      await touchItemsOfWebhook(shop, topic, parsed.data, new Date(), tx);
      await markWebhookEventById(shop, eventId, "processed", undefined, tx);
    });
    seen.payload = parsed.data;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await markWebhookEventById(shop, eventId, "failed", message);
    logger.warn({ kind: "webhook-apply", shop, topic, outcome: "failed", error: message });
    throw error;
  }
  return "processed";
}

export interface DrainSummary {
  processed: number;
  failed: number;
  /** Stopped at `limit` with events possibly left: the caller schedules another drain. */
  more: boolean;
}

/**
 * Applies the shop's "received" sync events in arrival order, `batch` rows a read, until none is left or
 * `limit` were handled (the `drain-webhooks` job; the committed WebhookEvent row is the durable work item).
 * Each event is applied as `processWebhookEvent` would (idempotent, own transaction); one whose apply
 * throws is already marked failed and goes to `onError` (the queue retries it as a `process-webhook` job).
 * Events of an uninstalled shop stay unapplied.
 */
export async function drainReceivedWebhookEvents(
  shop: string,
  options: ProcessOptions & {
    batch?: number;
    limit?: number;
    /** Events applied in one transaction (DRAIN_GROUP); 1 applies each on its own. */
    group?: number;
    /** True while requests wait: the next group is one event, and after it the drain stops early with `more` (the SQLite poller gives way). */
    pauseWhile?: () => boolean;
    onError: (eventId: string, error: unknown) => Promise<void>;
  },
): Promise<DrainSummary> {
  const summary: DrainSummary = { processed: 0, failed: 0, more: false };
  const shopRow = await findShop(shop);
  if (shopRow && !shopRow.active) return summary;
  const limit = options.limit ?? 1000;
  const groupSize = Math.max(1, options.group ?? DRAIN_GROUP);
  let cursor: WebhookEventCursor | null = null;
  for (let handled = 0; handled < limit; ) {
    const events = await listReceivedWebhookEvents(shop, SYNC_TOPICS, cursor, Math.min(options.batch ?? 100, limit - handled));
    if (events.length === 0) return summary;
    for (let i = 0; i < events.length; ) {
      // While requests wait (SQLite, mid-burst), one event at a time: a group's transaction would hold them up.
      const group = events.slice(i, i + (options.pauseWhile?.() ? 1 : groupSize));
      i += group.length;
      const last = group[group.length - 1];
      cursor = { receivedAt: last.receivedAt, id: last.id };
      handled += group.length;
      const applied = group.length > 1 ? await applyGroup(shop, group, shopRow) : null;
      if (applied) {
        summary.processed += applied.length;
        for (const a of applied) await options.afterApplied?.(a.topic, "processed", a.payload).catch((error: unknown) => logger.error({ kind: "alerts-after-webhook", shop, outcome: "error", error: String(error) }));
      } else {
        // One at a time, as processWebhookEvent: an event that cannot be applied is marked failed on its own.
        for (const event of group) {
          try {
            const outcome = await processLoadedEvent(shop, async () => event, options, shopRow);
            if (outcome === "processed") summary.processed++;
            else if (outcome === "failed") summary.failed++;
          } catch (error) {
            summary.failed++;
            await options.onError(event.id, error);
          }
        }
      }
      if (options.pauseWhile) {
        await yieldToEventLoop();
        if (options.pauseWhile()) {
          summary.more = true;
          return summary;
        }
      }
    }
  }
  summary.more = true;
  return summary;
}

/**
 * Events a drain applies in one transaction. Each event's demand days are re-derived once for the group (a
 * burst of orders for a few products touches the same days again and again), and one commit covers the group.
 */
export const DRAIN_GROUP = 25;

/**
 * Applies received events together, in arrival order, in one transaction, and marks them processed in it; null
 * (nothing written) when any of them is not a plain case (already processed, not parseable) or the transaction
 * failed: the caller then applies them one at a time, which isolates and marks the failing one.
 */
async function applyGroup(shop: string, events: StoredEvent[], shopRow: ShopRow): Promise<{ topic: SyncTopic; payload: unknown }[] | null> {
  const ready: { id: string; topic: SyncTopic; data: unknown; receivedAt: Date }[] = [];
  for (const event of events) {
    const topic = event.topic;
    if (event.status !== "received" || !isSyncTopic(topic) || event.payload === null) return null;
    let payload: unknown;
    try {
      payload = JSON.parse(event.payload);
    } catch {
      return null;
    }
    const parsed = parseWebhookPayload(topic, payload);
    if (!parsed.ok) return null;
    ready.push({ id: event.id, topic, data: parsed.data, receivedAt: event.receivedAt });
  }
  const timeZone = shopRow?.ianaTimezone ?? "UTC";
  // A group of orders alone (a sales burst) reads its locations, variants, lines and refunds once, and touches its items once.
  const orders = ready.every((e) => e.topic === "orders/create" || e.topic === "orders/updated" || e.topic === "orders/cancelled")
    ? ready.map((e) => e.data as WebhookPayload<"orders/create">)
    : null;
  try {
    await inTransaction(async (tx) => {
      const demand: DemandKeyRow[] = [];
      const lookups = orders ? await prefetchOrderLookups(shop, orders, tx) : undefined;
      for (const e of ready) {
        await applyTopic(e.topic, e.data as WebhookPayload<SyncTopic>, { shop, timeZone, receivedAt: e.receivedAt, tx, deferDemand: demand, lookups });
        if (!orders) await touchItemsOfWebhook(shop, e.topic, e.data, new Date(), tx);
      }
      if (orders) await touchItemsOfOrders(shop, orders, new Date(), tx);
      // The group's days in a few multi-key statements (the CSV import's way: same rule, same locks).
      await rederiveDemandDaysInBulk(shop, demand, tx);
      await markWebhookEventsProcessed(shop, ready.map((e) => e.id), tx);
    });
  } catch (error) {
    logger.warn({ kind: "webhook-apply", shop, outcome: "group-failed", events: ready.length, error: error instanceof Error ? error.message : String(error) });
    return null;
  }
  return ready.map((e) => ({ topic: e.topic, payload: e.data }));
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
