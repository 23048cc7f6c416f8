// `npm run demo:webhook -- <topic> [payload.json]`: sends one HMAC-signed webhook to the running demo,
// exactly as Shopify would (raw body, X-Shopify-* headers), signed with the published demo secret.
// Without a payload file it uses the sample in tests/fixtures/webhooks/<topic with "/" → "_">.json.
import crypto from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { ALL_TOPICS, routeForTopic, type WebhookTopic } from "../app/shopify/webhook-topics";

const [topic, file] = process.argv.slice(2);
const port = Number(process.env.PORT || 3000);
const secret = "demo-secret";
const shop = "stockcast-demo.myshopify.com";

if (!topic || !ALL_TOPICS.includes(topic as WebhookTopic)) {
  console.error(`usage: npm run demo:webhook -- <topic> [payload.json]\ntopics: ${ALL_TOPICS.join(", ")}`);
  process.exit(2);
}
const sample = `tests/fixtures/webhooks/${topic.replace(/\//g, "_")}.json`;
const payloadFile = file ?? sample;
if (!existsSync(payloadFile)) {
  console.error(`no payload: pass a JSON file (no sample at ${sample})`);
  process.exit(2);
}
const body = readFileSync(payloadFile, "utf8");
const webhookId = process.env.WEBHOOK_ID ?? crypto.randomUUID();
const hmac = crypto.createHmac("sha256", secret).update(body, "utf8").digest("base64");
const target = `http://localhost:${port}${routeForTopic(topic as WebhookTopic)}`;

const response = await fetch(target, {
  method: "POST",
  body,
  headers: {
    "Content-Type": "application/json",
    "X-Shopify-Hmac-Sha256": hmac,
    "X-Shopify-Topic": topic,
    "X-Shopify-Shop-Domain": shop,
    "X-Shopify-Webhook-Id": webhookId,
    "X-Shopify-API-Version": "2026-10",
    "X-Shopify-Triggered-At": new Date().toISOString(),
    "X-Shopify-Event-Id": crypto.randomUUID(),
  },
});
console.log(`${topic} → POST ${target} (webhook id ${webhookId}): ${response.status} ${response.statusText}`);
process.exit(response.ok ? 0 : 1);
