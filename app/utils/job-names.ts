// Job names every layer may read without importing the queue or its handlers (a leaf: no imports).

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
