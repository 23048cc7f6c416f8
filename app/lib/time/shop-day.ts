/**
 * The shop's day: the one place that turns an instant into the shop's local calendar date or hour, and a
 * local date back into an instant. A demand day is the shop's local calendar day (Shopify's
 * `ianaTimezone`), never a UTC day: an order at 23:30 in Los Angeles belongs to that evening's date.
 *
 * A time zone the runtime does not know counts as UTC here, everywhere the same way: a sync refuses to store
 * such a zone, and Sync health warns when a stored one is unknown (services/sync/health.server.ts).
 *
 * Dates are "YYYY-MM-DD" strings. Source: ECMA-402 (Intl.DateTimeFormat with an IANA `timeZone`, which
 * follows the tz database's rules, daylight saving included). Pure: "now" is always a parameter.
 */

const DAY_MS = 86_400_000;

const known = new Map<string, boolean>();
const formats = new Map<string, ZoneFormats>();
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * True when the runtime's tz database knows `timeZone` (an IANA name, e.g. "America/Los_Angeles" or "UTC").
 * @example isKnownTimeZone("Europe/Berlin") // true
 * @example isKnownTimeZone("Mars/Olympus_Mons") // false
 */
export function isKnownTimeZone(timeZone: string): boolean {
  let ok = known.get(timeZone);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone });
      ok = timeZone.trim() !== "";
    } catch {
      ok = false;
    }
    known.set(timeZone, ok);
  }
  return ok;
}

/**
 * The zone the shop's days are counted in: `timeZone` when the runtime knows it, otherwise "UTC".
 * @example effectiveTimeZone("Asia/Kolkata") // "Asia/Kolkata"
 * @example effectiveTimeZone("Not/A_Zone") // "UTC"
 */
export function effectiveTimeZone(timeZone: string): string {
  return isKnownTimeZone(timeZone) ? timeZone : "UTC";
}

interface ZoneFormats {
  /** "YYYY-MM-DD" (en-CA's numeric date): `format` is 3× faster than `formatToParts`, and imports call it per row. */
  date: Intl.DateTimeFormat;
  hour: Intl.DateTimeFormat;
  wall: Intl.DateTimeFormat;
}

/** The zone's formatters, built once: building one costs ~50 µs. */
function zoneFormats(timeZone: string): ZoneFormats {
  const zone = effectiveTimeZone(timeZone);
  let f = formats.get(zone);
  if (!f) {
    const day = { year: "numeric", month: "2-digit", day: "2-digit" } as const;
    f = {
      date: new Intl.DateTimeFormat("en-CA", { ...day, timeZone: zone }),
      hour: new Intl.DateTimeFormat("en-GB", { hour: "2-digit", hourCycle: "h23", timeZone: zone }),
      wall: new Intl.DateTimeFormat("en-US", { ...day, hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23", timeZone: zone }),
    };
    formats.set(zone, f);
  }
  return f;
}

function partsOf(format: Intl.DateTimeFormat, instant: Date): Record<string, string> {
  const p: Record<string, string> = {};
  for (const part of format.formatToParts(instant)) p[part.type] = part.value;
  return p;
}

/** The wall-clock reading of `instant` in the zone, taken as if it were UTC, in ms (for offsets). */
function wallAsUtcMs(instant: Date, timeZone: string): number {
  const p = partsOf(zoneFormats(timeZone).wall, instant);
  return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour) % 24, Number(p.minute), Number(p.second));
}

/**
 * The calendar date of `instant` on the shop's wall clock in `timeZone` (an unknown zone counts as UTC).
 * @example localDate(new Date("2026-11-20T23:30:00-08:00"), "America/Los_Angeles") // "2026-11-20" (the 21st in UTC)
 * @example localDate(new Date("2026-11-20T18:30:00Z"), "Asia/Kolkata") // "2026-11-21" (00:00 IST)
 */
export function localDate(instant: Date, timeZone: string): string {
  const format = zoneFormats(timeZone).date;
  const date = format.format(instant);
  if (ISO_DATE.test(date)) return date;
  // A runtime whose locale data writes en-CA dates differently: the same date, from its parts.
  const p = partsOf(format, instant);
  return `${p.year}-${p.month}-${p.day}`;
}

/**
 * The hour (0–23) of `instant` on the shop's wall clock in `timeZone` (an unknown zone counts as UTC).
 * @example localHour(new Date("2026-07-01T09:15:00Z"), "America/New_York") // 5 (EDT, UTC−4)
 */
export function localHour(instant: Date, timeZone: string): number {
  return Number(zoneFormats(timeZone).hour.format(instant)) % 24;
}

/**
 * The instant the shop's local day `date` begins in `timeZone`: local midnight, or, where a daylight-saving
 * change skips midnight, the moment the clocks jump. With offset(t) = (wall clock at t read as UTC) − t and
 * g = the date's midnight read as UTC, midnight is c = g − offset(g − offset(g)) (the second step takes the
 * offset in force at that midnight). When c still falls on the day before, midnight was skipped and the day
 * begins at g − offset(c), the offset before the jump.
 * @example startOfLocalDay("2026-03-09", "America/New_York") // 2026-03-09T04:00:00.000Z (EDT began the day before)
 * @example startOfLocalDay("2026-07-01", "Asia/Kolkata") // 2026-06-30T18:30:00.000Z
 * @example startOfLocalDay("2018-11-04", "America/Sao_Paulo") // 2018-11-04T03:00:00.000Z (00:00 became 01:00)
 */
export function startOfLocalDay(date: string, timeZone: string): Date {
  const guess = Date.parse(`${date}T00:00:00Z`);
  const offsetAt = (t: number) => wallAsUtcMs(new Date(t), timeZone) - t;
  const midnight = guess - offsetAt(guess - offsetAt(guess));
  return new Date(localDate(new Date(midnight), timeZone) < date ? guess - offsetAt(midnight) : midnight);
}

/**
 * The calendar date `days` days after `date` (negative: before). Calendar arithmetic, no time zone involved.
 * @example addDays("2026-02-27", 2) // "2026-03-01"
 */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Whole calendar days from `a` to `b` (b − a).
 * @example daysBetween("2026-12-30", "2027-01-02") // 3
 */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/**
 * What Sync health says about the shop's time zone, or null when all is well: a zone a sync refused (the
 * stored zone still counts the days), or a stored zone the runtime does not know (days count in UTC).
 * @example timeZoneWarning("America/Chicago", "Mars/Olympus_Mons")
 * // 'Shopify reported the time zone "Mars/Olympus_Mons", which this server does not know, so it was not saved. Local days are still counted in America/Chicago.'
 * @example timeZoneWarning("Mars/Olympus_Mons", null) // 'The shop's time zone "Mars/Olympus_Mons" is unknown to this server, so local days are counted in UTC.'
 */
export function timeZoneWarning(storedTimeZone: string, refusedTimeZone: string | null): string | null {
  if (refusedTimeZone !== null) {
    return `Shopify reported the time zone "${refusedTimeZone}", which this server does not know, so it was not saved. Local days are still counted in ${effectiveTimeZone(storedTimeZone)}.`;
  }
  if (!isKnownTimeZone(storedTimeZone)) return `The shop's time zone "${storedTimeZone}" is unknown to this server, so local days are counted in UTC.`;
  return null;
}
