import { defineAlertRule } from "../rule";
import { evaluateOrderNowRule } from "../rules";

/** below_reorder_point, "Order now": see evaluateStockRules (Silver, Pyke & Thomas §6.7) and docs/alerts.md. */
export const orderNowRule = defineAlertRule({
  type: "below_reorder_point",
  label: "Order now",
  scope: "stock",
  facts: ["stockLines"],
  evaluate: (f, s) => evaluateOrderNowRule(f.stockLines, s),
});
