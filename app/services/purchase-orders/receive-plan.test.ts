import { describe, expect, it } from "vitest";
import { PurchaseOrderError } from "./errors";
import { OverReceiptError, planReceipt, validateReceiveInput } from "./receive-plan";

const LINES = [
  { id: "a", quantityOrdered: 10, quantityReceived: 4 },
  { id: "b", quantityOrdered: 3, quantityReceived: 0 },
];

describe("validateReceiveInput", () => {
  it("accepts positive whole quantities, each line once", () => {
    expect(() => validateReceiveInput([{ lineId: "a", quantity: 1 }, { lineId: "b", quantity: 1_000_000 }])).not.toThrow();
  });

  it.each([
    [[], "Enter a quantity for at least one line to receive"],
    [[{ lineId: "a", quantity: 0 }], "Received quantities must be whole numbers between 1 and 1,000,000"],
    [[{ lineId: "a", quantity: -1 }], "Received quantities must be whole numbers between 1 and 1,000,000"],
    [[{ lineId: "a", quantity: 2.5 }], "Received quantities must be whole numbers between 1 and 1,000,000"],
    [[{ lineId: "a", quantity: Number.NaN }], "Received quantities must be whole numbers between 1 and 1,000,000"],
    [[{ lineId: "a", quantity: 1_000_001 }], "Received quantities must be whole numbers between 1 and 1,000,000"],
    [[{ lineId: "a", quantity: 1 }, { lineId: "a", quantity: 2 }], "Each line can only be received once per receipt"],
  ])("rejects %j", (lines, message) => {
    expect(() => validateReceiveInput(lines)).toThrow(new PurchaseOrderError("invalid", message));
  });
});

describe("planReceipt", () => {
  it("is partial until every line has what was ordered", () => {
    const partial = planReceipt(LINES, [{ lineId: "a", quantity: 6 }]);
    expect(partial).toEqual({ complete: false, overReceived: [], receivedAfter: new Map([["a", 10], ["b", 0]]) });
    const full = planReceipt(LINES, [{ lineId: "a", quantity: 6 }, { lineId: "b", quantity: 3 }]);
    expect(full.complete).toBe(true);
    expect(full.overReceived).toEqual([]);
  });

  it("reports units beyond what was ordered, counting only the new excess on an already over-received line", () => {
    const plan = planReceipt(LINES, [{ lineId: "a", quantity: 9 }, { lineId: "b", quantity: 3 }]);
    expect(plan.complete).toBe(true);
    expect(plan.overReceived).toEqual([{ lineId: "a", ordered: 10, alreadyReceived: 4, receiving: 9, excess: 3 }]);
    const again = planReceipt([{ id: "a", quantityOrdered: 10, quantityReceived: 12 }], [{ lineId: "a", quantity: 2 }]);
    expect(again.overReceived).toEqual([{ lineId: "a", ordered: 10, alreadyReceived: 12, receiving: 2, excess: 2 }]);
  });

  it("refuses a line that isn't on the PO", () => {
    expect(() => planReceipt(LINES, [{ lineId: "zz", quantity: 1 }])).toThrow("That line isn't on this purchase order — reload to see the latest");
  });

  it("words the over-receipt error for the merchant", () => {
    const one = new OverReceiptError([{ lineId: "a", ordered: 10, alreadyReceived: 10, receiving: 1, excess: 1 }]);
    expect(one.message).toBe("This receives 1 more unit than ordered on 1 line — confirm the over-receipt to record it");
    expect(one.code).toBe("invalid");
    expect(one).toBeInstanceOf(PurchaseOrderError);
    const many = new OverReceiptError([
      { lineId: "a", ordered: 10, alreadyReceived: 0, receiving: 1500, excess: 1490 },
      { lineId: "b", ordered: 1, alreadyReceived: 0, receiving: 2, excess: 1 },
    ]);
    expect(many.message).toBe("This receives 1,491 more units than ordered on 2 lines — confirm the over-receipt to record it");
  });
});
