// Client-safe display helpers shared by screens.
import type { BadgeProps } from "@shopify/polaris";

export const URGENCY_TONE: Record<string, BadgeProps["tone"]> = {
  critical: "critical",
  high: "warning",
  medium: "attention",
  low: undefined,
};

const dateFormat = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });

/** "2026-11-22" → "Nov 22, 2026" (a calendar date: formatted in UTC so it never shifts a day). */
export function formatDate(isoDate: string): string {
  return dateFormat.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

export function formatDays(days: number | null): string {
  if (days === null) return "—";
  return days >= 365 ? "365+" : days < 10 ? days.toFixed(1) : String(Math.round(days));
}

/** Integer minor units → "$1,234.56" in the given ISO currency (money never passes through float sums). */
export function formatMoneyCents(cents: number, currency: string): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency }).format(cents / 100);
}
