import { ALERT_TYPES, alertPath, type AlertGroup, type MuteScope } from "~/lib/alerts";
import { planLineIdsOf } from "~/models/alert-facts.server";
import {
  acknowledgeAlerts,
  countAlertGroups,
  countAlertsByTab,
  createMutes,
  deleteMute,
  findAlertsByIds,
  listAlerts,
  listMutes,
  NONE,
  openOrderNowVariantIds,
  snoozeAlerts,
  type AlertFilter,
} from "~/models/alerts.server";
import { latestCompletePlanRun } from "~/models/plan-run.server";
import { listFilterOptions, lookupNames } from "~/models/replenishment.server";
import { findShop } from "~/models/shop.server";
import { createDraftPurchaseOrders } from "~/services/purchase-orders/create-drafts.server";
import { PurchaseOrderError } from "~/services/purchase-orders/errors";
import type { PoActor } from "~/services/purchase-orders/permissions.server";
import { staffNamerFor } from "~/services/staff-names.server";
import { addDays, daysBetween, localDate, startOfLocalDay } from "~/lib/time";
import { evaluateAlerts, reevaluateStockAlerts, type EvaluateOptions } from "./evaluate.server";

// The Alerts screen: list and groups, acknowledge, snooze, mute, and "Create draft PO" from a group.


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
  let groups: AlertGroup[] = [];
  let groupTotal = 0;
  if (q.group !== "none") {
    const all = (await countAlertGroups(shop, q, q.group, now))
      .map<AlertGroup>((g) => ({
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
  const lineIds = await planLineIdsOf(shop, run.id, group.vendorId, group.locationId, await openOrderNowVariantIds(shop, group.vendorId, group.locationId, now));
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
