import prisma from "~/db.server";
import { IDS_PER_QUERY } from "~/models/id-chunks.server";
import { insertPlanRows, type ForecastRow, type ReplenishmentRow } from "~/models/plan-run.server";
import { refreshPlanRunLineCounts } from "~/models/replenishment.server";

/**
 * Replaces the forecasts and lines of some variants in a complete plan run, in one transaction (screens see
 * the old rows or the new ones, never neither). A merchant's edited quantity on a replaced line is kept.
 * The run's planned-series count and cached line counts follow the lines.
 */
export async function replacePlanVariants(shop: string, planRunId: string, variantIds: readonly string[], forecasts: ForecastRow[], lines: ReplenishmentRow[]) {
  await prisma.$transaction(
    async (tx) => {
      const edited = new Map<string, number>();
      let removedLines = 0;
      for (let i = 0; i < variantIds.length; i += IDS_PER_QUERY) {
        const where = { shop, planRunId, variantId: { in: variantIds.slice(i, i + IDS_PER_QUERY) } };
        for (const l of await tx.replenishmentLine.findMany({ where: { ...where, editedQty: { not: null } }, select: { variantId: true, locationId: true, editedQty: true } })) {
          edited.set(`${l.variantId}|${l.locationId}`, l.editedQty!);
        }
        removedLines += (await tx.replenishmentLine.deleteMany({ where })).count;
        await tx.forecast.deleteMany({ where });
      }
      const kept = lines.map((l) => ({ ...l, editedQty: edited.get(`${l.variantId}|${l.locationId}`) ?? null }));
      await insertPlanRows(tx, shop, planRunId, forecasts, kept);
      const delta = lines.length - removedLines;
      // heartbeatAt: when the run's rows were last written (its chunks while running, its patches once complete).
      await tx.planRun.update({ where: { id: planRunId, shop }, data: { heartbeatAt: new Date(), ...(delta !== 0 ? { seriesPlanned: { increment: delta }, seriesTotal: { increment: delta } } : {}) } });
      // The Replenishment screen's totals and tabs are cached per run.
      await refreshPlanRunLineCounts(shop, planRunId, tx);
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
