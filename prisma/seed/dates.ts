/**
 * What the demo generator needs beyond the shop's day (app/lib/time: localDate, addDays, daysBetween):
 * weekday and day of year for seasonality, and local wall-clock time → UTC instant for its orders.
 * Pure: Intl is used only for the zone's UTC offset, never the clock.
 */

const DAY_MS = 86_400_000;

function parse(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`date must be YYYY-MM-DD; got "${date}"`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

function format(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function isIsoDate(date: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && format(parse(date)) === date;
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: string): number {
  return new Date(parse(date)).getUTCDay();
}

/** 1-based day of the year. */
export function dayOfYear(date: string): number {
  const ms = parse(date);
  const start = Date.UTC(new Date(ms).getUTCFullYear(), 0, 1);
  return Math.round((ms - start) / DAY_MS) + 1;
}

const offsetCache = new Map<string, number>();
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's UTC offset in minutes at local noon of `date` (constant from 03:00 to 24:00 local). */
export function zoneOffsetMinutes(date: string, timeZone: string): number {
  const key = `${timeZone}|${date}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return cached;
  let fmt = formatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    });
    formatters.set(timeZone, fmt);
  }
  const noonUtc = parse(date) + 12 * 3_600_000;
  const parts = Object.fromEntries(fmt.formatToParts(new Date(noonUtc)).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute));
  const offset = Math.round((asUtc - noonUtc) / 60_000);
  offsetCache.set(key, offset);
  return offset;
}

/**
 * The UTC instant of a local wall-clock time. Valid for minuteOfDay ≥ 180 (after any DST switch at 02:00).
 */
export function localToUtc(date: string, minuteOfDay: number, timeZone: string): Date {
  const offset = zoneOffsetMinutes(date, timeZone);
  return new Date(parse(date) + (minuteOfDay - offset) * 60_000);
}

