// Calling a route's loader or action the way the embedded admin does, through Shopify's real session-token
// auth: an offline session stored for the shop, and a session token signed with the test app's secret.
import crypto from "node:crypto";
import type { Prisma } from "@prisma/client";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getJwt, setUpValidSession } from "@shopify/shopify-api/test-helpers";
import prisma from "~/db.server";
import { sessionStorage } from "~/shopify.server";

/** The app's URL in integration tests (SHOPIFY_APP_URL of the test environment). */
export const APP = "https://stockcast.example";

/** Stores a valid offline session (a day to expiry) for `shop` (a *.myshopify.com domain). */
export async function storeAdminSession(shop: string): Promise<void> {
  const session = setUpValidSession({ shop });
  session.expires = new Date(Date.now() + 24 * 3600_000);
  await sessionStorage.storeSession(session);
}

/** Request headers carrying a session token for `shop` (domain or store name) as staff member `staffId`. */
export async function sessionTokenHeaders(shop: string, staffId: string, extra: Record<string, string> = {}): Promise<Record<string, string>> {
  const { token } = await getJwt(shop.replace(/\.myshopify\.com$/, ""), "test-api-key", "test-api-secret", { sub: staffId });
  return { Authorization: `Bearer ${token}`, ...extra };
}

/** Runs a loader or action and returns its Response, whether it was returned or thrown. */
export async function callRoute(fn: () => Promise<unknown>): Promise<Response> {
  try {
    return (await fn()) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

type RouteHandler = (args: LoaderFunctionArgs) => Promise<unknown>;

/** GETs `path` through a route's `loader` as staff member `staffId` of `shop`; its Response, returned or thrown. */
export async function getAsStaff(loader: RouteHandler, path: string, shop: string, staffId: string, params: Record<string, string> = {}): Promise<Response> {
  const request = new Request(`${APP}${path}`, { headers: await sessionTokenHeaders(shop, staffId) });
  return callRoute(() => loader({ request, params, context: {} }));
}

/** POSTs form `fields` to `path` through a route's `action` as staff member `staffId` of `shop`. */
export async function postAsStaff(
  action: RouteHandler,
  path: string,
  shop: string,
  staffId: string,
  fields: Record<string, string> | [string, string][],
  params: Record<string, string> = {},
): Promise<Response> {
  const request = new Request(`${APP}${path}`, { method: "POST", headers: await sessionTokenHeaders(shop, staffId), body: new URLSearchParams(fields) });
  return callRoute(() => action({ request, params, context: {} }));
}

/**
 * A Shop row (`data`) on a new domain `<store>.myshopify.com`, store = `<prefix>-<random>`, with a stored
 * offline session. `store` is the name admin URLs use.
 */
export async function createShopWithSession(prefix: string, data: Omit<Prisma.ShopUncheckedCreateInput, "shop">) {
  const store = `${prefix}-${crypto.randomUUID().slice(0, 8)}`;
  const shop = `${store}.myshopify.com`;
  await storeAdminSession(shop);
  await prisma.shop.create({ data: { ...data, shop } });
  return { store, shop };
}

/**
 * A new shop `<label>-<random>.myshopify.com` (Shop row named `label`, plus `data`) with a stored offline
 * session, and request headers with a session token of staff member `staffId`.
 */
export async function createSignedInShop(label: string, data: Omit<Prisma.ShopUncheckedCreateInput, "shop" | "name"> = {}, staffId = "42") {
  const { shop } = await createShopWithSession(label, { name: label, ...data });
  return { shop, headers: await sessionTokenHeaders(shop, staffId) };
}
