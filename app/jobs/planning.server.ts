import { z } from "zod";
import { planShop } from "~/services/planning/plan-shop.server";
import type { JobData, JobQueue } from "./queue.server";

/** One shop's full plan run (nightly, after a backfill); one pending per shop. */
export const PLAN_JOB = "plan-shop";

const planData = z.object({ shop: z.string().min(1), trigger: z.string().min(1).default("job") });

/** Enqueues a plan of the shop; resolves to the job id, or null when one is already waiting. */
export function enqueuePlan(queue: JobQueue, shop: string, trigger: "nightly" | "backfill"): Promise<string | null> {
  return queue.enqueue(PLAN_JOB, { shop, trigger }, { singletonKey: `plan:${shop}`, maxAttempts: 3 });
}

export async function handlePlanJob(data: JobData): Promise<void> {
  const { shop, trigger } = planData.parse(data);
  await planShop(shop, { trigger });
}
