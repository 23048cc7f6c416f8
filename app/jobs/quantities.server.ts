import { z } from "zod";
import { clearWaitingInventoryItems, hasOfflineSession, shopsDueForQuantitySweep } from "~/models/quantity-refresh.server";
import { findShop } from "~/models/shop.server";
import { refreshWaitingQuantities, sweepShopQuantities } from "~/services/sync/quantities.server";
import { unauthenticated } from "~/shopify.server";
import { createAdminClient, type AdminClientOptions, type AdminGraphql } from "~/shopify/admin-client.server";
import { QUANTITIES_SWEEP_JOB, REFRESH_QUANTITIES_JOB } from "~/utils/job-names";
import { logger } from "~/utils/logger.server";
import { enqueueTouchedPlan } from "./planning.server";
import type { JobQueue } from "./queue.server";

export { QUANTITIES_SWEEP_JOB, REFRESH_QUANTITIES_JOB };

/**
 * A stock webhook's items are read this long after the first touch: the touches of a burst accumulate in the
 * shop's work list (QuantityRefresh) while one job waits, so the burst costs one batched request.
 */
export const QUANTITIES_DEBOUNCE_MS = 5_000;
/** Each shop's quantities are read in full once per this period (the sweep). */
export const QUANTITIES_SWEEP_EVERY_MS = 24 * 3_600_000;

export interface QuantityJobOptions {
  now: () => Date;
  client?: AdminClientOptions;
  /** The shop's Admin API (default: its stored offline session through Shopify's library). */
  adminFor?: (shop: string) => Promise<AdminGraphql>;
}

const shopData = z.object({ shop: z.string().min(1) });

/** The shop's refresh, QUANTITIES_DEBOUNCE_MS from `now` (at once with `delayMs: 0`); dropped while one waits. */
export function enqueueQuantityRefresh(queue: JobQueue, shop: string, now: Date, delayMs = QUANTITIES_DEBOUNCE_MS): Promise<string | null> {
  return queue.enqueue(REFRESH_QUANTITIES_JOB, { shop }, { singletonKey: `refresh-quantities:${shop}`, runAt: new Date(now.getTime() + delayMs), maxAttempts: 5 });
}

/** The refresh job (one shop, debounced) and the sweep (all shops, hourly check of a daily refresh). */
export function registerQuantityJobs(queue: JobQueue, options: QuantityJobOptions) {
  queue.register(REFRESH_QUANTITIES_JOB, async (data) => {
    const { shop } = shopData.parse(data);
    const row = await findShop(shop);
    if ((row && (!row.active || row.isDemo)) || (!options.adminFor && !(await hasOfflineSession(shop)))) {
      // No Admin API to ask (uninstalled, no offline session, or the demo shop whose webhooks are replayed locally).
      await clearWaitingInventoryItems(shop);
      logger.info({ kind: "quantities-refresh", shop, outcome: "skipped", reason: row?.isDemo ? "demo shop" : "no Admin API access" });
      return;
    }
    const admin = options.adminFor ? await options.adminFor(shop) : (await unauthenticated.admin(shop)).admin;
    const summary = await refreshWaitingQuantities(shop, createAdminClient(admin, options.client), { now: options.now });
    logger.info({ kind: "quantities-refresh", shop, outcome: "done", items: summary.items, requests: summary.requests, levelsChanged: summary.levelsChanged, more: summary.more });
    // The changed levels are "touched since the plan": the incremental plan re-plans exactly their variants.
    if (summary.variantsChanged.length > 0) await enqueueTouchedPlan(queue, shop, options.now());
    if (summary.more) await enqueueQuantityRefresh(queue, shop, options.now(), 0);
  });
  queue.register(QUANTITIES_SWEEP_JOB, async () => {
    const now = options.now();
    for (const shop of await shopsDueForQuantitySweep(new Date(now.getTime() - QUANTITIES_SWEEP_EVERY_MS))) {
      const items = await sweepShopQuantities(shop, now);
      logger.info({ kind: "quantities-sweep", shop, outcome: "queued", items });
      await enqueueQuantityRefresh(queue, shop, now, 0);
    }
  });
}
