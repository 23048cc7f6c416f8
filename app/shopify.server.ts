import "@shopify/shopify-app-remix/adapters/node";
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
  // Imported lazily: the job registry imports this module (the backfill job uses `unauthenticated`).
  const backfill = Promise.all([import("./jobs/index.server"), import("./jobs/backfill.server")])
    .then(([{ getJobQueue }, { enqueueBackfill }]) => enqueueBackfill(getJobQueue(), session.shop))
    .catch((error) => logger.error({ kind: "after-auth", shop: session.shop, outcome: "enqueue-failed", error: String(error) }));
  return { backfill };
}

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
