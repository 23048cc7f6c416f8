// Notification delivery, a pull model: a pass per shop finds open alerts each enabled channel should hear
// about and has not (severity ≥ the channel's minimum, first seen after the channel was created), records one
// pending NotificationDelivery per (channel, alert) under a unique key, and the caller (app/jobs) enqueues one
// send job per delivery. A send job takes one attempt; the job queue retries it with backoff; after
// MAX_DELIVERY_ATTEMPTS the delivery ends failed and the channel shows the error in Settings. Nothing here
// runs inside a plan run: a notification failure can never fail or slow planning.
import {
  claimDeliveryAttempt,
  claimDigestDate,
  createAlertDelivery,
  createDelivery,
  findAlertForNotification,
  findChannel,
  listChannels,
  listDigestChannels,
  listOpenAlerts,
  listStalePendingDeliveries,
  listUndeliveredAlerts,
  markAttemptFailed,
  markChannelOutcome,
  markDelivered,
  markSkipped,
  shopsToNotify,
} from "~/models/notifications.server";
import { findShop } from "~/models/shop.server";
import { localDate, localHour } from "~/lib/time";
import { alertMessage, alertsUrl, digestMessage, testMessage } from "./messages.server";
import { NotificationSendError, sendToChannel, type NotificationMessage } from "./send.server";
import { severitiesAtLeast } from "./targets.server";

/** Attempts per delivery (the first send plus retries), matching the send job's maxAttempts. */
export const MAX_DELIVERY_ATTEMPTS = 5;
/** A pending delivery untouched this long lost its send job (e.g. the enqueue failed): send it again. */
export const STALE_PENDING_MS = 30 * 60_000;
/** Alerts first seen this long ago still bring a shop into the delivery sweep. */
export const SWEEP_LOOKBACK_MS = 24 * 3600_000;
/** Alerts first seen longer ago than this are not sent any more (the worker was down for days: old news). */
export const MAX_ALERT_AGE_MS = 7 * 24 * 3600_000;
/** The daily digest goes out at the first sweep after this local hour. */
export const DIGEST_LOCAL_HOUR = 8;

/** Shops whose channels may have something to deliver (the minute sweep enqueues one pass per shop). */
export function shopsDueForDelivery(now: Date): Promise<string[]> {
  return shopsToNotify(new Date(now.getTime() - SWEEP_LOOKBACK_MS));
}

/**
 * Records a pending delivery for every (enabled channel, open alert it has not had) and returns the ids of
 * deliveries to send now: the new ones and stale pending ones. Idempotent: a second pass adds nothing.
 */
export async function queueAlertDeliveries(shop: string, now = new Date()): Promise<string[]> {
  const ids: string[] = [];
  for (const channel of await listChannels(shop)) {
    if (!channel.enabled) continue;
    const since = new Date(Math.max(channel.createdAt.getTime(), now.getTime() - MAX_ALERT_AGE_MS));
    const alertIds = await listUndeliveredAlerts(shop, channel.id, severitiesAtLeast(channel.minSeverity), since, now);
    for (const alertId of alertIds) {
      const delivery = await createAlertDelivery(shop, channel.id, alertId);
      if (delivery) ids.push(delivery.id);
    }
  }
  for (const stale of await listStalePendingDeliveries(shop, new Date(now.getTime() - STALE_PENDING_MS))) ids.push(stale.id);
  return [...new Set(ids)];
}

/** Claims today's digest for every digest channel past its local digest hour; returns the deliveries to send. */
export async function queueDueDigests(now = new Date()): Promise<{ shop: string; deliveryId: string }[]> {
  const due: { shop: string; deliveryId: string }[] = [];
  for (const channel of await listDigestChannels()) {
    const today = localDate(now, channel.ianaTimezone);
    if (channel.lastDigestDate === today || localHour(now, channel.ianaTimezone) < DIGEST_LOCAL_HOUR) continue;
    if (!(await claimDigestDate(channel.shop, channel.id, channel.lastDigestDate, today))) continue;
    const delivery = await createDelivery(channel.shop, channel.id, "digest");
    due.push({ shop: channel.shop, deliveryId: delivery.id });
  }
  return due;
}

export type SendOutcome = "delivered" | "skipped" | "not-pending";

/**
 * One attempt at a pending delivery. Resolves when it was delivered (or had nothing left to do); throws
 * NotificationSendError when the attempt failed, so the job queue retries it. The last allowed attempt ends
 * the delivery failed and records the error on the channel.
 */
export async function sendDelivery(shop: string, deliveryId: string, now = new Date()): Promise<SendOutcome> {
  const delivery = await claimDeliveryAttempt(shop, deliveryId);
  if (!delivery) return "not-pending";
  // Queued before app/uninstalled: an uninstalled shop hears nothing more.
  if ((await findShop(shop))?.active === false) {
    await markSkipped(shop, delivery.id, "The shop uninstalled Stockcast before delivery.");
    return "skipped";
  }
  const channel = await findChannel(shop, delivery.channelId);
  if (!channel || (!channel.enabled && delivery.kind !== "test")) {
    await markSkipped(shop, delivery.id, channel ? "The channel was turned off before delivery." : "The channel was deleted before delivery.");
    return "skipped";
  }
  const message = await buildMessage(shop, delivery.kind, delivery.alertId, channel.lastDigestDate ?? localDate(now, "UTC"), now);
  if (!message) {
    await markSkipped(shop, delivery.id, "The alert was resolved or acknowledged before it was sent.");
    return "skipped";
  }
  try {
    await sendToChannel(channel, message);
  } catch (error) {
    const text = error instanceof NotificationSendError ? error.message : "The message could not be sent.";
    const final = delivery.attempts >= MAX_DELIVERY_ATTEMPTS || delivery.kind === "test";
    await markAttemptFailed(shop, delivery.id, text, final);
    if (final) {
      const prefix = delivery.kind === "test" ? "Test failed" : `Not delivered after ${delivery.attempts} attempt${delivery.attempts === 1 ? "" : "s"}`;
      await markChannelOutcome(shop, channel.id, { error: `${prefix}: ${text}` });
    }
    throw new NotificationSendError(text);
  }
  await markDelivered(shop, delivery.id, now);
  await markChannelOutcome(shop, channel.id, { deliveredAt: now });
  return "delivered";
}

async function buildMessage(shop: string, kind: string, alertId: string | null, digestDate: string, now: Date): Promise<NotificationMessage | null> {
  const shopName = (await findShop(shop))?.name ?? shop;
  const url = alertsUrl(shop);
  if (kind === "test") return testMessage(shopName);
  if (kind === "digest") return digestMessage(shopName, digestDate, await listOpenAlerts(shop, now), url);
  const alert = alertId ? await findAlertForNotification(shop, alertId) : null;
  // An alert resolved (or acknowledged) before its turn came needs no message any more.
  if (!alert || alert.status === "resolved" || alert.status === "acknowledged") return null;
  return alertMessage(shopName, alert, url);
}
