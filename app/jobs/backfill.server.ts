import { z } from "zod";
import { findShop } from "~/models/shop.server";
import { runBackfill, type BackfillOptions } from "~/services/backfill.server";
import { unauthenticated } from "~/shopify.server";
import { createAdminClient, type AdminClientOptions, type AdminGraphql } from "~/shopify/admin-client.server";
import { logger } from "~/utils/logger.server";
import type { JobData, JobQueue } from "./queue.server";

/** The install backfill of one shop (app/services/backfill.server.ts), resumable, one pending per shop. */
export const BACKFILL_JOB = "backfill";

export const backfillSingletonKey = (shop: string) => `backfill:${shop}`;

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

/** Enqueues the shop's backfill; resolves to the job id, or null when one is already pending. */
export function enqueueBackfill(queue: JobQueue, shop: string): Promise<string | null> {
  return queue.enqueue(BACKFILL_JOB, { shop }, { singletonKey: backfillSingletonKey(shop) });
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
