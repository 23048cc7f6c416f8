import type { Prisma } from "@prisma/client";
import {
  applyMutes,
  RETIRED_ALERT_TYPES,
  rulesInScope,
  type AlertCandidate,
  type AlertFactKind,
  type AlertFacts,
  type AlertRule,
  type AlertRuleSettings,
} from "~/lib/alerts";
import { draftedUnitsByLine, listPlanLinesForAlerts, locationNames, type PlanLineForAlerts } from "~/models/alert-facts.server";
import { listMutes, syncAlerts } from "~/models/alerts.server";
import { IDS_PER_QUERY } from "~/models/id-chunks.server";
import { latestCompletePlanRun } from "~/models/plan-run.server";
import { findShop } from "~/models/shop.server";
import { touchesStock } from "~/shopify/webhook-topics";
import { addDays, localDate } from "~/lib/time";
import { logger } from "~/utils/logger.server";
import { cents, deadStockFacts, demandAnomalyFacts, openPurchaseOrderFacts, stockLineOf, syncFacts, vendorReliabilityFacts, type StockedLine } from "./facts.server";
import { emitFlowTriggers, type FlowTarget } from "./flow.server";

/** Plan lines read and evaluated at a time. */
const LINES_PER_PAGE = 5000;

export interface EvaluateOptions {
  /** "stock": only the stock rules and sync health (cheap; after webhooks). Default "all". */
  scope?: "all" | "stock";
  /**
   * Only these variants' lines and their stock alerts (an incremental re-plan patched them); implies the stock
   * rules without sync health, which are shop-wide. At a 50,000-variant shop a whole evaluation takes seconds.
   */
  variantIds?: readonly string[];
  flow?: FlowTarget;
}

const needs = (rules: readonly AlertRule[], kind: AlertFactKind) => rules.some((r) => r.facts.includes(kind));

/**
 * Re-evaluates the rules of ALERT_RULES in scope for the shop against its latest plan, current stock, open POs,
 * recent receipts, yesterday's demand and sync health; drops muted conditions; dedupes and resolves (see
 * docs/alerts.md); then emits the Flow trigger for each newly raised alert. Returns counts and the raised alerts.
 * Each rule reads only the fact kinds it names; candidates come in ALERT_RULES order, each rule's in line order.
 */
export async function evaluateAlerts(shop: string, now = new Date(), options: EvaluateOptions = {}) {
  const only = options.variantIds;
  const rules = rulesInScope(options.scope ?? "all", Boolean(only));
  const lineRules = rules.filter((r) => r.facts.includes("stockLines"));
  const [shopRow, run, mutes, drafted] = await Promise.all([findShop(shop), latestCompletePlanRun(shop), listMutes(shop), draftedUnitsByLine(shop)]);
  const timeZone = shopRow?.ianaTimezone ?? "UTC";
  const asOfDate = localDate(now, timeZone);
  const settings: AlertRuleSettings = {
    asOfDate,
    overstockDays: shopRow?.overstockCoverDays ?? 180,
    reviewPeriodDays: Math.max(0, shopRow?.reviewPeriodDays ?? 7),
    deadStockDays: Math.max(1, shopRow?.deadStockDays ?? 90),
    minValueCents: Math.max(0, cents(shopRow?.deadStockMinValue ?? 100)),
    currency: shopRow?.currencyCode ?? "USD",
  };
  const locations = await locationNames(shop);
  const variantTitles = new Map<string, string>();
  const label = (variantId: string, locationId: string) => `${variantTitles.get(variantId) ?? "Unknown variant"} at ${locations.get(locationId) ?? "unknown location"}`;
  const byRule = new Map<AlertRule, AlertCandidate[]>(rules.map((r) => [r, []]));
  // Each line's vendor ("variantId|locationId" → vendor id): the screen groups alerts by vendor × location.
  const vendorOfLine = new Map<string, string>();
  // Only stock worth at least the minimum can be dead stock (the rule's last test): only those lines need
  // their last sale read.
  const collectStocked = needs(rules, "deadStock");
  const stocked: StockedLine[] = [];
  // The plan's lines page by page (memory stays flat at 100,000 lines), brought up to date with what webhooks
  // reported since the plan ran; of the given variants, a slice of IDS_PER_QUERY variants at a time.
  let after: { variantId: string; locationId: string } | null = null;
  const slices = only ? Array.from({ length: Math.ceil(only.length / IDS_PER_QUERY) }, (_, i) => only.slice(i * IDS_PER_QUERY, (i + 1) * IDS_PER_QUERY)) : [undefined];
  for (let slice = 0; slice < slices.length; ) {
    const lines: PlanLineForAlerts[] = run ? await listPlanLinesForAlerts(shop, run.id, { after, limit: LINES_PER_PAGE, variantIds: slices[slice] }) : [];
    for (const l of lines)
      if (l.productTitle !== null && !variantTitles.has(l.variantId))
        variantTitles.set(l.variantId, `${l.productTitle}${l.variantTitle && l.variantTitle !== "Default Title" ? ` — ${l.variantTitle}` : ""}`);
    const stockLines = lines.map((l) => {
      if (l.vendorId) vendorOfLine.set(`${l.variantId}|${l.locationId}`, l.vendorId);
      return stockLineOf(l, label(l.variantId, l.locationId), drafted.get(`${l.variantId}|${l.locationId}`) ?? 0, asOfDate);
    });
    for (const r of lineRules) byRule.get(r)!.push(...r.evaluate(({ stockLines } as Partial<AlertFacts>) as AlertFacts, settings));
    if (collectStocked)
      for (const l of stockLines) {
        const unitCostCents = Math.max(0, cents(l.unitCost));
        if (l.onHand > 0 && Math.round(l.onHand * unitCostCents) >= settings.minValueCents)
          stocked.push({ variantId: l.variantId, locationId: l.locationId, label: l.label, onHand: l.onHand, unitCostCents, variantCreatedAt: l.variantCreatedAt });
      }
    if (lines.length < LINES_PER_PAGE) {
      slice++;
      after = null;
    } else after = lines[lines.length - 1];
  }
  // The shop-wide facts the remaining rules name, each read once.
  const [sync, openPurchaseOrders, vendorReceipts, demandDay, deadStock] = await Promise.all([
    needs(rules, "sync") ? syncFacts(shop, now) : undefined,
    needs(rules, "openPurchaseOrders") ? openPurchaseOrderFacts(shop) : [],
    needs(rules, "vendorReceipts") ? vendorReliabilityFacts(shop, now) : [],
    needs(rules, "demandDay") && run ? demandAnomalyFacts(shop, run, addDays(asOfDate, -1), label) : [],
    collectStocked ? deadStockFacts(shop, stocked, asOfDate, timeZone) : [],
  ]);
  const shopFacts = { sync, openPurchaseOrders, vendorReceipts, demandDay, deadStock } as Omit<AlertFacts, "stockLines">;
  for (const r of rules) if (!r.facts.includes("stockLines")) byRule.get(r)!.push(...r.evaluate(shopFacts as AlertFacts, settings));
  // Each open PO's vendor: PO alerts group under it.
  const poVendor = new Map(openPurchaseOrders.flatMap((o) => (o.vendorId ? [[o.id, o.vendorId] as const] : [])));
  const current = applyMutes([...byRule.values()].flat(), mutes);
  const result = await syncAlerts(
    shop,
    [...rules.map((r) => r.type), ...RETIRED_ALERT_TYPES],
    current.map((c) => ({
      type: c.type,
      severity: c.severity,
      dedupeKey: c.dedupeKey,
      entityType: c.entityType,
      entityId: c.entityId,
      message: c.message,
      data: { ...(c.data ?? {}), ...(c.muteScope ? { muteScope: { ...c.muteScope } } : {}) } as Prisma.InputJsonObject,
      ...subjectOf(c, vendorOfLine, poVendor),
    })),
    now,
    only,
  );
  await emitFlowTriggers(shop, result.raised, options.flow, now);
  return result;
}

/** What an alert is about, for the screen's filters and groups: its variant, location and vendor when it has them. */
function subjectOf(c: AlertCandidate, vendorOfLine: ReadonlyMap<string, string>, poVendor: ReadonlyMap<string, string>) {
  if (c.entityType === "variant_location") {
    const [variantId, locationId] = c.entityId.split("|");
    return { variantId, locationId, vendorId: vendorOfLine.get(c.entityId) ?? null };
  }
  if (c.entityType === "vendor") return { variantId: null, locationId: null, vendorId: c.entityId };
  if (c.entityType === "purchase_order") return { variantId: null, locationId: null, vendorId: poVendor.get(c.entityId) ?? null };
  return { variantId: null, locationId: null, vendorId: null };
}

/**
 * Whether a webhook's outcome can change alerts: a failed delivery, or one whose topic moves stock, demand or
 * plan lines (`touchesStock` in app/shopify/webhook-topics.ts; products and inventory items move plan lines).
 */
export function alertsFollowWebhook(topic: string | null, outcome: string): boolean {
  return outcome === "failed" || (outcome === "processed" && topic !== null && touchesStock(topic));
}

/**
 * After the sync worker handled a webhook: re-evaluates the stock rules and sync health (a failed delivery
 * feeds sync_unhealthy). Cheap (no forecasts, vendors or demand history are read). Never throws: the
 * webhook's own outcome must not depend on alerting.
 */
export async function evaluateAlertsAfterWebhook(shop: string, topic: string | null, outcome: string, now = new Date()): Promise<void> {
  if (alertsFollowWebhook(topic, outcome)) await reevaluateStockAlerts(shop, now);
}

/** Stock rules and sync health only (the after-webhook scope); logs and swallows any failure. */
export async function reevaluateStockAlerts(shop: string, now = new Date(), variantIds?: readonly string[]): Promise<void> {
  const started = Date.now();
  try {
    const result = await evaluateAlerts(shop, now, { scope: "stock", variantIds });
    logger.debug({ kind: "alerts-after-webhook", shop, ms: Date.now() - started, raised: result.created, resolved: result.resolved });
  } catch (error) {
    logger.error({ kind: "alerts-after-webhook", shop, outcome: "error", error: error instanceof Error ? error.message : String(error) });
  }
}
