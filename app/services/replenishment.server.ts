import { latestCompletePlanRun } from "~/models/plan-run.server";
import { findShop } from "~/models/shop.server";
import { recordAudit } from "~/models/audit.server";
import {
  countLinesByUrgency,
  listFilterOptions,
  listMatchingLines,
  listReplenishmentLines,
  parseLineCounts,
  setEditedQuantity,
  type ReplenishmentQuery,
} from "~/models/replenishment.server";
import { listDraftedLines } from "~/models/purchase-orders.server";
import { levelKey, nativeOnOrderOf, type NativeOnOrderDto } from "~/services/native-purchase-orders.server";
import { inTransaction } from "~/models/transaction.server";
import { backorderedUnits, continuesSelling, selectionTotals, type SelectionTotals } from "~/lib/replenishment";
import { csvField } from "~/utils/csv";
import type { PlanBudgetDto } from "~/utils/budget-summary";
import { whyOf, type WhyDto } from "./order-why.server";
import { centsToDecimal, lineTotalCents } from "./purchase-orders/money";

export interface ReplenishmentRowDto {
  id: string;
  variantId: string;
  product: string;
  variant: string;
  sku: string | null;
  location: string;
  vendor: string | null;
  vendorId: string | null;
  onHand: number;
  available: number;
  /** Units owed to customers (negative available of a variant that continues selling; docs/on-order.md). */
  backorders: number;
  onOrder: number;
  daysOfCover: number | null;
  projectedStockoutDate: string | null;
  urgency: string;
  suggestedQty: number;
  /** True when the merchant replaced Stockcast's suggestion. */
  edited: boolean;
  abcClass: string | null;
  /** Variability of recent demand: X steady, Y variable, Z erratic (with ABC it sets the service level). */
  xyzClass: string | null;
  /** Stockcast's suggestion before the plan's purchase budget cut it (null: not cut). */
  budgetCutFrom: number | null;
  unitCost: string | null;
  /** suggestedQty × unitCost, rounded to cents, in the shop currency: as a Decimal string and in integer cents. */
  value: string | null;
  valueCents: number | null;
  reason: string;
  /** The suggestion explained: sentence, sums that add up, method (the panel behind the quantity). */
  why: WhyDto;
  /** Days, the plan's blended lead time. */
  leadTimeDays: number;
  /** Draft and pending-approval POs holding this variant for this location (the suggestion is net of them). */
  drafts: { id: string; number: string; units: number }[];
  /** Native Shopify POs behind part of this line's on order (already counted in it, through `incoming`). */
  nativePos: NativeOnOrderDto[];
}

export interface ReplenishmentDto {
  plan: {
    asOfDate: string;
    finishedAt: string;
    seriesPlanned: number;
    seriesSkipped: number;
    skippedReasons: Record<string, number>;
    /** The purchase budget the plan respected (null: no cap). */
    budget: PlanBudgetDto | null;
  } | null;
  rows: ReplenishmentRowDto[];
  total: number;
  page: number;
  pageSize: number;
  urgencyCounts: Record<string, number>;
  /** moq: the vendor's minimum order quantity in units (null: none); the selection totals check it. */
  vendors: { id: string; name: string; moq: number | null }[];
  locations: { id: string; name: string }[];
  /** The shop's currency: unit costs, and so values, are in it. */
  currency: string;
}

/** A line's value: quantity × the plan's unit cost, rounded to cents (null without a cost). The one formula. */
function lineValueCents(quantity: number, unitCost: { toString(): string } | null): bigint | null {
  return unitCost === null ? null : lineTotalCents(quantity, unitCost.toString());
}

/** Most lines "Select all matching" may draft in one go (the draft action's own limit). */
export const MAX_MATCHING_LINES = 5_000;

export type MatchingSelection =
  | { ok: true; lineIds: string[]; totals: SelectionTotals }
  | { ok: false; error: string };

/**
 * Every line of the latest plan matching the screen's filters, with the selection's totals: what "Select all
 * N matching lines" drafts. Refuses (in words) above MAX_MATCHING_LINES lines or without a plan.
 */
export async function matchingSelection(shop: string, query: Omit<ReplenishmentQuery, "page" | "pageSize">): Promise<MatchingSelection> {
  const [run, [vendors]] = await Promise.all([latestCompletePlanRun(shop), listFilterOptions(shop)]);
  if (!run) return { ok: false, error: "There is no plan yet — run planning first" };
  const lines = await listMatchingLines(shop, run.id, query, MAX_MATCHING_LINES + 1);
  if (lines.length > MAX_MATCHING_LINES) {
    return { ok: false, error: `More than ${MAX_MATCHING_LINES.toLocaleString("en-US")} lines match — narrow the filters to order them in one go` };
  }
  const selected = lines.map((l) => {
    const units = Number(l.editedQty ?? l.suggestedQty);
    const cents = lineValueCents(units, l.unitCost);
    return { vendorId: l.vendorId, units, valueCents: cents === null ? null : Number(cents) };
  });
  return { ok: true, lineIds: lines.map((l) => l.id), totals: selectionTotals(selected, Object.fromEntries(vendors.map((v) => [v.id, v.moq]))) };
}

/** The Replenishment screen: the last complete plan's lines, one page at a time. */
export async function getReplenishment(shop: string, query: ReplenishmentQuery): Promise<ReplenishmentDto> {
  const [run, [vendors, locations], shopRow] = await Promise.all([latestCompletePlanRun(shop), listFilterOptions(shop), findShop(shop)]);
  const currency = shopRow?.currencyCode ?? "USD";
  const empty = { rows: [], total: 0, page: query.page, pageSize: query.pageSize, urgencyCounts: {}, vendors, locations, currency };
  if (!run) return { plan: null, ...empty };
  const counts = parseLineCounts(run.lineCounts);
  const [{ rows, total }, urgencyCounts] = await Promise.all([
    listReplenishmentLines(shop, run.id, query, counts),
    counts ? Object.fromEntries(Object.entries(counts).map(([urgency, c]) => [urgency, c.lines])) : countLinesByUrgency(shop, run.id),
  ]);
  const [drafted, native] = await Promise.all([
    listDraftedLines(shop, [...new Set(rows.map((r) => r.variantId))]),
    nativeOnOrderOf(shop, rows.map((r) => ({ variantId: r.variantId, locationId: r.locationId, incoming: Number(r.incoming), leadTimeDays: Number(r.leadTimeDays) }))),
  ]);
  const draftsOf = (variantId: string, locationId: string) =>
    drafted.filter((d) => d.variantId === variantId && d.locationId === locationId).map((d) => ({ id: d.poId, number: d.number, units: d.units }));
  return {
    plan: {
      asOfDate: run.asOfDate,
      finishedAt: (run.finishedAt ?? run.startedAt).toISOString(),
      seriesPlanned: run.seriesPlanned,
      seriesSkipped: run.seriesSkipped,
      skippedReasons: (run.skippedReasons ?? {}) as Record<string, number>,
      budget: run.budgetCents === null ? null : { capCents: run.budgetCents, uncutCents: run.budgetUncutCents ?? 0, spentCents: run.budgetSpentCents ?? 0 },
    },
    rows: rows.map((r) => {
      const suggestedQty = r.editedQty ?? r.suggestedQty;
      const valueCents = lineValueCents(suggestedQty, r.unitCost);
      return {
      id: r.id,
      variantId: r.variantId,
      product: r.productTitle ?? "Unknown product",
      variant: r.variantTitle ?? "",
      sku: r.sku,
      location: r.locationName ?? "Unknown location",
      vendor: r.vendorName,
      vendorId: r.vendorId,
      onHand: r.onHand,
      available: r.available,
      backorders: backorderedUnits(Number(r.available), continuesSelling(r.inventoryPolicy)),
      onOrder: r.onOrder,
      daysOfCover: r.daysOfCover,
      projectedStockoutDate: r.projectedStockoutDate,
      urgency: r.urgency,
      suggestedQty,
      edited: r.editedQty !== null,
      abcClass: r.abcClass,
      xyzClass: r.xyzClass,
      budgetCutFrom: r.budgetCutFrom === null ? null : Number(r.budgetCutFrom),
      unitCost: r.unitCost?.toString() ?? null,
      value: valueCents === null ? null : centsToDecimal(valueCents),
      valueCents: valueCents === null ? null : Number(valueCents),
      reason: r.reason,
      why: whyOf(r, r.method === null ? null : { method: r.method, rmsse: r.rmsse }),
      leadTimeDays: Number(r.leadTimeDays),
      drafts: draftsOf(r.variantId, r.locationId),
      nativePos: native.get(levelKey(r.variantId, r.locationId)) ?? [],
      };
    }),
    total,
    page: query.page,
    pageSize: query.pageSize,
    urgencyCounts,
    vendors,
    locations,
    currency,
  };
}

/**
 * The merchant overrides a suggested quantity (null restores the suggestion). Audited; the next plan run
 * computes fresh suggestions. Returns false when the line is not in this shop's plans.
 */
export async function editSuggestedQuantity(shop: string, actor: string, lineId: string, quantity: number | null): Promise<boolean> {
  return inTransaction(async (tx) => {
    const change = await setEditedQuantity(shop, lineId, quantity, tx);
    if (!change) return false;
    await recordAudit(shop, { actor, action: "replenishment_line.quantity_edited", entityType: "ReplenishmentLine", entityId: lineId, before: change.before, after: change.after }, tx);
    return true;
  });
}

/**
 * The filtered plan as CSV (every matching line, not just one page), for spreadsheets and vendors. The
 * figures are the why panel's whole units: reorder_point = lead_time_demand + safety_stock;
 * in_draft_pos = units in draft or pending POs the suggestion is net of; suggested_value = suggested_qty ×
 * unit_cost (the cost the plan used) in the shop currency, 2 decimals; xyz_class = the demand's variability
 * class (ADR 024); budget_cut_from = the suggestion before the purchase budget cut it, empty when not cut (ADR 038).
 */
export async function exportReplenishmentCsv(shop: string, query: Omit<ReplenishmentQuery, "page" | "pageSize">): Promise<string> {
  const header = [
    "product", "variant", "sku", "location", "vendor", "on_hand", "available", "on_order", "days_of_cover", "projected_stockout", "urgency", "suggested_qty", "abc_class", "unit_cost", "reason",
    "lead_time_days", "lead_time_demand", "safety_stock", "reorder_point", "order_up_to", "in_draft_pos", "suggested_value",
    "xyz_class", "budget_cut_from",
  ];
  const out = [header.join(",")];
  for (let page = 1; ; page++) {
    const dto = await getReplenishment(shop, { ...query, page, pageSize: 1000 });
    for (const r of dto.rows) {
      const sums = r.why.sums;
      out.push(
        [
          ...[r.product, r.variant, r.sku, r.location, r.vendor].map((v) => csvField(v)),
          ...[r.onHand, r.available, r.onOrder, r.daysOfCover].map((v) => csvField(v, { text: false })),
          ...[r.projectedStockoutDate, r.urgency].map((v) => csvField(v)),
          csvField(r.suggestedQty, { text: false }),
          csvField(r.abcClass),
          csvField(r.unitCost, { text: false }),
          csvField(r.reason),
          ...[r.leadTimeDays, sums.leadTimeDemand, sums.safetyStock, sums.reorderPoint, sums.orderUpTo, sums.inDraft, r.value].map((v) => csvField(v, { text: false })),
          csvField(r.xyzClass),
          csvField(r.budgetCutFrom, { text: false }),
        ].join(","),
      );
    }
    if (page * 1000 >= dto.total) break;
  }
  return out.join("\n") + "\n";
}
