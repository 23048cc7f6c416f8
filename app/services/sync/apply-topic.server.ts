import type { DemandKeyRow } from "~/models/orders.server";
import type { Db } from "~/models/transaction.server";
import type { SyncTopic, WebhookPayload } from "~/shopify/webhook-topics";
import {
  applyInventoryItemPayload,
  applyLocationPayload,
  applyProductPayload,
  deleteInventoryItemPayload,
  deleteLocationPayload,
  deleteProductPayload,
} from "./catalog.server";
import { applyInventoryLevelPayload, disconnectInventoryLevelPayload } from "./inventory.server";
import { applyOrder, applyRefund, type OrderLookups } from "./orders.server";

export interface ApplyContext {
  shop: string;
  timeZone: string;
  receivedAt: Date;
  tx: Db;
  /** A drain group collects the demand days to re-derive once for all its events. */
  deferDemand?: DemandKeyRow[];
  /** A group of orders reads its locations, variants, lines and refunds once. */
  lookups?: OrderLookups;
}

type Apply<T extends SyncTopic> = (ctx: ApplyContext, data: WebhookPayload<T>) => Promise<unknown>;

/** How the drain applies each sync topic of app/shopify/webhook-topics.ts; the type requires an entry for each. */
export const APPLY_TOPIC: { [T in SyncTopic]: Apply<T> } = {
  "orders/create": (c, data) => applyOrder(c.shop, "orders/create", data, c.timeZone, c.tx, c.deferDemand, c.lookups),
  "orders/updated": (c, data) => applyOrder(c.shop, "orders/updated", data, c.timeZone, c.tx, c.deferDemand, c.lookups),
  "orders/cancelled": (c, data) => applyOrder(c.shop, "orders/cancelled", data, c.timeZone, c.tx, c.deferDemand, c.lookups),
  "refunds/create": (c, data) => applyRefund(c.shop, data, c.tx, c.deferDemand),
  "products/create": (c, data) => applyProductPayload(c.shop, data, c.tx),
  "products/update": (c, data) => applyProductPayload(c.shop, data, c.tx),
  "products/delete": (c, data) => deleteProductPayload(c.shop, data, c.receivedAt, c.tx),
  "inventory_levels/update": (c, data) => applyInventoryLevelPayload(c.shop, data, c.timeZone, c.receivedAt, c.tx),
  "inventory_levels/connect": (c, data) => applyInventoryLevelPayload(c.shop, data, c.timeZone, c.receivedAt, c.tx),
  "inventory_levels/disconnect": (c, data) => disconnectInventoryLevelPayload(c.shop, data, c.receivedAt, c.tx),
  "inventory_items/create": (c, data) => applyInventoryItemPayload(c.shop, data, c.tx),
  "inventory_items/update": (c, data) => applyInventoryItemPayload(c.shop, data, c.tx),
  "inventory_items/delete": (c, data) => deleteInventoryItemPayload(c.shop, data, c.tx),
  "locations/create": (c, data) => applyLocationPayload(c.shop, data, c.tx),
  "locations/update": (c, data) => applyLocationPayload(c.shop, data, c.tx),
  "locations/delete": (c, data) => deleteLocationPayload(c.shop, data, c.receivedAt, c.tx),
};

/** Applies one parsed sync event inside the caller's transaction. */
export function applyTopic<T extends SyncTopic>(topic: T, data: WebhookPayload<T>, ctx: ApplyContext): Promise<unknown> {
  return (APPLY_TOPIC[topic] as Apply<T>)(ctx, data);
}
