import type { AlertStockLine, DeadStockFacts, DemandDayFacts, OpenPurchaseOrderFacts, SyncFacts, VendorReliabilityFacts } from "~/lib/alerts";
import { overlayAvailable } from "~/lib/alerts";
import { receiptOf, type VendorReceipt } from "~/lib/analytics";
import { continuesSelling } from "~/lib/replenishment";
import {
  demandAgainstForecast,
  lastSaleDays,
  listOpenSentPurchaseOrders,
  listPurchaseOrdersForReliability,
  unfinishedBackfill,
  webhookFailures,
  type PlanLineForAlerts,
} from "~/models/alert-facts.server";
import { arrivalDay } from "~/services/purchase-orders/arrival";
import { daysBetween, localDate } from "~/lib/time";

// The rules' facts (AlertFacts in app/lib/alerts/rule.ts) shaped from the readers in app/models/alert-facts.server.ts.

const DAY = 86_400_000;
export const cents = (d: { toString(): string } | null | undefined) => Math.round(Number(d?.toString() ?? 0) * 100);

/** A plan line as the line rules read it, brought up to date with the stock webhooks reported since the plan ran. */
export function stockLineOf(l: PlanLineForAlerts, label: string, draftedUnits: number, asOfDate: string) {
  const base: PlanLineForAlerts & AlertStockLine = { ...l, label, doNotReorder: l.notReordered, suggestedQty: l.orderQty, draftedUnits };
  const overlaid = l.stockNow ? overlayAvailable(base, l.stockNow.available, asOfDate, continuesSelling(l.inventoryPolicy)) : base;
  return { ...overlaid, onHand: l.stockNow?.onHand ?? l.onHand };
}

/** A line with stock on hand worth at least the dead-stock minimum (only those need their last sale read). */
export interface StockedLine {
  variantId: string;
  locationId: string;
  label: string;
  onHand: number;
  unitCostCents: number;
  variantCreatedAt: Date | null;
}

/** The dead-stock rule's facts: each stocked line with days since its last sale (never sold: since first seen). */
export async function deadStockFacts(shop: string, stocked: readonly StockedLine[], asOfDate: string, timeZone: string): Promise<DeadStockFacts[]> {
  const lastSale = await lastSaleDays(shop, stocked);
  return stocked.map((l) => {
    const last = lastSale.get(`${l.variantId}|${l.locationId}`);
    const created = l.variantCreatedAt;
    return {
      variantId: l.variantId,
      locationId: l.locationId,
      label: l.label,
      onHand: l.onHand,
      unitCostCents: l.unitCostCents,
      daysSinceLastSale: last ? Math.max(0, daysBetween(last, asOfDate)) : null,
      daysSinceCreated: !last && created ? Math.max(0, daysBetween(localDate(created, timeZone), asOfDate)) : 0,
    };
  });
}

/** Sent POs not fully received, with the arrival day as the PO page counts it (ETA, else expected date). */
export async function openPurchaseOrderFacts(shop: string): Promise<OpenPurchaseOrderFacts[]> {
  const orders = await listOpenSentPurchaseOrders(shop);
  // Stored as the shop's day at 00:00 UTC.
  return orders.map((o) => ({ id: o.id, number: o.number, vendor: o.vendor.name, vendorId: o.vendorId, expectedDate: arrivalDay(o.expectedAt?.toISOString() ?? null, o.confirmedEta?.toISOString() ?? null) }));
}

/** Failed webhook deliveries in the last 24 hours and the unfinished backfill, as the sync rule reads them. */
export async function syncFacts(shop: string, now: Date): Promise<SyncFacts> {
  const windowHours = 24;
  const [hooks, backfill] = await Promise.all([webhookFailures(shop, new Date(now.getTime() - windowHours * 3_600_000)), unfinishedBackfill(shop)]);
  return {
    shop,
    failedWebhooks: hooks.failed,
    totalWebhooks: hooks.total,
    windowHours,
    backfill: backfill ? { stage: backfill.stage, startedAt: backfill.startedAt.toISOString(), failed: backfill.status === "failed" } : null,
    now: now.toISOString(),
  };
}

/**
 * Receipts per vendor in the last 90 days and the 90 days before, measured like the vendor scorecard
 * (receiptOf): lead time = sent → first receipt, promised = sent → expected date.
 */
export async function vendorReliabilityFacts(shop: string, now: Date): Promise<VendorReliabilityFacts[]> {
  const recentFrom = now.getTime() - 90 * DAY;
  const orders = await listPurchaseOrdersForReliability(shop, new Date(now.getTime() - 180 * DAY));
  const byVendor = new Map<string, { name: string; recent: VendorReceipt[]; previous: VendorReceipt[] }>();
  for (const po of orders) {
    const delivered = receiptOf(po);
    if (!delivered || delivered.receivedAt.getTime() > now.getTime()) continue;
    const { receivedAt, receipt } = delivered;
    const entry = byVendor.get(po.vendorId) ?? { name: po.vendor.name, recent: [], previous: [] };
    (receivedAt.getTime() >= recentFrom ? entry.recent : entry.previous).push(receipt);
    byVendor.set(po.vendorId, entry);
  }
  return [...byVendor].map(([vendorId, v]) => ({ vendorId, ...v }));
}

/**
 * Each planned series' units on `date` against the latest plan's 95% band: the band of that day when the plan
 * was made on or before it, else (the nightly plan already consumed `date`) the plan's first day — the nearest
 * stored forecast, since a completed run replaces the previous one's forecasts. Only series that may be
 * outside the band are read (see demandAgainstForecast).
 */
export async function demandAnomalyFacts(shop: string, run: { id: string; asOfDate: string }, date: string, label: (v: string, l: string) => string): Promise<DemandDayFacts[]> {
  const index = Math.max(0, daysBetween(run.asOfDate, date));
  const out: DemandDayFacts[] = [];
  for (const f of await demandAgainstForecast(shop, run.id, date, index)) {
    if (typeof f.mean !== "number" || typeof f.lower !== "number" || typeof f.upper !== "number") continue;
    out.push({ variantId: f.variantId, locationId: f.locationId, label: label(f.variantId, f.locationId), date, units: f.units, forecastMean: f.mean, lower95: f.lower, upper95: f.upper, stockedOut: f.stockedOut });
  }
  return out;
}
