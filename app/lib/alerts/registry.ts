import type { AlertRule, AlertRuleScope } from "./rule";
import { deadStockRule } from "./rules/dead-stock";
import { demandAnomalyRule } from "./rules/demand-anomaly";
import { orderNowRule } from "./rules/order-now";
import { overstockRule } from "./rules/overstock";
import { poOverdueRule } from "./rules/po-overdue";
import { stockedOutRule } from "./rules/stocked-out";
import { syncUnhealthyRule } from "./rules/sync-unhealthy";
import { vendorReliabilityRule } from "./rules/vendor-reliability";

/**
 * Every alert rule, one entry per alert type, in evaluation order (the order of the alerts they raise and of
 * their Flow triggers). evaluateAlerts loops over this list; a new rule is one file in rules/ plus its line here.
 */
export const ALERT_RULES: readonly AlertRule[] = Object.freeze([
  orderNowRule,
  overstockRule,
  stockedOutRule,
  syncUnhealthyRule,
  deadStockRule,
  poOverdueRule,
  vendorReliabilityRule,
  demandAnomalyRule,
]);

/**
 * The rules an evaluation runs: "stock" runs the stock and shop rules, an evaluation limited to some variants
 * only the stock rules, "all" every rule.
 * @example rulesInScope("stock", false).map((r) => r.type) // ["below_reorder_point", "overstock", "stocked_out_now", "sync_unhealthy"]
 */
export function rulesInScope(scope: "all" | "stock", someVariantsOnly: boolean): AlertRule[] {
  const runs: readonly AlertRuleScope[] = someVariantsOnly ? ["stock"] : scope === "stock" ? ["stock", "shop"] : ["stock", "shop", "plan"];
  return ALERT_RULES.filter((r) => runs.includes(r.scope));
}

const LABELS: ReadonlyMap<string, string> = new Map([...ALERT_RULES.map((r) => [r.type, r.label] as const), ["stockout_before_arrival", "Stockout before arrival (retired)"]]);

/**
 * The screen's name of a rule type; an unknown (e.g. future or removed) type shows its words.
 * @example alertRuleLabel("below_reorder_point") // "Order now"; alertRuleLabel("new_rule") // "new rule"
 */
export function alertRuleLabel(type: string): string {
  return LABELS.get(type) ?? type.replace(/_/g, " ");
}
