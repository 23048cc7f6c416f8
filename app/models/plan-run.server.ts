import type { Prisma } from "@prisma/client";
import { runsKeepingForecasts } from "./plan-retention";
import prisma from "~/db.server";

export type ForecastRow = Omit<Prisma.ForecastCreateManyInput, "shop" | "planRunId">;
export type ReplenishmentRow = Omit<Prisma.ReplenishmentLineCreateManyInput, "shop" | "planRunId">;

export function createPlanRun(shop: string, fields: { asOfDate: string; trigger: string }) {
  return prisma.planRun.create({ data: { shop, status: "running", ...fields } });
}

/** Writes one chunk of a running plan; invisible to screens until the run completes. */
export async function insertPlanChunk(shop: string, planRunId: string, forecasts: ForecastRow[], lines: ReplenishmentRow[]) {
  await prisma.$transaction([
    prisma.forecast.createMany({ data: forecasts.map((f) => ({ ...f, shop, planRunId })) }),
    prisma.replenishmentLine.createMany({ data: lines.map((l) => ({ ...l, shop, planRunId })) }),
  ]);
}

/**
 * Marks the run complete (it becomes the one screens show) and drops the rows of older runs, in one
 * transaction, so a reader sees either the old plan or the new one, never a mix.
 */
export async function completePlanRun(
  shop: string,
  planRunId: string,
  coverage: { seriesTotal: number; seriesPlanned: number; seriesSkipped: number; skippedReasons: Record<string, number> },
) {
  // Runs still in progress (none should be: one plan per shop at a time) keep their rows.
  const older = await prisma.planRun.findMany({ where: { shop, id: { not: planRunId }, status: { not: "running" } }, select: { id: true, asOfDate: true } });
  const olderIds = older.map((r) => r.id);
  const current = await prisma.planRun.findUniqueOrThrow({ where: { id: planRunId, shop }, select: { asOfDate: true } });
  // A few weekly plans keep their forecasts for the accuracy KPI (plan-retention.ts); the rest go.
  const keep = runsKeepingForecasts(older, current.asOfDate);
  await prisma.$transaction([
    prisma.planRun.update({ where: { id: planRunId, shop }, data: { status: "complete", finishedAt: new Date(), ...coverage } }),
    prisma.forecast.deleteMany({ where: { shop, planRunId: { in: olderIds.filter((id) => !keep.has(id)) } } }),
    prisma.replenishmentLine.deleteMany({ where: { shop, planRunId: { in: olderIds } } }),
    prisma.planRun.updateMany({ where: { shop, id: { in: olderIds }, status: "complete" }, data: { status: "superseded" } }),
  ]);
}

export function failPlanRun(shop: string, planRunId: string, error: string) {
  return prisma.planRun.updateMany({ where: { shop, id: planRunId }, data: { status: "failed", error, finishedAt: new Date() } });
}

/** Per shop, the plan date of its newest complete or still-running plan (nightly sweep). */
export async function latestPlanDates(shops: readonly string[]): Promise<Map<string, string>> {
  if (shops.length === 0) return new Map();
  const rows = await prisma.planRun.groupBy({
    by: ["shop"],
    where: { shop: { in: [...shops] }, status: { in: ["complete", "running"] } },
    _max: { asOfDate: true },
  });
  return new Map(rows.flatMap((r) => (r._max.asOfDate ? [[r.shop, r._max.asOfDate] as const] : [])));
}

/** The plan screens show: the newest complete run. */
export function latestCompletePlanRun(shop: string) {
  return prisma.planRun.findFirst({ where: { shop, status: "complete" }, orderBy: { finishedAt: "desc" } });
}
