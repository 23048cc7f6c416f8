import { vendorScore, type VendorReceipt } from "~/lib/analytics";
import { ON_ORDER_STATUSES } from "~/models/planning-inputs.server";
import { listSentPurchaseOrders, listVendorsWithCounts } from "~/models/vendors.server";

const DAY = 86_400_000;
const cents = (d: { toString(): string }) => Math.round(Number(d.toString()) * 100);

export interface VendorScorecardDto {
  id: string;
  name: string;
  email: string | null;
  currency: string;
  products: number;
  statedLeadTimeDays: number;
  moq: number | null;
  deliveries: number;
  onTimeRate: number | null;
  fillRate: number | null;
  leadTimeMeanDays: number | null;
  leadTimeSdDays: number | null;
  priceCv: number | null;
  score: number | null;
  /** Remaining quantity × unit cost of open purchase orders, integer cents. */
  openPoValueCents: number;
}

/**
 * Vendor scorecards over the last 12 months: on-time rate (first receipt by the expected date), fill rate,
 * observed lead time (sent → first receipt) against the stated one, unit-price variability, open PO value.
 */
export async function getVendorScorecards(shop: string, now = new Date()): Promise<VendorScorecardDto[]> {
  const [vendors, orders] = await Promise.all([listVendorsWithCounts(shop), listSentPurchaseOrders(shop, new Date(now.getTime() - 365 * DAY), ON_ORDER_STATUSES)]);
  const receiptsByVendor = new Map<string, VendorReceipt[]>();
  const openValue = new Map<string, number>();
  for (const po of orders) {
    if ((ON_ORDER_STATUSES as readonly string[]).includes(po.status)) {
      const value = po.lines.reduce((s, l) => s + Math.max(0, l.quantityOrdered - l.quantityReceived) * cents(l.unitCost), 0);
      openValue.set(po.vendorId, (openValue.get(po.vendorId) ?? 0) + value);
    }
    const first = po.receipts[0];
    if (!first || !po.sentAt) continue;
    const ordered = po.lines.reduce((s, l) => s + l.quantityOrdered, 0);
    if (ordered === 0) continue;
    const received = po.lines.reduce((s, l) => s + l.quantityReceived, 0);
    const unitCostCents = Math.round(po.lines.reduce((s, l) => s + l.quantityOrdered * cents(l.unitCost), 0) / ordered);
    const leadTimeDays = Math.max(0, (first.receivedAt.getTime() - po.sentAt.getTime()) / DAY);
    const promised = po.expectedAt ? Math.max(0, (po.expectedAt.getTime() - po.sentAt.getTime()) / DAY) : leadTimeDays;
    const list = receiptsByVendor.get(po.vendorId) ?? [];
    list.push({ leadTimeDays, promisedLeadTimeDays: promised, orderedUnits: ordered, receivedUnits: received, unitCostCents: Math.max(1, unitCostCents) });
    receiptsByVendor.set(po.vendorId, list);
  }
  return vendors.map((v) => {
    const receipts = receiptsByVendor.get(v.id) ?? [];
    const s = receipts.length ? vendorScore(receipts, { graceDays: 1 }) : null;
    return {
      id: v.id,
      name: v.name,
      email: v.email,
      currency: v.currency,
      products: v._count.products,
      statedLeadTimeDays: v.statedLeadTimeDays,
      moq: v.moq,
      deliveries: receipts.length,
      onTimeRate: s?.onTimeRate ?? null,
      fillRate: s?.fillRate ?? null,
      leadTimeMeanDays: s?.leadTimeMeanDays ?? null,
      leadTimeSdDays: s?.leadTimeSdDays ?? null,
      priceCv: s?.priceCv ?? null,
      score: s?.score ?? null,
      openPoValueCents: openValue.get(v.id) ?? 0,
    };
  });
}
