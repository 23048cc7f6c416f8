import { classifyAbc, isTooEarlyReceipt, type AbcClass } from "~/lib/analytics";
import { blendLeadTime } from "~/lib/replenishment";
import {
  listActiveForecastOverrides,
  listActiveLocations,
  listDemandSeries,
  listInventoryLevels,
  listOpenPurchaseOrderLines,
  meanTrackedUnitCost,
  listPlannableVariants,
  listStockoutDays,
  listVendors,
  observedLeadTimes,
  abcClassesInRun,
  revenueByVariant,
} from "~/models/planning-inputs.server";
import {
  abandonInterruptedPlanRuns,
  completePlanRun,
  createPlanRun,
  failPlanRun,
  findInterruptedPlanRun,
  insertPlanChunk,
  latestCompletePlanRun,
  reclassifyPlanRows,
  takesForecastSnapshot,
  type ForecastRow,
  type PlanProgress,
  type ReplenishmentRow,
} from "~/models/plan-run.server";
import { findBundleIds } from "~/models/bundles.server";
import { findPlanningSettings } from "~/models/settings.server";
import { planSettingsContext } from "~/lib/settings";
import { addDays, daysBetween, localDate } from "~/lib/time";
import { logJob, logger } from "~/utils/logger.server";
import { evaluateAlerts } from "~/services/alerts/evaluate.server";
import { shopCalendar } from "./shop-calendar.server";
import { finishLine, toCents, type ChunkInput, type ChunkOnOrder, type ChunkResult, type LineOut, type PendingLine, type PlanContext } from "./plan-chunk";
import { budgetCuts } from "./plan-budget";
import { refreshPlanRunBudget } from "./plan-budget.server";
import { createChunkRunner, mergeResult, planThreads } from "./plan-pool.server";
import { seriesKey, type ForecastOverrideSpan } from "./series";

/** Two years of daily history: enough for yearly seasonality, bounded memory per chunk. */
export const HISTORY_DAYS = 730;
const CHUNK_VARIANTS = 400;
/** A running plan without progress for this long was cut short (a live one writes a chunk about every second). */
export const INTERRUPTED_AFTER_MS = 5 * 60_000;

export interface PlanRunSummary {
  planRunId: string;
  asOfDate: string;
  seriesTotal: number;
  seriesPlanned: number;
  seriesSkipped: number;
  skippedReasons: Record<string, number>;
  /** Worker threads that forecast (0: the calling thread did). */
  threads: number;
  /** Where the run's wall time went (ms); the phases overlap while worker threads forecast. */
  timings: PlanTimings;
}

export interface PlanTimings {
  /** Shop-wide inputs: variants, vendors, open POs. */
  inputsMs: number;
  /** This thread reading chunks (demand, stock-outs, levels) and building dense series. */
  readMs: number;
  /** Waiting for chunk forecasts (the maths not hidden behind reads and writes). */
  waitMs: number;
  /** Writing each chunk's forecasts and lines (with the run's progress). */
  writeMs: number;
  /** A full run's ABC ranking at the end, and rewriting the rows whose class moved. */
  linesMs: number;
  alertsMs: number;
}


/**
 * A full plan run for one shop: forecasts every tracked variant × location from its local-day demand
 * history (stocked-out days are unknown demand, not zero), then safety stock, reorder point and order
 * quantity for the variant's ABC service level. Rows are written in chunks under a "running" run and
 * become visible together when the run completes; a failed run leaves the previous plan in place, and a
 * run cut short (process killed) is resumed by the next plan of that day after its last written chunk.
 */
export async function planShop(shop: string, options: { now?: Date; trigger?: string; threads?: number } = {}): Promise<PlanRunSummary> {
  return logJob("plan-shop", shop, async () => {
    const settings = await findPlanningSettings(shop);
    const asOfDate = localDate(options.now ?? new Date(), settings.ianaTimezone);
    // A run of today cut short (process killed, deploy) resumes after its last written chunk; older ones are dropped.
    const staleBefore = new Date(Date.now() - INTERRUPTED_AFTER_MS);
    // A run under a purchase budget is never resumed: the cut needs every line's demand, and the lines of a
    // run cut short are not in this process (ADR 038). It starts over.
    const interrupted = settings.planBudgetCents === null ? await findInterruptedPlanRun(shop, asOfDate, staleBefore) : null;
    await abandonInterruptedPlanRuns(shop, staleBefore, interrupted?.id ?? null);
    const run = interrupted ?? (await createPlanRun(shop, { asOfDate, trigger: options.trigger ?? "manual" }));
    const resumed: PlanProgress | undefined = interrupted?.resumeAfter
      ? {
          resumeAfter: interrupted.resumeAfter,
          seriesTotal: interrupted.seriesTotal,
          seriesPlanned: interrupted.seriesPlanned,
          seriesSkipped: interrupted.seriesSkipped,
          skippedReasons: (interrupted.skippedReasons ?? {}) as Record<string, number>,
        }
      : undefined;
    if (interrupted) logger.info({ kind: "plan-resume", shop, planRunId: run.id, resumeAfter: resumed?.resumeAfter ?? null });
    try {
      const started = performance.now();
      const inputs = await loadRunInputs(shop, settings, asOfDate, undefined, resumed?.resumeAfter);
      const inputsMs = performance.now() - started;
      // The accuracy record (ForecastSnapshot): written with the chunks, at most one snapshot date a week.
      const snapshotDate = (await takesForecastSnapshot(shop, asOfDate, run.id)) ? asOfDate : null;
      const sink: PlanSink = {
        write: (forecasts, lines, progress) => insertPlanChunk(shop, run.id, forecasts, lines, progress, snapshotDate),
        reclassify: (classes, lines) => reclassifyPlanRows(shop, run.id, classes, lines),
      };
      const { coverage, threads, timings } = await planVariants(shop, inputs, sink, options.threads, resumed);
      await refreshPlanRunBudget(shop, run.id, inputs.context.budgetCents);
      await completePlanRun(shop, run.id, coverage);
      const alertsStarted = performance.now();
      // Alerts follow the new plan; their failure is logged and never fails the plan itself.
      await evaluateAlerts(shop, options.now ?? new Date()).catch((error: unknown) =>
        logger.error({ kind: "job", job: "evaluate-alerts", shop, outcome: "error", error: error instanceof Error ? error.message : String(error) }),
      );
      const phases: PlanTimings = { inputsMs, ...timings, alertsMs: performance.now() - alertsStarted };
      const rounded = Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, Math.round(v)])) as unknown as PlanTimings;
      logger.info({ kind: "plan-timings", shop, planRunId: run.id, threads, ...rounded });
      return { planRunId: run.id, asOfDate, ...coverage, threads, timings: rounded };
    } catch (error) {
      await failPlanRun(shop, run.id, error instanceof Error ? error.message : String(error));
      throw error;
    }
  });
}

type Settings = Awaited<ReturnType<typeof findPlanningSettings>>;

/** Everything a run reads once: the variants to plan, vendors, open POs (and ABC classes when already known). */
interface RunInputs {
  variants: PlannableVariant[];
  context: PlanContext;
  /** Known classes (incremental run); null: ranked at the end from the revenue the chunk reads bring. */
  abc: Record<string, AbcClass> | null;
  /**
   * A full run's rows are written with provisional classes — the previous plan's, or for a first plan a
   * ranking by a year of revenue read up front — and only rows whose class then moved are rewritten.
   */
  provisionalAbc: Record<string, string>;
  onOrder: Map<string, ChunkOnOrder>;
  locationCount: number;
  /**
   * Cents of the purchase budget already spent by lines this run does not plan: 0 for a full run; for an
   * incremental run, the untouched lines' suggestions (plan-touched.server.ts), so it cannot overspend.
   */
  budgetCommittedCents: number;
}

/** Observed lead times planning may use: a receipt too soon after sending (isTooEarlyReceipt) is left out, as on the scorecard. */
const acceptedLeadTimes = (observed: number[] | undefined, statedDays: number) => (observed ?? []).filter((d) => !isTooEarlyReceipt(d, statedDays));

/**
 * Reads a run's shop-wide inputs. `only` restricts it to some variants with known ABC classes (an
 * incremental run keeps the classes of the plan it patches: ABC ranks the whole catalogue by a year's revenue).
 */
export async function loadRunInputs(
  shop: string,
  settings: Settings,
  asOfDate: string,
  only?: { variantIds: string[]; abc: Record<string, AbcClass> },
  resumeAfter?: string,
): Promise<RunInputs> {
  const [variants, locations, vendors, openLines, observed, previous, calendar] = await Promise.all([
    listPlannableVariants(shop, only?.variantIds, resumeAfter),
    listActiveLocations(shop),
    listVendors(shop),
    listOpenPurchaseOrderLines(shop, only?.variantIds),
    observedLeadTimes(shop),
    only ? Promise.resolve(null) : latestCompletePlanRun(shop),
    shopCalendar(shop, addDays(asOfDate, -HISTORY_DAYS), HISTORY_DAYS, Boolean(only)),
  ]);
  const provisionalAbc = only
    ? {}
    : previous
      ? await abcClassesInRun(shop, previous.id)
      : classifyAbc((await revenueByVariant(shop, addDays(asOfDate, -365))).map((r) => ({ id: r.variantId, revenueCents: Math.max(0, toCents(r.revenue)) })));
  const context: PlanContext = {
    asOfDate,
    historyDays: HISTORY_DAYS,
    closedDates: calendar.closedDates,
    analogues: calendar.analogues,
    ...planSettingsContext(settings),
    costReferenceCents: settings.balanceServiceByCost ? toCents(await meanTrackedUnitCost(shop)) : null,
    activeLocationIds: locations.map((l) => l.id),
    vendors: Object.fromEntries(
      vendors.map((v) => [v.id, { moq: v.moq, leadTime: blendLeadTime({ statedDays: v.statedLeadTimeDays, observedDays: acceptedLeadTimes(observed.get(v.id), v.statedLeadTimeDays) }) }]),
    ),
    defaultLeadTime: blendLeadTime({ statedDays: 14, observedDays: [] }),
  };
  // Open PO units per series, Stockcast's own apart from those imported from Stocky (docs/on-order.md).
  const onOrder = new Map<string, ChunkOnOrder>();
  for (const l of openLines) {
    const key = seriesKey(l.variantId, l.locationId);
    const entry = onOrder.get(key) ?? { quantity: 0, imported: 0, receipts: [], drafted: 0 };
    onOrder.set(key, entry);
    if (l.drafted) {
      entry.drafted += l.remaining;
      continue;
    }
    if (l.source === "stocky") entry.imported += l.remaining;
    else entry.quantity += l.remaining;
    const day = l.expectedAt ? Math.max(0, daysBetween(asOfDate, l.expectedAt.toISOString().slice(0, 10))) : null;
    if (day !== null && l.remaining > 0) entry.receipts.push({ day, quantity: l.remaining });
    onOrder.set(key, entry);
  }
  return { variants, context, abc: only?.abc ?? null, provisionalAbc, onOrder, locationCount: locations.length, budgetCommittedCents: 0 };
}

export type Coverage = Pick<PlanRunSummary, "seriesTotal" | "seriesPlanned" | "seriesSkipped" | "skippedReasons">;

/** Where a run's rows go: a running plan (full run) or a patch of a complete one (incremental run). */
export interface PlanSink {
  /** One chunk's rows, with the run's progress after it (a full run stores it for resuming). */
  write(forecasts: ForecastRow[], lines: ReplenishmentRow[], progress: PlanProgress): Promise<void>;
  /**
   * Once every line is known: the variants whose class differs from the provisional one their rows were
   * written with (full runs), or with a line the purchase budget cut, get these lines instead, and their
   * forecasts the given class (see planVariants).
   */
  reclassify(classes: Record<string, AbcClass>, lines: ReplenishmentRow[]): Promise<void>;
}

/**
 * Plans every variant of `inputs` chunk by chunk. Reads, maths and writes overlap: while worker threads
 * forecast one chunk, this thread reads the next and writes finished forecasts and lines, in chunk order; at
 * most one chunk more than there are threads is in flight. A full run writes with provisional ABC classes
 * (RunInputs), ranks the catalogue at the end from the year of revenue the chunk reads brought (no second pass
 * over DemandDay), and re-finishes only the lines whose class moved: it keeps every series' pending line (a
 * few hundred bytes) until then. An incremental run knows its classes.
 */
export async function planVariants(
  shop: string,
  inputs: RunInputs,
  sink: PlanSink,
  threads?: number,
  resumed?: PlanProgress,
): Promise<{ coverage: Coverage; threads: number; timings: Omit<PlanTimings, "inputsMs" | "alertsMs"> }> {
  const timings = { readMs: 0, waitMs: 0, writeMs: 0, linesMs: 0 };
  const timed = async <T>(phase: keyof typeof timings, work: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    try {
      return await work();
    } finally {
      timings[phase] += performance.now() - t0;
    }
  };
  const { context } = inputs;
  const { asOfDate } = context;
  const fromDate = addDays(asOfDate, -HISTORY_DAYS);
  const toDate = addDays(asOfDate, -1);
  const revenueFrom = addDays(asOfDate, -365);
  // A resumed run starts from the coverage its written chunks stored.
  const tally: ChunkResult = {
    forecasts: [],
    pending: [],
    seriesTotal: resumed?.seriesTotal ?? 0,
    seriesPlanned: resumed?.seriesPlanned ?? 0,
    skippedReasons: { ...(resumed?.skippedReasons ?? {}) },
  };
  const revenueCents = new Map<string, number>();
  const pending: PendingLine[] = [];
  // Each written line's suggestion and position by series key: what the purchase budget cuts from.
  const finished = new Map<string, { suggestedQty: number; inventoryPosition: number }>();
  const keep = (lines: readonly LineOut[]) => {
    for (const l of lines) finished.set(seriesKey(l.variantId, l.locationId), { suggestedQty: l.suggestedQty, inventoryPosition: l.inventoryPosition });
  };
  const provisional = inputs.abc ?? (inputs.provisionalAbc as Record<string, AbcClass>);
  const classOf = (variantId: string): AbcClass => provisional[variantId] ?? "C";
  const runner = await createChunkRunner(context, threads ?? planThreads(inputs.variants.length * Math.max(1, inputs.locationCount)));
  const inFlight: { job: Promise<ChunkResult>; lastId: string }[] = [];
  const writeOldest = async () => {
    const { job, lastId } = inFlight.shift()!;
    const result = await timed("waitMs", () => job);
    const forecasts = result.forecasts.map((f) => ({ ...f, abcClass: classOf(f.variantId) }));
    mergeResult(tally, { ...result, forecasts: [], pending: [] });
    const progress = { resumeAfter: lastId, ...coverageOf(tally) };
    const lines = result.pending.map((p) => finishLine(context, p, classOf(p.variantId)));
    await timed("writeMs", () => sink.write(forecasts, lines, progress));
    // A full run re-ranks ABC classes at the end; either run may cut lines to the purchase budget.
    if (!inputs.abc || context.budgetCents !== null) {
      for (const p of result.pending) pending.push(p);
      keep(lines);
    }
  };
  try {
    for (let start = 0; start < inputs.variants.length; start += CHUNK_VARIANTS) {
      const chunk = inputs.variants.slice(start, start + CHUNK_VARIANTS);
      const job = timed("readMs", () => readChunk(shop, chunk, { fromDate, toDate, revenueFrom, asOfDate, onOrder: inputs.onOrder })).then(({ input, revenue }) => {
        for (const r of revenue) revenueCents.set(r.variantId, (revenueCents.get(r.variantId) ?? 0) + Math.max(0, toCents(r.revenue)));
        return runner.run(input);
      });
      job.catch(() => undefined); // awaited in writeOldest; this only keeps an early failure from going unhandled
      inFlight.push({ job, lastId: chunk[chunk.length - 1].id });
      if (inFlight.length > Math.max(1, runner.threads)) await writeOldest();
    }
    while (inFlight.length) await writeOldest();
  } finally {
    await runner.close();
  }
  const linesStarted = performance.now();
  // A resumed run keeps its provisional classes: the revenue of its first chunks was read by the run cut short.
  let classOfFinal = classOf;
  let moved = new Set<string>();
  if (!inputs.abc && !resumed) {
    const abc = classifyAbc([...revenueCents].map(([id, cents]) => ({ id, revenueCents: cents })));
    classOfFinal = (variantId: string): AbcClass => abc[variantId] ?? "C";
    // Rewriting a row costs more than writing it: only the classes that moved (few from one night to the next).
    moved = new Set(inputs.variants.filter((v) => classOfFinal(v.id) !== classOf(v.id)).map((v) => v.id));
    if (context.budgetCents !== null) keep(pending.filter((p) => moved.has(p.variantId)).map((p) => finishLine(context, p, classOfFinal(p.variantId))));
  }
  // Once every suggestion is known: cut them to the purchase budget left for this run (ADR 038).
  const cuts =
    context.budgetCents === null
      ? new Map<string, number>()
      : budgetCuts(
          pending.flatMap((p) => {
            const line = finished.get(seriesKey(p.variantId, p.locationId));
            return line ? [{ pending: p, ...line }] : [];
          }),
          Math.max(0, context.budgetCents - inputs.budgetCommittedCents),
        ).cuts;
  const rewrite = new Set([...moved, ...[...cuts.keys()].map((key) => key.slice(0, key.indexOf("|")))]);
  if (rewrite.size) {
    const lines = pending
      .filter((p) => rewrite.has(p.variantId))
      .map((p) => finishLine(context, p, classOfFinal(p.variantId), cuts.get(seriesKey(p.variantId, p.locationId))));
    await sink.reclassify(Object.fromEntries([...rewrite].map((id) => [id, classOfFinal(id)])), lines);
  }
  timings.linesMs = performance.now() - linesStarted;
  return { coverage: coverageOf(tally), threads: runner.threads, timings };
}

const coverageOf = (t: ChunkResult): Coverage => ({
  seriesTotal: t.seriesTotal,
  seriesPlanned: t.seriesPlanned,
  seriesSkipped: t.seriesTotal - t.seriesPlanned,
  skippedReasons: { ...t.skippedReasons },
});

type PlannableVariant = Awaited<ReturnType<typeof listPlannableVariants>>[number];

/** One chunk's inputs: levels, demand and stock-out history, forecast overrides, as plain cloneable data. */
async function readChunk(
  shop: string,
  chunk: PlannableVariant[],
  run: { fromDate: string; toDate: string; revenueFrom: string; asOfDate: string; onOrder: Map<string, ChunkOnOrder> },
): Promise<{ input: ChunkInput; revenue: { variantId: string; revenue: string }[] }> {
  const ids = chunk.map((v) => v.id);
  const [levels, demand, stockouts, overrides, bundles] = await Promise.all([
    listInventoryLevels(shop, ids),
    listDemandSeries(shop, ids, run.fromDate, run.toDate, run.revenueFrom),
    listStockoutDays(shop, ids, run.fromDate, run.toDate),
    listActiveForecastOverrides(shop, ids, run.asOfDate),
    findBundleIds(shop, ids),
  ]);
  const overridesByKey = new Map<string, ForecastOverrideSpan[]>();
  for (const o of overrides) overridesByKey.set(seriesKey(o.variantId, o.locationId), [...(overridesByKey.get(seriesKey(o.variantId, o.locationId)) ?? []), o]);
  // Open POs of the chunk's variants, whatever their destination (the worker plans the locations).
  const inChunk = new Set(ids);
  const onOrder = new Map<string, ChunkOnOrder>();
  for (const [key, entry] of run.onOrder) if (inChunk.has(key.slice(0, key.indexOf("|")))) onOrder.set(key, entry);
  const input: ChunkInput = {
    variants: chunk.map((v) => ({
      id: v.id,
      tracked: v.tracked,
      bundle: bundles.has(v.id),
      doNotReorder: v.doNotReorder,
      inventoryPolicy: v.inventoryPolicy,
      archived: v.product.status === "ARCHIVED",
      vendorId: v.product.vendorId,
      // Landed cost (unit cost + PO charges at the last receipt) where one exists: docs/landed-cost.md.
      unitCost: (v.landedUnitCost ?? v.unitCost)?.toString() ?? null,
      casePack: v.casePack,
      moqOverride: v.moqOverride,
      leadTimeOverrideDays: v.leadTimeOverrideDays,
      minQty: v.minQty,
      maxQty: v.maxQty,
    })),
    demand: demand.map(({ variantId, locationId, days }) => ({ variantId, locationId, days })),
    stockouts,
    levels: new Map(levels.map((l) => [seriesKey(l.variantId, l.locationId), { available: l.available, onHand: l.onHand, committed: l.committed, incoming: l.incoming }])),
    onOrder,
    overrides: overridesByKey,
  };
  return { input, revenue: demand.map(({ variantId, revenue }) => ({ variantId, revenue })) };
}
