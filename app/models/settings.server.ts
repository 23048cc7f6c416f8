import { PLANNING_COLUMNS, type StoredPlanningSettings } from "~/lib/settings";
import { defaultDb, type Db } from "./transaction.server";

// The planning settings columns of Shop: the list and the write shape live in lib/settings (one definition).

const PLANNING_SELECT = Object.fromEntries(PLANNING_COLUMNS.map((column) => [column, true])) as { [K in (typeof PLANNING_COLUMNS)[number]]: true };

/** Settings row of one shop (with its currency and last change), or null when the shop never installed. */
export function findShopSettings(shop: string, db: Db = defaultDb) {
  return db.shop.findUnique({ where: { shop }, select: { ...PLANNING_SELECT, currencyCode: true, updatedAt: true } });
}

/** What a plan reads of one shop: its planning settings and time zone; throws when the shop never installed. */
export function findPlanningSettings(shop: string, db: Db = defaultDb) {
  return db.shop.findUniqueOrThrow({ where: { shop }, select: { ...PLANNING_SELECT, ianaTimezone: true } });
}

/** Writes the settings of exactly this shop; returns false when the shop has no row. */
export async function updateShopSettings(shop: string, settings: StoredPlanningSettings, db: Db = defaultDb): Promise<boolean> {
  const { count } = await db.shop.updateMany({ where: { shop }, data: settings });
  return count === 1;
}
