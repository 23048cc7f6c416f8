import { describe, expect, it } from "vitest";
import type { VendorReceipt } from "~/lib/analytics";
import { evaluateVendorReliabilityRules } from "./vendor-reliability";

const receipt = (leadTimeDays: number, over: Partial<VendorReceipt> = {}): VendorReceipt =>
  Object.freeze({ leadTimeDays, promisedLeadTimeDays: 10, orderedUnits: 100, receivedUnits: 100, unitCostCents: 500, ...over });
const onTime = [receipt(10), receipt(10), receipt(10)];

describe("evaluateVendorReliabilityRules", () => {
  it("fires when on-time deliveries collapse, with before/after rates and scores in the message", () => {
    const [a] = evaluateVendorReliabilityRules([{ vendorId: "ven1", name: "Acme", previous: onTime, recent: [receipt(20), receipt(20)] }]);
    expect(a).toMatchObject({ type: "vendor_reliability_dropped", severity: "warning", dedupeKey: "vendor_reliability_dropped:ven1", entityType: "vendor" });
    expect(a.message).toBe("Acme: on-time deliveries fell from 100% to 0% and the vendor score from 100 to 65 (last 90 days, 2 receipts, vs the 90 days before).");
  });

  it("does not fire for a drop equal to the threshold, or without enough receipts in a window", () => {
    // One of two late: on-time 100% → 50% (drop 0.5 > 0.25) would fire; with onTimeDrop 0.5 it is exactly the threshold.
    const recent = [receipt(10), receipt(20)];
    expect(evaluateVendorReliabilityRules([{ vendorId: "v", name: "A", previous: onTime, recent }], { onTimeDrop: 0.5, scoreDrop: 50 })).toEqual([]);
    expect(evaluateVendorReliabilityRules([{ vendorId: "v", name: "A", previous: onTime, recent }])).toHaveLength(1);
    expect(evaluateVendorReliabilityRules([{ vendorId: "v", name: "A", previous: onTime, recent: [receipt(30)] }])).toEqual([]);
  });

  it("fires on a score drop alone (short deliveries)", () => {
    const short = [receipt(10, { receivedUnits: 40 }), receipt(10, { receivedUnits: 40 })];
    const [a] = evaluateVendorReliabilityRules([{ vendorId: "v", name: "A", previous: onTime, recent: short }]);
    expect(a.data).toMatchObject({ scoreBefore: 100, scoreNow: 79, onTimeNow: 1 });
  });

  it("rejects bad thresholds", () => {
    expect(() => evaluateVendorReliabilityRules([], { scoreDrop: 0 })).toThrow(new RangeError("scoreDrop must be positive"));
    expect(() => evaluateVendorReliabilityRules([], { onTimeDrop: 1 })).toThrow(new RangeError("onTimeDrop must be between 0 and 1 exclusive"));
    expect(() => evaluateVendorReliabilityRules([], { minReceipts: 0 })).toThrow(new RangeError("minReceipts must be a positive integer"));
  });
});
