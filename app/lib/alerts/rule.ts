import type { DeadStockFacts } from "./dead-stock";
import type { DemandDayFacts } from "./demand-anomaly";
import type { AlertCandidate, AlertType, OpenPurchaseOrderFacts, StockLineFacts } from "./rules";
import type { StockedOutFacts } from "./stocked-out";
import type { SyncFacts } from "./sync-unhealthy";
import type { VendorReliabilityFacts } from "./vendor-reliability";

/** One plan line as the line rules read it: the latest plan brought up to date with current stock. */
export type AlertStockLine = StockLineFacts & StockedOutFacts;

/**
 * Everything a rule can read, by fact kind. Each kind has one reader in app/models/alert-facts.server.ts,
 * shaped for the rules by app/services/alerts/facts.server.ts.
 */
export interface AlertFacts {
  /** One page of the latest plan's lines (rules over lines are evaluated page by page). */
  readonly stockLines: readonly AlertStockLine[];
  readonly sync: SyncFacts;
  /** Lines with stock worth at least the dead-stock minimum, with their last sale. */
  readonly deadStock: readonly DeadStockFacts[];
  readonly openPurchaseOrders: readonly OpenPurchaseOrderFacts[];
  readonly vendorReceipts: readonly VendorReliabilityFacts[];
  /** Yesterday's units against the latest plan's 95% band. */
  readonly demandDay: readonly DemandDayFacts[];
}
export type AlertFactKind = keyof AlertFacts;

/** The shop's settings and today, as every rule gets them. */
export interface AlertRuleSettings {
  /** The shop's local today, "YYYY-MM-DD". */
  readonly asOfDate: string;
  readonly overstockDays: number;
  readonly reviewPeriodDays: number;
  readonly deadStockDays: number;
  readonly minValueCents: number;
  readonly currency: string;
}

/**
 * When a rule runs: "stock" — after every plan, stock webhook and incremental re-plan (one variant's lines
 * are enough); "shop" — with the stock rules but shop-wide, so not for an incremental re-plan; "plan" — only
 * in the full evaluation after a plan run (reads forecasts, vendors or demand history).
 */
export type AlertRuleScope = "stock" | "shop" | "plan";

/** One alert rule: the type it raises, when it runs, the facts it reads and a pure evaluation. */
export interface AlertRule<K extends AlertFactKind = AlertFactKind> {
  readonly type: AlertType;
  /** What the Alerts screen calls it. */
  readonly label: string;
  readonly scope: AlertRuleScope;
  readonly facts: readonly K[];
  /** Pure: the candidates of this rule's type from its facts. Method syntax, so a rule of fewer facts fits the list. */
  evaluate(facts: Pick<AlertFacts, K>, settings: AlertRuleSettings): AlertCandidate[];
}

/**
 * A rule with its fact kinds inferred from `facts` (so `evaluate` sees only those).
 * @example defineAlertRule({ type: "po_overdue", label: "PO overdue", scope: "plan", facts: ["openPurchaseOrders"], evaluate: (f, s) => evaluatePurchaseOrderRules(f.openPurchaseOrders, s) })
 */
export function defineAlertRule<K extends AlertFactKind>(rule: AlertRule<K>): AlertRule<K> {
  return Object.freeze(rule);
}
