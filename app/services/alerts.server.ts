import type { Prisma } from "@prisma/client";
import { arrivalDay } from "~/services/purchase-orders/arrival";
import {
  ALERT_TYPES,
  applyMutes,
  evaluateDeadStockRules,
  evaluateDemandAnomalyRules,
  evaluatePurchaseOrderRules,
  evaluateStockedOutRules,
  evaluateStockRules,
  evaluateSyncRules,
  evaluateVendorReliabilityRules,
  overlayAvailable,
  RETIRED_ALERT_TYPES,
  type AlertCandidate,
  type AlertType,
  type DemandDayFacts,
  type MuteScope,
  type VendorReliabilityFacts,
} from "~/lib/alerts";
import type { VendorReceipt } from "~/lib/analytics";
import { continuesSelling } from "~/lib/replenishment";
import {
  acknowledgeAlerts,
  countAlertsByTab,
  createMutes,
  deleteMute,
  demandAgainstForecast,
  draftedUnitsByLine,
  lastSaleDays,
  findAlertsByIds,
  countAlertGroups,
  listAlerts,
  listMutes,
  NONE,
  orderNowLineIds,
  listOpenSentPurchaseOrders,
  listPlanLinesForAlerts,
  listPurchaseOrdersForReliability,
  locationNames,
  mergeAlertData,
  snoozeAlerts,
  syncAlerts,
  unfinishedBackfill,
  webhookFailures,
  type AlertFilter,
  type PlanLineForAlerts,
  type RaisedAlert,
} from "~/models/alerts.server";
import { IDS_PER_QUERY } from "~/models/id-chunks.server";
import { latestCompletePlanRun } from "~/models/plan-run.server";
import { listFilterOptions, lookupNames } from "~/models/replenishment.server";
import { createDraftPurchaseOrders } from "~/services/purchase-orders/create-drafts.server";
import { PurchaseOrderError } from "~/services/purchase-orders/errors";
import type { PoActor } from "~/services/purchase-orders/permissions.server";
import { findShop } from "~/models/shop.server";
import { receiptOf } from "~/services/vendors.server";
import type { AdminClientOptions, AdminGraphql } from "~/shopify/admin-client.server";
import { sendAlertRaisedTrigger } from "~/shopify/flow.server";
import { touchesStock } from "~/shopify/webhook-topics";
import { addDays, daysBetween, localDate, startOfLocalDay } from "~/lib/time";
import { env } from "~/utils/env.server";
import { logger } from "~/utils/logger.server";
import { staffNamerFor } from "~/services/staff-names.server";

const DAY = 86_400_000;
/** Rules that read stock: re-evaluated on inventory and order webhooks. */
export const STOCK_RULES: readonly AlertType[] = ["below_reorder_point", "stocked_out_now", "overstock"];
/** Most Flow triggers sent by one evaluation; the rest are logged (a first plan can raise hundreds). */
const MAX_TRIGGERS_PER_EVALUATION = 100;
/** Plan lines read and evaluated at a time. */
const LINES_PER_PAGE = 5000;

const cents = (d: { toString(): string } | null | undefined) => Math.round(Number(d?.toString() ?? 0) * 100);

/**
 * Where newly raised alerts go besides the database: Shopify Flow through an Admin client, recorded locally
 * (demo mode: no network), or nowhere. Default: "demo" in demo mode, else the shop's offline Admin client.
 */
export type FlowTarget = { kind: "admin"; admin: AdminGraphql; clientOptions?: AdminClientOptions } | { kind: "demo" } | { kind: "none" };

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

/**
 * Re-evaluates the rules for the shop against its latest plan, current stock, open POs, recent receipts,
 * yesterday's demand and sync health; drops muted conditions; dedupes and resolves (see docs/alerts.md);
 * then emits the Flow trigger for each newly raised alert. Returns counts and the raised alerts.
 */
export async function evaluateAlerts(shop: string, now = new Date(), options: EvaluateOptions = {}) {
  const only = options.variantIds;
  const scope = only ? "stock" : (options.scope ?? "all");
  const [settings, run, mutes, drafted] = await Promise.all([findShop(shop), latestCompletePlanRun(shop), listMutes(shop), draftedUnitsByLine(shop)]);
  const timeZone = settings?.ianaTimezone ?? "UTC";
  const asOfDate = localDate(now, timeZone);
  const locations = await locationNames(shop);
  const variantTitles = new Map<string, string>();
  const label = (variantId: string, locationId: string) => `${variantTitles.get(variantId) ?? "Unknown variant"} at ${locations.get(locationId) ?? "unknown location"}`;
  // The plan's lines page by page (memory stays flat at 100,000 lines), brought up to date with what webhooks
  // reported since the plan ran. Candidates keep the rules' order: each rule's over all lines, in line order.
  const overstockDays = settings?.overstockCoverDays ?? 180;
  const reviewPeriodDays = Math.max(0, settings?.reviewPeriodDays ?? 7);
  // Each line's vendor ("variantId|locationId" → vendor id): the screen groups alerts by vendor × location.
  const vendorOfLine = new Map<string, string>();
  const minValueCents = Math.max(0, cents(settings?.deadStockMinValue ?? 100));
  const stockCandidates: AlertCandidate[] = [];
  const stockedOutCandidates: AlertCandidate[] = [];
  // Only stock worth at least the minimum can be dead stock (the rule's last test): only those lines need
  // their last sale read.
  const stocked: { variantId: string; locationId: string; label: string; onHand: number; unitCostCents: number; variantCreatedAt: Date | null }[] = [];
  let after: { variantId: string; locationId: string } | null = null;
  // Pages of all lines, or of the given variants' lines a slice of IDS_PER_QUERY variants at a time.
  const slices = only ? Array.from({ length: Math.ceil(only.length / IDS_PER_QUERY) }, (_, i) => only.slice(i * IDS_PER_QUERY, (i + 1) * IDS_PER_QUERY)) : [undefined];
  for (let slice = 0; slice < slices.length; ) {
    const lines: PlanLineForAlerts[] = run ? await listPlanLinesForAlerts(shop, run.id, { after, limit: LINES_PER_PAGE, variantIds: slices[slice] }) : [];
    for (const l of lines)
      if (l.productTitle !== null && !variantTitles.has(l.variantId))
        variantTitles.set(l.variantId, `${l.productTitle}${l.variantTitle && l.variantTitle !== "Default Title" ? ` — ${l.variantTitle}` : ""}`);
    const facts = lines.map((l) => {
      if (l.vendorId) vendorOfLine.set(`${l.variantId}|${l.locationId}`, l.vendorId);
      const base = { ...l, label: label(l.variantId, l.locationId), doNotReorder: l.notReordered, suggestedQty: l.orderQty, draftedUnits: drafted.get(`${l.variantId}|${l.locationId}`) ?? 0 };
      const overlaid = l.stockNow ? overlayAvailable(base, l.stockNow.available, asOfDate, continuesSelling(l.inventoryPolicy)) : base;
      return { ...overlaid, onHand: l.stockNow?.onHand ?? l.onHand };
    });
    const orderNow = new Set<string>();
    for (const c of evaluateStockRules(facts, { asOfDate, overstockDays, reviewPeriodDays })) {
      stockCandidates.push(c);
      if (c.type === "below_reorder_point") orderNow.add(c.entityId);
    }
    for (const c of evaluateStockedOutRules(facts, { skip: orderNow })) stockedOutCandidates.push(c);
    if (scope === "all")
      for (const l of facts) {
        const unitCostCents = Math.max(0, cents(l.unitCost));
        if (l.onHand > 0 && Math.round(l.onHand * unitCostCents) >= minValueCents)
          stocked.push({ variantId: l.variantId, locationId: l.locationId, label: l.label, onHand: l.onHand, unitCostCents, variantCreatedAt: l.variantCreatedAt });
      }
    if (lines.length < LINES_PER_PAGE) {
      slice++;
      after = null;
    } else after = lines[lines.length - 1];
  }
  const candidates: AlertCandidate[] = [...stockCandidates, ...stockedOutCandidates, ...(only ? [] : evaluateSyncRules(await syncFacts(shop, now)))];
  const ruleTypes: string[] = [...STOCK_RULES, ...(only ? [] : ["sync_unhealthy"]), ...RETIRED_ALERT_TYPES];
  // Each open PO's vendor: PO alerts group under it.
  const poVendor = new Map<string, string>();
  if (scope === "all") {
    ruleTypes.push("dead_stock", "po_overdue", "vendor_reliability_dropped", "demand_anomaly");
    const [orders, vendors, days] = await Promise.all([
      listOpenSentPurchaseOrders(shop),
      vendorReliabilityFacts(shop, now),
      run ? demandAnomalyFacts(shop, run, addDays(asOfDate, -1), label) : Promise.resolve([]),
    ]);
    for (const o of orders) poVendor.set(o.id, o.vendorId);
    const lastSale = await lastSaleDays(shop, stocked);
    candidates.push(
      ...evaluateDeadStockRules(
        stocked.map((l) => {
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
        }),
        { deadStockDays: Math.max(1, settings?.deadStockDays ?? 90), minValueCents, currency: settings?.currencyCode ?? "USD" },
      ),
      ...evaluatePurchaseOrderRules(
        // The arrival day as the PO page counts it (ETA, else expected date; stored as the shop's day at 00:00 UTC).
        orders.map((o) => ({ id: o.id, number: o.number, vendor: o.vendor.name, vendorId: o.vendorId, expectedDate: arrivalDay(o.expectedAt?.toISOString() ?? null, o.confirmedEta?.toISOString() ?? null) })),
        { asOfDate },
      ),
      ...evaluateVendorReliabilityRules(vendors),
      ...evaluateDemandAnomalyRules(days),
    );
  }
  const current = applyMutes(candidates, mutes);
  const result = await syncAlerts(
    shop,
    ruleTypes,
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

/** Failed webhook deliveries in the last 24 hours and the unfinished backfill, as the sync rule reads them. */
async function syncFacts(shop: string, now: Date) {
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
 * (app/services/vendors.server.ts): lead time = sent → first receipt, promised = sent → expected date.
 */
async function vendorReliabilityFacts(shop: string, now: Date): Promise<VendorReliabilityFacts[]> {
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
async function demandAnomalyFacts(shop: string, run: { id: string; asOfDate: string }, date: string, label: (v: string, l: string) => string): Promise<DemandDayFacts[]> {
  const index = Math.max(0, daysBetween(run.asOfDate, date));
  const out: DemandDayFacts[] = [];
  for (const f of await demandAgainstForecast(shop, run.id, date, index)) {
    if (typeof f.mean !== "number" || typeof f.lower !== "number" || typeof f.upper !== "number") continue;
    out.push({ variantId: f.variantId, locationId: f.locationId, label: label(f.variantId, f.locationId), date, units: f.units, forecastMean: f.mean, lower95: f.lower, upper95: f.upper, stockedOut: f.stockedOut });
  }
  return out;
}

/** The admin link of what an alert is about, relative to the app. */
function alertPath(a: { entityType: string; entityId: string }): string | null {
  if (a.entityType === "purchase_order") return `/app/purchase-orders/${a.entityId}`;
  if (a.entityType === "variant_location") {
    const [variantId, locationId] = a.entityId.split("|");
    return `/app/forecasts/${variantId}?location=${locationId}`;
  }
  if (a.entityType === "vendor") return "/app/vendors";
  if (a.entityType === "shop") return "/app/settings";
  return null;
}

async function defaultFlowTarget(shop: string): Promise<FlowTarget> {
  if (env.demoMode) return { kind: "demo" };
  try {
    const { unauthenticated } = await import("~/shopify.server");
    return { kind: "admin", admin: (await unauthenticated.admin(shop)).admin };
  } catch (error) {
    logger.warn({ kind: "flow-trigger", shop, outcome: "no-admin-client", error: error instanceof Error ? error.message : String(error) });
    return { kind: "none" };
  }
}

/**
 * One "Stockcast alert raised" Flow trigger per newly raised alert. Never throws: a failed trigger is logged
 * and recorded on the alert (data.flow), and the alert itself stands.
 */
async function emitFlowTriggers(shop: string, raised: readonly RaisedAlert[], target: FlowTarget | undefined, now: Date) {
  if (raised.length === 0) return;
  const flow = target ?? (await defaultFlowTarget(shop));
  if (flow.kind === "none") return;
  const sending = raised.slice(0, MAX_TRIGGERS_PER_EVALUATION);
  if (raised.length > sending.length) logger.warn({ kind: "flow-trigger", shop, outcome: "capped", raised: raised.length, sent: sending.length });
  const appKey = env.SHOPIFY_API_KEY ?? "demo-api-key";
  for (const a of sending) {
    const url = `https://${shop}/admin/apps/${appKey}${alertPath(a) ?? "/app/alerts"}`;
    if (flow.kind === "demo") {
      logger.info({ kind: "flow-trigger", shop, outcome: "demo-local", alertId: a.id, type: a.type });
      await mergeAlertData(shop, a.id, { flow: { mode: "demo-local", status: "recorded", at: now.toISOString(), note: "Demo mode: not sent to Shopify Flow" } }).catch(() => undefined);
      continue;
    }
    try {
      await sendAlertRaisedTrigger(flow.admin, { alertId: a.id, type: a.type, severity: a.severity, message: a.message, entityType: a.entityType, entityId: a.entityId, url }, flow.clientOptions);
      await mergeAlertData(shop, a.id, { flow: { mode: "shopify", status: "sent", at: now.toISOString() } });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      logger.warn({ kind: "flow-trigger", shop, outcome: "failed", alertId: a.id, error: message });
      await mergeAlertData(shop, a.id, { flow: { mode: "shopify", status: "failed", at: now.toISOString(), error: message.slice(0, 500) } }).catch(() => undefined);
    }
  }
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

// ——— The Alerts screen ———

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
  /** What "Mute this rule" would mute, with a readable label; null when the alert cannot be muted. */
  mute: { entityType: string; entityId: string; label: string } | null;
}

function muteScopeOf(data: unknown): MuteScope | null {
  const m = (data as { muteScope?: { entityType?: unknown; entityId?: unknown } } | null)?.muteScope;
  if (!m || typeof m.entityId !== "string" || (m.entityType !== "variant" && m.entityType !== "vendor" && m.entityType !== "shop")) return null;
  return { entityType: m.entityType, entityId: m.entityId };
}

const muteLabel = (scope: MuteScope) => (scope.entityType === "variant" ? "this variant" : scope.entityType === "vendor" ? "this vendor" : "this store");

export type AlertGrouping = "place" | "rule" | "none";

/** One group of the Alerts screen: a vendor × location, or a rule, with its counts. */
export interface AlertGroupDto {
  key: string;
  vendorId: string | null;
  locationId: string | null;
  type: string | null;
  title: string;
  total: number;
  critical: number;
  warning: number;
  info: number;
  /** "Order now" alerts in the group: "Create draft PO" is offered when a vendor × location has some. */
  orderNow: number;
}

const GROUPS_PER_PAGE = 25;

/**
 * The Alerts screen: a page of alerts matching the filters, and, unless `group` is "none", the matching alerts
 * counted per vendor × location ("place") or per rule, most critical first (groups page by 25 with `page`).
 */
export async function getAlerts(shop: string, query: AlertFilter & { group?: AlertGrouping; page: number; pageSize: number }, now = new Date()) {
  const q = { ...query, group: query.group ?? "none" };
  const [counts, [vendors, locations]] = await Promise.all([countAlertsByTab(shop, now), listFilterOptions(shop)]);
  const vendorName = new Map(vendors.map((v) => [v.id, v.name]));
  const locationName = new Map(locations.map((l) => [l.id, l.name]));
  let groups: AlertGroupDto[] = [];
  let groupTotal = 0;
  if (q.group !== "none") {
    const all = (await countAlertGroups(shop, q, q.group, now))
      .map<AlertGroupDto>((g) => ({
        ...g,
        key: q.group === "place" ? `${g.vendorId ?? NONE}|${g.locationId ?? NONE}` : (g.type ?? ""),
        title:
          q.group === "place"
            ? `${g.vendorId ? (vendorName.get(g.vendorId) ?? "Deleted vendor") : "No vendor"} · ${g.locationId ? (locationName.get(g.locationId) ?? "Deleted location") : "All locations"}`
            : (g.type ?? ""),
      }))
      .sort((a, b) => b.critical - a.critical || b.warning - a.warning || b.total - a.total || a.title.localeCompare(b.title));
    groupTotal = all.length;
    groups = all.slice((q.page - 1) * GROUPS_PER_PAGE, q.page * GROUPS_PER_PAGE);
  }
  const { rows, total } = q.group === "none" ? await listAlerts(shop, q, now) : { rows: [], total: 0 };
  return {
    rows: rows.map<AlertRowDto>((a) => {
      const scope = muteScopeOf(a.data);
      return {
        id: a.id,
        type: a.type,
        severity: a.severity,
        status: a.status === "snoozed" && a.snoozedUntil && a.snoozedUntil <= now ? "open" : a.status,
        message: a.message,
        lastSeenAt: a.lastSeenAt.toISOString(),
        snoozedUntil: a.snoozedUntil?.toISOString() ?? null,
        url: alertPath(a),
        mute: scope ? { ...scope, label: muteLabel(scope) } : null,
      };
    }),
    total: q.group === "none" ? total : groupTotal,
    groups,
    counts,
    vendors,
    locations,
    page: q.page,
    pageSize: q.group === "none" ? q.pageSize : GROUPS_PER_PAGE,
  };
}

/**
 * "Create draft PO" from a vendor × location group: the latest plan's lines behind the group's open "order now"
 * alerts go through the same use case as the Replenishment screen (createDraftPurchaseOrders: the staff role is
 * checked there, and the lines join that vendor × location's open draft), then the stock rules run again so
 * the drafted lines' alerts resolve at once. Throws PurchaseOrderError for the merchant.
 */
export async function createDraftFromAlertGroup(shop: string, actor: PoActor, group: { vendorId: string; locationId: string }, now = new Date()) {
  const run = await latestCompletePlanRun(shop);
  if (!run) throw new PurchaseOrderError("invalid", "There is no plan yet — run planning first");
  const lineIds = await orderNowLineIds(shop, run.id, group.vendorId, group.locationId, now);
  if (lineIds.length === 0) throw new PurchaseOrderError("invalid", "Nothing to order here any more — the alerts have cleared or were drafted already");
  const created = await createDraftPurchaseOrders(shop, actor, lineIds, { now });
  await reevaluateStockAlerts(shop, now);
  return created;
}

export function acknowledge(shop: string, ids: string[], actor: string, now = new Date()) {
  return acknowledgeAlerts(shop, ids, actor, now);
}

export function snooze(shop: string, ids: string[], until: Date, actor = "system") {
  return snoozeAlerts(shop, ids, until, actor);
}

export interface MuteDto {
  id: string;
  ruleType: string;
  entityType: string;
  entityId: string;
  /** The variant, vendor or store the mute is for, by name. */
  subject: string;
  createdBy: string;
  createdAt: string;
}

/** The shop's mutes with readable subjects. */
export async function getMutes(shop: string): Promise<MuteDto[]> {
  const [mutes, who] = await Promise.all([listMutes(shop), staffNamerFor(shop)]);
  const names = await lookupNames(shop, {
    variantIds: mutes.filter((m) => m.entityType === "variant").map((m) => m.entityId),
    locationIds: [],
    vendorIds: mutes.filter((m) => m.entityType === "vendor").map((m) => m.entityId),
  });
  return mutes.map((m) => {
    const v = m.entityType === "variant" ? names.variants.get(m.entityId) : undefined;
    const subject =
      m.entityType === "variant"
        ? v
          ? `${v.product.title}${v.title && v.title !== "Default Title" ? ` — ${v.title}` : ""}`
          : "Deleted variant"
        : m.entityType === "vendor"
          ? (names.vendors.get(m.entityId) ?? "Deleted vendor")
          : "Whole store";
    return { id: m.id, ruleType: m.ruleType, entityType: m.entityType, entityId: m.entityId, subject, createdBy: who(m.createdBy), createdAt: m.createdAt.toISOString() };
  });
}

/**
 * Mutes the rule of each chosen alert for its variant / vendor / store, then re-evaluates so the muted
 * alerts resolve at once. Alerts without a mute scope are skipped. Returns how many mutes were added.
 */
export async function muteAlerts(shop: string, ids: string[], actor: string, now = new Date(), options: EvaluateOptions = {}) {
  const alerts = await findAlertsByIds(shop, ids);
  const mutes = alerts.flatMap((a) => {
    const scope = muteScopeOf(a.data);
    return scope && (ALERT_TYPES as readonly string[]).includes(a.type) ? [{ ruleType: a.type, ...scope }] : [];
  });
  if (mutes.length === 0) return { added: 0, skipped: alerts.length };
  const { added } = await createMutes(shop, mutes, actor);
  await evaluateAlerts(shop, now, { flow: { kind: "none" }, ...options });
  return { added, skipped: alerts.length - mutes.length };
}

/** Removes a mute and re-evaluates so a persisting condition raises its alert again. */
export async function unmute(shop: string, muteId: string, actor: string, now = new Date(), options: EvaluateOptions = {}) {
  const removed = await deleteMute(shop, muteId, actor);
  if (removed) await evaluateAlerts(shop, now, options);
  return removed;
}

/**
 * Snoozes alerts until the start of `date` in the shop's time zone. The date must be after today and at most
 * 90 days ahead; returns a merchant-readable error otherwise.
 */
export async function snoozeUntilDate(shop: string, ids: string[], date: string, actor: string, now = new Date()): Promise<{ error: string | null; count: number }> {
  const timeZone = (await findShop(shop))?.ianaTimezone ?? "UTC";
  const today = localDate(now, timeZone);
  if (daysBetween(today, date) < 1) return { error: "Choose a date after today.", count: 0 };
  if (daysBetween(today, date) > 90) return { error: "Snooze for at most 90 days.", count: 0 };
  const { count } = await snoozeAlerts(shop, ids, startOfLocalDay(date, timeZone), actor);
  return { error: null, count };
}

/** The shop's local "today" and a default snooze date (a week ahead), for the screen. */
export async function snoozeDefaults(shop: string, now = new Date()) {
  const today = localDate(now, (await findShop(shop))?.ianaTimezone ?? "UTC");
  return { today, defaultSnoozeDate: addDays(today, 7), maxSnoozeDate: addDays(today, 90) };
}
