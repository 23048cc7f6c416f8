import "@shopify/shopify-app-remix/adapters/node";
import { ApiVersion, AppDistribution, LogSeverity, shopifyApp } from "@shopify/shopify-app-remix/server";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import prisma from "./db.server";
import { DEMO_WEBHOOK_SECRET, env } from "./utils/env.server";

/** Pinned Admin API version; keep equal to [webhooks].api_version in shopify.app.toml. */
export const API_VERSION = ApiVersion.October26;

// In demo mode there is no Shopify: the keys are the published demo ones so that locally replayed,
// signed webhooks verify (npm run demo:webhook), and admin auth is bypassed in app/auth.server.ts.
const shopify = shopifyApp({
  apiKey: env.demoMode ? "demo-api-key" : env.SHOPIFY_API_KEY,
  apiSecretKey: env.demoMode ? DEMO_WEBHOOK_SECRET : (env.SHOPIFY_API_SECRET ?? ""),
  apiVersion: API_VERSION,
  scopes: env.SCOPES.split(","),
  appUrl: env.SHOPIFY_APP_URL ?? `http://localhost:${env.PORT}`,
  authPathPrefix: "/auth",
  sessionStorage: new PrismaSessionStorage(prisma),
  distribution: AppDistribution.AppStore,
  logger: { level: env.NODE_ENV === "test" ? LogSeverity.Error : LogSeverity.Info },
  future: { unstable_newEmbeddedAuthStrategy: true, expiringOfflineAccessTokens: true },
});

export default shopify;
export const authenticate = shopify.authenticate;
export const unauthenticated = shopify.unauthenticated;
export const login = shopify.login;
export const addDocumentResponseHeaders = shopify.addDocumentResponseHeaders;
export const sessionStorage = shopify.sessionStorage;
