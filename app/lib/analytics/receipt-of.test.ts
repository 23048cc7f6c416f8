import { describe, expect, it } from "vitest";
import { receiptOf } from "./receipt-of";

const d = (s: string) => new Date(`${s}T00:00:00Z`);

describe("receiptOf", () => {
  it("measures lead time to the first receipt, the promised lead time, units and the weighted unit cost", () => {
    // Sent Jan 1, promised Jan 8 (7 days), first receipt Jan 11 (10 days); cost (6 × 250 + 4 × 300) / 10 = 270 cents.
    const r = receiptOf({
      sentAt: d("2026-01-01"),
      expectedAt: d("2026-01-08"),
      lines: [
        { quantityOrdered: 6, quantityReceived: 6, unitCost: "2.50" },
        { quantityOrdered: 4, quantityReceived: 2, unitCost: 3 },
      ],
      receipts: [{ receivedAt: d("2026-01-11") }, { receivedAt: d("2026-01-20") }],
    });
    expect(r).toEqual({ receivedAt: d("2026-01-11"), receipt: { leadTimeDays: 10, promisedLeadTimeDays: 7, orderedUnits: 10, receivedUnits: 8, unitCostCents: 270 } });
  });

  it("takes the observed lead time as promised when no date was promised, and is null before sending, receiving or ordering", () => {
    const lines = [{ quantityOrdered: 1, quantityReceived: 1, unitCost: "0.001" }];
    const r = receiptOf({ sentAt: d("2026-01-01"), expectedAt: null, lines, receipts: [{ receivedAt: d("2026-01-04") }] });
    expect(r?.receipt.promisedLeadTimeDays).toBe(3);
    expect(r?.receipt.unitCostCents).toBe(1);
    expect(receiptOf({ sentAt: null, expectedAt: null, lines, receipts: [{ receivedAt: d("2026-01-04") }] })).toBeNull();
    expect(receiptOf({ sentAt: d("2026-01-01"), expectedAt: null, lines, receipts: [] })).toBeNull();
    expect(receiptOf({ sentAt: d("2026-01-01"), expectedAt: null, lines: [], receipts: [{ receivedAt: d("2026-01-04") }] })).toBeNull();
  });
});
