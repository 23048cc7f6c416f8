import { listShopsForSnapshots } from "~/models/inventory.server";
import { latestPlanDates } from "~/models/plan-run.server";
import { localDate, localHour } from "~/lib/time";

/** Local hour from which a shop's nightly plan may run (yesterday's sales are in; the store is quiet). */
export const NIGHTLY_PLAN_HOUR = 2;

/**
 * Shops whose nightly plan is due: active, past NIGHTLY_PLAN_HOUR in their own time zone, and without a
 * complete or running plan for their local today. The sweep runs hourly, so a missed hour catches up.
 */
export async function shopsDueForNightlyPlan(now: Date): Promise<string[]> {
  const shops = await listShopsForSnapshots();
  const latest = await latestPlanDates(shops.map((s) => s.shop));
  return shops
    .filter((s) => localHour(now, s.ianaTimezone) >= NIGHTLY_PLAN_HOUR && (latest.get(s.shop) ?? "") < localDate(now, s.ianaTimezone))
    .map((s) => s.shop);
}
