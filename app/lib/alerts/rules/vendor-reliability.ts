import { defineAlertRule } from "../rule";
import { evaluateVendorReliabilityRules } from "../vendor-reliability";

/** vendor_reliability_dropped: the last 90 days' score or on-time rate well below the 90 days before. */
export const vendorReliabilityRule = defineAlertRule({
  type: "vendor_reliability_dropped",
  label: "Vendor reliability dropped",
  scope: "plan",
  facts: ["vendorReceipts"],
  evaluate: (f) => evaluateVendorReliabilityRules(f.vendorReceipts),
});
