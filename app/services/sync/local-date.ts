// A demand day is the shop's local calendar date (Shop.ianaTimezone), never a UTC day.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * "YYYY-MM-DD" of `instant` on the wall calendar of `timeZone` (IANA name). An order at
 * 2026-11-20T23:30:00-08:00 in America/Los_Angeles is "2026-11-20", although it is the 21st in UTC.
 * An unknown zone falls back to UTC rather than failing the whole delivery.
 */
export function localDate(instant: Date, timeZone: string): string {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = formatter(timeZone).formatToParts(instant);
  } catch {
    parts = formatter("UTC").formatToParts(instant);
  }
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}
