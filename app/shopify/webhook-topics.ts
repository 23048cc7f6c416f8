/**
 * Every webhook topic Stockcast subscribes to, and the route (URI in shopify.app.toml) that receives it.
 * A test checks this table against shopify.app.toml and the route files, so the three never disagree.
 */
export const WEBHOOK_ROUTES = {
  "/webhooks/orders": ["orders/create", "orders/updated", "orders/cancelled"],
  "/webhooks/refunds": ["refunds/create"],
  "/webhooks/products": ["products/create", "products/update", "products/delete"],
  "/webhooks/inventory_levels": ["inventory_levels/update", "inventory_levels/connect", "inventory_levels/disconnect"],
  "/webhooks/inventory_items": ["inventory_items/create", "inventory_items/update", "inventory_items/delete"],
  "/webhooks/locations": ["locations/create", "locations/update", "locations/delete"],
  "/webhooks/app/uninstalled": ["app/uninstalled"],
  "/webhooks/app/scopes_update": ["app/scopes_update"],
  "/webhooks/bulk_operations/finish": ["bulk_operations/finish"],
} as const;

/** Mandatory privacy topics: declared as compliance_topics, all on one route. */
export const COMPLIANCE_ROUTE = "/webhooks/compliance";
export const COMPLIANCE_TOPICS = ["customers/data_request", "customers/redact", "shop/redact"] as const;

export type WebhookTopic =
  | (typeof WEBHOOK_ROUTES)[keyof typeof WEBHOOK_ROUTES][number]
  | (typeof COMPLIANCE_TOPICS)[number];

/** "orders/create" → "ORDERS_CREATE", the form `authenticate.webhook` reports. */
export function topicConstant(topic: WebhookTopic): string {
  return topic.toUpperCase().replace(/\//g, "_");
}

/** The reverse of topicConstant, or null for a topic we don't subscribe to. */
export function topicFromConstant(constant: string): WebhookTopic | null {
  return ALL_TOPICS.find((t) => topicConstant(t) === constant) ?? null;
}

export const ALL_TOPICS: readonly WebhookTopic[] = [...Object.values(WEBHOOK_ROUTES).flat(), ...COMPLIANCE_TOPICS];

/** The route that receives `topic`. */
export function routeForTopic(topic: WebhookTopic): string {
  if ((COMPLIANCE_TOPICS as readonly string[]).includes(topic)) return COMPLIANCE_ROUTE;
  const entry = Object.entries(WEBHOOK_ROUTES).find(([, topics]) => (topics as readonly string[]).includes(topic));
  if (!entry) throw new Error(`unknown webhook topic ${topic}`);
  return entry[0];
}
