// How long raw webhook payloads are kept (docs/privacy.md, docs/security.md "Retention"), and the
// customers/redact scrub of the payloads of the orders a customer's redaction names.
import { clearWebhookPayloadsBefore, listEventPayloadsContaining, setWebhookEventPayload } from "~/models/webhook-event.server";
import { inTransaction } from "~/models/transaction.server";
import { toGid } from "./ids";
import { storedPayload } from "./stored-payload";

/** A processed event's payload is kept this long after processing (to look into a sync problem), then cleared. */
export const PROCESSED_PAYLOAD_DAYS = 7;
/** A failed event's payload waits this long for a fix and a re-process (Settings → Sync), then is cleared. */
export const FAILED_PAYLOAD_DAYS = 30;

const DAY_MS = 86_400_000;

/**
 * The retention sweep (hourly `webhook-retention` job): clears the payloads of events processed more than
 * PROCESSED_PAYLOAD_DAYS ago and of events that failed FAILED_PAYLOAD_DAYS after arriving. The event rows
 * stay (webhook id for redeliveries, status and error for Sync health). Returns how many were cleared.
 */
export async function clearExpiredWebhookPayloads(now: Date): Promise<{ processed: number; failed: number }> {
  const cleared = { processed: 0, failed: 0 };
  for (const [status, days] of [["processed", PROCESSED_PAYLOAD_DAYS], ["failed", FAILED_PAYLOAD_DAYS]] as const) {
    const before = new Date(now.getTime() - days * DAY_MS);
    for (let n = await clearWebhookPayloadsBefore(status, before); n > 0; n = await clearWebhookPayloadsBefore(status, before)) cleared[status] += n;
  }
  return cleared;
}

const ORDER_TOPICS = ["orders/create", "orders/updated", "orders/cancelled"] as const;
const PAYLOAD_TOPICS = [...ORDER_TOPICS, "refunds/create"] as const;

/** The order a stored order or refund payload is about, as a GID; null when it cannot be told. */
function orderOf(topic: string, payload: string | null): string | null {
  try {
    const value = JSON.parse(payload ?? "null") as Record<string, unknown> | null;
    if (!value || typeof value !== "object") return null;
    const id = topic === "refunds/create" ? value.order_id : (value.admin_graphql_api_id ?? value.id);
    return typeof id === "string" || typeof id === "number" ? toGid("Order", id) : null;
  } catch {
    return null;
  }
}

/**
 * customers/redact: the stored payloads of the shop's order and refund events for `orderIds` are cleared
 * when processed (their lines are stored), and cut down to the allow-list otherwise (kept for the pending
 * or failed processing, with no customer field — including payloads stored before the allow-list). One
 * transaction; safe to run twice. Returns how many events were touched.
 */
export async function scrubOrderPayloads(shop: string, orderIds: readonly (number | string)[]): Promise<number> {
  let touched = 0;
  for (const orderId of orderIds) {
    let gid: string;
    try {
      gid = toGid("Order", orderId);
    } catch {
      continue; // not an order id: nothing of ours can name it
    }
    const digits = gid.slice(gid.lastIndexOf("/") + 1);
    await inTransaction(async (tx) => {
      for (const event of await listEventPayloadsContaining(shop, PAYLOAD_TOPICS, digits, tx)) {
        if (orderOf(event.topic, event.payload) !== gid) continue;
        const kept = event.status === "processed" ? null : storedPayload(event.topic as (typeof PAYLOAD_TOPICS)[number], JSON.parse(event.payload!));
        await setWebhookEventPayload(shop, event.id, kept, tx);
        touched++;
      }
    });
  }
  return touched;
}
