import { PLAN_JOB, PLAN_TOUCHED_JOB } from "~/utils/job-names";
import { countPendingJobs } from "~/models/jobs.server";
import { latestCompletePlanRun } from "~/models/plan-run.server";
import { findShop } from "~/models/shop.server";
import { shopTimeLabel } from "~/utils/dates";

/** What every planning screen says about its plan: when it last changed, and whether a re-plan is on its way. */
export interface PlanStatus {
  /** When the plan's rows were last written (the run's end, or a later incremental patch); null: no plan yet. */
  updatedAt: string | null;
  /** "Dec 7, 10:32 AM" in the shop's time zone; null: no plan yet. */
  updatedLabel: string | null;
  /** A full or incremental plan of the shop is queued or running. */
  replanning: boolean;
}

/** The shop's plan freshness (three small reads). */
export async function getPlanStatus(shop: string): Promise<PlanStatus> {
  const [run, pending, shopRow] = await Promise.all([latestCompletePlanRun(shop), countPendingJobs(shop, [PLAN_JOB, PLAN_TOUCHED_JOB]), findShop(shop)]);
  const times = [run?.finishedAt, run?.heartbeatAt].filter((d): d is Date => d instanceof Date);
  const updated = times.length ? new Date(Math.max(...times.map((d) => d.getTime()))) : null;
  return {
    updatedAt: updated?.toISOString() ?? null,
    updatedLabel: updated ? shopTimeLabel(updated, shopRow?.ianaTimezone ?? "UTC") : null,
    replanning: pending > 0,
  };
}
