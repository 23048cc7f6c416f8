// Calendar-day helpers on "YYYY-MM-DD" strings (a shop's local days). Client-safe, no time zone maths
// beyond Intl: a demand day is the shop's local date, never a UTC day.
const DAY_MS = 86_400_000;

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date of `instant` in `timeZone` (e.g. "America/Los_Angeles"). */
export function localDate(instant: Date, timeZone: string): string {
  // One formatter per time zone: building one costs ~50 µs, and alerts and imports call this per row.
  let format = dateFormats.get(timeZone);
  if (!format) dateFormats.set(timeZone, (format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" })));
  return format.format(instant);
}

/**
 * A moment as the shop's staff read it: month, day and time in the shop's time zone; with a time zone the
 * runtime does not know, in UTC, saying so.
 * @example shopTimeLabel(new Date("2026-12-07T18:32:00Z"), "America/Los_Angeles") // "Dec 7, 10:32 AM"
 */
export function shopTimeLabel(at: Date, timeZone: string): string {
  const format = (tz: string) => new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZone: tz }).format(at);
  try {
    return format(timeZone);
  } catch {
    return `${format("UTC")} UTC`;
  }
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
    try {
      format = new Intl.DateTimeFormat("en-US", { ...SHOP_TIME_OPTIONS[style], timeZone });
    } catch {
      format = new Intl.DateTimeFormat("en-US", { ...SHOP_TIME_OPTIONS[style], timeZone: "UTC" });
    }
    shopTimeFormats.set(key, format);
  }
  return format.format(typeof at === "string" ? new Date(at) : at);
}
