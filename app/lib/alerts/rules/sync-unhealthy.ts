import { defineAlertRule } from "../rule";
import { evaluateSyncRules } from "../sync-unhealthy";

/** sync_unhealthy: failed webhook deliveries in the last 24 h, or a stalled or failed backfill. */
export const syncUnhealthyRule = defineAlertRule({
  type: "sync_unhealthy",
  label: "Sync unhealthy",
  scope: "shop",
  facts: ["sync"],
  evaluate: (f) => evaluateSyncRules(f.sync),
});
