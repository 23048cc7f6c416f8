// When a PO is due and how late it is, in calendar days of the shop. Pure and client-safe: the list, the PO
// page and planning read the same rule. Dates are stored as the shop's local day at 00:00 UTC.
import { daysBetween } from "~/lib/time";

/** Statuses where the vendor owes the goods: only these can be overdue (as the po_overdue alert). */
const AWAITING_DELIVERY = ["sent", "partially_received"];

/**
 * The day the PO is expected to arrive ("YYYY-MM-DD"): the vendor-confirmed ETA when there is one (the latest
 * word from the vendor), else the expected date; null without either.
 * @example arrivalDay("2026-12-20T00:00:00.000Z", "2026-12-27T00:00:00.000Z") // "2026-12-27"
 */
export function arrivalDay(expectedAt: string | null, confirmedEta: string | null): string | null {
  return (confirmedEta ?? expectedAt)?.slice(0, 10) ?? null;
}

/**
 * Whole days a PO awaiting delivery is past its arrival day on the shop's `today` ("YYYY-MM-DD"); null when
 * it is not overdue (not awaiting delivery, no date, or due today or later).
 * @example daysLate("sent", "2026-12-01", "2026-12-14") // 13
 */
export function daysLate(status: string, arrival: string | null, today: string): number | null {
  if (!arrival || !AWAITING_DELIVERY.includes(status)) return null;
  const late = daysBetween(arrival, today);
  return late > 0 ? late : null;
}

/** "1 day late", "13 days late". */
export function daysLateLabel(days: number): string {
  return `${days} day${days === 1 ? "" : "s"} late`;
}

export const OVERDUE_STATUSES: readonly string[] = AWAITING_DELIVERY;
