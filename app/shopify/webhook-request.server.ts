import { authenticate } from "~/shopify.server";

/**
 * Shopify's webhook authentication (HMAC of the raw body → 401; missing headers → 400) plus one case the
 * library leaves as a 500: a correctly signed body that is not JSON is the sender's fault → 400.
 */
export async function authenticateWebhook(request: Request) {
  try {
    return await authenticate.webhook(request);
  } catch (error) {
    if (error instanceof SyntaxError) throw new Response("Webhook body is not valid JSON", { status: 400 });
    throw error;
  }
}
