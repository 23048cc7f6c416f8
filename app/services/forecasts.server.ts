import { recordAudit } from "~/models/audit.server";
import { whyOf, type WhyDto } from "./order-why.server";
import { plainMethod } from "~/lib/forecasting";
import { backorderedUnits, continuesSelling } from "~/lib/replenishment";
import {
  createForecastOverride,
  deleteForecastOverride,
  demandHistory,
  findForecast,
  findForecastOverride,
  findReplenishmentLine,
  findVariantOverrides,
  findVariantWithProduct,
  listForecastOverrides,
  listForecasts,
  listLocationsOfVariant,
  listVariantAudit,
  locationExists,
  updateVariantOverridesIfUnchanged,
  type VariantOverridesWrite as VariantOverrides,
} from "~/models/forecasts.server";
import { leadTimePeriods } from "~/lib/planning";
import { findPlanningSettings } from "~/models/settings.server";
import { inTransaction } from "~/models/transaction.server";
import { latestCompletePlanRun } from "~/models/plan-run.server";
import { lookupNames } from "~/models/replenishment.server";
import { levelKey, nativeOnOrderOf, type NativeOnOrderDto } from "~/services/native-purchase-orders.server";
import { addDays, daysBetween, localDate } from "~/lib/time";
import type { ForecastOverrideRow, ForecastPoint } from "~/utils/forecast-dto";
import { staffNamerFor } from "~/services/staff-names.server";

const avg = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

export interface ForecastListDto {
  plan: { asOfDate: string } | null;
  rows: { variantId: string; locationId: string; product: string; variant: string; sku: string | null; location: string; demandClass: string; method: string; methodWords: string; abcClass: string | null; xyzClass: string | null; dailyMean: number; rmsse: number | null }[];
  total: number;
  page: number;
  pageSize: number;
  classCounts: Record<string, number>;
}

/** The Forecasts list: demand class, chosen method and cross-validated error per variant × location. */
export async function getForecastList(shop: string, q: { demandClass?: string; search?: string; page: number; pageSize: number }): Promise<ForecastListDto> {
  const run = await latestCompletePlanRun(shop);
  if (!run) return { plan: null, rows: [], total: 0, page: q.page, pageSize: q.pageSize, classCounts: {} };
  const { rows, total, classCounts } = await listForecasts(shop, run.id, { demandClass: q.demandClass, search: q.search, page: q.page, pageSize: q.pageSize });
  const names = await lookupNames(shop, { variantIds: rows.map((r) => r.variantId), locationIds: rows.map((r) => r.locationId), vendorIds: [] });
  return {
    plan: { asOfDate: run.asOfDate },
    rows: rows.map((r) => {
      const v = names.variants.get(r.variantId);
      return {
        variantId: r.variantId,
        locationId: r.locationId,
        product: v?.product.title ?? "Unknown product",
        variant: v?.title ?? "",
        sku: v?.sku ?? null,
        location: names.locations.get(r.locationId) ?? "Unknown location",
        demandClass: r.demandClass,
        method: r.method,
        methodWords: plainMethod(r.method),
        abcClass: r.abcClass,
        xyzClass: r.xyzClass,
        dailyMean: Math.round(avg((r.mean as number[]).slice(0, 28)) * 100) / 100,
        rmsse: r.rmsse,
      };
    }),
    total,
    page: q.page,
    pageSize: q.pageSize,
    classCounts,
  };
}

export interface ForecastDetailDto {
  product: string;
  variant: string;
  sku: string | null;
  vendor: string | null;
  location: { id: string; name: string };
  otherLocations: { id: string; name: string }[];
  asOfDate: string;
  method: string;
  /** The method in plain words (the code stays in a details disclosure). */
  methodWords: string;
  demandClass: string;
  abcClass: string | null;
  /** One point per day: history (actual, stockedOut) then forecast (mean and bands). */
  points: ForecastPoint[];
  /** Per-variant planning overrides (null = default) and the vendor defaults they replace. */
  overrides: VariantOverrides;
  vendorDefaults: { statedLeadTimeDays: number | null; moq: number | null };
  /** Manual forecast overrides of this variant (all locations), oldest start first. */
  forecastOverrides: ForecastOverrideRow[];
  /** Dates a new forecast override may cover (the shop's today … today + forecast horizon − 1). */
  overrideWindow: { from: string; to: string };
  /** Audit trail of the variant, newest first (AuditHistory entries). */
  history: { id: string; at: string; actor: string; action: string; reason: string | null }[];
  numbers: {
    /** Expected demand over the lead time, units (the override note compares it with and without). */
    leadTimeDemand: number;
    /** Native Shopify POs behind part of the units on order (through Shopify's incoming; docs/on-order.md). */
    nativePos: NativeOnOrderDto[];
    /** Units owed to customers (negative available of a variant that continues selling; docs/on-order.md). */
    backorders: number;
    suggestedQty: number;
    urgency: string;
    /** Days of this plan's forecast replaced by a manual override. */
    overriddenDays: number;
    /** Lead-time demand without the overrides (null when none applies). */
    leadTimeDemandBeforeOverride: number | null;
    /** The suggestion explained: sentence, sums that add up, method in plain words. */
    why: WhyDto;
  } | null;
}

const HISTORY_SHOWN_DAYS = 180;
const FORECAST_SHOWN_DAYS = 60;

interface StoredOverride {
  ids: string[];
  days: number[];
  baseMean: number[];
}

function storedOverride(params: unknown): StoredOverride | null {
  const o = (params as { override?: StoredOverride } | null)?.override;
  return o && Array.isArray(o.days) && Array.isArray(o.baseMean) && Array.isArray(o.ids) ? o : null;
}

const AUDIT_LABEL: Record<string, string> = {
  leadTimeOverrideDays: "lead time",
  moqOverride: "MOQ",
  casePack: "case pack",
  minQty: "minimum per order",
  maxQty: "maximum per order",
  doNotReorder: "do not reorder",
};

const DAY_FORMAT = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });
const showDate = (d: unknown) => (typeof d === "string" && /^\d{4}-\d{2}-\d{2}$/.test(d) ? DAY_FORMAT.format(new Date(`${d}T00:00:00Z`)) : String(d));
/** "on Nov 22, 2026" or "Nov 22, 2026 – Dec 21, 2026". */
const showRange = (start: unknown, end: unknown) => (start === end ? `on ${showDate(start)}` : `${showDate(start)} – ${showDate(end)}`);

const showValue = (v: unknown) => (v === null || v === undefined ? "default" : v === true ? "yes" : v === false ? "no" : String(v));

/** One audit entry of a variant as the History card shows it: a sentence, and the note as the reason. */
function describeVariantAudit(e: { action: string; before: unknown; after: unknown }): { action: string; reason: string | null } {
  const before = (e.before ?? {}) as Record<string, unknown>;
  const after = (e.after ?? {}) as Record<string, unknown>;
  switch (e.action) {
    case "variant.overrides_updated":
      return {
        // In the form's order: PostgreSQL's jsonb does not keep key order.
        action: `Planning overrides: ${Object.keys(AUDIT_LABEL)
          .filter((k) => k in after)
          .map((k) => `${AUDIT_LABEL[k] ?? k} ${showValue(before[k])} → ${showValue(after[k])}`)
          .join(", ")}`,
        reason: null,
      };
    case "forecast_override.created":
      return { action: `Forecast overridden to ${String(after.dailyUnits)}/day ${showRange(after.startDate, after.endDate)}`, reason: (after.note as string | null) ?? null };
    case "forecast_override.deleted":
      return { action: `Forecast override removed (${String(before.dailyUnits)}/day ${showRange(before.startDate, before.endDate)})`, reason: null };
    case "replenishment_line.quantity_edited":
      return {
        action: after.editedQty === null ? "Suggested quantity restored" : `Order quantity set to ${String(after.editedQty)} (suggested ${String(before.suggestedQty ?? "—")})`,
        reason: null,
      };
    default:
      return { action: e.action, reason: null };
  }
}

/** One variant × location: history with stocked-out days, the forecast with bands, and the numbers behind the suggestion. */
export async function getForecastDetail(shop: string, variantId: string, locationId: string | null, now = new Date()): Promise<ForecastDetailDto | null> {
  const run = await latestCompletePlanRun(shop);
  const variant = await findVariantWithProduct(shop, variantId);
  if (!run || !variant) return null;
  const locations = await listLocationsOfVariant(shop, run.id, variantId);
  const chosen = locationId ?? locations[0]?.locationId;
  if (!chosen) return null;
  const [forecast, line, history, names, overrides, saved, audit, settings, who] = await Promise.all([
    findForecast(shop, run.id, variantId, chosen),
    findReplenishmentLine(shop, run.id, variantId, chosen),
    demandHistory(shop, variantId, chosen, addDays(run.asOfDate, -HISTORY_SHOWN_DAYS)),
    lookupNames(shop, { variantIds: [], locationIds: locations.map((l) => l.locationId), vendorIds: [] }),
    findVariantOverrides(shop, variantId),
    listForecastOverrides(shop, variantId),
    listVariantAudit(shop, variantId),
    findPlanningSettings(shop),
    staffNamerFor(shop),
  ]);
  if (!forecast || !overrides) return null;
  const units = new Map(history.days.map((d) => [d.date, d.units]));
  const out = new Set(history.stockoutDates);
  const points: ForecastDetailDto["points"] = [];
  for (let i = HISTORY_SHOWN_DAYS; i >= 1; i--) {
    const date = addDays(run.asOfDate, -i);
    points.push({ date, actual: out.has(date) ? null : (units.get(date) ?? 0), stockedOut: out.has(date), mean: null, band80: null, band95: null, baseMean: null, pendingOverride: null });
  }
  const mean = forecast.mean as number[];
  const bands = (forecast.bands ?? {}) as Record<string, { lower: number[]; upper: number[] }>;
  const band = (level: string, h: number): [number, number] | null => (bands[level] ? [bands[level].lower[h], bands[level].upper[h]] : null);
  const applied = storedOverride(forecast.params);
  const baseByDay = new Map(applied ? applied.days.map((h, i) => [h, applied.baseMean[i]]) : []);
  const inPlan = new Set(applied?.ids ?? []);
  const pending = saved.filter((o) => o.locationId === chosen && !inPlan.has(o.id));
  for (let h = 0; h < Math.min(FORECAST_SHOWN_DAYS, mean.length); h++) {
    const date = addDays(run.asOfDate, h);
    const pendingHere = pending.filter((o) => o.startDate <= date && date <= o.endDate).at(-1);
    points.push({
      date,
      actual: null,
      stockedOut: false,
      mean: mean[h],
      band80: band("80", h),
      band95: band("95", h),
      baseMean: baseByDay.get(h) ?? null,
      pendingOverride: pendingHere ? pendingHere.dailyUnits : null,
    });
  }
  const native = line ? await nativeOnOrderOf(shop, [{ variantId, locationId: chosen, incoming: line.incoming, leadTimeDays: line.leadTimeDays }]) : new Map<string, NativeOnOrderDto[]>();
  const today = localDate(now, settings.ianaTimezone);
  // The engine's lead-time rule (the stored days are rounded to 3 decimals, as the line shows them).
  const leadPeriods = line ? leadTimePeriods(line.leadTimeDays) : 0;
  const leadDelta = applied ? applied.days.reduce((sum, h, i) => (h < leadPeriods ? sum + (mean[h] - applied.baseMean[i]) : sum), 0) : 0;
  const locationName = (id: string) => names.locations.get(id) ?? "Unknown location";
  const vendor = overrides.product.vendor;
  return {
    product: variant.product.title,
    variant: variant.title,
    sku: variant.sku,
    vendor: variant.product.vendor?.name ?? null,
    location: { id: chosen, name: locationName(chosen) },
    otherLocations: locations.map((l) => ({ id: l.locationId, name: locationName(l.locationId) })),
    asOfDate: run.asOfDate,
    method: forecast.method,
    methodWords: plainMethod(forecast.method),
    demandClass: forecast.demandClass,
    abcClass: forecast.abcClass,
    points,
    overrides: {
      leadTimeOverrideDays: overrides.leadTimeOverrideDays,
      moqOverride: overrides.moqOverride,
      casePack: overrides.casePack,
      minQty: overrides.minQty,
      maxQty: overrides.maxQty,
      doNotReorder: overrides.doNotReorder,
    },
    vendorDefaults: { statedLeadTimeDays: vendor?.statedLeadTimeDays ?? null, moq: vendor?.moq ?? null },
    forecastOverrides: saved.map((o) => ({
      id: o.id,
      locationId: o.locationId,
      location: locationName(o.locationId),
      startDate: o.startDate,
      endDate: o.endDate,
      dailyUnits: o.dailyUnits,
      note: o.note,
      createdBy: who(o.createdBy),
      createdAt: o.createdAt.toISOString(),
      inPlan: o.locationId === chosen ? inPlan.has(o.id) : false,
      expired: o.endDate < today,
    })),
    overrideWindow: { from: today, to: addDays(today, settings.forecastHorizonDays - 1) },
    history: audit.map((e) => ({ id: e.id, at: e.at.toISOString(), actor: who(e.actor), ...describeVariantAudit(e) })),
    numbers: line && {
      leadTimeDemand: line.leadTimeDemand,
      nativePos: native.get(levelKey(variantId, chosen)) ?? [],
      backorders: backorderedUnits(line.available, continuesSelling(variant.inventoryPolicy)),
      suggestedQty: line.editedQty ?? line.suggestedQty,
      urgency: line.urgency,
      overriddenDays: applied?.days.length ?? 0,
      leadTimeDemandBeforeOverride: applied && leadDelta !== 0 ? Math.max(0, Math.round((line.leadTimeDemand - leadDelta) * 1000) / 1000) : null,
      why: whyOf(line, { method: forecast.method, rmsse: forecast.rmsse }),
    },
  };
}

/** A manual forecast override as the merchant enters it (validated by the route). */
export interface ForecastOverrideInput {
  locationId: string;
  startDate: string;
  endDate: string;
  dailyUnits: number;
  note: string | null;
}

/** Why a variant-page edit was refused. `field` names the form field to show the message on. */
export class VariantEditError extends Error {
  constructor(
    readonly code: "not_found" | "conflict" | "invalid",
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "VariantEditError";
  }
}

export const VARIANT_NOT_FOUND_MESSAGE = "This variant does not exist in your shop.";

const OVERRIDE_KEYS = ["leadTimeOverrideDays", "moqOverride", "casePack", "minQty", "maxQty", "doNotReorder"] as const;

/**
 * Saves a variant's planning overrides if they still equal what the editor loaded (`expected`), with an
 * audit entry "variant.overrides_updated" (before/after of the changed fields) in the same transaction.
 * Saving identical values writes nothing. Planning uses them from its next run.
 * @throws VariantEditError "not_found", "conflict"
 */
export async function saveVariantOverrides(shop: string, actor: string, variantId: string, expected: VariantOverrides, values: VariantOverrides): Promise<{ changed: boolean }> {
  return inTransaction(async (tx) => {
    const row = await findVariantOverrides(shop, variantId, tx);
    if (!row) throw new VariantEditError("not_found", VARIANT_NOT_FOUND_MESSAGE);
    const conflict = new VariantEditError("conflict", "Someone else changed these overrides after you opened the page. Reload to see their values, then edit again.");
    if (OVERRIDE_KEYS.some((k) => row[k] !== expected[k])) throw conflict;
    const changed = OVERRIDE_KEYS.filter((k) => row[k] !== values[k]);
    if (changed.length === 0) return { changed: false };
    if (!(await updateVariantOverridesIfUnchanged(shop, variantId, expected, values, tx))) throw conflict;
    const pick = (src: VariantOverrides) => Object.fromEntries(changed.map((k) => [k, src[k]]));
    await recordAudit(shop, { actor, action: "variant.overrides_updated", entityType: "Variant", entityId: variantId, before: pick(expected), after: pick(values) }, tx);
    return { changed: true };
  });
}

/**
 * Records a manual forecast override for one variant × location: from its start to its end date the
 * forecast mean becomes `dailyUnits` at the next plan run. Dates must lie within the shop's forecast
 * horizon from its local today. Audited as "forecast_override.created" against the variant.
 * @throws VariantEditError "not_found" (variant or location not this shop's), "invalid" (dates outside the horizon)
 */
export async function addForecastOverride(shop: string, actor: string, variantId: string, input: ForecastOverrideInput, now = new Date()): Promise<{ id: string }> {
  const [variant, settings, located] = await Promise.all([findVariantOverrides(shop, variantId), findPlanningSettings(shop), locationExists(shop, input.locationId)]);
  if (!variant) throw new VariantEditError("not_found", VARIANT_NOT_FOUND_MESSAGE);
  if (!located) throw new VariantEditError("invalid", "Choose one of your locations.", "locationId");
  const today = localDate(now, settings.ianaTimezone);
  const last = addDays(today, settings.forecastHorizonDays - 1);
  if (input.startDate < today) throw new VariantEditError("invalid", `Start date can't be in the past: choose ${today} or later.`, "startDate");
  if (input.endDate > last) {
    throw new VariantEditError("invalid", `End date must be within the ${settings.forecastHorizonDays}-day forecast horizon: ${last} or earlier.`, "endDate");
  }
  if (daysBetween(input.startDate, input.endDate) < 0) throw new VariantEditError("invalid", "End date must be on or after the start date.", "endDate");
  return inTransaction(async (tx) => {
    const row = await createForecastOverride(shop, { variantId, ...input, createdBy: actor }, tx);
    const after = { id: row.id, locationId: row.locationId, startDate: row.startDate, endDate: row.endDate, dailyUnits: row.dailyUnits, note: row.note };
    await recordAudit(shop, { actor, action: "forecast_override.created", entityType: "Variant", entityId: variantId, before: null, after }, tx);
    return { id: row.id };
  });
}

/**
 * Deletes a manual forecast override, audited as "forecast_override.deleted" (before = the override).
 * The forecast returns to the statistical one at the next plan run.
 * @throws VariantEditError "not_found" (no such override of this shop's variant, or already deleted)
 */
export async function removeForecastOverride(shop: string, actor: string, variantId: string, overrideId: string): Promise<void> {
  await inTransaction(async (tx) => {
    const row = await findForecastOverride(shop, variantId, overrideId, tx);
    if (!row || !(await deleteForecastOverride(shop, variantId, overrideId, tx))) throw new VariantEditError("not_found", "This forecast override was already removed.");
    const before = { id: row.id, locationId: row.locationId, startDate: row.startDate, endDate: row.endDate, dailyUnits: row.dailyUnits, note: row.note };
    await recordAudit(shop, { actor, action: "forecast_override.deleted", entityType: "Variant", entityId: variantId, before, after: null }, tx);
  });
}
