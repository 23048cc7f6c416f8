import { defineAlertRule } from "../rule";
import { evaluatePurchaseOrderRules } from "../rules";

/** po_overdue: a sent or partly received PO past its arrival day. */
export const poOverdueRule = defineAlertRule({
  type: "po_overdue",
  label: "PO overdue",
  scope: "plan",
  facts: ["openPurchaseOrders"],
  evaluate: (f, s) => evaluatePurchaseOrderRules(f.openPurchaseOrders, { asOfDate: s.asOfDate }),
});
