import crypto from "node:crypto";
import prisma, { isPostgres } from "~/db.server";
import type { Db } from "./transaction.server";

export interface NewWebhookEvent {
  webhookId: string;
  topic: string;
  status: "received" | "failed";
  error?: string;
  payload?: string;
  /** Not recorded when the shop is uninstalled (checked with the batch, one query for all its shops). */
  skipIfUninstalled?: boolean;
}

/** The stored row for a delivery: new (`created`), or the one an earlier delivery of its webhook id made. */
export interface RecordedWebhookEvent {
  id: string;
  created: boolean;
  status: string;
}

interface PendingInsert {
  id: string;
  shop: string;
  event: NewWebhookEvent;
  receivedAt: Date;
  settle: (recorded: RecordedWebhookEvent | null | "uninstalled") => void;
  fail: (error: unknown) => void;
}

// Group commit: the deliveries that arrive while one INSERT is in flight are written together by the next
// one (one statement, one commit), so a burst costs one round trip per batch rather than per webhook. With
// nothing in flight a delivery is written at once (after the current tick), so a quiet server adds no delay.
const MAX_BATCH = 200; // 9 parameters a row: far below both databases' limits
let waiting: PendingInsert[] = [];
let writing = false;
let scheduled = false;

/**
 * Records a delivery once: the (shop, webhookId) unique constraint makes a redelivery a no-op.
 * Resolves to the new row (`created`), or to the row an earlier delivery of this webhook id made (null if
 * that row is gone), only after the row is committed: the caller answers 200 after that. One raw multi-row
 * `INSERT … ON CONFLICT DO NOTHING RETURNING` per batch (same SQL shape on SQLite and PostgreSQL), plus one
 * SELECT of the earlier rows when the batch held redeliveries: a Prisma `create` per webhook costs ~2.5×
 * the CPU (query compilation) and a caught P2002 on redelivery. With `skipIfUninstalled`, resolves to
 * "uninstalled" (nothing written) when the shop is uninstalled: one SELECT per batch, not one per delivery.
 */
export function recordWebhookEvent(shop: string, event: NewWebhookEvent & { skipIfUninstalled?: false }): Promise<RecordedWebhookEvent | null>;
export function recordWebhookEvent(shop: string, event: NewWebhookEvent): Promise<RecordedWebhookEvent | null | "uninstalled">;
export function recordWebhookEvent(shop: string, event: NewWebhookEvent): Promise<RecordedWebhookEvent | null | "uninstalled"> {
  return new Promise((resolve, reject) => {
    waiting.push({ id: crypto.randomUUID(), shop, event, receivedAt: new Date(), settle: resolve, fail: reject });
    scheduleFlush();
  });
}

function scheduleFlush() {
  if (writing || scheduled || waiting.length === 0) return;
  scheduled = true;
  setImmediate(() => void flush());
}

async function flush() {
  scheduled = false;
  const batch = waiting.slice(0, MAX_BATCH);
  waiting = waiting.slice(MAX_BATCH);
  writing = true;
  try {
    const uninstalled = await uninstalledShops(batch.filter((row) => row.event.skipIfUninstalled).map((row) => row.shop));
    const skipped = (row: PendingInsert) => row.event.skipIfUninstalled === true && uninstalled.has(row.shop);
    const rows = batch.filter((row) => !skipped(row));
    const inserted = rows.length > 0 ? await insertEvents(rows) : new Set<string>();
    const earlier = await findEarlierEvents(rows.filter((row) => !inserted.has(row.id)));
    for (const row of batch) {
      if (skipped(row)) row.settle("uninstalled");
      else if (inserted.has(row.id)) row.settle({ id: row.id, created: true, status: row.event.status });
      else row.settle(earlier.get(`${row.shop}\n${row.event.webhookId}`) ?? null);
    }
  } catch (error) {
    // The whole statement failed (nothing committed): every delivery in it answers 500, Shopify retries.
    for (const row of batch) row.fail(error);
  } finally {
    writing = false;
    scheduleFlush();
  }
}

/** Which of these shops are uninstalled (Shop.active false). */
async function uninstalledShops(shops: readonly string[]): Promise<Set<string>> {
  const distinct = [...new Set(shops)];
  if (distinct.length === 0) return new Set();
  const p = (i: number) => (isPostgres ? `$${i}` : "?");
  const rows = await prisma.$queryRawUnsafe<{ shop: string }[]>(
    `SELECT "shop" FROM "Shop" WHERE "active" = false AND "shop" IN (${distinct.map((_, i) => p(i + 1)).join(", ")})`,
    ...distinct,
  );
  return new Set(rows.map((r) => r.shop));
}

/** The rows already stored for redelivered webhook ids, by shop + "\n" + webhook id. */
async function findEarlierEvents(redelivered: readonly PendingInsert[]): Promise<Map<string, RecordedWebhookEvent>> {
  if (redelivered.length === 0) return new Map();
  const p = (i: number) => (isPostgres ? `$${i}` : "?");
  const rows = await prisma.$queryRawUnsafe<{ id: string; shop: string; webhookId: string; status: string }[]>(
    `SELECT "id", "shop", "webhookId", "status" FROM "WebhookEvent"
      WHERE ${redelivered.map((_, i) => `("shop" = ${p(2 * i + 1)} AND "webhookId" = ${p(2 * i + 2)})`).join(" OR ")}`,
    ...redelivered.flatMap((row) => [row.shop, row.event.webhookId]),
  );
  return new Map(rows.map((r) => [`${r.shop}\n${r.webhookId}`, { id: r.id, created: false, status: r.status }]));
}

/** Returns the ids of the rows inserted; a webhook id already recorded (or twice in the batch) is skipped. */
async function insertEvents(batch: readonly PendingInsert[]): Promise<Set<string>> {
  const p = (i: number) => (isPostgres ? `$${i}` : "?");
  const values: unknown[] = [];
  const rows = batch.map(({ id, shop, event, receivedAt }) => {
    const base = values.length;
    values.push(id, shop, event.webhookId, event.topic, event.status, event.error ?? null, event.payload ?? null, receivedAt);
    return `(${p(base + 1)}, ${p(base + 2)}, ${p(base + 3)}, ${p(base + 4)}, ${p(base + 5)}, 0, ${p(base + 6)}, ${p(base + 7)}, ${p(base + 8)})`;
  });
  const inserted = await prisma.$queryRawUnsafe<{ id: string }[]>(
    `INSERT INTO "WebhookEvent" ("id", "shop", "webhookId", "topic", "status", "attempts", "error", "payload", "receivedAt")
     VALUES ${rows.join(", ")}
     ON CONFLICT ("shop", "webhookId") DO NOTHING
     RETURNING "id"`,
    ...values,
  );
  return new Set(inserted.map((r) => r.id));
}

export function markWebhookEvent(shop: string, webhookId: string, status: "processed" | "failed", error?: string) {
  return prisma.webhookEvent.updateMany({
    where: { shop, webhookId },
    data: { status, error: error ?? null, processedAt: new Date(), attempts: { increment: 1 } },
  });
}

export function listWebhookEvents(shop: string, take = 50) {
  return prisma.webhookEvent.findMany({ where: { shop }, orderBy: { receivedAt: "desc" }, take });
}

/** One event of this shop by its row id (with the raw payload the worker applies). */
export function findWebhookEvent(shop: string, id: string) {
  return prisma.webhookEvent.findFirst({ where: { shop, id } });
}

export function findWebhookEventByWebhookId(shop: string, webhookId: string) {
  return prisma.webhookEvent.findUnique({ where: { shop_webhookId: { shop, webhookId } } });
}

/** Marks one event (by row id) processed or failed; every processing attempt is counted. */
export function markWebhookEventById(shop: string, id: string, status: "processed" | "failed", error?: string, db: Db = prisma) {
  return db.webhookEvent.updateMany({
    where: { shop, id },
    data: { status, error: error ?? null, processedAt: new Date(), attempts: { increment: 1 } },
  });
}

/** Marks events a drain applied together as processed, in one statement (inside their transaction). */
export function markWebhookEventsProcessed(shop: string, ids: readonly string[], db: Db) {
  return db.webhookEvent.updateMany({ where: { shop, id: { in: [...ids] } }, data: { status: "processed", error: null, processedAt: new Date(), attempts: { increment: 1 } } });
}

/** Event counts by status since `since` (Sync health). */
export async function countWebhookEventsByStatus(shop: string, since: Date): Promise<Record<string, number>> {
  const groups = await prisma.webhookEvent.groupBy({ by: ["status"], where: { shop, receivedAt: { gte: since } }, _count: { _all: true } });
  return Object.fromEntries(groups.map((g) => [g.status, g._count._all]));
}

/** The latest failed events, newest first (Sync health). */
export function listFailedWebhookEvents(shop: string, take = 10) {
  return prisma.webhookEvent.findMany({
    where: { shop, status: "failed" },
    orderBy: { receivedAt: "desc" },
    take,
    select: { id: true, webhookId: true, topic: true, error: true, attempts: true, receivedAt: true, processedAt: true },
  });
}

/** Where a drain of received events has got to: events are taken in (receivedAt, id) order. */
export interface WebhookEventCursor {
  receivedAt: Date;
  id: string;
}

/**
 * The next `take` events of this shop still "received" (recorded, not yet applied) among `topics`, in
 * arrival order after `after`, with their payloads. Served by the (shop, status) index: received events
 * are few, however long the table grows.
 */
export function listReceivedWebhookEvents(shop: string, topics: readonly string[], after: WebhookEventCursor | null, take: number) {
  return prisma.webhookEvent.findMany({
    where: {
      shop,
      status: "received",
      topic: { in: [...topics] },
      ...(after ? { OR: [{ receivedAt: { gt: after.receivedAt } }, { receivedAt: after.receivedAt, id: { gt: after.id } }] } : {}),
    },
    orderBy: [{ receivedAt: "asc" }, { id: "asc" }],
    take,
  });
}

/**
 * Queue infrastructure (crosses shops): the active shops with an event among `topics` still "received"
 * that arrived before `before` — a hand-off that never happened (a process died after answering 200).
 * One EXISTS per shop on the (shop, status) index rather than a scan of every event.
 */
export async function shopsWithStrandedWebhookEvents(topics: readonly string[], before: Date): Promise<string[]> {
  const p = (i: number) => (isPostgres ? `$${i}` : "?");
  const marks = topics.map((_, i) => p(i + 2)).join(", ");
  const rows = await prisma.$queryRawUnsafe<{ shop: string }[]>(
    `SELECT s."shop" FROM "Shop" s
      WHERE s."active" AND EXISTS (
        SELECT 1 FROM "WebhookEvent" e
         WHERE e."shop" = s."shop" AND e."status" = 'received' AND e."receivedAt" < ${p(1)} AND e."topic" IN (${marks}))`,
    before,
    ...topics,
  );
  return rows.map((r) => r.shop);
}

/**
 * Stored payloads of this shop's events among `topics` whose text contains `text` (a prefilter: the
 * caller parses each to be sure), with their status.
 */
export function listEventPayloadsContaining(shop: string, topics: readonly string[], text: string, db: Db = prisma) {
  return db.webhookEvent.findMany({
    where: { shop, topic: { in: [...topics] }, payload: { contains: text } },
    select: { id: true, topic: true, status: true, payload: true },
  });
}

/** Replaces (or clears, with null) one event's stored payload. */
export function setWebhookEventPayload(shop: string, id: string, payload: string | null, db: Db = prisma) {
  return db.webhookEvent.updateMany({ where: { shop, id }, data: { payload } });
}

/**
 * Retention (crosses shops, like the queue): clears the stored payload of up to `batch` events with
 * `status` whose `processedAt` (processed) or `receivedAt` (failed) is before `before`. Served by the
 * (status, processedAt) index for processed events. Returns how many were cleared; call until 0.
 */
export async function clearWebhookPayloadsBefore(status: "processed" | "failed", before: Date, batch = 1000): Promise<number> {
  const dated = status === "processed" ? { processedAt: { lt: before } } : { receivedAt: { lt: before } };
  const rows = await prisma.webhookEvent.findMany({ where: { status, ...dated, payload: { not: null } }, select: { id: true }, take: batch });
  if (rows.length === 0) return 0;
  const cleared = await prisma.webhookEvent.updateMany({ where: { id: { in: rows.map((r) => r.id) }, status }, data: { payload: null } });
  return cleared.count;
}
