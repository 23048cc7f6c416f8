import { SessionNotFoundError } from "@shopify/shopify-app-remix/server";
import { z } from "zod";
import { BUNDLE_COMPONENTS_JOB } from "~/utils/job-names";
import { findShop } from "~/models/shop.server";
import { refreshProductBundles } from "~/services/sync/bundles.server";
import { unauthenticated } from "~/shopify.server";
import { createAdminClient, type AdminClientOptions, type AdminGraphql } from "~/shopify/admin-client.server";
import { env } from "~/utils/env.server";
import { logger } from "~/utils/logger.server";
import type { JobData, JobQueue } from "./queue.server";

export { BUNDLE_COMPONENTS_JOB };

/** After products/create|update: reads that product's bundle components (webhooks do not carry them). */

const data = z.object({ shop: z.string().min(1), productGid: z.string().regex(/^gid:\/\/shopify\/Product\/\d+$/) });

export interface BundleComponentsJobOptions {
  client?: AdminClientOptions;
  /** The shop's Admin API (default: its stored offline session through Shopify's library). */
  adminFor?: (shop: string) => Promise<AdminGraphql>;
}

/** One read per product at a time: a burst of updates of one product while one waits costs one read. */
export function enqueueBundleComponentsRead(queue: JobQueue, shop: string, productGid: string): Promise<string | null> {
  return queue.enqueue(BUNDLE_COMPONENTS_JOB, { shop, productGid }, { singletonKey: `bundle-components:${shop}:${productGid}` });
}

/**
 * Handler: the offline session's Admin client → refreshProductBundles. Skips uninstalled and demo shops
 * (the demo's kits are seeded with their components). Resolves to whether a bill of materials changed
 * (the caller then re-plans the touched variants).
 */
export async function handleBundleComponentsJob(job: JobData, options: BundleComponentsJobOptions = {}): Promise<"changed" | "unchanged" | "skipped"> {
  const { shop, productGid } = data.parse(job);
  const row = await findShop(shop);
  if (env.demoMode || (row && (!row.active || row.isDemo))) return "skipped";
  let admin: AdminGraphql;
  try {
    admin = options.adminFor ? await options.adminFor(shop) : (await unauthenticated.admin(shop)).admin;
  } catch (error) {
    // No offline session (never installed through OAuth, e.g. a test shop): nothing can be read; retrying won't help.
    if (error instanceof SessionNotFoundError) {
      logger.warn({ kind: "bundle-components", shop, productGid, outcome: "skipped", reason: "no offline session" });
      return "skipped";
    }
    throw error;
  }
  const result = await refreshProductBundles(shop, createAdminClient(admin, options.client), productGid, new Date());
  logger.info({ kind: "bundle-components", shop, productGid, ...result });
  return result.replaced > 0 ? "changed" : "unchanged";
}

const productPayload = z.object({ admin_graphql_api_id: z.string() }).passthrough();

/** After a webhook was applied: a product created or updated gets its components read. */
export async function readComponentsAfterWebhook(queue: JobQueue, shop: string, topic: string, outcome: string, payload: unknown): Promise<void> {
  if (outcome !== "processed" || (topic !== "products/create" && topic !== "products/update")) return;
  const parsed = productPayload.safeParse(payload);
  if (parsed.success) await enqueueBundleComponentsRead(queue, shop, parsed.data.admin_graphql_api_id);
}
