import prisma from "~/db.server";
import { inTransaction } from "~/models/transaction.server";

export interface AlertWrite {
  type: string;
  severity: string;
  dedupeKey: string;
  entityType: string;
  entityId: string;
  message: string;
}

/**
 * Makes the stored alerts of `ruleTypes` match `current`: a persisting condition updates its one alert
 * (a resolved one reopens), a new one is created, and an alert whose condition cleared is resolved.
 * Acknowledged and snoozed alerts keep their status while the condition persists.
 */
export async function syncAlerts(shop: string, ruleTypes: readonly string[], current: readonly AlertWrite[], now: Date) {
  return inTransaction(async (tx) => {
    const existing = await tx.alert.findMany({ where: { shop, type: { in: [...ruleTypes] } }, select: { id: true, dedupeKey: true, status: true } });
    const byKey = new Map(existing.map((a) => [a.dedupeKey, a]));
    const seen = new Set<string>();
    let created = 0;
    for (const c of current) {
      seen.add(c.dedupeKey);
      const found = byKey.get(c.dedupeKey);
      if (!found) {
        await tx.alert.create({ data: { shop, ...c, status: "open", firstSeenAt: now, lastSeenAt: now } });
        created++;
      } else {
        await tx.alert.update({
          where: { id: found.id, shop },
          data: { severity: c.severity, message: c.message, lastSeenAt: now, ...(found.status === "resolved" ? { status: "open", resolvedAt: null, acknowledgedAt: null, acknowledgedBy: null } : {}) },
        });
      }
    }
    const cleared = existing.filter((a) => a.status !== "resolved" && !seen.has(a.dedupeKey)).map((a) => a.id);
    await tx.alert.updateMany({ where: { shop, id: { in: cleared } }, data: { status: "resolved", resolvedAt: now } });
    return { created, resolved: cleared.length };
  });
}

export type AlertTab = "open" | "acknowledged" | "snoozed" | "resolved";

/** A snoozed alert whose date has passed counts as open again. */
function whereTab(shop: string, tab: AlertTab, now: Date) {
  switch (tab) {
    case "open":
      return { shop, OR: [{ status: "open" }, { status: "snoozed", snoozedUntil: { lte: now } }] };
    case "snoozed":
      return { shop, status: "snoozed", snoozedUntil: { gt: now } };
    default:
      return { shop, status: tab };
  }
}

export async function listAlerts(shop: string, q: { tab: AlertTab; severity?: string; page: number; pageSize: number }, now: Date) {
  const where = { ...whereTab(shop, q.tab, now), ...(q.severity ? { severity: q.severity } : {}) };
  const [rows, total] = await Promise.all([
    prisma.alert.findMany({ where, orderBy: [{ severity: "asc" }, { lastSeenAt: "desc" }, { id: "asc" }], skip: (q.page - 1) * q.pageSize, take: q.pageSize }),
    prisma.alert.count({ where }),
  ]);
  return { rows, total };
}

export async function countAlertsByTab(shop: string, now: Date): Promise<Record<AlertTab, number>> {
  const tabs: AlertTab[] = ["open", "acknowledged", "snoozed", "resolved"];
  const counts = await Promise.all(tabs.map((t) => prisma.alert.count({ where: whereTab(shop, t, now) })));
  return Object.fromEntries(tabs.map((t, i) => [t, counts[i]])) as Record<AlertTab, number>;
}

export function acknowledgeAlerts(shop: string, ids: string[], actor: string, now: Date) {
  return prisma.alert.updateMany({ where: { shop, id: { in: ids }, status: { in: ["open", "snoozed"] } }, data: { status: "acknowledged", acknowledgedAt: now, acknowledgedBy: actor } });
}

export function snoozeAlerts(shop: string, ids: string[], until: Date) {
  return prisma.alert.updateMany({ where: { shop, id: { in: ids }, status: { not: "resolved" } }, data: { status: "snoozed", snoozedUntil: until } });
}

/** Sent purchase orders not fully received, with vendor name and expected date. */
export function listOpenSentPurchaseOrders(shop: string) {
  return prisma.purchaseOrder.findMany({
    where: { shop, status: { in: ["sent", "partially_received"] } },
    select: { id: true, number: true, expectedAt: true, vendor: { select: { name: true } } },
  });
}

/** Plan lines with the facts the stock rules read. */
export function listPlanLinesForAlerts(shop: string, planRunId: string) {
  return prisma.replenishmentLine.findMany({
    where: { shop, planRunId },
    select: { variantId: true, locationId: true, available: true, onOrder: true, inventoryPosition: true, reorderPoint: true, leadTimeDays: true, daysOfCover: true, projectedStockoutDate: true },
  });
}

/** Ids of variants the merchant stopped reordering (flag or archived product): they raise no stock alerts. */
export async function variantsNotReordered(shop: string, variantIds: string[]): Promise<Set<string>> {
  const rows = await prisma.variant.findMany({
    where: { shop, id: { in: variantIds }, OR: [{ doNotReorder: true }, { product: { status: "ARCHIVED" } }] },
    select: { id: true },
  });
  return new Set(rows.map((r) => r.id));
}
