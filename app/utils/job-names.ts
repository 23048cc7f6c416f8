// Job names every layer may read without importing the queue or its handlers (a leaf: no imports).
// One pg-boss queue each; the JOB table at the end lists them all.

/** One shop's full plan run (nightly, after a backfill, after Settings or "Re-plan now"); one pending per shop. */
export const PLAN_JOB = "plan-shop";
/** One shop's incremental plan: re-plans the variants changed since its latest plan. */
export const PLAN_TOUCHED_JOB = "plan-touched";
/** One shop's quantities refresh: reads on hand, committed, incoming and reserved of the waiting inventory items. */
export const REFRESH_QUANTITIES_JOB = "refresh-quantities";
/** Hourly: starts the daily full quantities refresh of each shop that is due. */
export const QUANTITIES_SWEEP_JOB = "quantities-sweep";
/** One queued CSV import (Settings › Import): reads, validates and writes one stored file. */
export const IMPORT_JOB = "csv-import";
/** One shop's native Shopify purchase orders (optional scope): after the backfill and with the daily sweep. */
export const NATIVE_PURCHASE_ORDERS_JOB = "native-purchase-orders";
/** The shop's first full read of its store (bulk operations), after install or from Settings › Sync. */
export const BACKFILL_JOB = "backfill";
/** Per product, after products/create|update: reads its bundle components through the Admin API. */
export const BUNDLE_COMPONENTS_JOB = "read-bundle-components";

/** Every job name. */
export const JOB = {
  processWebhook: "process-webhook",
  /** PostgreSQL, per shop: applies the shop's "received" webhook events in arrival order (app/jobs/webhooks.server.ts). */
  drainWebhooks: "drain-webhooks",
  /** PostgreSQL, every minute: one drain per shop whose events wait "received" (a lost hand-off). */
  webhookSweep: "webhook-sweep",
  /** Per shop, debounced: stock alerts and sync health after webhooks changed stock or demand. */
  alertsAfterWebhook: "alerts-after-webhook",
  snapshotInventory: "snapshot-inventory",
  snapshotSweep: "snapshot-sweep",
  backfill: BACKFILL_JOB,
  bundleComponents: BUNDLE_COMPONENTS_JOB,
  plan: PLAN_JOB,
  /** Per shop, a minute after webhooks changed stock or demand: re-plans just the variants they touched. */
  planTouched: PLAN_TOUCHED_JOB,
  /** Hourly: one plan job per shop whose local night has come and that has no plan for today. */
  planSweep: "plan-sweep",
  /** Per shop: record pending deliveries of new alerts, then one send job each. */
  deliverNotifications: "deliver-notifications",
  /** One attempt at one delivery; the queue retries it with backoff. */
  sendNotification: "send-notification",
  /** Every minute: one deliver-notifications per shop with something to deliver. */
  notificationSweep: "notification-sweep",
  /** Every 15 minutes: claims each digest channel's daily digest once its local morning has come. */
  notificationDigest: "notification-digest",
  /** Hourly: clears raw webhook payloads past their retention period (app/services/sync/retention.server.ts). */
  webhookRetention: "webhook-retention",
  /** Per shop, 5 s after a stock webhook: on hand, committed, incoming, reserved of the touched items (app/jobs/quantities.server.ts). */
  refreshQuantities: REFRESH_QUANTITIES_JOB,
  /** Hourly: a full quantities refresh of each shop not refreshed in full for a day. */
  quantitiesSweep: QUANTITIES_SWEEP_JOB,
  /** Per shop with read_inventory_purchase_orders, after the backfill and with the daily sweep: its native POs. */
  nativePurchaseOrders: NATIVE_PURCHASE_ORDERS_JOB,
  /** One uploaded CSV file (Settings › Import): read, validated and written; then the shop is planned. */
  csvImport: IMPORT_JOB,
} as const;
