import { z } from "zod";
import { reevaluateStockAlerts } from "~/services/alerts/evaluate.server";
import { planShop } from "~/services/planning/plan-shop.server";
import { planTouchedVariants } from "~/services/planning/plan-touched.server";
import { ActionBusyError, singleFlight } from "~/services/single-flight.server";
import { PLAN_JOB, PLAN_TOUCHED_JOB } from "~/utils/job-names";
import type { JobData, JobQueue } from "./queue.server";

export { PLAN_JOB, PLAN_TOUCHED_JOB };

/**
 * A change is re-planned this long after it (issue "Live plan": within seconds). While one run waits,
 * further enqueues are dropped, so a burst of changes costs one incremental plan.
 */
export const PLAN_TOUCHED_DELAY_MS = 2_000;

const planData = z.object({ shop: z.string().min(1), trigger: z.string().min(1).default("job") });
const shopData = z.object({ shop: z.string().min(1) });

/** Enqueues a plan of the shop; resolves to the job id, or null when one is already waiting. */
export function enqueuePlan(queue: JobQueue, shop: string, trigger: "nightly" | "backfill" | "settings" | "manual" | "import"): Promise<string | null> {
  return queue.enqueue(PLAN_JOB, { shop, trigger }, { singletonKey: `plan:${shop}`, maxAttempts: 3 });
}

/** While a re-plan of the shop runs (a click on "Re-plan now" or another job), a plan job waits this long and tries again. */
export const PLAN_BUSY_RETRY_MS = 30_000;

/** A full plan, one at a time per shop with "Re-plan now" (the same lease); queued again while another runs. */
export async function handlePlanJob(data: JobData, queue?: JobQueue, now = new Date()): Promise<void> {
  const { shop, trigger } = planData.parse(data);
  const ran = await oneAtATime(shop, () => planShop(shop, { trigger }));
  if (!ran && queue) await queue.enqueue(PLAN_JOB, { shop, trigger }, { singletonKey: `plan:${shop}`, runAt: new Date(now.getTime() + PLAN_BUSY_RETRY_MS), maxAttempts: 3 });
}

/** Runs `work` under the shop's re-plan lease; false (nothing run) when another re-plan holds it. */
async function oneAtATime(shop: string, work: () => Promise<unknown>): Promise<boolean> {
  try {
    await singleFlight(shop, "replan", work);
    return true;
  } catch (error) {
    if (error instanceof ActionBusyError) return false;
    throw error;
  }
}

/** Enqueues the shop's incremental plan PLAN_TOUCHED_DELAY_MS from `now`, unless one is already waiting. */
export function enqueueTouchedPlan(queue: JobQueue, shop: string, now = new Date()): Promise<string | null> {
  return queue.enqueue(PLAN_TOUCHED_JOB, { shop }, { singletonKey: `plan-touched:${shop}`, runAt: new Date(now.getTime() + PLAN_TOUCHED_DELAY_MS), maxAttempts: 3 });
}

/**
 * Re-plans the touched variants, then brings their stock alerts up to date with the patched lines. One re-plan at a
 * time per shop: while another holds the lease, it is queued again (the changes are still "touched" then).
 */
export async function handleTouchedPlanJob(data: JobData, now = new Date(), queue?: JobQueue): Promise<void> {
  const { shop } = shopData.parse(data);
  const ran = await oneAtATime(shop, async () => {
    const summary = await planTouchedVariants(shop);
    // The patched variants' alerts; the rest of the shop's did not change with this patch.
    if (summary.variantIds.length > 0) await reevaluateStockAlerts(shop, now, summary.variantIds);
  });
  if (!ran && queue) await queue.enqueue(PLAN_TOUCHED_JOB, { shop }, { singletonKey: `plan-touched:${shop}`, runAt: new Date(now.getTime() + PLAN_BUSY_RETRY_MS), maxAttempts: 3 });
}
