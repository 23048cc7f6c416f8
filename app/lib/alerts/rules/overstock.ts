import { defineAlertRule } from "../rule";
import { evaluateOverstockRule } from "../rules";

/** overstock: cover above the shop's threshold while more is on order or in a draft (see evaluateStockRules). */
export const overstockRule = defineAlertRule({
  type: "overstock",
  label: "Overstock",
  scope: "stock",
  facts: ["stockLines"],
  evaluate: (f, s) => evaluateOverstockRule(f.stockLines, { overstockDays: s.overstockDays }),
});
