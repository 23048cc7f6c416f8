import { z } from "zod";

// zod schemas for the webhook payloads we rely on (REST-shaped JSON at the toml's api_version).
// Shopify ids can exceed 2^53, so records are keyed on `admin_graphql_api_id` strings, never on `id`
// numbers. Unknown fields pass through; missing required ones fail the delivery into Sync health.

const gid = (type: string) => z.string().regex(new RegExp(`^gid://shopify/${type}/\\d+$`), `expected a ${type} GID`);
const isoDate = z.string().datetime({ offset: true });
const money = z.union([z.string(), z.number()]).transform(String).pipe(z.string().regex(/^-?\d+(\.\d+)?$/, "expected an amount"));

const lineItem = z
  .object({
    admin_graphql_api_id: gid("LineItem"),
    variant_id: z.union([z.number(), z.string()]).nullable().optional(),
    quantity: z.number().int().nonnegative(),
    current_quantity: z.number().int().nonnegative().optional(),
    price: money.optional(),
    sku: z.string().nullable().optional(),
  })
  .passthrough();

export const order = z
  .object({
    admin_graphql_api_id: gid("Order"),
    name: z.string().optional(),
    created_at: isoDate,
    updated_at: isoDate,
    cancelled_at: isoDate.nullable().optional(),
    test: z.boolean().optional(),
    location_id: z.union([z.number(), z.string()]).nullable().optional(),
    line_items: z.array(lineItem),
  })
  .passthrough();

export const refund = z
  .object({
    id: z.union([z.number(), z.string()]).optional(),
    admin_graphql_api_id: gid("Refund").optional(),
    order_id: z.union([z.number(), z.string()]),
    created_at: isoDate,
    refund_line_items: z.array(
      z
        .object({
          line_item_id: z.union([z.number(), z.string()]),
          quantity: z.number().int().nonnegative(),
          restock_type: z.string().nullable().optional(),
          location_id: z.union([z.number(), z.string()]).nullable().optional(),
          line_item: z.object({ admin_graphql_api_id: gid("LineItem") }).passthrough().optional(),
        })
        .passthrough(),
    ),
  })
  .passthrough();

export const product = z
  .object({
    admin_graphql_api_id: gid("Product"),
    title: z.string(),
    vendor: z.string().nullable().optional(),
    product_type: z.string().nullable().optional(),
    status: z.string().optional(),
    updated_at: isoDate,
    variants: z
      .array(
        z
          .object({
            admin_graphql_api_id: gid("ProductVariant"),
            title: z.string().optional(),
            sku: z.string().nullable().optional(),
            barcode: z.string().nullable().optional(),
            price: money.optional(),
            inventory_item_id: z.union([z.number(), z.string()]).nullable().optional(),
            // "continue" | "deny" (Shopify's inventory policy); anything else is ignored, never a failed delivery.
            inventory_policy: z.string().nullable().optional(),
          })
          .passthrough(),
      )
      .default([]),
  })
  .passthrough();

export const deleted = z.object({ id: z.union([z.number(), z.string()]) }).passthrough();

export const inventoryLevel = z
  .object({
    inventory_item_id: z.union([z.number(), z.string()]),
    location_id: z.union([z.number(), z.string()]),
    available: z.number().int().nullable().optional(),
    updated_at: isoDate.optional(),
  })
  .passthrough();

export const inventoryItem = z
  .object({
    admin_graphql_api_id: gid("InventoryItem"),
    sku: z.string().nullable().optional(),
    cost: money.nullable().optional(),
    tracked: z.boolean().optional(),
    updated_at: isoDate.optional(),
  })
  .passthrough();

export const location = z
  .object({
    admin_graphql_api_id: gid("Location"),
    name: z.string(),
    active: z.boolean().optional(),
    updated_at: isoDate.optional(),
  })
  .passthrough();

export const shopPayload = z.object({ myshopify_domain: z.string().optional(), domain: z.string().optional() }).passthrough();

export const customerRef = z.object({ id: z.union([z.number(), z.string()]) }).passthrough();

export const scopesUpdate = z.object({ current: z.array(z.string()), previous: z.array(z.string()).optional() }).passthrough();
export const bulkOperationFinish = z
  .object({ admin_graphql_api_id: gid("BulkOperation"), status: z.string(), error_code: z.string().nullable().optional() })
  .passthrough();
export const customersDataRequest = z
  .object({ shop_domain: z.string(), customer: customerRef, orders_requested: z.array(z.union([z.number(), z.string()])).default([]) })
  .passthrough();
export const customersRedact = z
  .object({ shop_domain: z.string(), customer: customerRef, orders_to_redact: z.array(z.union([z.number(), z.string()])).default([]) })
  .passthrough();
export const shopRedact = z.object({ shop_domain: z.string() }).passthrough();
