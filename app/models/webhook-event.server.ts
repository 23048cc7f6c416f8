import prisma, { isUniqueViolation } from "~/db.server";

/**
 * Records a delivery once: the (shop, webhookId) unique constraint makes a redelivery a no-op.
 * Returns false when this webhook id was already recorded.
 */
export async function recordWebhookEvent(
  shop: string,
  event: { webhookId: string; topic: string; status: "received" | "failed"; error?: string; payload?: string },
): Promise<boolean> {
  try {
    await prisma.webhookEvent.create({ data: { shop, ...event } });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
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
