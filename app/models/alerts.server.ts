import { inIdChunks } from "~/models/id-chunks.server";
import { newRowId } from "~/models/row-id.server";
import type { Prisma } from "@prisma/client";
import prisma, { isPostgres } from "~/db.server";
import { recordAudit } from "~/models/audit.server";
import { inTransaction, type Db } from "~/models/transaction.server";
import { SqlParams, variantMatchFilterSql } from "~/models/variant-search.server";

export interface AlertWrite {
  type: string;
  severity: string;
  dedupeKey: string;
  entityType: string;
  entityId: string;
  message: string;
  data?: Prisma.InputJsonObject;
  /** What the alert is about, for the screen's filters and vendor × location groups (null when not applicable). */
  variantId?: string | null;
  locationId?: string | null;
  vendorId?: string | null;
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
export async function syncAlerts(shop: string, ruleTypes: readonly string[], current: readonly AlertWrite[], now: Date, variantIds?: readonly string[]) {
  return inTransaction(async (tx) => {
    const select = { id: true, dedupeKey: true, status: true, severity: true, message: true, data: true, variantId: true, locationId: true, vendorId: true } as const;
    // With variantIds only those variants' alerts are reconciled (an incremental re-plan's): the rest stay as they are.
    const existing = variantIds
      ? await inIdChunks(variantIds, (slice) => tx.alert.findMany({ where: { shop, type: { in: [...ruleTypes] }, variantId: { in: slice } }, select }))
      : await tx.alert.findMany({ where: { shop, type: { in: [...ruleTypes] } }, select });
    const byKey = new Map(existing.map((a) => [a.dedupeKey, a]));
    const seen = new Set<string>();
    // Raised alerts in evaluation order; new ones are written by one INSERT per chunk below (a first plan of a
    // large shop raises thousands: one round trip each cost more than the plan's own writes).
    const raised: RaisedAlert[] = [];
    const toCreate: (AlertWrite & { id: string })[] = [];
    // Persisting alerts get lastSeenAt in one statement per chunk (a shop with hundreds of open alerts is
    // re-evaluated after every stock webhook); changed ones also get their severity, message and data from one
    // multi-row UPDATE per chunk, and reopened ones their status (a nightly plan changes thousands of messages).
    const seenIds: string[] = [];
    const changed: ChangedAlert[] = [];
    const reopened: string[] = [];
    for (const c of current) {
      if (seen.has(c.dedupeKey)) continue;
      seen.add(c.dedupeKey);
      const found = byKey.get(c.dedupeKey);
      const pick = { type: c.type, severity: c.severity, message: c.message, entityType: c.entityType, entityId: c.entityId };
      if (!found) {
        const id = newRowId();
        toCreate.push({ ...c, id });
        raised.push({ id, ...pick });
        continue;
      }
      const reopen = found.status === "resolved";
      seenIds.push(found.id);
      if (reopen) {
        reopened.push(found.id);
        raised.push({ id: found.id, ...pick });
      }
      const data = mergedData(found.data, c.data);
      const subject = subjectOf(c);
      const moved = found.variantId !== subject.variantId || found.locationId !== subject.locationId || found.vendorId !== subject.vendorId;
      if (reopen || moved || found.severity !== c.severity || found.message !== c.message || !sameJson(data, found.data))
        changed.push({ id: found.id, severity: c.severity, message: c.message, data, ...subject });
    }
    for (let i = 0; i < toCreate.length; i += ROWS_PER_STATEMENT) await insertAlerts(tx, shop, toCreate.slice(i, i + ROWS_PER_STATEMENT), now);
    // PostgreSQL plans the id-list UPDATEs below (and the next run's) from table statistics: after a bulk insert
    // into a table it believed empty it chose a nested loop over every alert × every id (minutes at 80,000).
    // Autovacuum would refresh them later, or never where it is off: refresh them now.
    if (isPostgres && toCreate.length >= ANALYZE_AFTER_INSERTS) await tx.$executeRawUnsafe('ANALYZE "Alert"');
    for (let i = 0; i < changed.length; i += ROWS_PER_STATEMENT) await updateAlertTexts(tx, shop, changed.slice(i, i + ROWS_PER_STATEMENT));
    await updateByIds(tx, shop, reopened, { status: "open", resolvedAt: null, acknowledgedAt: null, acknowledgedBy: null, snoozedUntil: null, firstSeenAt: now });
    await updateByIds(tx, shop, seenIds, { lastSeenAt: now });
    const cleared = existing.filter((a) => a.status !== "resolved" && !seen.has(a.dedupeKey)).map((a) => a.id);
    await updateByIds(tx, shop, cleared, { status: "resolved", resolvedAt: now });
    return { created: raised.length, resolved: cleared.length, raised };
  });
}

// Bulk writes pass their rows as one JSON array parameter, expanded in SQL (json_each / json_array_elements):
// binding thousands of parameters through the client cost more than the database's own work.
const ROWS_PER_STATEMENT = 2000;
const p = (i: number) => (isPostgres ? `$${i}` : "?");
/** The n-th element of JSON array `row` as text (same operator on both databases). */
const el = (row: string, n: number) => `(${row} ->> ${n})`;
/** A timestamp parameter: PostgreSQL gets the ISO string, read as UTC into `timestamp(3)` as Prisma stores it. */
const tsParam = (i: number) => (isPostgres ? `($${i}::timestamptz AT TIME ZONE 'UTC')` : "?");
const tsValue = (d: Date) => (isPostgres ? d.toISOString() : d);
const jsonRows = (i: number, alias: string) => (isPostgres ? `json_array_elements(${p(i)}::json) AS ${alias}` : `json_each(${p(i)}) AS ${alias}`);
const rowOf = (alias: string) => (isPostgres ? alias : `${alias}.value`);

type ChangedAlert = { id: string; severity: string; message: string; data: Prisma.InputJsonObject; variantId: string | null; locationId: string | null; vendorId: string | null };
const subjectOf = (a: AlertWrite) => ({ variantId: a.variantId ?? null, locationId: a.locationId ?? null, vendorId: a.vendorId ?? null });

/** New open alerts (ids made here, as Prisma's cuid() would be) in one INSERT. */
async function insertAlerts(tx: Db, shop: string, rows: readonly (AlertWrite & { id: string })[], now: Date) {
  const r = rowOf("j");
  const json = JSON.stringify(
    rows.map((a) => [a.id, a.type, a.severity, a.dedupeKey, a.entityType, a.entityId, a.message, a.data === undefined ? null : JSON.stringify(a.data), a.variantId ?? null, a.locationId ?? null, a.vendorId ?? null]),
  );
  await tx.$executeRawUnsafe(
    `INSERT INTO "Alert" ("id", "shop", "type", "severity", "dedupeKey", "status", "entityType", "entityId", "message", "data", "firstSeenAt", "lastSeenAt", "variantId", "locationId", "vendorId")
     SELECT ${el(r, 0)}, ${p(1)}, ${el(r, 1)}, ${el(r, 2)}, ${el(r, 3)}, 'open', ${el(r, 4)}, ${el(r, 5)}, ${el(r, 6)}, ${isPostgres ? `${el(r, 7)}::jsonb` : el(r, 7)}, ${tsParam(2)}, ${tsParam(3)},
       ${el(r, 8)}, ${el(r, 9)}, ${el(r, 10)}
     FROM ${jsonRows(4, "j")}`,
    shop,
    tsValue(now),
    tsValue(now),
    json,
  );
}

/**
 * Severity, message and data of some alerts of the shop, in one UPDATE. The rows are materialized first: joined
 * directly, SQLite re-read the whole JSON array for every alert of the shop (2,000 rows: 30 s instead of 20 ms).
 */
async function updateAlertTexts(tx: Db, shop: string, rows: readonly ChangedAlert[]) {
  const r = rowOf("j");
  const json = JSON.stringify(rows.map((a) => [a.id, a.severity, a.message, JSON.stringify(a.data), a.variantId, a.locationId, a.vendorId]));
  await tx.$executeRawUnsafe(
    `WITH v AS MATERIALIZED (SELECT ${el(r, 0)} AS "id", ${el(r, 1)} AS "severity", ${el(r, 2)} AS "message", ${el(r, 3)} AS "data",
       ${el(r, 4)} AS "variantId", ${el(r, 5)} AS "locationId", ${el(r, 6)} AS "vendorId" FROM ${jsonRows(1, "j")})
     UPDATE "Alert" SET "severity" = v."severity", "message" = v."message", "data" = ${isPostgres ? `v."data"::jsonb` : `v."data"`},
       "variantId" = v."variantId", "locationId" = v."locationId", "vendorId" = v."vendorId"
     FROM v WHERE "Alert"."id" = v."id" AND "Alert"."shop" = ${p(2)}`,
    json,
    shop,
  );
}

/** New alerts in one sync from which PostgreSQL's statistics of the table are refreshed. */
const ANALYZE_AFTER_INSERTS = 1000;

/** The same values on many alerts of the shop, in one UPDATE per 20,000 ids. */
async function updateByIds(tx: Db, shop: string, ids: readonly string[], set: Record<string, string | Date | null>) {
  for (let i = 0; i < ids.length; i += 20_000) {
    const params: unknown[] = [];
    const assignments = Object.entries(set).map(([column, value]) => {
      if (value === null) return `"${column}" = NULL`;
      params.push(value instanceof Date ? tsValue(value) : value);
      return `"${column}" = ${value instanceof Date ? tsParam(params.length) : p(params.length)}`;
    });
    params.push(shop, JSON.stringify(ids.slice(i, i + 20_000)));
    const idList = isPostgres ? `SELECT json_array_elements_text(${p(params.length)}::json)` : `SELECT value FROM json_each(${p(params.length)})`;
    await tx.$executeRawUnsafe(`UPDATE "Alert" SET ${assignments.join(", ")} WHERE "shop" = ${p(params.length - 1)} AND "id" IN (${idList})`, ...params);
  }
}

type JsonObject = Prisma.JsonObject;
const asObject = (v: unknown): JsonObject => (v && typeof v === "object" && !Array.isArray(v) ? (v as JsonObject) : {});

/** The rule's numbers replace the stored ones; keys the rules don't own (e.g. the Flow record) are kept. */
function mergedData(stored: unknown, next: Prisma.InputJsonObject | undefined): Prisma.InputJsonObject {
  const { flow } = asObject(stored);
  return { ...(next ?? {}), ...(flow !== undefined ? { flow } : {}) } as Prisma.InputJsonObject;
}

/**
 * Whether two JSON values are equal with keys in any order (PostgreSQL jsonb does not keep key order); values
 * compare as their JSON text, so undefined, null and NaN are alike. No strings built: it runs once per alert.
 */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  const objectA = a !== null && typeof a === "object";
  const objectB = b !== null && typeof b === "object";
  if (objectA || objectB) {
    if (!objectA || !objectB) return false;
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every((k) => Object.hasOwn(b, k) && sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
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

/** What the Alerts screen narrows a tab to (every part optional; search matches SKU, variant or product title). */
export interface AlertFilter {
  tab: AlertTab;
  severity?: string;
  type?: string;
  vendorId?: string;
  locationId?: string;
  search?: string;
}

/** The WHERE clause of `f` over "Alert" (alias a), shop-scoped, with its parameters bound into `sql`. */
function filterSql(shop: string, f: AlertFilter, now: Date, sql: SqlParams): string {
  const at = () => (isPostgres ? `(${sql.bind(now.toISOString())}::timestamptz AT TIME ZONE 'UTC')` : sql.bind(now));
  const parts = [`a."shop" = ${sql.bind(shop)}`];
  if (f.tab === "open") parts.push(`(a."status" = 'open' OR (a."status" = 'snoozed' AND a."snoozedUntil" <= ${at()}))`);
  else if (f.tab === "snoozed") parts.push(`a."status" = 'snoozed' AND a."snoozedUntil" > ${at()}`);
  else parts.push(`a."status" = ${sql.bind(f.tab)}`);
  if (f.severity) parts.push(`a."severity" = ${sql.bind(f.severity)}`);
  if (f.type) parts.push(`a."type" = ${sql.bind(f.type)}`);
  if (f.vendorId) parts.push(f.vendorId === NONE ? `a."vendorId" IS NULL` : `a."vendorId" = ${sql.bind(f.vendorId)}`);
  if (f.locationId) parts.push(f.locationId === NONE ? `a."locationId" IS NULL` : `a."locationId" = ${sql.bind(f.locationId)}`);
  if (f.search) parts.push(`(${variantMatchFilterSql(`a."variantId"`, shop, f.search, sql)} OR lower(a."message") LIKE lower(${sql.bind(`%${f.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}) ESCAPE '\\')`);
  return parts.join(" AND ");
}

/** The filter value meaning "alerts without a vendor / location" (about the shop, or a line with no vendor). */
export const NONE = "none";
const SEVERITY_RANK = `CASE a."severity" WHEN 'critical' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END`;

/** One page of the shop's alerts matching `q`, most severe first, newest first, with the total. */
export async function listAlerts(shop: string, q: AlertFilter & { page: number; pageSize: number }, now: Date) {
  const sql = new SqlParams();
  const where = filterSql(shop, q, now, sql);
  const page = await prisma.$queryRawUnsafe<{ id: string; total: number | bigint }[]>(
    `SELECT a."id", COUNT(*) OVER () AS "total" FROM "Alert" a WHERE ${where}
     ORDER BY ${SEVERITY_RANK}, a."lastSeenAt" DESC, a."id" LIMIT ${Math.max(1, Math.floor(q.pageSize))} OFFSET ${Math.max(0, (q.page - 1) * q.pageSize)}`,
    ...sql.values,
  );
  let total = page.length ? Number(page[0].total) : 0;
  if (page.length === 0 && q.page > 1) {
    const countSql = new SqlParams();
    const [c] = await prisma.$queryRawUnsafe<{ n: number | bigint }[]>(`SELECT COUNT(*) AS "n" FROM "Alert" a WHERE ${filterSql(shop, q, now, countSql)}`, ...countSql.values);
    total = Number(c?.n ?? 0);
  }
  const rows = await prisma.alert.findMany({ where: { shop, id: { in: page.map((r) => r.id) } } });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return { rows: page.flatMap((r) => byId.get(r.id) ?? []), total };
}

/** Alerts matching `q` counted per group: per vendor × location, or per rule; each with its severities. */
export interface AlertGroupCount {
  vendorId: string | null;
  locationId: string | null;
  type: string | null;
  total: number;
  critical: number;
  warning: number;
  info: number;
  /** "Order now" alerts (below_reorder_point): what "Create draft PO" would order. */
  orderNow: number;
}

export async function countAlertGroups(shop: string, q: AlertFilter, by: "place" | "rule", now: Date): Promise<AlertGroupCount[]> {
  const sql = new SqlParams();
  const keys = by === "place" ? `a."vendorId", a."locationId"` : `a."type"`;
  const rows = await prisma.$queryRawUnsafe<Raw[]>(
    `SELECT ${keys}, COUNT(*) AS "total", SUM(CASE WHEN a."severity" = 'critical' THEN 1 ELSE 0 END) AS "critical",
       SUM(CASE WHEN a."severity" = 'warning' THEN 1 ELSE 0 END) AS "warning", SUM(CASE WHEN a."severity" = 'info' THEN 1 ELSE 0 END) AS "info",
       SUM(CASE WHEN a."type" = 'below_reorder_point' THEN 1 ELSE 0 END) AS "orderNow"
     FROM "Alert" a WHERE ${filterSql(shop, q, now, sql)} GROUP BY ${keys}`,
    ...sql.values,
  );
  return rows.map((r) => ({
    vendorId: by === "place" ? strOrNull(r.vendorId) : null,
    locationId: by === "place" ? strOrNull(r.locationId) : null,
    type: by === "rule" ? strOrNull(r.type) : null,
    total: num(r.total),
    critical: num(r.critical),
    warning: num(r.warning),
    info: num(r.info),
    orderNow: num(r.orderNow),
  }));
}

/**
 * The latest plan's line ids behind the open "order now" alerts of one vendor × location (what "Create draft PO"
 * from that group orders).
 */
export async function orderNowLineIds(shop: string, planRunId: string, vendorId: string, locationId: string, now: Date): Promise<string[]> {
  const alerts = await prisma.alert.findMany({
    where: { shop, type: "below_reorder_point", vendorId, locationId, OR: [{ status: "open" }, { status: "snoozed", snoozedUntil: { lte: now } }] },
    select: { variantId: true },
  });
  const variantIds = alerts.flatMap((a) => (a.variantId ? [a.variantId] : []));
  if (variantIds.length === 0) return [];
  const lines = await prisma.replenishmentLine.findMany({ where: { shop, planRunId, locationId, vendorId, variantId: { in: variantIds } }, select: { id: true } });
  return lines.map((l) => l.id);
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
    select: { id: true, number: true, expectedAt: true, confirmedEta: true, vendorId: true, vendor: { select: { name: true } } },
  });
}

/** A plan line with the facts the stock and dead-stock rules read, its current stock and its variant's names. */
export interface PlanLineForAlerts {
  /** The ReplenishmentLine's id (what "Create draft PO" orders). */
  id: string;
  vendorId: string | null;
  /** The merchant's edited quantity, else the plan's suggestion. */
  orderQty: number;
  variantId: string;
  locationId: string;
  onHand: number;
  available: number;
  onOrder: number;
  inventoryPosition: number;
  reorderPoint: number;
  leadTimeDays: number;
  daysOfCover: number | null;
  projectedStockoutDate: string | null;
  avgDailyDemand: number;
  /** Decimal as the database returns it (read with toString). */
  unitCost: { toString(): string } | null;
  /** InventoryLevel now (what webhooks reported since the plan), when the level exists. */
  stockNow: { available: number; onHand: number } | null;
  variantTitle: string | null;
  productTitle: string | null;
  variantCreatedAt: Date | null;
  /** Do-not-reorder flag or archived product. */
  notReordered: boolean;
  /** Shopify's inventory policy of the variant (null: not synced yet). */
  inventoryPolicy: string | null;
}

type Raw = Record<string, unknown>;
const num = (v: unknown) => Number(v);
const numOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const strOrNull = (v: unknown) => (v === null || v === undefined ? null : String(v));

/**
 * One page of the run's plan lines, in (variant, location) order after `after`, with current stock, names and
 * flags joined in one statement (per-variant id slices through the client took seconds at 100,000 lines).
 */
export async function listPlanLinesForAlerts(
  shop: string,
  planRunId: string,
  page: { after: { variantId: string; locationId: string } | null; limit: number; variantIds?: readonly string[] },
): Promise<PlanLineForAlerts[]> {
  // The ">=" alone is what lets both databases seek in the (planRunId, variantId, locationId) index.
  const after = page.after ? `AND r."variantId" >= ${p(3)} AND (r."variantId" > ${p(4)} OR (r."variantId" = ${p(5)} AND r."locationId" > ${p(6)}))` : "";
  const afterParams = page.after ? [page.after.variantId, page.after.variantId, page.after.variantId, page.after.locationId] : [];
  // Only these variants (at most IDS_PER_QUERY): an incremental re-plan's alerts.
  const firstId = 3 + afterParams.length;
  const only = page.variantIds ? `AND r."variantId" IN (${page.variantIds.map((_, i) => p(firstId + i)).join(", ") || "NULL"})` : "";
  const rows = await prisma.$queryRawUnsafe<Raw[]>(
    `SELECT r."id", r."vendorId", COALESCE(r."editedQty", r."suggestedQty") AS "orderQty", r."variantId", r."locationId", r."onHand", r."available", r."onOrder", r."inventoryPosition", r."reorderPoint", r."leadTimeDays",
       r."daysOfCover", r."projectedStockoutDate", r."avgDailyDemand", r."unitCost", i."available" AS "availableNow", i."onHand" AS "onHandNow",
       v."title" AS "variantTitle", pr."title" AS "productTitle", v."createdAt" AS "variantCreatedAt", v."inventoryPolicy" AS "inventoryPolicy",
       CASE WHEN v."doNotReorder" OR pr."status" = 'ARCHIVED' THEN 1 ELSE 0 END AS "notReordered"
     FROM "ReplenishmentLine" r
     LEFT JOIN "InventoryLevel" i ON i."shop" = r."shop" AND i."variantId" = r."variantId" AND i."locationId" = r."locationId"
     LEFT JOIN "Variant" v ON v."shop" = r."shop" AND v."id" = r."variantId"
     LEFT JOIN "Product" pr ON pr."shop" = v."shop" AND pr."id" = v."productId"
     WHERE ${isPostgres ? "" : "+"}r."shop" = ${p(1)} AND r."planRunId" = ${p(2)} ${after} ${only}
     ORDER BY r."variantId", r."locationId" LIMIT ${Math.max(1, Math.floor(page.limit))}`,
    shop,
    planRunId,
    ...afterParams,
    ...(page.variantIds ?? []),
  );
  return rows.map((r) => ({
    id: String(r.id),
    vendorId: strOrNull(r.vendorId),
    orderQty: num(r.orderQty),
    variantId: String(r.variantId),
    locationId: String(r.locationId),
    onHand: num(r.onHand),
    available: num(r.available),
    onOrder: num(r.onOrder),
    inventoryPosition: num(r.inventoryPosition),
    reorderPoint: num(r.reorderPoint),
    leadTimeDays: num(r.leadTimeDays),
    daysOfCover: numOrNull(r.daysOfCover),
    projectedStockoutDate: strOrNull(r.projectedStockoutDate),
    avgDailyDemand: num(r.avgDailyDemand),
    unitCost: (r.unitCost ?? null) as { toString(): string } | null,
    stockNow: r.availableNow === null || r.availableNow === undefined ? null : { available: num(r.availableNow), onHand: num(r.onHandNow) },
    variantTitle: strOrNull(r.variantTitle),
    productTitle: strOrNull(r.productTitle),
    variantCreatedAt: r.variantCreatedAt === null || r.variantCreatedAt === undefined ? null : new Date(r.variantCreatedAt as string | number | Date),
    notReordered: num(r.notReordered) === 1,
    inventoryPolicy: strOrNull(r.inventoryPolicy),
  }));
}

/**
 * The last day with a sale of each variant × location ("variantId|locationId" → "YYYY-MM-DD"; absent when it
 * never sold): one backward step on the (shop, variant, location, date) index per series, not a scan of history.
 */
export async function lastSaleDays(shop: string, series: readonly { variantId: string; locationId: string }[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < series.length; i += 20_000) {
    const json = JSON.stringify(series.slice(i, i + 20_000).map((s) => [s.variantId, s.locationId]));
    const pairs = isPostgres ? `SELECT e ->> 0 AS v, e ->> 1 AS l FROM json_array_elements($1::json) e` : `SELECT value ->> 0 AS v, value ->> 1 AS l FROM json_each(?)`;
    const rows = await prisma.$queryRawUnsafe<{ variantId: string; locationId: string; lastSale: string | null }[]>(
      `WITH p AS MATERIALIZED (${pairs})
       SELECT p.v AS "variantId", p.l AS "locationId", (SELECT d."date" FROM "DemandDay" d
         WHERE d."shop" = ${p(2)} AND d."variantId" = p.v AND d."locationId" = p.l AND d."units" > 0 ORDER BY d."date" DESC LIMIT 1) AS "lastSale"
       FROM p`,
      json,
      shop,
    );
    for (const r of rows) if (r.lastSale !== null) out.set(`${r.variantId}|${r.locationId}`, r.lastSale);
  }
  return out;
}

/**
 * Units per "variantId|locationId" in the shop's draft and pending-approval POs (the order is being placed, so
 * the line needs no "order now" alert). Drafts are few: one grouped read.
 */
export async function draftedUnitsByLine(shop: string): Promise<Map<string, number>> {
  const lines = await prisma.purchaseOrderLine.findMany({
    where: { shop, purchaseOrder: { shop, status: { in: ["draft", "pending_approval"] } } },
    select: { variantId: true, quantityOrdered: true, purchaseOrder: { select: { destinationLocationId: true } } },
  });
  const out = new Map<string, number>();
  for (const l of lines) {
    const key = `${l.variantId}|${l.purchaseOrder.destinationLocationId}`;
    out.set(key, (out.get(key) ?? 0) + l.quantityOrdered);
  }
  return out;
}

/** Names of all the shop's locations (deleted ones too: old plan lines may point at them). */
export async function locationNames(shop: string) {
  const rows = await prisma.location.findMany({ where: { shop }, select: { id: true, name: true } });
  return new Map(rows.map((l) => [l.id, l.name]));
}

/** One forecast whose day `index` may be outside its 95% band on `date` (numbers as stored; see below). */
export interface DemandAgainstBand {
  variantId: string;
  locationId: string;
  units: number;
  stockedOut: boolean;
  /** The stored JSON values of mean[index] and the 95% band's lower/upper[index]: numbers, or null/other when absent. */
  mean: unknown;
  lower: unknown;
  upper: unknown;
}

/**
 * Units sold on `date` per forecast of the run, against the forecast's day `index` (mean and 95% band). Only
 * the three array elements are read, in SQL (a forecast's JSON is ~3 KB: reading them all held gigabytes at
 * 50,000 variants), and only series that can be outside the band come back: units above the upper bound or,
 * not stocked out and with a positive lower bound, below it, each bound widened by a billionth of itself so
 * that SQL's float parsing (an ulp off at most) cannot drop one. The rule itself decides, on the values
 * returned: the stored JSON's own text of each element.
 */
export async function demandAgainstForecast(shop: string, planRunId: string, date: string, index: number): Promise<DemandAgainstBand[]> {
  if (!Number.isSafeInteger(index) || index < 0) throw new RangeError("index must be a non-negative integer");
  const sql = isPostgres
    ? `WITH b AS (
         SELECT f."variantId", f."locationId", f."mean" -> $4::int AS m, f."bands" -> '95' -> 'lower' -> $4::int AS lo,
                f."bands" -> '95' -> 'upper' -> $4::int AS up, COALESCE(d."units", 0) AS units, s."id" IS NOT NULL AS "stockedOut"
         FROM "Forecast" f
         LEFT JOIN "DemandDay" d ON d."shop" = f."shop" AND d."variantId" = f."variantId" AND d."locationId" = f."locationId" AND d."date" = $3
         LEFT JOIN "InventorySnapshot" s ON s."shop" = f."shop" AND s."variantId" = f."variantId" AND s."locationId" = f."locationId" AND s."date" = $3 AND s."stockedOut"
         WHERE f."shop" = $1 AND f."planRunId" = $2),
       n AS (SELECT *, CASE WHEN jsonb_typeof(lo) = 'number' THEN lo::float8 END AS lon, CASE WHEN jsonb_typeof(up) = 'number' THEN up::float8 END AS upn
             FROM b WHERE jsonb_typeof(m) = 'number')
       SELECT "variantId", "locationId", units, "stockedOut", m::text AS "mean", lo::text AS "lower", up::text AS "upper" FROM n
       WHERE lon IS NOT NULL AND upn IS NOT NULL AND (units > upn - abs(upn) * 1e-9 OR (NOT "stockedOut" AND lon > 0 AND units < lon * (1 + 1e-9)))`
    : // One parse of each JSON text (json_extract with two paths), kept by MATERIALIZED: SQLite's JSON parsing is the cost here.
      `WITH a AS MATERIALIZED (
         SELECT f."variantId", f."locationId", f."mean" -> ? AS m, json_extract(f."bands", ?, ?) AS band,
                COALESCE(d."units", 0) AS units, s."id" IS NOT NULL AS "stockedOut"
         FROM "Forecast" f
         LEFT JOIN "DemandDay" d ON d."shop" = f."shop" AND d."variantId" = f."variantId" AND d."locationId" = f."locationId" AND d."date" = ?
         LEFT JOIN "InventorySnapshot" s ON s."shop" = f."shop" AND s."variantId" = f."variantId" AND s."locationId" = f."locationId" AND s."date" = ? AND s."stockedOut"
         WHERE f."shop" = ? AND f."planRunId" = ?),
       b AS (SELECT "variantId", "locationId", m, band -> 0 AS lo, band -> 1 AS up, units, "stockedOut" FROM a)
       SELECT "variantId", "locationId", units, "stockedOut", m AS "mean", lo AS "lower", up AS "upper" FROM b
       WHERE json_type(m) IN ('integer', 'real') AND json_type(lo) IN ('integer', 'real') AND json_type(up) IN ('integer', 'real')
         AND (units > json_extract(up, '$') - abs(json_extract(up, '$')) * 1e-9
              OR (NOT "stockedOut" AND json_extract(lo, '$') > 0 AND units < json_extract(lo, '$') * (1 + 1e-9)))`;
  const params = isPostgres ? [shop, planRunId, date, index] : [`$[${index}]`, `$."95".lower[${index}]`, `$."95".upper[${index}]`, date, date, shop, planRunId];
  const rows = await prisma.$queryRawUnsafe<{ variantId: string; locationId: string; units: number | bigint; stockedOut: boolean | number | bigint; mean: string; lower: string; upper: string }[]>(
    sql,
    ...params,
  );
  // Elements come back as JSON text and are parsed as the whole column would have been, so values are identical.
  return rows.map((r) => ({
    variantId: r.variantId,
    locationId: r.locationId,
    units: Number(r.units),
    stockedOut: Boolean(Number(r.stockedOut)),
    mean: JSON.parse(r.mean) as unknown,
    lower: JSON.parse(r.lower) as unknown,
    upper: JSON.parse(r.upper) as unknown,
  }));
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
