import { logger } from "~/utils/logger.server";
import { getJobQueue } from "./index.server";
import { enqueuePlan, enqueueTouchedPlan } from "./planning.server";

// Every change a plan depends on is re-planned where it is applied (issue "Live plan"), so a merchant never
// acts on a plan that predates their own receipt, PO edit, override or vendor lead time.

/**
 * After a change to some variants' stock, POs, overrides or vendor terms: the touched variants are
 * re-planned a few seconds later (planTouchedVariants finds them), alerts follow.
 */
export async function replanSoon(shop: string, now = new Date()): Promise<void> {
  await orLog(shop, "plan-touched", () => enqueueTouchedPlan(getJobQueue(), shop, now));
}

/** "Re-plan now": a full plan of the shop, queued at once (one waiting per shop). */
export async function replanShopNow(shop: string): Promise<void> {
  await enqueuePlan(getJobQueue(), shop, "manual");
}

/** After a shop-wide settings change (service levels, horizon, costs): a full plan of the shop. */
export async function replanShopSoon(shop: string): Promise<void> {
  await orLog(shop, "plan-shop", () => enqueuePlan(getJobQueue(), shop, "settings"));
}

/** The change itself is saved: a failed enqueue is logged, not shown as a failed save (the nightly plan catches up). */
async function orLog(shop: string, job: string, enqueue: () => Promise<unknown>): Promise<void> {
  try {
    await enqueue();
  } catch (error) {
    logger.error({ kind: "job-enqueue", job, shop, outcome: "error", error: error instanceof Error ? error.message : String(error) });
  }
}
