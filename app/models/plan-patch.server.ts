import prisma, { isPostgres } from "~/db.server";
import { inIdChunks } from "~/models/id-chunks.server";
import { insertPlanRows, type ForecastRow, type ReplenishmentRow } from "~/models/plan-run.server";
import { lineCountsOfVariants, parseLineCounts, patchLineCounts, refreshPlanRunLineCounts } from "~/models/replenishment.server";
import type { Db } from "~/models/transaction.server";
import { SqlParams } from "~/models/variant-search.server";

/**
 * Replaces the forecasts and lines of some variants in a complete plan run, in one transaction (screens see
 * the old rows or the new ones, never neither). A merchant's edited quantity on a replaced line is kept.
 * The run's planned-series count and cached line counts follow the lines (patched by the difference of these
 * variants' lines, so a patch costs its own lines, not the run's 100,000).
 */
export async function replacePlanVariants(shop: string, planRunId: string, variantIds: readonly string[], forecasts: ForecastRow[], lines: ReplenishmentRow[]) {
  await prisma.$transaction(
    async (tx) => {
      const cached = parseLineCounts((await tx.planRun.findFirst({ where: { id: planRunId, shop }, select: { lineCounts: true } }))?.lineCounts ?? null);
      const before = cached ? await lineCountsOfVariants(shop, planRunId, variantIds, tx) : null;
      const edited = new Map<string, number>();
      let removedLines = 0;
      await inIdChunks(variantIds, async (ids) => {
        for (const l of await linesOf<{ variantId: string; locationId: string; editedQty: number | bigint }>(tx, shop, planRunId, ids, `"variantId", "locationId", "editedQty"`, `AND "editedQty" IS NOT NULL`)) {
          edited.set(`${l.variantId}|${l.locationId}`, Number(l.editedQty));
        }
        removedLines += await deleteOf(tx, "ReplenishmentLine", shop, planRunId, ids);
        await deleteOf(tx, "Forecast", shop, planRunId, ids);
        return [];
      });
      const kept = lines.map((l) => ({ ...l, editedQty: edited.get(`${l.variantId}|${l.locationId}`) ?? null }));
      await insertPlanRows(tx, shop, planRunId, forecasts, kept);
      const delta = lines.length - removedLines;
      // heartbeatAt: when the run's rows were last written (its chunks while running, its patches once complete).
      await tx.planRun.update({ where: { id: planRunId, shop }, data: { heartbeatAt: new Date(), ...(delta !== 0 ? { seriesPlanned: { increment: delta }, seriesTotal: { increment: delta } } : {}) } });
      // The Replenishment screen's totals and tabs are cached per run.
      if (cached && before) {
        const lineCounts = patchLineCounts(cached, before, await lineCountsOfVariants(shop, planRunId, variantIds, tx));
        await tx.planRun.updateMany({ where: { shop, id: planRunId }, data: { lineCounts } });
      } else await refreshPlanRunLineCounts(shop, planRunId, tx);
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

// Raw SQL for the two reads and deletes by variant: with `+"shop"` SQLite seeks each variant in the
// (planRunId, variantId, locationId) key instead of walking a (shop, planRunId) sort index through the whole run.
const byVariants = (shop: string, planRunId: string, ids: readonly string[], p: SqlParams) =>
  `${isPostgres ? "" : "+"}"shop" = ${p.bind(shop)} AND "planRunId" = ${p.bind(planRunId)} AND "variantId" IN (${ids.map((id) => p.bind(id)).join(", ")})`;

function linesOf<T>(tx: Db, shop: string, planRunId: string, ids: readonly string[], columns: string, extra: string): Promise<T[]> {
  const p = new SqlParams();
  return tx.$queryRawUnsafe<T[]>(`SELECT ${columns} FROM "ReplenishmentLine" WHERE ${byVariants(shop, planRunId, ids, p)} ${extra}`, ...p.values);
}

function deleteOf(tx: Db, table: "ReplenishmentLine" | "Forecast", shop: string, planRunId: string, ids: readonly string[]): Promise<number> {
  const p = new SqlParams();
  return tx.$executeRawUnsafe(`DELETE FROM "${table}" WHERE ${byVariants(shop, planRunId, ids, p)}`, ...p.values);
}
