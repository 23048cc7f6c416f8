import { newRowId } from "~/models/row-id.server";
import { isJsonText, type JsonText } from "~/utils/json-text";
import type { Prisma } from "@prisma/client";
import prisma, { isPostgres } from "~/db.server";
import { IDS_PER_QUERY } from "~/models/id-chunks.server";
import { refreshPlanRunLineCounts } from "~/models/replenishment.server";
import type { Db } from "~/models/transaction.server";
import { addDays } from "~/lib/time";

type JsonValue = Prisma.InputJsonValue | JsonText;
/** A forecast to insert; its JSON columns may come serialised already (plan workers). */
export type ForecastRow = Omit<Prisma.ForecastCreateManyInput, "id" | "shop" | "planRunId" | "createdAt" | "mean" | "bands" | "params"> & {
  mean: JsonValue;
  bands?: JsonValue;
  params?: JsonValue;
  /** Its forecast-accuracy record: 4 weekly totals and the naive benchmark per day (ForecastSnapshot). */
  accuracy?: { weeks: number[]; naiveDaily: number };
};
export type ReplenishmentRow = Omit<Prisma.ReplenishmentLineCreateManyInput, "id" | "shop" | "planRunId">;

export function createPlanRun(shop: string, fields: { asOfDate: string; trigger: string }) {
  return prisma.planRun.create({ data: { shop, status: "running", ...fields } });
}

const FORECAST_COLUMNS = [
  "variantId", "locationId", "method", "demandClass", "abcClass", "xyzClass", "params", "mean", "bands", "errorDist", "wape", "mase", "rmsse",
] as const satisfies readonly (keyof ForecastRow)[];
const LINE_COLUMNS = [
  "variantId", "locationId", "vendorId", "onHand", "available", "committed", "incoming", "onOrder", "inventoryPosition", "avgDailyDemand",
  "leadTimeDays", "leadTimeDemand", "safetyStock", "reorderPoint", "eoq", "orderUpTo", "serviceLevel", "suggestedQty", "editedQty",
  "daysOfCover", "projectedStockoutDate", "urgency", "reason", "abcClass", "xyzClass", "unitCost", "draftedUnits", "arithmetic", "budgetCutFrom",
] as const satisfies readonly (keyof ReplenishmentRow)[];
const JSON_COLUMNS = new Set(["params", "mean", "bands", "errorDist"]);

/** Cell values as createMany would bind them: JSON columns serialised, Decimal as its string, undefined → NULL. */
function cell(column: string, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (JSON_COLUMNS.has(column)) return isJsonText(value) ? value.$json : JSON.stringify(value);
  if (typeof value === "object" && !(value instanceof Date)) return String(value);
  // Raw parameters bind whole numbers as 64-bit integers; a whole Float beyond 2^53 (e.g. 6.8e18 units of
  // safety stock on a degenerate series) goes as text, which both databases convert to the column's REAL.
  if (typeof value === "number" && Number.isInteger(value) && !Number.isSafeInteger(value)) return String(value);
  return value;
}

/** Multi-row INSERTs with bound parameters ("?" on SQLite, "$n" on PostgreSQL), at most ~4,000 parameters each. */
async function insertRows(tx: Db, table: string, columns: readonly string[], rows: readonly Record<string, unknown>[], fixed: Record<string, unknown>) {
  const all = ["id", ...Object.keys(fixed), ...columns];
  const perStatement = Math.max(1, Math.floor(4000 / all.length));
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    const params: unknown[] = [];
    const tuples: string[] = [];
    for (const row of chunk) {
      const marks: string[] = [];
      params.push(newRowId());
      marks.push(isPostgres ? `$${params.length}` : "?");
      for (const c of Object.keys(fixed)) {
        params.push(fixed[c]);
        marks.push(isPostgres ? `$${params.length}` : "?");
      }
      for (const c of columns) {
        params.push(cell(c, row[c]));
        marks.push(isPostgres ? `$${params.length}` : "?");
      }
      tuples.push(`(${marks.join(", ")})`);
    }
    await tx.$executeRawUnsafe(`INSERT INTO "${table}" (${all.map((c) => `"${c}"`).join(", ")}) VALUES ${tuples.join(", ")}`, ...params);
  }
}

/**
 * Writes one chunk of a running plan; invisible to screens until the run completes. Raw multi-row INSERTs
 * rather than createMany: a plan writes ~3 KB of forecast JSON per series, and passing it through the
 * client's query compiler cost more than computing it (docs/benchmarks.md, "Plan run at scale").
 */
export async function insertPlanChunk(
  shop: string,
  planRunId: string,
  forecasts: ForecastRow[],
  lines: ReplenishmentRow[],
  progress?: PlanProgress,
  snapshotDate?: string | null,
) {
  await prisma.$transaction(
    async (tx) => {
      await insertPlanRows(tx, shop, planRunId, forecasts, lines);
      if (snapshotDate) await insertSnapshotRows(tx, shop, planRunId, snapshotDate, forecasts);
      // With the rows, in the same commit: a run interrupted after this chunk resumes right after it.
      if (progress) {
        const { resumeAfter, seriesTotal, seriesPlanned, seriesSkipped, skippedReasons } = progress;
        await tx.planRun.update({ where: { id: planRunId, shop }, data: { resumeAfter, heartbeatAt: new Date(), seriesTotal, seriesPlanned, seriesSkipped, skippedReasons } });
      }
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

/** A running plan's progress: the last variant planned and the coverage so far. */
export interface PlanProgress {
  resumeAfter: string;
  seriesTotal: number;
  seriesPlanned: number;
  seriesSkipped: number;
  skippedReasons: Record<string, number>;
}

/**
 * The shop's interrupted plan for `asOfDate`, if any: still "running" with no progress since `staleBefore`
 * (a live run writes progress with every chunk, about every second).
 */
export async function findInterruptedPlanRun(shop: string, asOfDate: string, staleBefore: Date) {
  const runs = await prisma.planRun.findMany({ where: { shop, status: "running", asOfDate }, orderBy: { startedAt: "desc" } });
  return runs.find((r) => (r.heartbeatAt ?? r.startedAt) < staleBefore) ?? null;
}

/** Marks the shop's other stale running plans failed ("interrupted") and drops their rows. */
export async function abandonInterruptedPlanRuns(shop: string, staleBefore: Date, keepId: string | null) {
  const runs = await prisma.planRun.findMany({ where: { shop, status: "running", id: { not: keepId ?? "" } } });
  const stale = runs.filter((r) => (r.heartbeatAt ?? r.startedAt) < staleBefore).map((r) => r.id);
  if (stale.length === 0) return;
  await prisma.$transaction([
    prisma.forecast.deleteMany({ where: { shop, planRunId: { in: stale } } }),
    prisma.replenishmentLine.deleteMany({ where: { shop, planRunId: { in: stale } } }),
    prisma.forecastSnapshot.deleteMany({ where: { shop, planRunId: { in: stale } } }),
    prisma.planRun.updateMany({ where: { shop, id: { in: stale } }, data: { status: "failed", error: "interrupted", finishedAt: new Date() } }),
  ]);
}

const SNAPSHOT_COLUMNS = ["variantId", "locationId", "week1", "week2", "week3", "week4", "naiveDaily"] as const;

/** The forecast-accuracy records of a chunk's forecasts (those that carry one), inside the caller's transaction. */
async function insertSnapshotRows(tx: Db, shop: string, planRunId: string, date: string, forecasts: readonly ForecastRow[]) {
  const rows = forecasts.flatMap((f) => {
    if (!f.accuracy) return [];
    const [week1, week2, week3, week4] = f.accuracy.weeks;
    return [{ variantId: f.variantId, locationId: f.locationId, week1, week2, week3, week4, naiveDaily: f.accuracy.naiveDaily }];
  });
  await insertRows(tx, "ForecastSnapshot", SNAPSHOT_COLUMNS, rows, { shop, planRunId, date });
}

/** Inserts forecasts and lines of a run inside the caller's transaction. */
export async function insertPlanRows(tx: Db, shop: string, planRunId: string, forecasts: ForecastRow[], lines: ReplenishmentRow[]) {
  await insertRows(tx, "Forecast", FORECAST_COLUMNS, forecasts as unknown as Record<string, unknown>[], { shop, planRunId, createdAt: new Date() });
  await insertRows(tx, "ReplenishmentLine", LINE_COLUMNS, lines as unknown as Record<string, unknown>[], { shop, planRunId });
}

/**
 * A running plan's rows of variants whose ABC class moved after they were written: their lines are replaced
 * (re-finished at the new class's service level) and their forecasts relabelled, in one transaction.
 */
export async function reclassifyPlanRows(shop: string, planRunId: string, classes: Record<string, string>, lines: ReplenishmentRow[]) {
  const byClass = new Map<string, string[]>();
  for (const [variantId, abcClass] of Object.entries(classes)) {
    const ids = byClass.get(abcClass);
    if (ids) ids.push(variantId);
    else byClass.set(abcClass, [variantId]);
  }
  await prisma.$transaction(
    async (tx) => {
      for (const [abcClass, ids] of byClass) {
        for (let i = 0; i < ids.length; i += IDS_PER_QUERY) {
          const where = { shop, planRunId, variantId: { in: ids.slice(i, i + IDS_PER_QUERY) } };
          await tx.forecast.updateMany({ where, data: { abcClass } });
          await tx.replenishmentLine.deleteMany({ where });
        }
      }
      await insertRows(tx, "ReplenishmentLine", LINE_COLUMNS, lines as unknown as Record<string, unknown>[], { shop, planRunId });
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

/**
 * Marks the run complete (it becomes the one screens show) and drops the rows of older runs, in one
 * transaction, so a reader sees either the old plan or the new one, never a mix. Forecast snapshots (the
 * accuracy record) outlive their run for SNAPSHOT_RETENTION_DAYS.
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
  // Before the run becomes visible: the Replenishment screen reads its totals from these counts.
  await refreshPlanRunLineCounts(shop, planRunId);
  await prisma.$transaction([
    prisma.planRun.update({ where: { id: planRunId, shop }, data: { status: "complete", finishedAt: new Date(), ...coverage } }),
    prisma.forecast.deleteMany({ where: { shop, planRunId: { in: olderIds } } }),
    prisma.forecastSnapshot.deleteMany({
      where: { shop, date: { lt: addDays(current.asOfDate, -SNAPSHOT_RETENTION_DAYS) } },
    }),
    prisma.replenishmentLine.deleteMany({ where: { shop, planRunId: { in: olderIds } } }),
    prisma.planRun.updateMany({ where: { shop, id: { in: olderIds }, status: "complete" }, data: { status: "superseded" } }),
  ]);
  // The screens' queries are planned from statistics; a plan replaces ~all rows of these tables. Autovacuum
  // would refresh them later (or never, where it is off): stale ones turned index reads into scans.
  if (isPostgres) await prisma.$executeRawUnsafe('ANALYZE "ReplenishmentLine", "Forecast"');
}

/** Forecast snapshots are scored once their 4 weeks are over, and kept ten weeks (about six scored ones). */
export const SNAPSHOT_RETENTION_DAYS = 70;
/** At most one snapshot date per this many days: a nightly plan writes one a week. */
export const SNAPSHOT_SPACING_DAYS = 7;

/**
 * Whether a full plan run of `asOfDate` records a forecast snapshot: not when a finished run (complete or
 * superseded) already recorded one less than SNAPSHOT_SPACING_DAYS before or after that date. A resumed run
 * asks with its own id, which its earlier chunks' snapshots don't count against.
 */
export async function takesForecastSnapshot(shop: string, asOfDate: string, planRunId: string): Promise<boolean> {
  const near = await prisma.forecastSnapshot.groupBy({
    by: ["planRunId"],
    where: {
      shop,
      date: { gt: addDays(asOfDate, -SNAPSHOT_SPACING_DAYS), lt: addDays(asOfDate, SNAPSHOT_SPACING_DAYS) },
      planRunId: { not: planRunId },
    },
  });
  if (near.length === 0) return true;
  const finished = await prisma.planRun.count({ where: { shop, id: { in: near.map((n) => n.planRunId) }, status: { in: ["complete", "superseded"] } } });
  return finished === 0;
}

/** Marks the run failed; its accuracy snapshot goes with it (a later run of the same day writes its own). */
export async function failPlanRun(shop: string, planRunId: string, error: string) {
  await prisma.$transaction([
    prisma.forecastSnapshot.deleteMany({ where: { shop, planRunId } }),
    prisma.planRun.updateMany({ where: { shop, id: planRunId }, data: { status: "failed", error, finishedAt: new Date() } }),
  ]);
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

/** A run's lines that have a unit cost and suggest something or were cut by the purchase budget (ADR 038). */
export async function listCostedLines(shop: string, planRunId: string, db: Db = prisma) {
  const rows = await db.replenishmentLine.findMany({
    where: { shop, planRunId, unitCost: { not: null }, OR: [{ suggestedQty: { gt: 0 } }, { budgetCutFrom: { not: null } }] },
    select: { variantId: true, suggestedQty: true, budgetCutFrom: true, unitCost: true },
  });
  return rows.map((r) => ({ ...r, unitCost: r.unitCost!.toString() }));
}

/** The purchase budget a run respected and its suggestions' value before and after the cut, cents. */
export async function setPlanRunBudget(
  shop: string,
  planRunId: string,
  budget: { budgetCents: number | null; budgetUncutCents: number | null; budgetSpentCents: number | null },
  db: Db = prisma,
) {
  await db.planRun.updateMany({ where: { shop, id: planRunId }, data: budget });
}
