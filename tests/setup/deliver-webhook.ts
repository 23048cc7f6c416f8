// Delivers a webhook the way Shopify does, to the app's real route for the topic, then runs the jobs it queued.
import crypto from "node:crypto";
import { expect } from "vitest";
import { getJobQueue } from "~/jobs/index.server";
import { routeForTopic, type WebhookTopic } from "~/shopify/webhook-topics";
import { signedWebhook } from "./signed-webhook";

/** The API secret the integration environment signs webhooks with. */
export const WEBHOOK_SECRET = "test-api-secret";

/** Posts a signed `topic` webhook for `shop`, expects the route to answer 200, and runs every job now due. */
export async function deliverWebhook(topic: WebhookTopic, shop: string, body: unknown, webhookId: string = crypto.randomUUID()) {
  const route = routeForTopic(topic);
  const mod = await import(`~/routes/webhooks.${route.replace("/webhooks/", "").replace(/\//g, ".")}.tsx`);
  const request = signedWebhook({ url: `https://stockcast.example${route}`, topic, shop, body, secret: WEBHOOK_SECRET, webhookId });
  const response = (await mod.action({ request, params: {}, context: {} })) as Response;
  expect(response.status).toBe(200);
  await getJobQueue().runDue({ includeDelayed: true });
}
