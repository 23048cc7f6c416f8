import { evaluateDemandAnomalyRules } from "../demand-anomaly";
import { defineAlertRule } from "../rule";

/** demand_anomaly: yesterday's units outside the latest plan's 95% band. */
export const demandAnomalyRule = defineAlertRule({
  type: "demand_anomaly",
  label: "Demand anomaly",
  scope: "plan",
  facts: ["demandDay"],
  evaluate: (f) => evaluateDemandAnomalyRules(f.demandDay),
});
