import { InvalidShopError } from "@shopify/shopify-api";
import { authenticate } from "~/shopify.server";

/**
 * Shopify's webhook authentication (HMAC of the raw body → 401; missing headers → 400) plus two cases the
 * library leaves as a 500, both the sender's fault → 400: a correctly signed body that is not JSON, and a
 * shop header that is not a shop domain.
 *
 * The library hands back `JSON.parse(rawBody)`, which silently rounds integers above 2^53. We re-read the
 * raw body from a clone (taken before the library consumes it) and parse it losslessly: integer literals
 * that are not safe integers become decimal strings, so `"id": 9007199254740993` arrives as
 * "9007199254740993" and every GID we build from it is exact.
 */
export async function authenticateWebhook(request: Request) {
  const copy = request.clone();
  try {
    const context = await authenticate.webhook(request);
    const payload = parseJsonLossless(await copy.text());
    return { ...context, payload };
  } catch (error) {
    if (error instanceof SyntaxError) throw new Response("Webhook body is not valid JSON", { status: 400 });
    if (error instanceof InvalidShopError) throw new Response("X-Shopify-Shop-Domain is not a shop domain", { status: 400 });
    throw error;
  }
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
