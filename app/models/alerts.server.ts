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

type Raw = Record<string, unknown>;
const num = (v: unknown) => Number(v);
const strOrNull = (v: unknown) => (v === null || v === undefined ? null : String(v));

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
 * The variants of the open "order now" alerts of one vendor × location (what "Create draft PO" from that group
 * orders; their plan lines are read by planLineIdsOf in alert-facts.server.ts).
 */
export async function openOrderNowVariantIds(shop: string, vendorId: string, locationId: string, now: Date): Promise<string[]> {
  const alerts = await prisma.alert.findMany({
    where: { shop, type: "below_reorder_point", vendorId, locationId, OR: [{ status: "open" }, { status: "snoozed", snoozedUntil: { lte: now } }] },
    select: { variantId: true },
  });
  return alerts.flatMap((a) => (a.variantId ? [a.variantId] : []));
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
