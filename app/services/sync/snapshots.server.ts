import { listShopsForSnapshots } from "~/models/inventory.server";
import { findShop } from "~/models/shop.server";
import { snapshotShopInventory } from "./inventory.server";
import { localDate, localHour } from "~/lib/time";

/**
 * The hourly sweep: the shops whose local time is in the last hour of their day (23:00–23:59), each with
 * its local date — the caller enqueues one end-of-day `snapshot-inventory` job per shop.
 */
export async function shopsDueForSnapshot(now: Date): Promise<{ shop: string; date: string }[]> {
  const shops = await listShopsForSnapshots();
  return shops.filter((s) => localHour(now, s.ianaTimezone) === 23).map((s) => ({ shop: s.shop, date: localDate(now, s.ianaTimezone) }));
}

/** The `snapshot-inventory` job: end-of-day snapshot of one shop (skipped once uninstalled). */
export async function snapshotInventoryForDay(shop: string, date: string): Promise<number> {
  const row = await findShop(shop);
  if (row && !row.active) return 0;
  return snapshotShopInventory(shop, date);
}
