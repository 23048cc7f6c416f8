import { Prisma } from "@prisma/client";
import { isPostgres } from "~/db.server";
import { defaultDb, type Db } from "~/models/transaction.server";

// Saved views of a list screen (SavedView), always scoped to one shop. `nameKey` is the lower-cased name the
// unique (shop, screen, nameKey) holds, so names are unique whatever their case on SQLite and PostgreSQL.

const COLUMNS = { id: true, name: true, query: true, createdBy: true, createdAt: true, updatedAt: true } as const;

/** The shop's views of `screen`, by name. */
export function listSavedViews(shop: string, screen: string, db: Db = defaultDb) {
  return db.savedView.findMany({ where: { shop, screen }, orderBy: [{ nameKey: "asc" }, { id: "asc" }], select: COLUMNS });
}

export function countSavedViews(shop: string, screen: string, db: Db = defaultDb) {
  return db.savedView.count({ where: { shop, screen } });
}

export function findSavedView(shop: string, screen: string, id: string, db: Db = defaultDb) {
  return db.savedView.findFirst({ where: { shop, screen, id }, select: COLUMNS });
}

/** The view named `nameKey` (other than `exceptId`), if any. */
export function findSavedViewByName(shop: string, screen: string, nameKey: string, exceptId: string | null, db: Db = defaultDb) {
  return db.savedView.findFirst({ where: { shop, screen, nameKey, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: COLUMNS });
}

/**
 * Holds the shop × screen's views until the transaction ends, so two saves at once cannot both pass the
 * count check. PostgreSQL: a transaction-scoped advisory lock. SQLite already runs one writer at a time.
 */
export async function lockSavedViews(shop: string, screen: string, db: Db): Promise<void> {
  if (isPostgres) await db.$executeRaw(Prisma.sql`SELECT pg_advisory_xact_lock(hashtext(${`saved-view:${shop}:${screen}`}))`);
}

export function createSavedView(shop: string, data: { screen: string; name: string; nameKey: string; query: string; createdBy: string }, db: Db = defaultDb) {
  return db.savedView.create({ data: { shop, ...data }, select: COLUMNS });
}

/** Updates the view's name or query; null when no such view of this shop and screen. */
export async function updateSavedView(shop: string, screen: string, id: string, data: { name?: string; nameKey?: string; query?: string }, db: Db = defaultDb) {
  const { count } = await db.savedView.updateMany({ where: { shop, screen, id }, data });
  return count === 0 ? null : findSavedView(shop, screen, id, db);
}

/** Deletes the view; false when no such view of this shop and screen. */
export async function deleteSavedView(shop: string, screen: string, id: string, db: Db = defaultDb): Promise<boolean> {
  const { count } = await db.savedView.deleteMany({ where: { shop, screen, id } });
  return count > 0;
}
