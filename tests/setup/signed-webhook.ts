// Builds a webhook request exactly as Shopify sends one: raw JSON body, HMAC-SHA256 of those bytes.
import crypto from "node:crypto";

export function signedWebhook(options: {
  url: string;
  topic: string;
  shop: string;
  body: unknown;
  secret: string;
  webhookId?: string;
  rawBody?: string;
  hmac?: string;
}): Request {
  const raw = options.rawBody ?? JSON.stringify(options.body);
  const hmac = options.hmac ?? crypto.createHmac("sha256", options.secret).update(raw, "utf8").digest("base64");
  return new Request(options.url, {
    method: "POST",
    body: raw,
    headers: {
      "Content-Type": "application/json",
      "X-Shopify-Hmac-Sha256": hmac,
      "X-Shopify-Topic": options.topic,
      "X-Shopify-Shop-Domain": options.shop,
      "X-Shopify-Webhook-Id": options.webhookId ?? crypto.randomUUID(),
      "X-Shopify-API-Version": "2026-10",
      "X-Shopify-Triggered-At": new Date().toISOString(),
      "X-Shopify-Event-Id": crypto.randomUUID(),
    },
  });
}
