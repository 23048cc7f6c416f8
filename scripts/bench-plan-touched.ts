// `bench:plan -- --touched N`: the incremental re-plan (issue "Live plan") inside a big shop's latest plan.
// Runs in bench-plan's child process: each round changes the stock of the same N variants, as
// inventory_levels/update webhooks would (available − 1, updatedAt now), then runs the queue's `plan-touched`
// job handler (the shop's re-plan lease, re-plan of the touched variants, then stock alerts), and after it
// planTouchedVariants alone once more (the same variants: a patch re-plans everything touched since the
// full run started, which is also why every round touches the same N variants).
import type { PrismaClient } from "@prisma/client";

export interface TouchedRound {
  /** The whole job, `handleTouchedPlanJob`: lease, planTouchedVariants, reevaluateStockAlerts. */
  jobSeconds: number;
  /** planTouchedVariants alone (find the touched variants, read, plan, patch), right after the job. */
  replanSeconds: number;
  variants: number;
  seriesPlanned: number;
}

export async function measureTouchedReplans(db: PrismaClient, shop: string, touched: number, rounds: number): Promise<TouchedRound[]> {
  const { planTouchedVariants } = await import("../app/services/planning/plan-touched.server");
  const { handleTouchedPlanJob } = await import("../app/jobs/planning.server");
  const all = await db.variant.findMany({ where: { shop }, select: { id: true }, orderBy: { id: "asc" } });
  if (all.length < touched) throw new Error(`--touched ${touched}: the shop has only ${all.length} variants`);
  const step = Math.floor(all.length / touched);
  const ids = Array.from({ length: touched }, (_, i) => all[i * step].id);
  const results: TouchedRound[] = [];
  for (let round = 0; round < rounds; round++) {
    await db.inventoryLevel.updateMany({ where: { shop, variantId: { in: ids } }, data: { available: { decrement: 1 }, updatedAt: new Date() } });
    const t0 = performance.now();
    await handleTouchedPlanJob({ shop });
    const t1 = performance.now();
    const summary = await planTouchedVariants(shop);
    const t2 = performance.now();
    results.push({ jobSeconds: (t1 - t0) / 1000, replanSeconds: (t2 - t1) / 1000, variants: summary.variants, seriesPlanned: summary.seriesPlanned });
  }
  return results;
}
