// How an instant reads on a merchant screen, in the shop's time zone. Client-safe. The shop's day itself
// (local date and hour, day arithmetic) lives in lib/time/shop-day.ts.
import { effectiveTimeZone, isKnownTimeZone } from "~/lib/time";

/**
 * A moment as the shop's staff read it: month, day and time in the shop's time zone; with a time zone the
 * runtime does not know, in UTC, saying so.
 * @example shopTimeLabel(new Date("2026-12-07T18:32:00Z"), "America/Los_Angeles") // "Dec 7, 10:32 AM"
 */
export function shopTimeLabel(at: Date, timeZone: string): string {
  const format = (tz: string) => new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZone: tz }).format(at);
  return isKnownTimeZone(timeZone) ? format(timeZone) : `${format("UTC")} UTC`;
}

export type ShopTimeStyle = "date-time" | "recent" | "day";

const SHOP_TIME_OPTIONS: Record<ShopTimeStyle, Intl.DateTimeFormatOptions> = {
  "date-time": { month: "short", day: "numeric", year: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short" },
  recent: { month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short" },
  day: { month: "short", day: "numeric" },
};
const shopTimeFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * An instant on a merchant screen, in the shop's time zone (Shop.ianaTimezone), never the server's or UTC;
 * a zone the runtime does not know falls back to UTC, which the zone name of a time then says.
 * @example formatShopTime("2026-12-07T18:32:00Z", "America/Los_Angeles") // "Dec 7, 2026, 10:32 AM PST"
 * @example formatShopTime("2026-12-07T03:00:00Z", "America/Los_Angeles", "day") // "Dec 6"
 */
export function formatShopTime(at: Date | string, timeZone: string, style: ShopTimeStyle = "date-time"): string {
  const key = `${style} ${timeZone}`;
  let format = shopTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { ...SHOP_TIME_OPTIONS[style], timeZone: effectiveTimeZone(timeZone) });
    shopTimeFormats.set(key, format);
  }
  return format.format(typeof at === "string" ? new Date(at) : at);
}
