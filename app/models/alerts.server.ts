import type { Prisma } from "@prisma/client";
import prisma from "~/db.server";
import { recordAudit } from "~/models/audit.server";
import { inIdChunks } from "~/models/id-chunks.server";
import { inTransaction } from "~/models/transaction.server";

export interface AlertWrite {
  type: string;
  severity: string;
  dedupeKey: string;
  entityType: string;
  entityId: string;
  message: string;
  data?: Prisma.InputJsonObject;
}

/** An alert that became open in this sync: created, or re-opened after it had resolved. */
export interface RaisedAlert {
  id: string;
  type: string;
  severity: string;
  message: string;
  entityType: string;
  entityId: string;
}

/**
 * Makes the stored alerts of `ruleTypes` match `current`: a persisting condition updates its one alert
 * (a resolved one reopens), a new one is created, and an alert whose condition cleared is resolved.
 * Acknowledged and snoozed alerts keep their status while the condition persists. Returns the alerts that
 * were raised (created or reopened), for notifications and the Flow trigger.
 */
export async function syncAlerts(shop: string, ruleTypes: readonly string[], current: readonly AlertWrite[], now: Date) {
  return inTransaction(async (tx) => {
    const existing = await tx.alert.findMany({
      where: { shop, type: { in: [...ruleTypes] } },
      select: { id: true, dedupeKey: true, status: true, severity: true, message: true, data: true },
    });
    const byKey = new Map(existing.map((a) => [a.dedupeKey, a]));
    const seen = new Set<string>();
    // Raised alerts in evaluation order; new ones get their id from one INSERT per chunk below (a first plan
    // of a large shop raises thousands: one round trip each cost more than the plan's own writes).
    const raised: RaisedAlert[] = [];
    const toCreate: AlertWrite[] = [];
    // Unchanged persisting alerts only get lastSeenAt, in one statement per chunk: a shop with hundreds of
    // open alerts is re-evaluated after every stock webhook.
    const unchanged: string[] = [];
    for (const c of current) {
      if (seen.has(c.dedupeKey)) continue;
      seen.add(c.dedupeKey);
      const found = byKey.get(c.dedupeKey);
      const pick = { type: c.type, severity: c.severity, message: c.message, entityType: c.entityType, entityId: c.entityId };
      if (!found) {
        toCreate.push(c);
        raised.push({ id: "", ...pick });
        continue;
      }
      const reopen = found.status === "resolved";
      if (!reopen && found.severity === c.severity && found.message === c.message && stableJson(mergedData(found.data, c.data)) === stableJson(found.data)) {
        unchanged.push(found.id);
        continue;
      }
      await tx.alert.update({
        where: { id: found.id, shop },
        data: {
          severity: c.severity,
          message: c.message,
          data: mergedData(found.data, c.data),
          lastSeenAt: now,
          ...(reopen ? { status: "open", resolvedAt: null, acknowledgedAt: null, acknowledgedBy: null, snoozedUntil: null, firstSeenAt: now } : {}),
        },
      });
      if (reopen) raised.push({ id: found.id, ...pick });
    }
    const createdIds = new Map<string, string>();
    for (let i = 0; i < toCreate.length; i += 80) {
      const rows = await tx.alert.createManyAndReturn({
        data: toCreate.slice(i, i + 80).map((c) => ({ shop, ...c, status: "open", firstSeenAt: now, lastSeenAt: now })),
        select: { id: true, dedupeKey: true },
      });
      for (const row of rows) createdIds.set(row.dedupeKey, row.id);
    }
    if (toCreate.length) {
      const created = toCreate.values();
      for (const r of raised) if (r.id === "") r.id = createdIds.get(created.next().value!.dedupeKey)!;
    }
    for (let i = 0; i < unchanged.length; i += 500)
      await tx.alert.updateMany({ where: { shop, id: { in: unchanged.slice(i, i + 500) } }, data: { lastSeenAt: now } });
    const cleared = existing.filter((a) => a.status !== "resolved" && !seen.has(a.dedupeKey)).map((a) => a.id);
    for (let i = 0; i < cleared.length; i += 500)
      await tx.alert.updateMany({ where: { shop, id: { in: cleared.slice(i, i + 500) } }, data: { status: "resolved", resolvedAt: now } });
    return { created: raised.length, resolved: cleared.length, raised };
  });
}

type JsonObject = Prisma.JsonObject;
const asObject = (v: unknown): JsonObject => (v && typeof v === "object" && !Array.isArray(v) ? (v as JsonObject) : {});

/** The rule's numbers replace the stored ones; keys the rules don't own (e.g. the Flow record) are kept. */
function mergedData(stored: unknown, next: Prisma.InputJsonObject | undefined): Prisma.InputJsonObject {
  const { flow } = asObject(stored);
  return { ...(next ?? {}), ...(flow !== undefined ? { flow } : {}) } as Prisma.InputJsonObject;
}

/** JSON with sorted keys (PostgreSQL jsonb does not keep key order). */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value && typeof value === "object")
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  return JSON.stringify(value ?? null);
}

/** Merges `patch` into one alert's data (e.g. the Flow trigger's delivery record). */
export async function mergeAlertData(shop: string, id: string, patch: Prisma.InputJsonObject) {
  const row = await prisma.alert.findFirst({ where: { shop, id }, select: { data: true } });
  if (!row) return;
  await prisma.alert.update({ where: { id, shop }, data: { data: { ...asObject(row.data), ...patch } } });
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

export async function listAlerts(shop: string, q: { tab: AlertTab; severity?: string; type?: string; page: number; pageSize: number }, now: Date) {
  const where = { ...whereTab(shop, q.tab, now), ...(q.severity ? { severity: q.severity } : {}), ...(q.type ? { type: q.type } : {}) };
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

/** Acknowledges open/snoozed alerts of the shop; one audit entry per alert. Returns how many changed. */
export function acknowledgeAlerts(shop: string, ids: string[], actor: string, now: Date) {
  return inTransaction(async (tx) => {
    const rows = await tx.alert.findMany({ where: { shop, id: { in: ids }, status: { in: ["open", "snoozed"] } }, select: { id: true, status: true } });
    await tx.alert.updateMany({ where: { shop, id: { in: rows.map((r) => r.id) } }, data: { status: "acknowledged", acknowledgedAt: now, acknowledgedBy: actor } });
    for (const r of rows)
      await recordAudit(shop, { actor, action: "alert.acknowledged", entityType: "alert", entityId: r.id, before: { status: r.status }, after: { status: "acknowledged" } }, tx);
    return { count: rows.length };
  });
}

/** Snoozes unresolved alerts of the shop until `until`; one audit entry per alert. */
export function snoozeAlerts(shop: string, ids: string[], until: Date, actor: string) {
  return inTransaction(async (tx) => {
    const rows = await tx.alert.findMany({ where: { shop, id: { in: ids }, status: { not: "resolved" } }, select: { id: true, status: true, snoozedUntil: true } });
    await tx.alert.updateMany({ where: { shop, id: { in: rows.map((r) => r.id) } }, data: { status: "snoozed", snoozedUntil: until } });
    for (const r of rows)
      await recordAudit(
        shop,
        { actor, action: "alert.snoozed", entityType: "alert", entityId: r.id, before: { status: r.status, snoozedUntil: r.snoozedUntil?.toISOString() ?? null }, after: { status: "snoozed", snoozedUntil: until.toISOString() } },
        tx,
      );
    return { count: rows.length };
  });
}

/** Alerts of the shop by id, with what a mute needs (type and stored data). */
export function findAlertsByIds(shop: string, ids: string[]) {
  return prisma.alert.findMany({ where: { shop, id: { in: ids } }, select: { id: true, type: true, entityType: true, entityId: true, data: true, message: true } });
}

// ——— Mutes ———

export interface MuteWrite {
  ruleType: string;
  entityType: string;
  entityId: string;
}

export function listMutes(shop: string) {
  return prisma.alertMute.findMany({ where: { shop }, orderBy: [{ createdAt: "desc" }, { id: "asc" }] });
}

/** Adds mutes (an existing one is kept as is); audited. Returns how many were new. */
export function createMutes(shop: string, mutes: readonly MuteWrite[], actor: string) {
  return inTransaction(async (tx) => {
    let added = 0;
    for (const m of mutes) {
      const existing = await tx.alertMute.findUnique({ where: { shop_ruleType_entityType_entityId: { shop, ...m } } });
      if (existing) continue;
      const row = await tx.alertMute.create({ data: { shop, ...m, createdBy: actor } });
      await recordAudit(shop, { actor, action: "alert_mute.created", entityType: "alert_mute", entityId: row.id, before: null, after: { ...m } }, tx);
      added++;
    }
    return { added };
  });
}

/** Removes one mute of the shop; audited. Returns false when it does not exist (or is another shop's). */
export function deleteMute(shop: string, id: string, actor: string) {
  return inTransaction(async (tx) => {
    const row = await tx.alertMute.findFirst({ where: { shop, id } });
    if (!row) return false;
    await tx.alertMute.delete({ where: { id: row.id } });
    await recordAudit(shop, { actor, action: "alert_mute.deleted", entityType: "alert_mute", entityId: row.id, before: { ruleType: row.ruleType, entityType: row.entityType, entityId: row.entityId }, after: null }, tx);
    return true;
  });
}

// ——— Facts the rules read ———

/** Sent purchase orders not fully received, with vendor and expected date. */
export function listOpenSentPurchaseOrders(shop: string) {
  return prisma.purchaseOrder.findMany({
    where: { shop, status: { in: ["sent", "partially_received"] } },
    select: { id: true, number: true, expectedAt: true, vendorId: true, vendor: { select: { name: true } } },
  });
}

/** Plan lines with the facts the stock and dead-stock rules read. */
export function listPlanLinesForAlerts(shop: string, planRunId: string) {
  return prisma.replenishmentLine.findMany({
    where: { shop, planRunId },
    select: {
      variantId: true,
      locationId: true,
      onHand: true,
      available: true,
      onOrder: true,
      inventoryPosition: true,
      reorderPoint: true,
      leadTimeDays: true,
      daysOfCover: true,
      projectedStockoutDate: true,
      avgDailyDemand: true,
      unitCost: true,
    },
  });
}

/** Current available / on-hand quantity per "variantId|locationId" (optionally only some variants). */
export async function currentStock(shop: string, variantIds?: string[]) {
  const select = { variantId: true, locationId: true, available: true, onHand: true } as const;
  const rows = variantIds
    ? await inIdChunks(variantIds, (ids) => prisma.inventoryLevel.findMany({ where: { shop, variantId: { in: ids } }, select }))
    : await prisma.inventoryLevel.findMany({ where: { shop }, select });
  return new Map(rows.map((r) => [`${r.variantId}|${r.locationId}`, { available: r.available, onHand: r.onHand }]));
}

/** Ids of variants the merchant stopped reordering (flag or archived product): they raise no stock alerts. */
export async function variantsNotReordered(shop: string, variantIds: string[]): Promise<Set<string>> {
  const rows = await inIdChunks(variantIds, (ids) =>
    prisma.variant.findMany({ where: { shop, id: { in: ids }, OR: [{ doNotReorder: true }, { product: { status: "ARCHIVED" } }] }, select: { id: true } }),
  );
  return new Set(rows.map((r) => r.id));
}

/** Last local day with a sale per "variantId|locationId", and when each variant was first seen. */
export async function salesRecency(shop: string, variantIds: string[]) {
  const [last, variants] = await Promise.all([
    inIdChunks(variantIds, (ids) =>
      prisma.demandDay.groupBy({ by: ["variantId", "locationId"], where: { shop, variantId: { in: ids }, units: { gt: 0 } }, _max: { date: true } }),
    ),
    inIdChunks(variantIds, (ids) => prisma.variant.findMany({ where: { shop, id: { in: ids } }, select: { id: true, createdAt: true } })),
  ]);
  return {
    lastSale: new Map(last.map((r) => [`${r.variantId}|${r.locationId}`, r._max.date])),
    createdAt: new Map(variants.map((v) => [v.id, v.createdAt])),
  };
}

/** A run's forecasts (mean and bands), demand of `date`, and which series were stocked out on `date`. */
export async function demandAgainstForecast(shop: string, planRunId: string, date: string) {
  const [forecasts, days, stockouts] = await Promise.all([
    prisma.forecast.findMany({ where: { shop, planRunId }, select: { variantId: true, locationId: true, mean: true, bands: true } }),
    prisma.demandDay.findMany({ where: { shop, date }, select: { variantId: true, locationId: true, units: true } }),
    prisma.inventorySnapshot.findMany({ where: { shop, date, stockedOut: true }, select: { variantId: true, locationId: true } }),
  ]);
  return {
    forecasts,
    units: new Map(days.map((d) => [`${d.variantId}|${d.locationId}`, d.units])),
    stockedOut: new Set(stockouts.map((s) => `${s.variantId}|${s.locationId}`)),
  };
}

/** Purchase orders sent or first received since `since`, with lines and receipts (vendor reliability). */
export function listPurchaseOrdersForReliability(shop: string, since: Date) {
  return prisma.purchaseOrder.findMany({
    where: { shop, status: { not: "cancelled" }, sentAt: { not: null }, receipts: { some: { receivedAt: { gte: since } } } },
    select: {
      vendorId: true,
      sentAt: true,
      expectedAt: true,
      vendor: { select: { name: true } },
      lines: { select: { quantityOrdered: true, quantityReceived: true, unitCost: true } },
      receipts: { select: { receivedAt: true }, orderBy: { receivedAt: "asc" } },
    },
  });
}

/** Webhook deliveries of the shop since `since`: total and failed. */
export async function webhookFailures(shop: string, since: Date) {
  const [total, failed] = await Promise.all([
    prisma.webhookEvent.count({ where: { shop, receivedAt: { gte: since } } }),
    prisma.webhookEvent.count({ where: { shop, receivedAt: { gte: since }, status: "failed" } }),
  ]);
  return { total, failed };
}

/** The newest backfill run that has not completed, if any. */
export function unfinishedBackfill(shop: string) {
  return prisma.backfillRun.findFirst({ where: { shop, status: { in: ["running", "failed"] } }, orderBy: { startedAt: "desc" }, select: { stage: true, startedAt: true, status: true } });
}
