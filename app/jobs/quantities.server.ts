import { z } from "zod";
import { clearWaitingInventoryItems, hasOfflineSession, shopsDueForQuantitySweep } from "~/models/quantity-refresh.server";
import { findShop } from "~/models/shop.server";
import { readsNativePurchaseOrders, syncNativePurchaseOrders } from "~/services/sync/native-purchase-orders.server";
import { refreshWaitingQuantities, sweepShopQuantities } from "~/services/sync/quantities.server";
import { unauthenticated } from "~/shopify.server";
import { AdminApiError, AdminRetriesExhaustedError, createAdminClient, type AdminClientOptions, type AdminGraphql } from "~/shopify/admin-client.server";
import { NATIVE_PURCHASE_ORDERS_JOB, QUANTITIES_SWEEP_JOB, REFRESH_QUANTITIES_JOB } from "~/utils/job-names";
import { logger } from "~/utils/logger.server";
import { enqueueTouchedPlan } from "./planning.server";
import type { JobQueue } from "./queue.server";

export { NATIVE_PURCHASE_ORDERS_JOB, QUANTITIES_SWEEP_JOB, REFRESH_QUANTITIES_JOB };

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

/**
 * Queues a read of the shop's native purchase orders, only when it granted read_inventory_purchase_orders
 * (docs/on-order.md); one waiting per shop. Resolves to the job id, or null when none was queued.
 */
export async function enqueueNativePurchaseOrderRead(queue: JobQueue, shop: string): Promise<string | null> {
  if (!(await readsNativePurchaseOrders(shop))) return null;
  return queue.enqueue(NATIVE_PURCHASE_ORDERS_JOB, { shop }, { singletonKey: `native-purchase-orders:${shop}`, maxAttempts: 5 });
}

/**
 * The refresh job (one shop, debounced), the sweep (all shops, hourly check of a daily refresh) and the read of
 * native purchase orders that rides along with each shop's sweep.
 */
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
      await enqueueNativePurchaseOrderRead(queue, shop);
    }
  });
  queue.register(NATIVE_PURCHASE_ORDERS_JOB, async (data) => {
    const { shop } = shopData.parse(data);
    const row = await findShop(shop);
    if ((row && (!row.active || row.isDemo)) || (!options.adminFor && !(await hasOfflineSession(shop)))) {
      logger.info({ kind: "native-purchase-orders", shop, outcome: "skipped", reason: row?.isDemo ? "demo shop" : "no Admin API access" });
      return;
    }
    const admin = options.adminFor ? await options.adminFor(shop) : (await unauthenticated.admin(shop)).admin;
    try {
      const summary = await syncNativePurchaseOrders(shop, createAdminClient(admin, options.client));
      logger.info({ kind: "native-purchase-orders", shop, ...summary });
    } catch (error) {
      // Refused outright (e.g. the field is not served to this shop yet): stored lines stay, the next sweep asks
      // again. Transient failures (retries exhausted) go back to the queue.
      if (!(error instanceof AdminApiError) || error instanceof AdminRetriesExhaustedError) throw error;
      logger.warn({ kind: "native-purchase-orders", shop, outcome: "refused", error: error.message });
    }
  });
}
