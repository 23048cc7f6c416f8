import type { z } from "zod";
import * as payload from "./webhook-payloads";

/**
 * Every webhook topic Stockcast subscribes to: the one table the route list, the topic lists and the dispatch
 * derive from (docs/architecture.md, "Adding a webhook topic").
 * - `route`: the URI in shopify.app.toml that receives it (a test checks the toml and the route files);
 * - `kind`: `sync` is recorded and applied by the shop's drain (app/services/sync/apply-topic.server.ts);
 *   `lifecycle` and `compliance` are applied at ingestion (app/services/webhooks.server.ts); `bulk` settles the
 *   backfill;
 * - `schema`: the zod schema of the payload (REST-shaped JSON at the toml's api_version);
 * - `touchesStock`: applying it can move stock, demand or plan lines, so alerts and the plan follow it.
 */
export const WEBHOOK_TOPICS = {
  "orders/create": { route: "/webhooks/orders", kind: "sync", schema: payload.order, touchesStock: true },
  "orders/updated": { route: "/webhooks/orders", kind: "sync", schema: payload.order, touchesStock: true },
  "orders/cancelled": { route: "/webhooks/orders", kind: "sync", schema: payload.order, touchesStock: true },
  "refunds/create": { route: "/webhooks/refunds", kind: "sync", schema: payload.refund, touchesStock: true },
  "products/create": { route: "/webhooks/products", kind: "sync", schema: payload.product, touchesStock: true },
  "products/update": { route: "/webhooks/products", kind: "sync", schema: payload.product, touchesStock: true },
  "products/delete": { route: "/webhooks/products", kind: "sync", schema: payload.deleted, touchesStock: true },
  "inventory_levels/update": { route: "/webhooks/inventory_levels", kind: "sync", schema: payload.inventoryLevel, touchesStock: true },
  "inventory_levels/connect": { route: "/webhooks/inventory_levels", kind: "sync", schema: payload.inventoryLevel, touchesStock: true },
  "inventory_levels/disconnect": { route: "/webhooks/inventory_levels", kind: "sync", schema: payload.inventoryLevel, touchesStock: true },
  "inventory_items/create": { route: "/webhooks/inventory_items", kind: "sync", schema: payload.inventoryItem, touchesStock: true },
  "inventory_items/update": { route: "/webhooks/inventory_items", kind: "sync", schema: payload.inventoryItem, touchesStock: true },
  "inventory_items/delete": { route: "/webhooks/inventory_items", kind: "sync", schema: payload.deleted, touchesStock: true },
  "locations/create": { route: "/webhooks/locations", kind: "sync", schema: payload.location, touchesStock: false },
  "locations/update": { route: "/webhooks/locations", kind: "sync", schema: payload.location, touchesStock: false },
  "locations/delete": { route: "/webhooks/locations", kind: "sync", schema: payload.deleted, touchesStock: false },
  "app/uninstalled": { route: "/webhooks/app/uninstalled", kind: "lifecycle", schema: payload.shopPayload, touchesStock: false },
  "app/scopes_update": { route: "/webhooks/app/scopes_update", kind: "lifecycle", schema: payload.scopesUpdate, touchesStock: false },
  "bulk_operations/finish": { route: "/webhooks/bulk_operations/finish", kind: "bulk", schema: payload.bulkOperationFinish, touchesStock: false },
  // Mandatory privacy topics: declared as compliance_topics, all on one route.
  "customers/data_request": { route: "/webhooks/compliance", kind: "compliance", schema: payload.customersDataRequest, touchesStock: false },
  "customers/redact": { route: "/webhooks/compliance", kind: "compliance", schema: payload.customersRedact, touchesStock: false },
  "shop/redact": { route: "/webhooks/compliance", kind: "compliance", schema: payload.shopRedact, touchesStock: false },
} as const satisfies Record<string, { route: string; kind: "sync" | "lifecycle" | "compliance" | "bulk"; schema: z.ZodTypeAny; touchesStock: boolean }>;

type Table = typeof WEBHOOK_TOPICS;
export type WebhookTopic = keyof Table;
type TopicOfKind<K extends string> = { [T in WebhookTopic]: Table[T]["kind"] extends K ? T : never }[WebhookTopic];
/** Topics the shop's drain applies. */
export type SyncTopic = TopicOfKind<"sync">;
/** Topics applied as they arrive: the installation itself and the privacy requests. */
export type IngestionTopic = TopicOfKind<"lifecycle" | "compliance">;
export type WebhookPayload<T extends WebhookTopic> = z.infer<Table[T]["schema"]>;

export const ALL_TOPICS = Object.keys(WEBHOOK_TOPICS) as WebhookTopic[];
export const SYNC_TOPICS = ALL_TOPICS.filter((t): t is SyncTopic => WEBHOOK_TOPICS[t].kind === "sync");

export const COMPLIANCE_ROUTE = "/webhooks/compliance";
export const COMPLIANCE_TOPICS = ALL_TOPICS.filter((t) => WEBHOOK_TOPICS[t].kind === "compliance");

/** Route → its topics, in table order, for the subscriptions (the compliance route apart). */
export const WEBHOOK_ROUTES: Readonly<Record<string, readonly WebhookTopic[]>> = ALL_TOPICS.reduce<Record<string, WebhookTopic[]>>((routes, topic) => {
  const { route } = WEBHOOK_TOPICS[topic];
  if (route !== COMPLIANCE_ROUTE) (routes[route] ??= []).push(topic);
  return routes;
}, {});

export function isSyncTopic(topic: string): topic is SyncTopic {
  return isWebhookTopic(topic) && WEBHOOK_TOPICS[topic].kind === "sync";
}

export function isWebhookTopic(topic: string): topic is WebhookTopic {
  return Object.prototype.hasOwnProperty.call(WEBHOOK_TOPICS, topic);
}

/** Whether applying `topic` can move stock, demand or plan lines (alerts and the plan follow it). */
export function touchesStock(topic: string): boolean {
  return isWebhookTopic(topic) && WEBHOOK_TOPICS[topic].touchesStock;
}

/**
 * The topic an `X-Shopify-Topic` header names ("orders/create"; the library's "ORDERS_CREATE" form is accepted
 * too), or null for one we don't subscribe to.
 */
export function topicOf(header: string): WebhookTopic | null {
  if (isWebhookTopic(header)) return header;
  return ALL_TOPICS.find((t) => t.toUpperCase().replace(/\//g, "_") === header) ?? null;
}

/** The route that receives `topic`. */
export function routeForTopic(topic: WebhookTopic): string {
  return WEBHOOK_TOPICS[topic].route;
}

/** Parses a payload for its topic; on failure, a short message naming the first bad fields. */
export function parseWebhookPayload<T extends WebhookTopic>(topic: T, body: unknown): { ok: true; data: WebhookPayload<T> } | { ok: false; error: string } {
  const result = (WEBHOOK_TOPICS[topic].schema as z.ZodTypeAny).safeParse(body);
  if (result.success) return { ok: true, data: result.data as WebhookPayload<T> };
  const problems = result.error.issues.slice(0, 5).map((i) => `${i.path.join(".") || "(payload)"}: ${i.message}`);
  return { ok: false, error: `${topic} payload rejected — ${problems.join("; ")}` };
}
