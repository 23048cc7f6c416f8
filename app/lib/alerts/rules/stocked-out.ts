import { defineAlertRule } from "../rule";
import { evaluateOrderNowRule } from "../rules";
import { evaluateStockedOutRules } from "../stocked-out";

/**
 * stocked_out_now, on lines without an "order now" alert (that one says "out of stock now": one alert per
 * line). The order-now rule is re-run here on the same page, so the rules stay independent of each other.
 */
export const stockedOutRule = defineAlertRule({
  type: "stocked_out_now",
  label: "Out of stock",
  scope: "stock",
  facts: ["stockLines"],
  evaluate: (f, s) => evaluateStockedOutRules(f.stockLines, { skip: new Set(evaluateOrderNowRule(f.stockLines, s).map((c) => c.entityId)) }),
});
