import "@shopify/shopify-app-remix/adapters/node";
import { RequestedTokenType, shopifyApi, type OnlineAccessUser } from "@shopify/shopify-api";
import { ApiVersion, AppDistribution, LogSeverity, shopifyApp } from "@shopify/shopify-app-remix/server";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import { CachedSessionStorage } from "./shopify/cached-session-storage.server";
import { EncryptedSessionStorage } from "./shopify/encrypted-session-storage.server";
import prisma from "./db.server";
import { findLatestBackfillRun } from "./models/backfill.server";
import { findShop, upsertInstalledShop } from "./models/shop.server";
import { appKeyring } from "./utils/encryption.server";
import { DEMO_WEBHOOK_SECRET, env } from "./utils/env.server";
import { logger } from "./utils/logger.server";
import { enqueueBackfill, getProcessQueue } from "./jobs/process-queue.server";

/**
 * After Shopify's token exchange (install, re-install, or a new offline token): records the shop as installed
 * and, when it has no completed backfill (new install, re-install, or a backfill that never finished),
 * enqueues the backfill job. The enqueue is not awaited: authentication never waits on the queue, and a lost
 * enqueue is recovered by the next sign-in or by Settings → Sync → "Run backfill again".
 */
export async function afterAuth({ session }: { session: { shop: string; scope?: string } }): Promise<{ backfill: Promise<unknown> | null }> {
  const before = await findShop(session.shop);
  await upsertInstalledShop(session.shop, session.scope === undefined ? {} : { scopes: session.scope });
  const latest = await findLatestBackfillRun(session.shop);
  if (before?.active && latest?.status === "completed") return { backfill: null };
  // Through the queue's leaf module: the job handlers import this one (the backfill uses `unauthenticated`).
  const backfill = Promise.resolve()
    .then(() => enqueueBackfill(getProcessQueue(), session.shop))
    .catch((error) => logger.error({ kind: "after-auth", shop: session.shop, outcome: "enqueue-failed", error: String(error) }));
  return { backfill };
}

/** Pinned Admin API version; keep equal to [webhooks].api_version in shopify.app.toml. */
export const API_VERSION = ApiVersion.October26;

// In demo mode there is no Shopify: the keys are the published demo ones so that locally replayed,
// signed webhooks verify (npm run demo:webhook), and admin auth is bypassed in app/auth.server.ts.
const credentials = {
  apiKey: env.demoMode ? "demo-api-key" : env.SHOPIFY_API_KEY,
  apiSecretKey: env.demoMode ? DEMO_WEBHOOK_SECRET : (env.SHOPIFY_API_SECRET ?? ""),
  apiVersion: API_VERSION,
  scopes: env.SCOPES.split(","),
};
const appUrl = env.SHOPIFY_APP_URL ?? `http://localhost:${env.PORT}`;

const shopify = shopifyApp({
  ...credentials,
  appUrl,
  authPathPrefix: "/auth",
  // Tokens are sealed at rest (docs/security.md). Production caches loaded sessions for 5 s (webhook
  // bursts); tests see every write at once.
  sessionStorage:
    env.NODE_ENV === "production"
      ? new CachedSessionStorage(new EncryptedSessionStorage(new PrismaSessionStorage(prisma), appKeyring))
      : new EncryptedSessionStorage(new PrismaSessionStorage(prisma), appKeyring),
  distribution: AppDistribution.AppStore,
  logger: { level: env.NODE_ENV === "test" ? LogSeverity.Error : LogSeverity.Info },
  hooks: {
    afterAuth: async ({ session }) => {
      await afterAuth({ session });
    },
  },
  future: { unstable_newEmbeddedAuthStrategy: true, expiringOfflineAccessTokens: true },
});

export default shopify;
export const authenticate = shopify.authenticate;
export const unauthenticated = shopify.unauthenticated;
export const login = shopify.login;
export const addDocumentResponseHeaders = shopify.addDocumentResponseHeaders;
export const sessionStorage = shopify.sessionStorage;
/** The key Shopify signs webhooks with (app/shopify/webhook-request.server.ts verifies them). */
export const webhookSecret = credentials.apiSecretKey;

// Shopify's API library under shopifyApp, for the one call the app wrapper does not expose: exchanging a
// staff member's session token for an ONLINE token, only to learn who they are. The app itself stays on
// offline tokens (docs/security.md, "Staff roles and the shop owner").
const api = shopifyApi({
  ...credentials,
  hostName: new URL(appUrl).host,
  hostScheme: new URL(appUrl).protocol === "http:" ? "http" : "https",
  isEmbeddedApp: true,
  logger: { level: env.NODE_ENV === "test" ? LogSeverity.Error : LogSeverity.Info },
  _logDisabledFutureFlags: false,
});

/**
 * Who the staff member behind `sessionToken` is, as Shopify's token exchange for an online access token
 * reports it (`associated_user`: id, names, email, `account_owner`, `collaborator`). The online token is
 * discarded. Throws what Shopify's library throws: an invalid session token, or Shopify refusing or failing.
 */
export async function associatedUser(shop: string, sessionToken: string): Promise<OnlineAccessUser | null> {
  const { session } = await api.auth.tokenExchange({ shop, sessionToken, requestedTokenType: RequestedTokenType.OnlineAccessToken });
  return session.onlineAccessInfo?.associated_user ?? null;
}
