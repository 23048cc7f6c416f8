import type { VendorReceipt } from "./vendor-score";

const DAY_MS = 86_400_000;
/** A decimal amount (Prisma Decimal or number) in integer cents. */
const cents = (d: { toString(): string }) => Math.round(Number(d.toString()) * 100);

/** What {@link receiptOf} reads of a purchase order: when it was sent and promised, its lines and receipts (oldest first). */
export interface PurchaseOrderForReceipt {
  readonly sentAt: Date | null;
  readonly expectedAt: Date | null;
  readonly lines: readonly { readonly quantityOrdered: number; readonly quantityReceived: number; readonly unitCost: { toString(): string } }[];
  readonly receipts: readonly { readonly receivedAt: Date }[];
}

/**
 * A delivered PO as the vendor scorecard sees it: lead time sent → first receipt, promised lead time sent →
 * expected date (the observed one when no date was promised), units ordered and received, and the
 * quantity-weighted mean unit cost in cents (at least 1). Null for POs not yet sent, not yet received, or with
 * nothing ordered. Lead time as the time from placing an order to its receipt: Silver, Pyke & Thomas, 4th ed., §1.
 * @example receiptOf({ sentAt: 2026-01-01, expectedAt: 2026-01-08, lines: [{ quantityOrdered: 10, quantityReceived: 8, unitCost: "2.50" }], receipts: [{ receivedAt: 2026-01-11 }] })
 * // { receivedAt: 2026-01-11, receipt: { leadTimeDays: 10, promisedLeadTimeDays: 7, orderedUnits: 10, receivedUnits: 8, unitCostCents: 250 } }
 */
export function receiptOf(po: PurchaseOrderForReceipt): { receivedAt: Date; receipt: VendorReceipt } | null {
  const first = po.receipts[0];
  if (!first || !po.sentAt) return null;
  const ordered = po.lines.reduce((s, l) => s + l.quantityOrdered, 0);
  if (ordered === 0) return null;
  const received = po.lines.reduce((s, l) => s + l.quantityReceived, 0);
  const unitCostCents = Math.round(po.lines.reduce((s, l) => s + l.quantityOrdered * cents(l.unitCost), 0) / ordered);
  const leadTimeDays = Math.max(0, (first.receivedAt.getTime() - po.sentAt.getTime()) / DAY_MS);
  const promised = po.expectedAt ? Math.max(0, (po.expectedAt.getTime() - po.sentAt.getTime()) / DAY_MS) : leadTimeDays;
  return {
    receivedAt: first.receivedAt,
    receipt: { leadTimeDays, promisedLeadTimeDays: promised, orderedUnits: ordered, receivedUnits: received, unitCostCents: Math.max(1, unitCostCents) },
  };
}
