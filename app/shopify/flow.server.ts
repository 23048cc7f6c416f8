// Shopify Flow trigger "Stockcast alert raised" (extensions/stockcast-alert-raised): one flowTriggerReceive
// call per newly raised alert. The payload keys must match the toml's [[settings.fields]] keys exactly.
import { createAdminClient, type AdminClientOptions, type AdminGraphql } from "./admin-client.server";
import { FLOW_TRIGGER_RECEIVE, type FlowTriggerReceiveVariables } from "./queries/flow-trigger-receive";

export const ALERT_RAISED_HANDLE = "stockcast-alert-raised";

/** One raised alert, as Flow receives it. `url` is absolute (the admin link of the thing the alert is about). */
export interface AlertRaisedEvent {
  alertId: string;
  type: string;
  severity: string;
  message: string;
  entityType: string;
  entityId: string;
  url: string;
}

/** The trigger payload, keyed by the field keys of shopify.extension.toml. */
export function alertRaisedPayload(e: AlertRaisedEvent): FlowTriggerReceiveVariables["payload"] {
  return {
    "Alert ID": e.alertId,
    "Alert type": e.type,
    Severity: e.severity,
    Message: e.message,
    "Entity type": e.entityType,
    "Entity ID": e.entityId,
    "Alert URL": e.url,
  };
}

/**
 * Sends the "Stockcast alert raised" trigger. Transient failures (5xx, 429, network) are retried by the Admin
 * client; userErrors throw AdminUserErrors (nothing was triggered). A retried trigger may start a workflow
 * twice if Shopify had applied the first attempt: Flow has no idempotency key for triggers, so workflows
 * should key on "Alert ID".
 */
export async function sendAlertRaisedTrigger(admin: AdminGraphql, event: AlertRaisedEvent, clientOptions: AdminClientOptions = {}): Promise<void> {
  await createAdminClient(admin, { maxRetries: 3, ...clientOptions }).mutate(
    FLOW_TRIGGER_RECEIVE,
    { handle: ALERT_RAISED_HANDLE, payload: alertRaisedPayload(event) },
    (d) => d.flowTriggerReceive,
  );
}
