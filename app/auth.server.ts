import { authenticateAdmin } from "./shopify/authenticate-admin.server";
import { identifyStaff, sessionTokenOf, type StaffIdentityResult } from "./shopify/staff-identity.server";
import { DEMO_SHOP, env } from "./utils/env.server";
import { setRequestShop } from "./utils/logger.server";

/** What an admin screen needs to know about who is asking. */
export interface AdminContext {
  shop: string;
  mode: "shopify" | "demo";
  /** Shopify staff user id (from the session token's `sub`), or the demo persona. */
  staffId: string;
  /** Admin GraphQL client; null in demo mode, where Shopify calls are applied locally. */
  admin: { graphql: (query: string, options?: { variables?: Record<string, unknown> }) => Promise<Response> } | null;
  /**
   * Asks Shopify who the staff member is (account owner? name, email) by exchanging this request's session
   * token for an online token: one call to Shopify each time, so only where it matters. Absent in demo mode.
   */
  identify?: () => Promise<StaffIdentityResult>;
}

/**
 * Authenticates an admin request: Shopify's session-token auth, or — only when the app was started with
 * STOCKCAST_DEMO=1 (refused in production outside `npm run demo`, see utils/env.server.ts) — the demo shop.
 * Throws the Responses Shopify's library throws (redirects to auth, 401 with retry header), and 400 for
 * malformed shop / host parameters.
 */
export async function requireAdmin(request: Request): Promise<AdminContext> {
  if (env.demoMode) {
    setRequestShop(DEMO_SHOP);
    return { shop: DEMO_SHOP, mode: "demo", staffId: "demo-owner", admin: null };
  }
  const { session, sessionToken, admin } = await authenticateAdmin(request);
  setRequestShop(session.shop);
  const token = sessionTokenOf(request);
  return { shop: session.shop, mode: "shopify", staffId: String(sessionToken?.sub ?? "unknown"), admin, identify: () => identifyStaff(session.shop, token) };
}
