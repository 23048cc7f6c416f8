/**
 * Calendar helpers on "YYYY-MM-DD" strings (a shop's local calendar day) and the local → UTC instant
 * conversion for a given IANA zone. Pure: Intl is used only for the zone's UTC offset, never the clock.
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

export function addDays(date: string, days: number): string {
  return format(parse(date) + days * DAY_MS);
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((parse(b) - parse(a)) / DAY_MS);
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

/** The local calendar date of a UTC instant in a zone (inverse check for tests). */
export function utcToLocalDate(instant: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}`;
}
