// Read side of the purchase-order screens: flat DTOs (ISO strings, numbers, Decimal strings) for the list and
// the detail page.
import { listAuditEntries } from "~/models/audit.server";
import {
  countOverduePurchaseOrders,
  countPurchaseOrdersByStatus,
  findPurchaseOrder,
  listPurchaseOrders,
  listVendorOptions,
  lookupPurchaseOrderNames,
  type PurchaseOrderSort,
} from "~/models/purchase-orders.server";
import { firstReceiptAt } from "~/models/receipts.server";
import { findShop } from "~/models/shop.server";
import { isTooEarlyReceipt } from "~/lib/analytics";
import { plural } from "~/utils/plural";
import { listStaffRoles } from "~/models/staff.server";
import { NOT_FOUND_MESSAGE, PurchaseOrderError } from "./errors";
import { normaliseUnitCost, sumLines } from "./money";
import { roleOf, type PoActor } from "./permissions.server";
import { allowedActions, datesEditable, linesEditable, type PoAction } from "./state-machine";
import { arrivalDay, daysLate } from "./arrival";
import { localDate } from "~/lib/time";
import type { PurchaseOrderLineDto } from "~/utils/purchase-order-dto";
import { MANUAL_SENT_TO, PO_ENTITY } from "./lifecycle.server";
import { defaultVendorMessage, lineTitle } from "./po-document";
import { staffNamer } from "~/utils/staff-names";
import { closingDetail, datesChangeDetail, linesChangeDetail, linesChangeVariantIds } from "./po-history";

/** How a "sent" / "resent" audit entry reads in the history. */
function sendDetailOf(action: string, after: unknown): string | null {
  if ((action !== "purchase_order.sent" && action !== "purchase_order.resent") || !after || typeof after !== "object") return null;
  const a = after as { sentTo?: unknown; attachments?: unknown };
  if (a.sentTo === MANUAL_SENT_TO) return "Without email (sent outside Stockcast)";
  if (typeof a.sentTo !== "string") return null;
  const files = Array.isArray(a.attachments) ? a.attachments.filter((f): f is string => typeof f === "string") : [];
  return `Emailed to ${a.sentTo}${files.length ? ` · ${files.join(", ")}` : ""}`;
}

export interface PurchaseOrderRowDto {
  id: string;
  number: string;
  vendor: string;
  destination: string;
  status: string;
  /** "stockcast", or "stocky" for a PO imported from Stocky's export. */
  source: string;
  currency: string;
  expectedAt: string | null;
  confirmedEta: string | null;
  /** Whole days past the arrival day (ETA, else expected date) in the shop's time zone; null when not overdue. */
  daysLate: number | null;
  createdAt: string;
  lineCount: number;
  units: number;
  total: string;
}

export interface PurchaseOrderListDto {
  rows: PurchaseOrderRowDto[];
  total: number;
  page: number;
  pageSize: number;
  statusCounts: Record<string, number>;
  /** Sent or partially received POs past their arrival day (the "Overdue" filter). */
  overdueCount: number;
  vendors: { id: string; name: string }[];
}

/**
 * The list screen: one page of POs, filtered by status, vendor or overdue, newest first or by expected date,
 * plus tab counts and vendor options. Overdue and days late are counted on the shop's calendar (`now` in its
 * time zone).
 */
export async function getPurchaseOrderList(
  shop: string,
  query: { status?: string; vendorId?: string; overdue?: boolean; sort?: PurchaseOrderSort; page: number; pageSize: number },
  now = new Date(),
): Promise<PurchaseOrderListDto> {
  const today = localDate(now, (await findShop(shop))?.ianaTimezone ?? "UTC");
  const overdueBefore = new Date(`${today}T00:00:00Z`);
  const [{ rows, total }, statusCounts, overdueCount, vendors] = await Promise.all([
    listPurchaseOrders(shop, { ...query, overdueBefore: query.overdue ? overdueBefore : undefined }),
    countPurchaseOrdersByStatus(shop, query.vendorId),
    countOverduePurchaseOrders(shop, overdueBefore, query.vendorId),
    listVendorOptions(shop),
  ]);
  const names = await lookupPurchaseOrderNames(shop, { variantIds: [], locationIds: rows.map((r) => r.destinationLocationId) });
  return {
    rows: rows.map((po) => ({
      id: po.id,
      number: po.number,
      vendor: po.vendor.name,
      destination: names.locations.get(po.destinationLocationId) ?? "Unknown location",
      status: po.status,
      source: po.source,
      currency: po.currency,
      expectedAt: po.expectedAt?.toISOString() ?? null,
      confirmedEta: po.confirmedEta?.toISOString() ?? null,
      daysLate: daysLate(po.status, arrivalDay(po.expectedAt?.toISOString() ?? null, po.confirmedEta?.toISOString() ?? null), today),
      createdAt: po.createdAt.toISOString(),
      lineCount: po.lines.length,
      units: po.lines.reduce((s, l) => s + l.quantityOrdered, 0),
      total: sumLines(po.lines.map((l) => ({ quantity: l.quantityOrdered, unitCost: l.unitCost.toFixed() }))),
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
    statusCounts,
    overdueCount,
    vendors,
  };
}


export interface AuditEntryDto {
  id: string;
  at: string;
  actor: string;
  action: string;
  before: string | null;
  after: string | null;
  reason: string | null;
  /** What else the entry says, in words: "to vendor@example.com · PO-1001.pdf, PO-1001.csv", "without email". */
  detail: string | null;
}

export interface PurchaseOrderDetailDto {
  po: {
    id: string;
    number: string;
    status: string;
    source: string;
    version: number;
    vendor: { id: string; name: string; email: string | null; contactName: string | null };
    destination: string;
    currency: string;
    expectedAt: string | null;
    confirmedEta: string | null;
    /** Days past the arrival day in the shop's time zone; null when not overdue. */
    daysLate: number | null;
    notes: string | null;
    createdBy: string;
    createdAt: string;
    submittedAt: string | null;
    approvedBy: string | null;
    approvedAt: string | null;
    sentAt: string | null;
    /** The address the PO was last emailed to, or "manual" when marked as sent without email. */
    sentTo: string | null;
    rejectedReason: string | null;
    cancelReason: string | null;
    cancelledAt: string | null;
    closedAt: string | null;
    units: number;
    total: string;
  };
  lines: PurchaseOrderLineDto[];
  /** Actions the state machine allows and the viewer may take. */
  actions: PoAction[];
  canEditLines: boolean;
  /** Whether the viewer may change the expected date and the vendor-confirmed ETA (every open status). */
  canEditDates: boolean;
  /** Units ordered but not yet received: what closing short or cancelling the remainder takes off order. */
  outstandingUnits: number;
  /** Whether the viewer may email the PO to the vendor now (approved; an update when sent or partially received). */
  canSend: boolean;
  /** What the send form starts with. */
  sendDefaults: { to: string; message: string };
  viewerRole: string | null;
  /** Set when the first receipt came too soon after sending to be a real delivery (left out of lead time). */
  earlyReceipt: { message: string } | null;
  /** The latest rejection reason while the PO is back in draft. */
  rejection: { reason: string; by: string; at: string } | null;
  history: AuditEntryDto[];
}

/** The detail page of one PO, or a not-found error when it isn't this shop's. */
export async function getPurchaseOrderDetail(shop: string, actor: PoActor, poId: string, now = new Date()): Promise<PurchaseOrderDetailDto> {
  const po = await findPurchaseOrder(shop, poId);
  if (!po) throw new PurchaseOrderError("not_found", NOT_FOUND_MESSAGE);
  const audit = await listAuditEntries(shop, PO_ENTITY, po.id);
  // Lines removed by an edit are named in its history too.
  const variantIds = [...new Set([...po.lines.map((l) => l.variantId), ...audit.flatMap((e) => [...linesChangeVariantIds(e.action, e.before), ...linesChangeVariantIds(e.action, e.after)])])];
  const [names, staff, role, shopRow, firstReceipt] = await Promise.all([
    lookupPurchaseOrderNames(shop, { variantIds, locationIds: [po.destinationLocationId] }),
    listStaffRoles(shop),
    roleOf(shop, actor),
    findShop(shop),
    po.sentAt ? firstReceiptAt(shop, po.id) : Promise.resolve(null),
  ]);
  const who = staffNamer(staff);
  const titleOf = (variantId: string) => {
    const v = names.variants.get(variantId);
    return v ? lineTitle(v.product.title, v.title) : "Unknown product";
  };
  const lines = po.lines.map((l) => {
    const v = names.variants.get(l.variantId);
    const unitCost = l.unitCost.toFixed();
    return {
      id: l.id,
      variantId: l.variantId,
      product: v?.product.title ?? "Unknown product",
      variant: v?.title ?? "",
      sku: v?.sku ?? null,
      quantityOrdered: l.quantityOrdered,
      quantityReceived: l.quantityReceived,
      unitCost: normaliseUnitCost(unitCost),
      lineTotal: sumLines([{ quantity: l.quantityOrdered, unitCost }]),
    };
  });
  const reasonOf = (after: unknown) =>
    after && typeof after === "object" && "reason" in after && typeof after.reason === "string" ? after.reason : null;
  const lastEntry = audit.at(-1);
  const rejection =
    po.status === "draft" && lastEntry?.action === "purchase_order.rejected" && reasonOf(lastEntry.after)
      ? { reason: reasonOf(lastEntry.after)!, by: who(lastEntry.actor), at: lastEntry.at.toISOString() }
      : null;
  const actions = allowedActions(po.status).filter((a) => {
    if (a === "receive_partial" || a === "receive_full") return false; // receiving is a later slice
    if (a === "approve" || a === "reject") return role.canApprove;
    return role.canEdit;
  });
  return {
    po: {
      id: po.id,
      number: po.number,
      status: po.status,
      source: po.source,
      version: po.version,
      vendor: { id: po.vendor.id, name: po.vendor.name, email: po.vendor.email, contactName: po.vendor.contactName },
      destination: names.locations.get(po.destinationLocationId) ?? "Unknown location",
      currency: po.currency,
      expectedAt: po.expectedAt?.toISOString() ?? null,
      confirmedEta: po.confirmedEta?.toISOString() ?? null,
      daysLate: daysLate(
        po.status,
        arrivalDay(po.expectedAt?.toISOString() ?? null, po.confirmedEta?.toISOString() ?? null),
        localDate(now, shopRow?.ianaTimezone ?? "UTC"),
      ),
      notes: po.notes,
      createdBy: who(po.createdBy),
      createdAt: po.createdAt.toISOString(),
      submittedAt: po.submittedAt?.toISOString() ?? null,
      approvedBy: po.approvedBy ? who(po.approvedBy) : null,
      approvedAt: po.approvedAt?.toISOString() ?? null,
      sentAt: po.sentAt?.toISOString() ?? null,
      sentTo: po.sentTo,
      rejectedReason: po.rejectedReason,
      cancelReason: po.cancelReason,
      cancelledAt: po.cancelledAt?.toISOString() ?? null,
      closedAt: po.closedAt?.toISOString() ?? null,
      units: lines.reduce((s, l) => s + l.quantityOrdered, 0),
      total: sumLines(po.lines.map((l) => ({ quantity: l.quantityOrdered, unitCost: l.unitCost.toFixed() }))),
    },
    lines,
    actions,
    canEditLines: linesEditable(po.status) && role.canEdit,
    canEditDates: datesEditable(po.status) && role.canEdit,
    outstandingUnits: po.lines.reduce((s, l) => s + Math.max(0, l.quantityOrdered - l.quantityReceived), 0),
    canSend: role.canEdit && (po.status === "approved" || po.status === "sent" || po.status === "partially_received"),
    sendDefaults: {
      to: po.sentTo && po.sentTo !== MANUAL_SENT_TO ? po.sentTo : (po.vendor.email ?? ""),
      message: defaultVendorMessage({
        number: po.number,
        shopName: shopRow?.name ?? shop.replace(/\.myshopify\.com$/, ""),
        destination: names.locations.get(po.destinationLocationId) ?? "Unknown location",
        expectedAt: po.expectedAt?.toISOString() ?? null,
        vendor: { name: po.vendor.name, contactName: po.vendor.contactName, email: po.vendor.email, phone: po.vendor.phone },
      }),
    },
    viewerRole: role.role,
    earlyReceipt: earlyReceiptOf(po.sentAt, firstReceipt, po.vendor.statedLeadTimeDays),
    rejection,
    history: audit
      .slice()
      .reverse()
      .map((e) => ({
        id: e.id,
        at: e.at.toISOString(),
        actor: who(e.actor),
        action: e.action,
        before: e.before === null ? null : JSON.stringify(e.before),
        after: e.after === null ? null : JSON.stringify(e.after),
        reason: reasonOf(e.after),
        detail:
          sendDetailOf(e.action, e.after) ??
          linesChangeDetail(e.action, e.before, e.after, titleOf) ??
          datesChangeDetail(e.action, e.before, e.after) ??
          closingDetail(e.action, e.after),
      })),
  };
}

/** "Received 12 minutes after sending: …" when the first receipt is too early to count (isTooEarlyReceipt). */
function earlyReceiptOf(sentAt: Date | null, receivedAt: Date | null, statedLeadTimeDays: number): { message: string } | null {
  if (!sentAt || !receivedAt) return null;
  const ms = Math.max(0, receivedAt.getTime() - sentAt.getTime());
  if (!isTooEarlyReceipt(ms / 86_400_000, statedLeadTimeDays)) return null;
  const minutes = Math.round(ms / 60_000);
  const after = minutes < 120 ? plural(minutes, "minute") : minutes < 48 * 60 ? plural(Math.round(minutes / 60), "hour") : plural(Math.round(minutes / 1440), "day");
  return { message: `Received ${after} after sending: left out of this vendor's lead time` };
}
