// The shop's name, currency and time zone as Shopify reports them (the install backfill reads them first).
import { z } from "zod";
import { isKnownTimeZone } from "~/lib/time";
import { updateShopIdentity } from "~/models/backfill.server";
import { logger } from "~/utils/logger.server";

const ShopIdentity = z.object({ name: z.string(), ianaTimezone: z.string(), currencyCode: z.string() });

/**
 * Stores the shop's identity. A time zone this server's tz database does not know is refused: the stored
 * zone stays as it was (UTC for a new shop), because every local day would silently fall back to UTC, and
 * the refused name is kept for Sync health to show until a later sync brings a known zone.
 */
export async function syncShopIdentity(shop: string, reported: unknown): Promise<{ refusedTimeZone: string | null }> {
  const { name, ianaTimezone, currencyCode } = ShopIdentity.parse(reported);
  if (isKnownTimeZone(ianaTimezone)) {
    await updateShopIdentity(shop, { name, currencyCode, ianaTimezone, refusedTimeZone: null });
    return { refusedTimeZone: null };
  }
  logger.warn({ kind: "sync", shop, outcome: "time-zone-refused", timeZone: ianaTimezone });
  await updateShopIdentity(shop, { name, currencyCode, refusedTimeZone: ianaTimezone });
  return { refusedTimeZone: ianaTimezone };
}
