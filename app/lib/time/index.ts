/**
 * The shop's calendar: local dates and hours in the shop's time zone, and day arithmetic on "YYYY-MM-DD".
 * Pure; the only entry point for code outside `app/lib/time`.
 */
export * from "./shop-day";
