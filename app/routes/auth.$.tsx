import type { LoaderFunctionArgs } from "@remix-run/node";
import { authenticateAdmin } from "~/shopify/authenticate-admin.server";

// Shopify's auth paths (/auth/session-token bounce page, /auth/exit-iframe, /auth/callback); malformed
// shop / host / exitIframe parameters answer 400.
export async function loader({ request }: LoaderFunctionArgs) {
  await authenticateAdmin(request);
  return null;
}
