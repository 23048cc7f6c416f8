// Pure helpers for drafting: PO numbers and expected dates. No I/O, no clock ("now" is a parameter).
import { addDays, localDate } from "~/lib/time";

const FIRST_NUMBER = 1001;

/** The number after the highest "PO-####" the shop has used, starting at PO-1001. */
export function nextPoNumber(used: readonly string[]): number {
  let max = FIRST_NUMBER - 1;
  for (const n of used) {
    const match = /^PO-(\d+)$/.exec(n);
    if (match) max = Math.max(max, Number(match[1]));
  }
  return max + 1;
}

/** The shop's local calendar date of `now`, as UTC midnight plus `days` (a calendar date, stored at 00:00Z). */
export function localDatePlusDays(now: Date, timeZone: string, days: number): Date {
  return new Date(`${addDays(localDate(now, timeZone), days)}T00:00:00Z`);
}
