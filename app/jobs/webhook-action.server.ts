import type { ActionFunctionArgs } from "@remix-run/node";
import { authenticateWebhook } from "~/shopify/webhook-request.server";
import { receiveWebhook } from "./webhooks.server";

/**
 * The action of every webhook route (app/routes/webhooks.*.tsx; topics in app/shopify/webhook-topics.ts):
 * verify → validate and record once → hand off or apply → 200. The 200 follows the committed event row, so an
 * acknowledged delivery is never lost.
 */
export async function webhookAction({ request }: ActionFunctionArgs): Promise<Response> {
  await receiveWebhook(await authenticateWebhook(request));
  return new Response(null, { status: 200 });
}
