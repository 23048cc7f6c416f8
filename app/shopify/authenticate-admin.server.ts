import { InvalidHostError, InvalidShopError, ShopifyError } from "@shopify/shopify-api";
import { authenticate } from "~/shopify.server";
import { adminParamsProblem } from "./admin-params";

/**
 * `authenticate.admin`, except that malformed `shop` / `host` / `exitIframe` parameters answer 400 instead
 * of the 500 Shopify's library gives them (it throws on them). Everything else it throws passes through:
 * its redirects and 401s, and real failures (session storage, Shopify unreachable) stay errors.
 */
export async function authenticateAdmin(request: Request) {
  const problem = adminParamsProblem(new URL(request.url));
  if (problem) throw new Response(`Bad request: ${problem}`, { status: 400 });
  try {
    return await authenticate.admin(request);
  } catch (error) {
    const rejected =
      error instanceof InvalidShopError ||
      error instanceof InvalidHostError ||
      (error instanceof ShopifyError && error.message.startsWith("Invalid exit-iframe destination"));
    if (rejected) throw new Response(`Bad request: ${error.message}`, { status: 400 });
    throw error;
  }
}
