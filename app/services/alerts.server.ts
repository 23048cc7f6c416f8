import { evaluatePurchaseOrderRules, evaluateStockRules, type AlertType } from "~/lib/alerts";
import {
  acknowledgeAlerts,
  countAlertsByTab,
  listAlerts,
  listOpenSentPurchaseOrders,
  listPlanLinesForAlerts,
  snoozeAlerts,
  syncAlerts,
  variantsNotReordered,
  type AlertTab,
} from "~/models/alerts.server";
import { latestCompletePlanRun } from "~/models/plan-run.server";
import { lookupNames } from "~/models/replenishment.server";
import { findShop } from "~/models/shop.server";
import { localDate } from "~/utils/dates";

const RULES: AlertType[] = ["stockout_before_arrival", "below_reorder_point", "overstock", "po_overdue"];

/** Re-evaluates every rule for the shop against its latest plan and open POs; dedupes and resolves. */
export async function evaluateAlerts(shop: string, now = new Date()) {
  const [settings, run, orders] = await Promise.all([findShop(shop), latestCompletePlanRun(shop), listOpenSentPurchaseOrders(shop)]);
  const asOfDate = localDate(now, settings?.ianaTimezone ?? "UTC");
  const lines = run ? await listPlanLinesForAlerts(shop, run.id) : [];
  const variantIds = [...new Set(lines.map((l) => l.variantId))];
  const [names, notReordered] = await Promise.all([
    lookupNames(shop, { variantIds, locationIds: lines.map((l) => l.locationId), vendorIds: [] }),
    variantsNotReordered(shop, variantIds),
  ]);
  const stock = evaluateStockRules(
    lines.map((l) => {
      const v = names.variants.get(l.variantId);
      const title = v ? `${v.product.title}${v.title && v.title !== "Default Title" ? ` — ${v.title}` : ""}` : "Unknown variant";
      return {
        ...l,
        label: `${title} at ${names.locations.get(l.locationId) ?? "unknown location"}`,
        doNotReorder: notReordered.has(l.variantId),
      };
    }),
    { asOfDate, overstockDays: settings?.overstockCoverDays ?? 180 },
  );
  const overdue = evaluatePurchaseOrderRules(
    orders.map((o) => ({ id: o.id, number: o.number, vendor: o.vendor.name, expectedDate: o.expectedAt ? localDate(o.expectedAt, settings?.ianaTimezone ?? "UTC") : null })),
    { asOfDate },
  );
  return syncAlerts(shop, RULES, [...stock, ...overdue], now);
}

export interface AlertRowDto {
  id: string;
  type: string;
  severity: string;
  status: string;
  message: string;
  lastSeenAt: string;
  snoozedUntil: string | null;
  /** Where the alert points: a forecast page or a purchase order. */
  url: string | null;
}

export async function getAlerts(shop: string, q: { tab: AlertTab; severity?: string; page: number; pageSize: number }, now = new Date()) {
  const [{ rows, total }, counts] = await Promise.all([listAlerts(shop, q, now), countAlertsByTab(shop, now)]);
  return {
    rows: rows.map<AlertRowDto>((a) => ({
      id: a.id,
      type: a.type,
      severity: a.severity,
      status: a.status === "snoozed" && a.snoozedUntil && a.snoozedUntil <= now ? "open" : a.status,
      message: a.message,
      lastSeenAt: a.lastSeenAt.toISOString(),
      snoozedUntil: a.snoozedUntil?.toISOString() ?? null,
      url:
        a.entityType === "purchase_order"
          ? `/app/purchase-orders/${a.entityId}`
          : a.entityType === "variant_location"
            ? `/app/forecasts/${a.entityId.split("|")[0]}?location=${a.entityId.split("|")[1]}`
            : null,
    })),
    total,
    counts,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export function acknowledge(shop: string, ids: string[], actor: string, now = new Date()) {
  return acknowledgeAlerts(shop, ids, actor, now);
}

export function snooze(shop: string, ids: string[], until: Date) {
  return snoozeAlerts(shop, ids, until);
}
