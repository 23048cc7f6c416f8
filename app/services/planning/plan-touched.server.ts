import type { AbcClass } from "~/lib/analytics";
import { replacePlanVariants } from "~/models/plan-patch.server";
import { latestCompletePlanRun, type ForecastRow, type ReplenishmentRow } from "~/models/plan-run.server";
import { abcClassesInRun, variantsTouchedSince } from "~/models/planning-inputs.server";
import { findPlanningSettings } from "~/models/settings.server";
import { logJob } from "~/utils/logger.server";
import { budgetSpentOutside, refreshPlanRunBudget } from "./plan-budget.server";
import { loadRunInputs, planVariants } from "./plan-shop.server";

/** More touched variants than this wait for the nightly plan (a patch this size costs as much as a run). */
export const MAX_TOUCHED_VARIANTS = 5000;

export interface TouchedPlanSummary {
  planRunId: string | null;
  variants: number;
  seriesPlanned: number;
  /** The variants re-planned (their alerts follow). */
  variantIds: string[];
  /** Why nothing was re-planned, when nothing was. */
  skipped?: "no plan" | "nothing changed" | "too many changes";
}

/**
 * Re-plans, inside the shop's latest complete plan, the variants whose stock, orders, settings or POs
 * changed since that plan started (webhooks, receipts, edits). Same as-of date, history window and ABC
 * classes as the run it patches, so the patched plan is what a full run on that date would show for them.
 * Changes made while the run was reading are caught too: "since" is the run's start.
 */
export async function planTouchedVariants(shop: string, options: { threads?: number } = {}): Promise<TouchedPlanSummary> {
  return logJob("plan-touched", shop, async () => {
    const run = await latestCompletePlanRun(shop);
    if (!run) return { planRunId: null, variants: 0, seriesPlanned: 0, variantIds: [], skipped: "no plan" };
    const touched = await variantsTouchedSince(shop, run.startedAt, MAX_TOUCHED_VARIANTS + 1);
    if (touched.length === 0) return { planRunId: run.id, variants: 0, seriesPlanned: 0, variantIds: [], skipped: "nothing changed" };
    if (touched.length > MAX_TOUCHED_VARIANTS) return { planRunId: run.id, variants: touched.length, seriesPlanned: 0, variantIds: [], skipped: "too many changes" };
    const settings = await findPlanningSettings(shop);
    const abc = (await abcClassesInRun(shop, run.id, touched)) as Record<string, AbcClass>;
    const inputs = await loadRunInputs(shop, settings, run.asOfDate, { variantIds: touched, abc });
    // The untouched lines keep their suggestions (cut or not): the touched ones share what they leave of
    // the budget, so the patched plan never spends more than the cap (ADR 038).
    if (inputs.context.budgetCents !== null) inputs.budgetCommittedCents = await budgetSpentOutside(shop, run.id, touched);
    const forecasts: ForecastRow[] = [];
    let lines: ReplenishmentRow[] = [];
    const sink = {
      write: async (f: ForecastRow[], l: ReplenishmentRow[]) => {
        forecasts.push(...f);
        lines.push(...l);
      },
      // Classes are known (never provisional): only lines cut to the budget come back, replacing their variants' lines.
      reclassify: async (classes: Record<string, AbcClass>, cut: ReplenishmentRow[]) => {
        lines = [...lines.filter((l) => !(l.variantId in classes)), ...cut];
      },
    };
    const { coverage } = await planVariants(shop, inputs, sink, options.threads);
    await replacePlanVariants(shop, run.id, touched, forecasts, lines);
    await refreshPlanRunBudget(shop, run.id, inputs.context.budgetCents);
    return { planRunId: run.id, variants: touched.length, seriesPlanned: coverage.seriesPlanned, variantIds: touched };
  });
}
