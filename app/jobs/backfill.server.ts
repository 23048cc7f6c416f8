import { z } from "zod";
import { BACKFILL_JOB } from "~/utils/job-names";
import { findShop } from "~/models/shop.server";
import { runBackfill, type BackfillOptions } from "~/services/backfill.server";
import { unauthenticated } from "~/shopify.server";
import { createAdminClient, type AdminClientOptions, type AdminGraphql } from "~/shopify/admin-client.server";
import { logger } from "~/utils/logger.server";
import { backfillSingletonKey, enqueueBackfill } from "./process-queue.server";
import type { JobData } from "./queue.server";

export { BACKFILL_JOB, backfillSingletonKey, enqueueBackfill };

/** The install backfill of one shop (app/services/backfill.server.ts), resumable, one pending per shop. */


const backfillData = z.object({ shop: z.string().min(1) });

/**
 * Polls of a running bulk operation per attempt (intervals 1 s doubling to 10 s: about ten minutes, inside
 * the 15 min a job may run). A longer operation fails the attempt; the run keeps its operation id, so the
 * retry — or the bulk_operations/finish webhook, which re-enqueues this job — picks it up where it was.
 */
export const BACKFILL_MAX_POLLS = 60;

export interface BackfillJobOptions {
  backfill?: BackfillOptions;
  client?: AdminClientOptions;
  /** The shop's Admin API (default: its stored offline session through Shopify's library). */
  adminFor?: (shop: string) => Promise<AdminGraphql>;
}

/**
 * Handler: the offline session's Admin client → runBackfill (creates a run, or resumes the unfinished one).
 * Skips uninstalled and demo shops. A failure leaves the run resumable and is re-thrown for the queue's retry.
 * Resolves to "completed" once the whole store is stored.
 */
export async function handleBackfillJob(data: JobData, options: BackfillJobOptions = {}): Promise<"completed" | "skipped"> {
  const { shop } = backfillData.parse(data);
  const row = await findShop(shop);
  if (row && (!row.active || row.isDemo)) {
    logger.info({ kind: "backfill", shop, outcome: "skipped", reason: row.isDemo ? "demo shop" : "uninstalled" });
    return "skipped";
  }
  const admin = options.adminFor ? await options.adminFor(shop) : (await unauthenticated.admin(shop)).admin;
  const client = createAdminClient(admin, options.client);
  const summary = await runBackfill(shop, client, { maxPolls: BACKFILL_MAX_POLLS, ...options.backfill });
  logger.info({ kind: "backfill", shop, outcome: "completed", runId: summary.runId, resumed: summary.resumed, stages: summary.stages });
  return "completed";
}
