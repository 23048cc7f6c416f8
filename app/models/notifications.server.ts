import { Prisma } from "@prisma/client";
import { defaultDb, type Db } from "~/models/transaction.server";
import { decryptSecret, encryptSecret, SecretDecryptionError, secretContext } from "~/utils/encryption";
import { appKeyring } from "~/utils/encryption.server";
import { logger } from "~/utils/logger.server";

// Notification channels (email address or Slack incoming webhook per shop) and their deliveries. Every
// function takes the shop first and scopes by it. A channel's `target` is a secret for Slack: callers mask
// it before it leaves the services layer. It is sealed at rest (AES-256-GCM, docs/security.md): written
// sealed here, and every read below hands it back opened; a row from before encryption reads as it is.

const sealTarget = (shop: string, target: string) => encryptSecret(target, secretContext.channelTarget(shop), appKeyring);
/** The row with its target opened; a target no key opens reads as "" (logged): sends fail visibly, an edit heals it. */
function openTarget<T extends { id: string; shop: string; target: string }>(row: T): T {
  try {
    return { ...row, target: decryptSecret(row.target, secretContext.channelTarget(row.shop), appKeyring) };
  } catch (error) {
    if (!(error instanceof SecretDecryptionError)) throw error;
    logger.error({ kind: "notification-channel", shop: row.shop, channelId: row.id, outcome: "unreadable-target", error: error.message });
    return { ...row, target: "" };
  }
}

export type ChannelKind = "email" | "slack";
export type Severity = "critical" | "warning" | "info";
export type DeliveryKind = "alert" | "digest" | "test";
export type DeliveryStatus = "pending" | "delivered" | "failed" | "skipped";

export interface ChannelWrite {
  kind: ChannelKind;
  label: string | null;
  target: string;
  minSeverity: Severity;
  dailyDigest: boolean;
  enabled: boolean;
}

export async function listChannels(shop: string, db: Db = defaultDb) {
  return (await db.notificationChannel.findMany({ where: { shop }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] })).map(openTarget);
}

export async function findChannel(shop: string, id: string, db: Db = defaultDb) {
  const row = await db.notificationChannel.findFirst({ where: { shop, id } });
  return row && openTarget(row);
}

export async function createChannel(shop: string, data: ChannelWrite, db: Db = defaultDb) {
  return openTarget(await db.notificationChannel.create({ data: { shop, ...data, target: sealTarget(shop, data.target) } }));
}

/** Changes a channel; a given target is sealed afresh (so an edit also seals a pre-encryption row). */
export async function updateChannel(shop: string, id: string, data: Partial<ChannelWrite> & { lastError?: null }, db: Db = defaultDb) {
  const sealed = data.target === undefined ? data : { ...data, target: sealTarget(shop, data.target) };
  return openTarget(await db.notificationChannel.update({ where: { id, shop }, data: sealed }));
}

/** Deletes the channel and its delivery history. */
export async function deleteChannel(shop: string, id: string, db: Db = defaultDb) {
  await db.notificationDelivery.deleteMany({ where: { shop, channelId: id } });
  await db.notificationChannel.deleteMany({ where: { shop, id } });
}

/** Records the outcome of a send on the channel: last success, or the last error shown in Settings. */
export function markChannelOutcome(shop: string, id: string, outcome: { deliveredAt: Date } | { error: string }, db: Db = defaultDb) {
  const data = "deliveredAt" in outcome ? { lastDeliveredAt: outcome.deliveredAt, lastError: null } : { lastError: outcome.error };
  return db.notificationChannel.updateMany({ where: { shop, id }, data });
}

/**
 * Shops with at least one enabled channel (the delivery sweep fans out over them; crosses shops by nature).
 * An uninstalled shop (Shop.active false) is left out: it hears nothing until it installs again.
 */
export async function shopsWithEnabledChannels(db: Db = defaultDb): Promise<string[]> {
  const rows = await db.notificationChannel.findMany({ where: { enabled: true }, select: { shop: true }, distinct: ["shop"] });
  const gone = await uninstalledAmong(rows.map((r) => r.shop), db);
  return rows.map((r) => r.shop).filter((shop) => !gone.has(shop));
}

/** Enabled digest channels of installed shops, with the shop's time zone (the digest sweep decides which are due). */
export async function listDigestChannels(db: Db = defaultDb) {
  const channels = await db.notificationChannel.findMany({ where: { enabled: true, dailyDigest: true }, orderBy: { id: "asc" } });
  const shops = await db.shop.findMany({ where: { shop: { in: [...new Set(channels.map((c) => c.shop))] } }, select: { shop: true, ianaTimezone: true, active: true } });
  const zone = new Map(shops.map((s) => [s.shop, s.ianaTimezone]));
  const gone = new Set(shops.filter((s) => !s.active).map((s) => s.shop));
  return channels.filter((c) => !gone.has(c.shop)).map((c) => ({ ...openTarget(c), ianaTimezone: zone.get(c.shop) ?? "UTC" }));
}

/** Which of `shops` have uninstalled the app (a shop without a row has not: it may be installing). */
async function uninstalledAmong(shops: readonly string[], db: Db): Promise<Set<string>> {
  if (shops.length === 0) return new Set();
  const rows = await db.shop.findMany({ where: { shop: { in: [...shops] }, active: false }, select: { shop: true } });
  return new Set(rows.map((r) => r.shop));
}

/**
 * Claims today's digest for a channel: sets lastDigestDate to `date` only if it still holds `previous`, so
 * two sweeps never both send one day's digest. Returns whether this caller won.
 */
export async function claimDigestDate(shop: string, id: string, previous: string | null, date: string, db: Db = defaultDb): Promise<boolean> {
  const result = await db.notificationChannel.updateMany({ where: { shop, id, lastDigestDate: previous }, data: { lastDigestDate: date } });
  return result.count === 1;
}

/** Open alerts (including snoozes that have run out) of the shop, most severe and newest first. */
export function listOpenAlerts(shop: string, now: Date, db: Db = defaultDb) {
  return db.alert.findMany({
    where: { shop, OR: [{ status: "open" }, { status: "snoozed", snoozedUntil: { lte: now } }] },
    orderBy: [{ lastSeenAt: "desc" }, { id: "asc" }],
    select: { id: true, type: true, severity: true, message: true, entityType: true, entityId: true, firstSeenAt: true },
  });
}

/** Open alerts of the given severities first seen at or after `since` that `channelId` has no delivery row for. */
export async function listUndeliveredAlerts(shop: string, channelId: string, severities: readonly Severity[], since: Date, now: Date, db: Db = defaultDb) {
  const alerts = await db.alert.findMany({
    where: { shop, severity: { in: [...severities] }, firstSeenAt: { gte: since }, OR: [{ status: "open" }, { status: "snoozed", snoozedUntil: { lte: now } }] },
    orderBy: [{ firstSeenAt: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  if (alerts.length === 0) return [];
  const done = await db.notificationDelivery.findMany({ where: { shop, channelId, alertId: { in: alerts.map((a) => a.id) } }, select: { alertId: true } });
  const seen = new Set(done.map((d) => d.alertId));
  return alerts.filter((a) => !seen.has(a.id)).map((a) => a.id);
}

/**
 * Creates the pending delivery of `alertId` to `channelId`; returns null when one already exists (the unique
 * (channelId, alertId) key makes a second pass, or a concurrent one, a no-op).
 */
export async function createAlertDelivery(shop: string, channelId: string, alertId: string, db: Db = defaultDb) {
  try {
    return await db.notificationDelivery.create({ data: { shop, channelId, alertId, kind: "alert", status: "pending" } });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return null;
    throw error;
  }
}

export function createDelivery(shop: string, channelId: string, kind: Exclude<DeliveryKind, "alert">, db: Db = defaultDb) {
  return db.notificationDelivery.create({ data: { shop, channelId, kind, status: "pending" } });
}

export function findDelivery(shop: string, id: string, db: Db = defaultDb) {
  return db.notificationDelivery.findFirst({ where: { shop, id } });
}

/**
 * Takes attempt number `attempts + 1` of a pending delivery with one conditional update, so two workers
 * never send the same attempt. Returns the claimed row or null (already delivered, failed or taken).
 */
export async function claimDeliveryAttempt(shop: string, id: string, db: Db = defaultDb) {
  const row = await db.notificationDelivery.findFirst({ where: { shop, id } });
  if (!row || row.status !== "pending") return null;
  const claimed = await db.notificationDelivery.updateMany({ where: { shop, id, status: "pending", attempts: row.attempts }, data: { attempts: { increment: 1 } } });
  return claimed.count === 1 ? { ...row, attempts: row.attempts + 1 } : null;
}

export function markDelivered(shop: string, id: string, at: Date, db: Db = defaultDb) {
  return db.notificationDelivery.updateMany({ where: { shop, id }, data: { status: "delivered", deliveredAt: at, error: null } });
}

/** Ends a delivery with nothing to send (alert resolved, channel off or deleted). */
export function markSkipped(shop: string, id: string, reason: string, db: Db = defaultDb) {
  return db.notificationDelivery.updateMany({ where: { shop, id }, data: { status: "skipped", error: reason } });
}

/** Records a failed attempt; `final` ends the delivery as failed. */
export function markAttemptFailed(shop: string, id: string, error: string, final: boolean, db: Db = defaultDb) {
  return db.notificationDelivery.updateMany({ where: { shop, id }, data: { error, ...(final ? { status: "failed" } : {}) } });
}

/** Pending deliveries whose last change is older than `before` (their send job was lost): the sweep re-sends. */
export function listStalePendingDeliveries(shop: string, before: Date, db: Db = defaultDb) {
  return db.notificationDelivery.findMany({ where: { shop, status: "pending", updatedAt: { lt: before } }, select: { id: true } });
}

/** The latest deliveries of the shop's channels, newest first (the Settings card's history). */
export function listRecentDeliveries(shop: string, take = 20, db: Db = defaultDb) {
  return db.notificationDelivery.findMany({ where: { shop }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take });
}

/** Pending and failed deliveries per channel: `${channelId}|${status}` → count. */
export async function countOpenDeliveriesByChannel(shop: string, db: Db = defaultDb): Promise<Map<string, number>> {
  const rows = await db.notificationDelivery.groupBy({ by: ["channelId", "status"], where: { shop, status: { in: ["pending", "failed"] } }, _count: { _all: true } });
  return new Map(rows.map((r) => [`${r.channelId}|${r.status}`, r._count._all]));
}

/**
 * Shops the delivery sweep visits: an enabled channel and either an alert first seen since `since` or a
 * delivery still pending. Crosses shops by nature (a system sweep).
 */
export async function shopsToNotify(since: Date, db: Db = defaultDb): Promise<string[]> {
  const channelShops = await shopsWithEnabledChannels(db);
  if (channelShops.length === 0) return [];
  const [alerts, pending] = await Promise.all([
    db.alert.findMany({ where: { shop: { in: channelShops }, firstSeenAt: { gte: since } }, select: { shop: true }, distinct: ["shop"] }),
    db.notificationDelivery.findMany({ where: { shop: { in: channelShops }, status: "pending" }, select: { shop: true }, distinct: ["shop"] }),
  ]);
  return [...new Set([...alerts, ...pending].map((r) => r.shop))].sort();
}

export function findAlertForNotification(shop: string, id: string, db: Db = defaultDb) {
  return db.alert.findFirst({ where: { shop, id }, select: { id: true, type: true, severity: true, message: true, status: true } });
}
