import crypto from "node:crypto";
import prisma from "~/db.server";

/**
 * Records a delivery once: the (shop, webhookId) unique constraint makes a redelivery a no-op.
 * Returns the new row's id, or null when this webhook id was already recorded.
 * One raw INSERT … ON CONFLICT DO NOTHING (same SQL on SQLite and PostgreSQL): this is the webhook hot
 * path, and a Prisma `create` costs ~2.5× the CPU (query compilation) and a caught P2002 on redelivery.
 */
export async function recordWebhookEvent(
  shop: string,
  event: { webhookId: string; topic: string; status: "received" | "failed"; error?: string; payload?: string },
): Promise<string | null> {
  const id = crypto.randomUUID();
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    INSERT INTO "WebhookEvent" ("id", "shop", "webhookId", "topic", "status", "attempts", "error", "payload", "receivedAt")
    VALUES (${id}, ${shop}, ${event.webhookId}, ${event.topic}, ${event.status}, 0, ${event.error ?? null}, ${event.payload ?? null}, ${new Date()})
    ON CONFLICT ("shop", "webhookId") DO NOTHING
    RETURNING "id"`;
  return rows.length ? rows[0].id : null;
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
export function markWebhookEventById(shop: string, id: string, status: "processed" | "failed", error?: string) {
  return prisma.webhookEvent.updateMany({
    where: { shop, id },
    data: { status, error: error ?? null, processedAt: new Date(), attempts: { increment: 1 } },
  });
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
