import { fairVendorScorecard, isTooEarlyReceipt, receiptOf, vendorScore, type ScorecardDelivery, type VendorReceipt } from "~/lib/analytics";
import { ON_ORDER_STATUSES } from "~/models/planning-inputs.server";
import { listAuditEntries, recordAudit } from "~/models/audit.server";
import { inTransaction } from "~/models/transaction.server";
import { findVendor, listSentPurchaseOrders, listVendorPurchaseOrders, listVendorsWithCounts, updateVendorIfUnchanged, type VendorWrite } from "~/models/vendors.server";
import { findShop } from "~/models/shop.server";
import { localDate } from "~/lib/time";
import { arrivalDay, daysLate } from "~/services/purchase-orders/arrival";
import { plural } from "~/utils/plural";
import { staffNamerFor } from "~/services/staff-names.server";

type PoForScore = Awaited<ReturnType<typeof listSentPurchaseOrders>>[number];

/** Remaining quantity × unit cost of one PO, integer cents. */
function openValueCents(po: { lines: Omit<PoForScore["lines"][number], "variantId">[] }): number {
  return po.lines.reduce((s, l) => s + Math.max(0, l.quantityOrdered - l.quantityReceived) * cents(l.unitCost), 0);
}

/** Statuses of a PO the vendor has finished with: its fill and timing are final whatever the expected date. */
const FINISHED_STATUSES = ["received", "closed"];

/**
 * A delivered PO as the fair scorecard sees it (null when {@link receiptOf} is): due once its expected date (or,
 * without one, sent + stated lead time) has passed or it is fully received or closed; too early when the first
 * receipt came sooner than 10% of the vendor's stated lead time after sending (isTooEarlyReceipt).
 */
export function deliveryOf(
  po: Pick<PoForScore, "status" | "sentAt" | "expectedAt" | "lines" | "receipts">,
  statedLeadTimeDays: number,
  now: Date,
): ScorecardDelivery | null {
  const r = receiptOf(po);
  if (!r || !po.sentAt) return null;
  const dueAt = po.expectedAt?.getTime() ?? po.sentAt.getTime() + statedLeadTimeDays * DAY;
  return {
    leadTimeDays: r.receipt.leadTimeDays,
    promisedLeadTimeDays: r.receipt.promisedLeadTimeDays,
    orderedUnits: r.receipt.orderedUnits,
    receivedUnits: r.receipt.receivedUnits,
    due: FINISHED_STATUSES.includes(po.status) || dueAt <= now.getTime(),
    tooEarly: isTooEarlyReceipt(r.receipt.leadTimeDays, statedLeadTimeDays),
    lines: po.lines.map((l) => ({ variant: l.variantId, unitCostCents: cents(l.unitCost) })),
  };
}

const DAY = 86_400_000;
const cents = (d: { toString(): string }) => Math.round(Number(d.toString()) * 100);

/** Figures of a scorecard; each value is null with fewer than 3 observations ("not enough data"). */
export interface ScoreFiguresDto {
  /** Received purchase orders in the window. */
  deliveries: number;
  onTimeRate: number | null;
  onTimeObservations: number;
  fillRate: number | null;
  fillObservations: number;
  leadTimeMeanDays: number | null;
  leadTimeSdDays: number | null;
  leadTimeObservations: number;
  /** Receipts left out of lead time because they came too soon after sending. */
  tooEarlyReceipts: number;
  /** Mean relative change of each variant's unit cost against its previous one. */
  priceVariation: number | null;
  priceObservations: number;
  score: number | null;
  /** Due deliveries behind the score. */
  scoreObservations: number;
}

export interface VendorScorecardDto extends ScoreFiguresDto {
  id: string;
  name: string;
  email: string | null;
  currency: string;
  products: number;
  statedLeadTimeDays: number;
  moq: number | null;
  /** Remaining quantity × unit cost of open purchase orders, integer cents. */
  openPoValueCents: number;
}

/** A vendor's fair scorecard figures over `deliveries` (in sending order; one day's grace). */
function scoreFigures(deliveries: ScorecardDelivery[]): ScoreFiguresDto {
  const s = fairVendorScorecard(deliveries, { graceDays: 1 });
  return {
    deliveries: deliveries.length,
    onTimeRate: s.onTimeRate.value,
    onTimeObservations: s.onTimeRate.observations,
    fillRate: s.fillRate.value,
    fillObservations: s.fillRate.observations,
    leadTimeMeanDays: s.leadTimeMeanDays.value,
    leadTimeSdDays: s.leadTimeSdDays,
    leadTimeObservations: s.leadTimeMeanDays.observations,
    tooEarlyReceipts: deliveries.filter((d) => d.tooEarly).length,
    priceVariation: s.priceVariation.value,
    priceObservations: s.priceVariation.observations,
    score: s.score.value,
    scoreObservations: s.score.observations,
  };
}

const bySentAt = <T extends { sentAt: Date | null }>(a: T, b: T) => (a.sentAt?.getTime() ?? 0) - (b.sentAt?.getTime() ?? 0);

/**
 * Vendor scorecards over the last 12 months (fairVendorScorecard): on-time rate (first receipt by the expected
 * date) and fill rate over due POs, observed lead time (sent → first receipt, too-early receipts left out)
 * against the stated one, each variant's unit-cost variation, each with its sample size; open PO value.
 */
export async function getVendorScorecards(shop: string, now = new Date()): Promise<VendorScorecardDto[]> {
  const [vendors, orders] = await Promise.all([listVendorsWithCounts(shop), listSentPurchaseOrders(shop, new Date(now.getTime() - 365 * DAY), ON_ORDER_STATUSES)]);
  const stated = new Map(vendors.map((v) => [v.id, v.statedLeadTimeDays]));
  const receiptsByVendor = new Map<string, ScorecardDelivery[]>();
  const openValue = new Map<string, number>();
  for (const po of [...orders].sort(bySentAt)) {
    if ((ON_ORDER_STATUSES as readonly string[]).includes(po.status)) {
      openValue.set(po.vendorId, (openValue.get(po.vendorId) ?? 0) + openValueCents(po));
    }
    const delivery = deliveryOf(po, stated.get(po.vendorId) ?? 0, now);
    if (!delivery) continue;
    const list = receiptsByVendor.get(po.vendorId) ?? [];
    list.push(delivery);
    receiptsByVendor.set(po.vendorId, list);
  }
  return vendors.map((v) => {
    return {
      id: v.id,
      name: v.name,
      email: v.email,
      currency: v.currency,
      products: v._count.products,
      statedLeadTimeDays: v.statedLeadTimeDays,
      moq: v.moq,
      ...scoreFigures(receiptsByVendor.get(v.id) ?? []),
      openPoValueCents: openValue.get(v.id) ?? 0,
    };
  });
}

/** Why a vendor edit was refused: the vendor is not this shop's, or someone saved in between. */
export class VendorEditError extends Error {
  constructor(
    readonly code: "not_found" | "conflict",
    message: string,
  ) {
    super(message);
    this.name = "VendorEditError";
  }
}

export const VENDOR_NOT_FOUND_MESSAGE = "This vendor does not exist in your shop.";

export interface VendorTrendPointDto {
  /** Calendar month "YYYY-MM" (UTC) of the first receipt. */
  month: string;
  deliveries: number;
  /** Fractions 0–1; null in months without deliveries. */
  onTimeRate: number | null;
  fillRate: number | null;
  leadTimeMeanDays: number | null;
}

export interface VendorOpenPoDto {
  id: string;
  number: string;
  status: string;
  currency: string;
  expectedAt: string | null;
  openValueCents: number;
  /** Whole days past its arrival day while awaiting delivery (the PO list's rule, `arrival.ts`); null when not late. */
  daysLate: number | null;
}

export interface VendorAuditDto {
  id: string;
  at: string;
  actor: string;
  /** Human summary of the change, e.g. "Stated lead time 14 → 21 days". */
  action: string;
  reason: string | null;
}

export interface VendorDetailDto {
  /** The vendor's editable fields (as the edit form saves them), its name, product count and edit token. */
  vendor: VendorWrite & {
    id: string;
    name: string;
    products: number;
    /** Optimistic-concurrency token for the edit form. */
    updatedAt: string;
  };
  scorecard: Omit<VendorScorecardDto, "id" | "name" | "email" | "currency" | "products" | "statedLeadTimeDays" | "moq">;
  trend: VendorTrendPointDto[];
  openPurchaseOrders: VendorOpenPoDto[];
  history: VendorAuditDto[];
}

const monthOf = (d: Date) => d.toISOString().slice(0, 7);

/** The 12 calendar months ending with `now`'s month, oldest first ("YYYY-MM", UTC). */
function lastTwelveMonths(now: Date): string[] {
  const months: string[] = [];
  for (let i = 11; i >= 0; i--) months.push(monthOf(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1))));
  return months;
}

const FIELD_LABEL: Record<keyof VendorWrite, string> = {
  contactName: "Contact name",
  email: "Email",
  phone: "Phone",
  currency: "Currency",
  statedLeadTimeDays: "Stated lead time",
  moq: "Minimum order quantity",
  notes: "Notes",
};

const show = (key: string, v: unknown) => (v === null || v === undefined || v === "" ? "—" : key === "statedLeadTimeDays" ? plural(Number(v), "day") : key === "notes" ? "(edited)" : String(v));

/** "Stated lead time 14 → 21 days; MOQ — → 50" from an audit entry's before/after objects. */
export function describeVendorChange(before: unknown, after: unknown): string {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  // In the form's order: PostgreSQL's jsonb does not keep key order.
  const keys = Object.keys(FIELD_LABEL).filter((k) => k in a);
  if (keys.length === 0) return "Vendor updated";
  return keys
    .map((k) => (k === "notes" ? "Notes edited" : `${FIELD_LABEL[k as keyof VendorWrite]} ${show(k, b[k])} → ${show(k, a[k])}`))
    .join("; ");
}

/**
 * One vendor: its scorecard over the last 12 months, a monthly trend (on-time rate, fill rate, observed
 * lead time by month of first receipt), its open purchase orders and its edit history. Null when the
 * vendor is not this shop's.
 */
export async function getVendorDetail(shop: string, vendorId: string, now = new Date()): Promise<VendorDetailDto | null> {
  const vendor = await findVendor(shop, vendorId);
  if (!vendor) return null;
  const months = lastTwelveMonths(now);
  const since = new Date(`${months[0]}-01T00:00:00Z`);
  const today = localDate(now, (await findShop(shop))?.ianaTimezone ?? "UTC");
  const [orders, audit, who] = await Promise.all([
    listVendorPurchaseOrders(shop, vendorId, new Date(Math.min(since.getTime(), now.getTime() - 365 * DAY)), ON_ORDER_STATUSES),
    listAuditEntries(shop, "Vendor", vendorId),
    staffNamerFor(shop),
  ]);
  const yearAgo = now.getTime() - 365 * DAY;
  const deliveries: ScorecardDelivery[] = [];
  const byMonth = new Map<string, VendorReceipt[]>();
  const open: VendorOpenPoDto[] = [];
  for (const po of [...orders].sort(bySentAt)) {
    if ((ON_ORDER_STATUSES as readonly string[]).includes(po.status)) {
      open.push({
        id: po.id,
        number: po.number,
        status: po.status,
        currency: po.currency,
        expectedAt: po.expectedAt?.toISOString() ?? null,
        openValueCents: openValueCents(po),
        daysLate: daysLate(po.status, arrivalDay(po.expectedAt?.toISOString() ?? null, po.confirmedEta?.toISOString() ?? null), today),
      });
    }
    const r = receiptOf(po);
    const delivery = deliveryOf(po, vendor.statedLeadTimeDays, now);
    if (!r || !delivery) continue;
    if (po.sentAt && po.sentAt.getTime() >= yearAgo) deliveries.push(delivery);
    // The trend shows settled deliveries only, like the scorecard: due, and timed plausibly.
    if (!delivery.due || delivery.tooEarly) continue;
    const month = monthOf(r.receivedAt);
    if (months.includes(month)) byMonth.set(month, [...(byMonth.get(month) ?? []), r.receipt]);
  }
  const round3 = (x: number) => Math.round(x * 1000) / 1000;
  return {
    vendor: {
      id: vendor.id,
      name: vendor.name,
      contactName: vendor.contactName,
      email: vendor.email,
      phone: vendor.phone,
      currency: vendor.currency,
      statedLeadTimeDays: vendor.statedLeadTimeDays,
      moq: vendor.moq,
      notes: vendor.notes,
      products: vendor._count.products,
      updatedAt: vendor.updatedAt.toISOString(),
    },
    scorecard: {
      ...scoreFigures(deliveries),
      openPoValueCents: open.reduce((t, po) => t + po.openValueCents, 0),
    },
    trend: months.map((month) => {
      const list = byMonth.get(month) ?? [];
      const m = list.length ? vendorScore(list, { graceDays: 1 }) : null;
      return {
        month,
        deliveries: list.length,
        onTimeRate: m ? round3(m.onTimeRate) : null,
        fillRate: m ? round3(m.fillRate) : null,
        leadTimeMeanDays: m ? round3(m.leadTimeMeanDays) : null,
      };
    }),
    openPurchaseOrders: open,
    history: audit
      .map((e) => ({ id: e.id, at: e.at.toISOString(), actor: who(e.actor), action: describeVendorChange(e.before, e.after), reason: null }))
      .reverse(),
  };
}

/**
 * Saves a vendor's editable fields for one shop, if nobody saved since the editor loaded `expectedUpdatedAt`,
 * and records who changed what (AuditEntry "vendor.updated", before/after of the changed fields) in the same
 * transaction. Saving identical values writes nothing. Planning reads the new values at its next run.
 * @throws VendorEditError "not_found" (another shop's or no such vendor), "conflict" (saved in between)
 */
export async function updateVendor(shop: string, actor: string, vendorId: string, expectedUpdatedAt: string, values: VendorWrite): Promise<{ changed: boolean }> {
  return inTransaction(async (tx) => {
    const row = await findVendor(shop, vendorId, tx);
    if (!row) throw new VendorEditError("not_found", VENDOR_NOT_FOUND_MESSAGE);
    if (row.updatedAt.toISOString() !== expectedUpdatedAt) throw new VendorEditError("conflict", CONFLICT_MESSAGE);
    const keys = (Object.keys(FIELD_LABEL) as (keyof VendorWrite)[]).filter((k) => row[k] !== values[k]);
    if (keys.length === 0) return { changed: false };
    if (!(await updateVendorIfUnchanged(shop, vendorId, row.updatedAt, values, tx))) throw new VendorEditError("conflict", CONFLICT_MESSAGE);
    const pick = (src: VendorWrite) => Object.fromEntries(keys.map((k) => [k, src[k]]));
    await recordAudit(shop, { actor, action: "vendor.updated", entityType: "Vendor", entityId: vendorId, before: pick(row), after: pick(values) }, tx);
    return { changed: true };
  });
}

const CONFLICT_MESSAGE = "Someone else changed this vendor after you opened it. Reload to see their changes, then edit again.";
