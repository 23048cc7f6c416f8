import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveWebhook } from "~/jobs/webhooks.server";
import { authenticateWebhook } from "~/shopify/webhook-request.server";

// Subscription in shopify.app.toml; verify → validate + record once → hand off (shop drain / process-webhook job) → 200.
export async function action({ request }: ActionFunctionArgs) {
  const { shop, topic, webhookId, payload } = await authenticateWebhook(request);
  await receiveWebhook({ shop, topic, webhookId, payload });
  return new Response(null, { status: 200 });
}
