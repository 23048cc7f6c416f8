import { isPostgres } from "~/db.server";
import { insertRows, selectByKeys } from "./bulk-sql.server";
import { defaultDb, type Db } from "./transaction.server";

export interface DemandDayKey {
  variantId: string;
  locationId: string;
  date: string;
}

/** Writes one derived demand day (units, revenue as a decimal string, distinct orders). */
export function upsertDemandDay(shop: string, key: DemandDayKey, value: { units: number; revenue: string; orders: number }, db: Db = defaultDb) {
  return db.demandDay.upsert({
    where: { shop_variantId_locationId_date: { shop, ...key } },
    create: { shop, ...key, ...value },
    update: value,
  });
}

/** Removes a demand day that no longer has any demand (all lines cancelled or refunded). */
export function deleteDemandDay(shop: string, key: DemandDayKey, db: Db = defaultDb) {
  return db.demandDay.deleteMany({ where: { shop, ...key } });
}

export function findDemandDays(shop: string, where: { variantId?: string; locationId?: string } = {}, db: Db = defaultDb) {
  return db.demandDay.findMany({ where: { shop, ...where }, orderBy: { date: "asc" } });
}

/**
 * Serialises re-derivation of the same demand days across concurrent transactions (several workers on
 * PostgreSQL): a transaction-scoped advisory lock per key, taken in sorted order so two transactions never
 * wait on each other crosswise. After the lock, READ COMMITTED reads see every line committed before it.
 * SQLite has one writer at a time, so there it is a no-op. One statement takes them all, one after the other in
 * the array's order (a drain group's keys in one round trip).
 */
export async function lockDemandDays(shop: string, keys: readonly DemandDayKey[], db: Db = defaultDb): Promise<void> {
  if (!isPostgres) return;
  const names = [...new Set(keys.map((k) => `demand|${shop}|${k.variantId}|${k.locationId}|${k.date}`))].sort();
  if (names.length === 0) return;
  await db.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(hashtextextended(t.name, 0)) FROM unnest($1::text[]) WITH ORDINALITY AS t(name, i) ORDER BY t.i`, names);
}

/** The stored demand days of these keys (bulk re-derivation). */
export function findDemandDaysByKeys(shop: string, keys: readonly DemandDayKey[], db: Db = defaultDb) {
  return selectByKeys<DemandDayKey & { id: string; units: number; revenue: { toString(): string }; orders: number }>(
    db,
    "DemandDay",
    ["id", "variantId", "locationId", "date", "units", "revenue", "orders"],
    shop,
    ["variantId", "locationId", "date"],
    keys.map((k) => [k.variantId, k.locationId, k.date]),
  );
}

/** Inserts demand days known not to exist yet (checked in the same transaction, under the keys' locks). */
export function createDemandDays(shop: string, rows: readonly (DemandDayKey & { units: number; revenue: string; orders: number })[], db: Db = defaultDb) {
  return insertRows(db, "DemandDay", ["shop", "variantId", "locationId", "date", "units", "revenue", "orders"], rows.map((r) => [shop, r.variantId, r.locationId, r.date, r.units, r.revenue, r.orders]));
}

/** Rewrites stored demand days by id: one statement on PostgreSQL (a round trip each adds up in a drain group). */
export async function updateDemandDaysById(shop: string, rows: readonly { id: string; units: number; revenue: string; orders: number }[], db: Db = defaultDb): Promise<void> {
  if (rows.length === 0) return;
  if (!isPostgres) {
    for (const { id, ...value } of rows) await db.demandDay.updateMany({ where: { shop, id }, data: value });
    return;
  }
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    await db.$executeRawUnsafe(
      `UPDATE "DemandDay" AS d SET "units" = v.units, "revenue" = v.revenue, "orders" = v.orders
         FROM unnest($2::text[], $3::int[], $4::numeric[], $5::int[]) AS v(id, units, revenue, orders)
        WHERE d."shop" = $1 AND d."id" = v.id`,
      shop,
      chunk.map((r) => r.id),
      chunk.map((r) => r.units),
      chunk.map((r) => r.revenue),
      chunk.map((r) => r.orders),
    );
  }
}

/** Removes demand days by id (their days have no demand left). */
export async function deleteDemandDaysById(shop: string, ids: readonly string[], db: Db = defaultDb): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) await db.demandDay.deleteMany({ where: { shop, id: { in: ids.slice(i, i + 500) } } });
}
