// Stockcast stores no customer data (docs/privacy.md). A webhook's raw payload is kept only so the worker
// can apply it and Settings → Sync can re-parse a failed one, so what is stored is an allow-list: per
// topic, exactly the fields that processing reads (webhook-payloads.ts and the sync services). Anything
// else — customer, addresses, notes, line-item properties, destination_location, order_status_url, token,
// customer_id, fields Shopify adds tomorrow — never reaches the database.
import type { WebhookTopic } from "~/shopify/webhook-topics";

/**
 * A field list: `true` keeps a scalar (string, number, boolean, null); an object keeps those keys of an
 * object; a one-element array keeps each element of an array by that shape. A value of another kind than
 * its shape says is dropped, so the walk is as deep as the shape, never as deep as the payload.
 */
export type FieldShape = true | { readonly [key: string]: FieldShape } | readonly [FieldShape];

const ids = { id: true, admin_graphql_api_id: true } as const;
const refundLineItems = [{ line_item_id: true, quantity: true, restock_type: true, location_id: true, line_item: { admin_graphql_api_id: true } }] as const;

const order: FieldShape = {
  ...ids,
  name: true,
  created_at: true,
  updated_at: true,
  processed_at: true,
  cancelled_at: true,
  test: true,
  location_id: true,
  line_items: [{ ...ids, variant_id: true, quantity: true, current_quantity: true, price: true, sku: true }],
  refunds: [{ ...ids, created_at: true, refund_line_items: refundLineItems }],
};
const product: FieldShape = {
  ...ids,
  title: true,
  vendor: true,
  product_type: true,
  status: true,
  created_at: true,
  updated_at: true,
  variants: [{ ...ids, title: true, sku: true, barcode: true, price: true, inventory_item_id: true, inventory_policy: true, created_at: true, updated_at: true }],
};
const deleted: FieldShape = { id: true };
const inventoryLevel: FieldShape = { inventory_item_id: true, location_id: true, available: true, updated_at: true };
const inventoryItem: FieldShape = { ...ids, sku: true, cost: true, tracked: true, created_at: true, updated_at: true };
const location: FieldShape = { ...ids, name: true, active: true, created_at: true, updated_at: true };

/** What is stored of each topic's payload (kept whole for processing; the privacy topics only if they fail). */
export const STORED_FIELDS: Record<WebhookTopic, FieldShape> = {
  "orders/create": order,
  "orders/updated": order,
  "orders/cancelled": order,
  "refunds/create": { ...ids, order_id: true, created_at: true, refund_line_items: refundLineItems },
  "products/create": product,
  "products/update": product,
  "products/delete": deleted,
  "inventory_levels/update": inventoryLevel,
  "inventory_levels/connect": inventoryLevel,
  "inventory_levels/disconnect": inventoryLevel,
  "inventory_items/create": inventoryItem,
  "inventory_items/update": inventoryItem,
  "inventory_items/delete": deleted,
  "locations/create": location,
  "locations/update": location,
  "locations/delete": deleted,
  "app/uninstalled": { id: true, myshopify_domain: true, domain: true },
  "app/scopes_update": { current: [true], previous: [true] },
  "bulk_operations/finish": { admin_graphql_api_id: true, status: true, error_code: true, type: true, created_at: true, completed_at: true },
  "customers/data_request": { shop_domain: true, orders_requested: [true] },
  "customers/redact": { shop_domain: true, orders_to_redact: [true] },
  "shop/redact": { shop_domain: true, shop_id: true },
};

const isScalar = (value: unknown) => value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean";

/** A copy of `value` with only the fields `shape` lists (see FieldShape); undefined when nothing fits. */
export function pickFields(value: unknown, shape: FieldShape): unknown {
  if (shape === true) return isScalar(value) ? value : undefined;
  if (Array.isArray(shape)) {
    if (!Array.isArray(value)) return undefined;
    const [element] = shape as readonly [FieldShape];
    return value.map((item) => pickFields(item, element) ?? null);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(shape as { readonly [key: string]: FieldShape })) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    const picked = pickFields((value as Record<string, unknown>)[key], inner);
    if (picked !== undefined) out[key] = picked;
  }
  return out;
}

/** The JSON text stored for a delivery of `topic` (null for a topic we do not subscribe to: nothing kept). */
export function storedPayload(topic: WebhookTopic | null, payload: unknown): string | null {
  if (!topic) return null;
  return JSON.stringify(pickFields(payload, STORED_FIELDS[topic]) ?? null);
}
