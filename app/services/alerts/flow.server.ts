import { alertPath } from "~/lib/alerts";
import { mergeAlertData, type RaisedAlert } from "~/models/alerts.server";
import type { AdminClientOptions, AdminGraphql } from "~/shopify/admin-client.server";
import { sendAlertRaisedTrigger } from "~/shopify/flow.server";
import { env } from "~/utils/env.server";
import { logger } from "~/utils/logger.server";

/** Most Flow triggers sent by one evaluation; the rest are logged (a first plan can raise hundreds). */
const MAX_TRIGGERS_PER_EVALUATION = 100;

/**
 * Where newly raised alerts go besides the database: Shopify Flow through an Admin client, recorded locally
 * (demo mode: no network), or nowhere. Default: "demo" in demo mode, else the shop's offline Admin client.
 */
export type FlowTarget = { kind: "admin"; admin: AdminGraphql; clientOptions?: AdminClientOptions } | { kind: "demo" } | { kind: "none" };

async function defaultFlowTarget(shop: string): Promise<FlowTarget> {
  if (env.demoMode) return { kind: "demo" };
  try {
    const { unauthenticated } = await import("~/shopify.server");
    return { kind: "admin", admin: (await unauthenticated.admin(shop)).admin };
  } catch (error) {
    logger.warn({ kind: "flow-trigger", shop, outcome: "no-admin-client", error: error instanceof Error ? error.message : String(error) });
    return { kind: "none" };
  }
}

/**
 * One "Stockcast alert raised" Flow trigger per newly raised alert. Never throws: a failed trigger is logged
 * and recorded on the alert (data.flow), and the alert itself stands.
 */
export async function emitFlowTriggers(shop: string, raised: readonly RaisedAlert[], target: FlowTarget | undefined, now: Date) {
  if (raised.length === 0) return;
  const flow = target ?? (await defaultFlowTarget(shop));
  if (flow.kind === "none") return;
  const sending = raised.slice(0, MAX_TRIGGERS_PER_EVALUATION);
  if (raised.length > sending.length) logger.warn({ kind: "flow-trigger", shop, outcome: "capped", raised: raised.length, sent: sending.length });
  const appKey = env.SHOPIFY_API_KEY ?? "demo-api-key";
  for (const a of sending) {
    const url = `https://${shop}/admin/apps/${appKey}${alertPath(a) ?? "/app/alerts"}`;
    if (flow.kind === "demo") {
      logger.info({ kind: "flow-trigger", shop, outcome: "demo-local", alertId: a.id, type: a.type });
      await mergeAlertData(shop, a.id, { flow: { mode: "demo-local", status: "recorded", at: now.toISOString(), note: "Demo mode: not sent to Shopify Flow" } }).catch(() => undefined);
      continue;
    }
    try {
      await sendAlertRaisedTrigger(flow.admin, { alertId: a.id, type: a.type, severity: a.severity, message: a.message, entityType: a.entityType, entityId: a.entityId, url }, flow.clientOptions);
      await mergeAlertData(shop, a.id, { flow: { mode: "shopify", status: "sent", at: now.toISOString() } });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      logger.warn({ kind: "flow-trigger", shop, outcome: "failed", alertId: a.id, error: message });
      await mergeAlertData(shop, a.id, { flow: { mode: "shopify", status: "failed", at: now.toISOString(), error: message.slice(0, 500) } }).catch(() => undefined);
    }
  }
}
