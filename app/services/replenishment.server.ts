import { latestCompletePlanRun } from "~/models/plan-run.server";
import {
  countLinesByUrgency,
  listFilterOptions,
  listReplenishmentLines,
  lookupNames,
  type ReplenishmentQuery,
} from "~/models/replenishment.server";

export interface ReplenishmentRowDto {
  id: string;
  variantId: string;
  product: string;
  variant: string;
  sku: string | null;
  location: string;
  vendor: string | null;
  onHand: number;
  available: number;
  onOrder: number;
  daysOfCover: number | null;
  projectedStockoutDate: string | null;
  urgency: string;
  suggestedQty: number;
  abcClass: string | null;
  unitCost: string | null;
  reason: string;
}

export interface ReplenishmentDto {
  plan: { asOfDate: string; finishedAt: string; seriesPlanned: number; seriesSkipped: number; skippedReasons: Record<string, number> } | null;
  rows: ReplenishmentRowDto[];
  total: number;
  page: number;
  pageSize: number;
  urgencyCounts: Record<string, number>;
  vendors: { id: string; name: string }[];
  locations: { id: string; name: string }[];
}

/** The Replenishment screen: the last complete plan's lines, one page at a time. */
export async function getReplenishment(shop: string, query: ReplenishmentQuery): Promise<ReplenishmentDto> {
  const [run, [vendors, locations]] = await Promise.all([latestCompletePlanRun(shop), listFilterOptions(shop)]);
  const empty = { rows: [], total: 0, page: query.page, pageSize: query.pageSize, urgencyCounts: {}, vendors, locations };
  if (!run) return { plan: null, ...empty };
  const [{ rows, total }, urgencyCounts] = await Promise.all([listReplenishmentLines(shop, run.id, query), countLinesByUrgency(shop, run.id)]);
  const names = await lookupNames(shop, {
    variantIds: rows.map((r) => r.variantId),
    locationIds: rows.map((r) => r.locationId),
    vendorIds: rows.flatMap((r) => (r.vendorId ? [r.vendorId] : [])),
  });
  return {
    plan: {
      asOfDate: run.asOfDate,
      finishedAt: (run.finishedAt ?? run.startedAt).toISOString(),
      seriesPlanned: run.seriesPlanned,
      seriesSkipped: run.seriesSkipped,
      skippedReasons: (run.skippedReasons ?? {}) as Record<string, number>,
    },
    rows: rows.map((r) => {
      const v = names.variants.get(r.variantId);
      return {
        id: r.id,
        variantId: r.variantId,
        product: v?.product.title ?? "Unknown product",
        variant: v?.title ?? "",
        sku: v?.sku ?? null,
        location: names.locations.get(r.locationId) ?? "Unknown location",
        vendor: r.vendorId ? (names.vendors.get(r.vendorId) ?? null) : null,
        onHand: r.onHand,
        available: r.available,
        onOrder: r.onOrder,
        daysOfCover: r.daysOfCover,
        projectedStockoutDate: r.projectedStockoutDate,
        urgency: r.urgency,
        suggestedQty: r.editedQty ?? r.suggestedQty,
        abcClass: r.abcClass,
        unitCost: r.unitCost?.toString() ?? null,
        reason: r.reason,
      };
    }),
    total,
    page: query.page,
    pageSize: query.pageSize,
    urgencyCounts,
    vendors,
    locations,
  };
}
