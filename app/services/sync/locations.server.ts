import { findLocationByGid, listActiveLocations } from "~/models/catalog.server";
import type { Db } from "~/models/transaction.server";
import { gidNumber } from "./ids";

/**
 * The location an order's demand is booked at:
 * 1. the order's own `location_id` (POS and other located orders) — it must be synced; an unknown one
 *    throws so the job retries once locations/create has landed;
 * 2. otherwise (web and other online orders) the shop's default location: the active, not deleted
 *    location with the lowest Shopify id (the shop's first location, normally its primary one);
 * 3. null when the shop has no location yet — such lines are given the default location as soon as the
 *    first location arrives (locations/create).
 */
export async function resolveOrderLocation(shop: string, locationGid: string | null, tx: Db): Promise<string | null> {
  if (locationGid) {
    const location = await findLocationByGid(shop, locationGid, tx);
    if (!location) throw new Error(`order location ${locationGid} is not synced yet`);
    return location.id;
  }
  return defaultLocationId(shop, tx);
}

/** The shop's default location id (rule 2 above), or null when it has none. */
export async function defaultLocationId(shop: string, tx: Db): Promise<string | null> {
  const locations = await listActiveLocations(shop, tx);
  if (locations.length === 0) return null;
  const sorted = [...locations].sort((a, b) => (gidNumber(a.shopifyId) < gidNumber(b.shopifyId) ? -1 : gidNumber(a.shopifyId) > gidNumber(b.shopifyId) ? 1 : 0));
  return sorted[0].id;
}
