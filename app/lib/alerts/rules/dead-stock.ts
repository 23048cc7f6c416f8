import { evaluateDeadStockRules } from "../dead-stock";
import { defineAlertRule } from "../rule";

/** dead_stock: stock worth at least the minimum that has not sold for the shop's dead-stock days. */
export const deadStockRule = defineAlertRule({
  type: "dead_stock",
  label: "Dead stock",
  scope: "plan",
  facts: ["deadStock"],
  evaluate: (f, s) => evaluateDeadStockRules(f.deadStock, { deadStockDays: s.deadStockDays, minValueCents: s.minValueCents, currency: s.currency }),
});
