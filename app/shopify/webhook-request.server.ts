import crypto from "node:crypto";
import { webhookSecret } from "~/shopify.server";

// Shop domains as Shopify's library accepts them (sanitizeShop; app/shopify/admin-params.ts has the admin form).
const SHOP_DOMAIN = /^[a-zA-Z0-9][a-zA-Z0-9-_]*\.(myshopify\.com|shopify\.com|myshopify\.io|shop\.dev)$/;
const REQUIRED = ["x-shopify-hmac-sha256", "x-shopify-topic", "x-shopify-shop-domain", "x-shopify-webhook-id", "x-shopify-api-version"] as const;

export interface VerifiedWebhook {
  shop: string;
  /** As the X-Shopify-Topic header names it, e.g. "orders/create". */
  topic: string;
  webhookId: string;
  payload: unknown;
}

/**
 * Verifies a webhook delivery as Shopify documents it (shopify-platform.md, webhooks): the base64 HMAC-SHA256
 * of the raw body under the app's secret, compared in constant time, and the X-Shopify-* headers. The answers
 * match Shopify's library: not POST → 405, a missing header or empty body → 400, a wrong HMAC → 401; and two
 * the library leaves as a 500, both the sender's fault → 400: a signed body that is not JSON, and a shop
 * header that is not a shop domain.
 *
 * Why not `authenticate.webhook`: it loads the shop's offline session (unused here), runs the HMAC through
 * Web Crypto and canonicalises every header on each lookup, and parses the body a second time; together about
 * a third of the acknowledgement's CPU in a burst (docs/benchmarks.md, "Webhook ingestion").
 *
 * The body is read once and parsed once, losslessly: integer literals beyond 2^53 arrive as their exact
 * decimal string, so `"id": 9007199254740993` stays exact (parseJsonLossless).
 */
export async function authenticateWebhook(request: Request): Promise<VerifiedWebhook> {
  if (request.method !== "POST") throw new Response(undefined, { status: 405, statusText: "Method not allowed" });
  const headers = REQUIRED.map((name) => request.headers.get(name));
  const missing = REQUIRED.filter((_, i) => !headers[i]);
  if (missing.length > 0) throw new Response(`Missing webhook headers: ${missing.join(", ")}`, { status: 400 });
  const [hmac, topic, shop, webhookId] = headers as string[];
  const rawBody = await request.text();
  if (rawBody.length === 0) throw new Response("Webhook body is empty", { status: 400 });
  if (!hmacMatches(rawBody, hmac)) throw new Response(undefined, { status: 401, statusText: "Unauthorized" });
  if (!SHOP_DOMAIN.test(shop)) throw new Response("X-Shopify-Shop-Domain is not a shop domain", { status: 400 });
  try {
    return { shop, topic, webhookId, payload: parseJsonLossless(rawBody) };
  } catch {
    throw new Response("Webhook body is not valid JSON", { status: 400 });
  }
}

function hmacMatches(rawBody: string, header: string): boolean {
  const expected = crypto.createHmac("sha256", webhookSecret).update(rawBody, "utf8").digest();
  const given = Buffer.from(header, "base64");
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

/**
 * JSON.parse, except that integer literals beyond Number.MAX_SAFE_INTEGER are kept as their exact decimal
 * string. A single left-to-right scan quotes such literals (outside strings) before parsing.
 */
export function parseJsonLossless(raw: string): unknown {
  let out = "";
  let last = 0;
  let inString = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') {
      inString = true;
      continue;
    }
    if (c === "-" || (c >= "0" && c <= "9")) {
      let j = i + 1;
      while (j < raw.length && /[0-9.eE+-]/.test(raw[j])) j++;
      const literal = raw.slice(i, j);
      if (/^-?\d+$/.test(literal) && !Number.isSafeInteger(Number(literal))) {
        out += raw.slice(last, i) + `"${literal}"`;
        last = j;
      }
      i = j - 1;
    }
  }
  return JSON.parse(out + raw.slice(last));
}
