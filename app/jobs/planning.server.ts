import { z } from "zod";
import { reevaluateStockAlerts } from "~/services/alerts.server";
import { planShop } from "~/services/planning/plan-shop.server";
import { planTouchedVariants } from "~/services/planning/plan-touched.server";
import type { JobData, JobQueue } from "./queue.server";

/** One shop's full plan run (nightly, after a backfill); one pending per shop. */
export const PLAN_JOB = "plan-shop";
/** One shop's incremental plan: re-plans the variants webhooks and edits changed since its latest plan. */
export const PLAN_TOUCHED_JOB = "plan-touched";
/**
 * A change is re-planned this long after it (issue "Live plan": within seconds). While one run waits,
 * further enqueues are dropped, so a burst of changes costs one incremental plan.
 */
export const PLAN_TOUCHED_DELAY_MS = 5_000;

const planData = z.object({ shop: z.string().min(1), trigger: z.string().min(1).default("job") });
const shopData = z.object({ shop: z.string().min(1) });

/** Enqueues a plan of the shop; resolves to the job id, or null when one is already waiting. */
export function enqueuePlan(queue: JobQueue, shop: string, trigger: "nightly" | "backfill" | "settings"): Promise<string | null> {
  return queue.enqueue(PLAN_JOB, { shop, trigger }, { singletonKey: `plan:${shop}`, maxAttempts: 3 });
}

export async function handlePlanJob(data: JobData): Promise<void> {
  const { shop, trigger } = planData.parse(data);
  await planShop(shop, { trigger });
}

/** Enqueues the shop's incremental plan PLAN_TOUCHED_DELAY_MS from `now`, unless one is already waiting. */
export function enqueueTouchedPlan(queue: JobQueue, shop: string, now = new Date()): Promise<string | null> {
  return queue.enqueue(PLAN_TOUCHED_JOB, { shop }, { singletonKey: `plan-touched:${shop}`, runAt: new Date(now.getTime() + PLAN_TOUCHED_DELAY_MS), maxAttempts: 3 });
}

/** Re-plans the touched variants, then brings stock alerts up to date with the patched lines. */
export async function handleTouchedPlanJob(data: JobData, now = new Date()): Promise<void> {
  const { shop } = shopData.parse(data);
  const summary = await planTouchedVariants(shop);
  if (summary.seriesPlanned > 0) await reevaluateStockAlerts(shop, now);
}
