import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { createLevel, createStore, createVariant, demandDays } from "../factories";
import { JOB, registerJobs } from "~/jobs/index.server";
import { enqueueTouchedPlan, PLAN_TOUCHED_DELAY_MS } from "~/jobs/planning.server";
import { createJobQueue } from "~/jobs/queue.server";
import { listJobSummaries } from "~/models/jobs.server";
import { planShop } from "~/services/planning/plan-shop.server";
import { getReplenishment } from "~/services/replenishment.server";
import { planTouchedVariants } from "~/services/planning/plan-touched.server";
import { planShops } from "../setup/plan-shops";

const NOW = new Date("2026-11-22T15:00:00Z");
const TODAY = "2026-11-22";

/** One location, four variants selling 2–5 a day for 120 days, each with 3 on hand. */
async function seedShop(label: string) {
  const { shop, location, product } = await createStore(label, { vendor: { statedLeadTimeDays: 10 }, product: { title: "Mug" } });
  const variants = [];
  for (let n = 1; n <= 4; n++) {
    const v = await createVariant(shop, product.id, n, { sku: `MUG-${n}`, unitCost: "4.00", price: "12" });
    await createLevel(shop, v.id, location.id, 3);
    await prisma.demandDay.createMany({ data: demandDays(shop, v.id, location.id, { until: TODAY, days: 120, units: 1 + n, revenue: (u) => String(u * 12) }) });
    variants.push(v);
  }
  return { shop, variants, location };
}

const linesOf = (shop: string) => prisma.replenishmentLine.findMany({ where: { shop }, orderBy: { variantId: "asc" } });

describe("an incremental plan", () => {
  it("re-plans only the variants whose stock changed, inside the latest plan, keeping the merchant's edits", async () => {
    const a = await seedShop("touched-a");
    const b = await seedShop("touched-b");
    const [plan] = await planShops([a.shop, b.shop], { now: NOW });
    expect(await planTouchedVariants(a.shop)).toMatchObject({ planRunId: plan.planRunId, variants: 0, skipped: "nothing changed" });

    const before = await linesOf(a.shop);
    const bBefore = await linesOf(b.shop);
    const [changed, ...others] = a.variants;
    const changedLine = before.find((l) => l.variantId === changed.id)!;
    expect(changedLine.urgency).toBe("critical");
    await prisma.replenishmentLine.update({ where: { id: changedLine.id }, data: { editedQty: 77 } });
    // A webhook (or a receipt) reports 500 on hand for one variant, and the same variant id exists in shop B.
    await prisma.inventoryLevel.updateMany({ where: { shop: a.shop, variantId: changed.id }, data: { available: 500, onHand: 500 } });

    const summary = await planTouchedVariants(a.shop);
    expect(summary).toMatchObject({ planRunId: plan.planRunId, variants: 1, seriesPlanned: 1 });
    const after = await linesOf(a.shop);
    expect(after).toHaveLength(before.length);
    expect(new Set(after.map((l) => l.planRunId))).toEqual(new Set([plan.planRunId]));
    const patched = after.find((l) => l.variantId === changed.id)!;
    expect(patched).toMatchObject({ onHand: 500, suggestedQty: 0, editedQty: 77 });
    expect(patched.urgency).not.toBe("critical");
    expect(patched.daysOfCover).toBeGreaterThan(changedLine.daysOfCover ?? 0);
    // Untouched variants keep their rows as they were (same ids), and shop B is untouched.
    for (const v of others) expect(after.find((l) => l.variantId === v.id)).toEqual(before.find((l) => l.variantId === v.id));
    expect(await linesOf(b.shop)).toEqual(bBefore);
    expect(await prisma.forecast.count({ where: { shop: a.shop, planRunId: plan.planRunId, variantId: changed.id } })).toBe(1);
    const run = await prisma.planRun.findUniqueOrThrow({ where: { id: plan.planRunId } });
    expect(run.seriesPlanned).toBe(plan.seriesPlanned);
    // The screen's cached counts follow: one line left the critical tab.
    const counts = async () => (await getReplenishment(a.shop, { urgency: ["critical"], sort: "stockout", page: 1, pageSize: 50 })).urgencyCounts;
    const criticalBefore = before.filter((l) => l.urgency === "critical").length;
    expect((await counts()).critical ?? 0).toBe(criticalBefore - 1);

    // A deleted variant leaves the plan at the next incremental run.
    await prisma.variant.update({ where: { id: others[0].id }, data: { deletedAt: new Date() } });
    expect(await planTouchedVariants(a.shop)).toMatchObject({ variants: 2, seriesPlanned: 1 });
    expect((await linesOf(a.shop)).map((l) => l.variantId)).not.toContain(others[0].id);
    expect((await prisma.planRun.findUniqueOrThrow({ where: { id: plan.planRunId } })).seriesPlanned).toBe(plan.seriesPlanned - 1);
  });

  it("runs through the queue a few seconds after it is queued; the alerts job after a burst queues none of its own", async () => {
    const a = await seedShop("touched-job");
    await planShop(a.shop, { now: NOW });
    const queue = registerJobs(createJobQueue(process.env.DATABASE_URL!, { supervise: false, schedule: false }));
    try {
      await prisma.inventoryLevel.updateMany({ where: { shop: a.shop, variantId: a.variants[0].id }, data: { available: 400, onHand: 400 } });
      await queue.enqueue(JOB.alertsAfterWebhook, { shop: a.shop });
      await queue.runDue();
      // The database is shared with other files: count this shop's jobs only.
      const ours = async (name: string) => (await listJobSummaries(a.shop)).filter((j) => j.name === name).map((j) => j.status);
      expect(await ours(JOB.alertsAfterWebhook)).toEqual(["completed"]);
      // The drain that applied the burst queues the re-plan (webhook-drain.test.ts); a second one would re-plan the same variants again.
      expect(await ours(JOB.planTouched)).toEqual([]);
      await enqueueTouchedPlan(queue, a.shop);
      expect(await ours(JOB.planTouched)).toEqual(["queued"]);
      expect((await linesOf(a.shop)).find((l) => l.variantId === a.variants[0].id)!.onHand).toBe(3);
      await queue.runDue({ includeDelayed: true, now: new Date(Date.now() + PLAN_TOUCHED_DELAY_MS + 1000) });
      expect(await ours(JOB.planTouched)).toEqual(["completed"]);
      expect((await linesOf(a.shop)).find((l) => l.variantId === a.variants[0].id)!.onHand).toBe(400);
    } finally {
      await queue.stop();
    }
  });
});
