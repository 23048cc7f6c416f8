import { z } from "zod";
import {
  applyLocation,
  applyProduct,
  applyVariant,
  findVariantByInventoryItem,
  markLocationDeleted,
  markMissingVariantsDeleted,
  markProductDeleted,
  updateInventoryItem,
  upsertVendorByName,
} from "~/models/catalog.server";
import { deleteInventoryLevelsOfVariant } from "~/models/inventory.server";
import { assignLinesWithoutLocation, linkOrphanLines, type DemandKeyRow } from "~/models/orders.server";
import type { Db } from "~/models/transaction.server";
import type { WebhookPayload } from "~/shopify/webhook-topics";
import { rederiveDemandDays } from "./demand.server";
import { toGid, toGidOrNull } from "./ids";
import { defaultLocationId } from "./locations.server";

const createdAt = z.object({ created_at: z.string().datetime({ offset: true }).nullable().optional() }).passthrough();
const dateOrNull = (value: unknown) => {
  const parsed = createdAt.safeParse(value);
  return parsed.success && parsed.data.created_at ? new Date(parsed.data.created_at) : null;
};

/**
 * products/create|update: Product keyed on its GID, Vendor by name, each Variant on its GID (with its
 * inventory item GID). Ordered by the product's `updated_at`. Variants a newer payload no longer lists
 * are tombstoned. Order lines that arrived before their variant are linked now and their demand derived.
 */
export async function applyProductPayload(shop: string, product: WebhookPayload<"products/create">, tx: Db) {
  const updatedAt = new Date(product.updated_at);
  const vendorName = product.vendor?.trim();
  const vendorId = vendorName ? (await upsertVendorByName(shop, vendorName, tx)).id : null;
  const { id: productId, applied } = await applyProduct(
    shop,
    {
      shopifyId: product.admin_graphql_api_id,
      title: product.title,
      vendorId,
      productType: product.product_type || null,
      status: (product.status ?? "active").toUpperCase(),
      shopifyCreatedAt: dateOrNull(product),
      shopifyUpdatedAt: updatedAt,
    },
    tx,
  );
  if (!applied) return { applied: false, variants: 0 };
  const touched: DemandKeyRow[] = [];
  for (const v of product.variants) {
    const variantId = await applyVariant(
      shop,
      productId,
      {
        shopifyId: v.admin_graphql_api_id,
        title: v.title ?? "Default Title",
        sku: v.sku || null,
        barcode: v.barcode || null,
        price: v.price ?? "0",
        inventoryItemId: toGidOrNull("InventoryItem", v.inventory_item_id),
        inventoryPolicy: inventoryPolicyOf(v.inventory_policy),
        shopifyCreatedAt: dateOrNull(v),
        shopifyUpdatedAt: updatedAt,
      },
      tx,
    );
    touched.push(...(await linkOrphanLines(shop, v.admin_graphql_api_id, variantId, tx)));
  }
  await markMissingVariantsDeleted(shop, productId, product.variants.map((v) => v.admin_graphql_api_id), updatedAt, tx);
  await rederiveDemandDays(shop, touched, tx);
  return { applied: true, variants: product.variants.length };
}

/** The REST payload's inventory_policy ("continue" / "deny") as the Admin API spells it; undefined otherwise. */
function inventoryPolicyOf(value: string | null | undefined): "CONTINUE" | "DENY" | undefined {
  const policy = value?.toUpperCase();
  return policy === "CONTINUE" || policy === "DENY" ? policy : undefined;
}

/** products/delete: tombstone (planning history keeps the rows). */
export async function deleteProductPayload(shop: string, payload: WebhookPayload<"products/delete">, at: Date, tx: Db) {
  await markProductDeleted(shop, toGid("Product", payload.id), at, tx);
}

/**
 * inventory_items/create|update: unit cost and tracked flag on the variant of that inventory item.
 * Throws while no variant carries the item yet (products/create not applied): the job retries.
 */
export async function applyInventoryItemPayload(shop: string, item: WebhookPayload<"inventory_items/update">, tx: Db) {
  const fields = {
    ...(item.cost !== undefined ? { unitCost: item.cost } : {}),
    ...(item.tracked !== undefined ? { tracked: item.tracked } : {}),
  };
  const { count } = await updateInventoryItem(shop, item.admin_graphql_api_id, fields, tx);
  if (count === 0) throw new Error(`no variant with inventory item ${item.admin_graphql_api_id} yet`);
}

/** inventory_items/delete: the variant no longer stocks anything — drop its levels. */
export async function deleteInventoryItemPayload(shop: string, payload: WebhookPayload<"inventory_items/delete">, tx: Db) {
  const variant = await findVariantByInventoryItem(shop, toGid("InventoryItem", payload.id), tx);
  if (variant) await deleteInventoryLevelsOfVariant(shop, variant.id, tx);
}

/**
 * locations/create|update: Location keyed on its GID, ordered by `updated_at`. Lines stored while the shop
 * had no location get the default location now (see resolveOrderLocation).
 */
export async function applyLocationPayload(shop: string, location: WebhookPayload<"locations/update">, tx: Db) {
  await applyLocation(
    shop,
    {
      shopifyId: location.admin_graphql_api_id,
      name: location.name,
      active: location.active ?? true,
      shopifyUpdatedAt: location.updated_at ? new Date(location.updated_at) : null,
    },
    tx,
  );
  const fallback = await defaultLocationId(shop, tx);
  if (fallback) await rederiveDemandDays(shop, await assignLinesWithoutLocation(shop, fallback, tx), tx);
}

/** locations/delete: tombstone (inactive, deletedAt); levels and history stay. */
export async function deleteLocationPayload(shop: string, payload: WebhookPayload<"locations/delete">, at: Date, tx: Db) {
  await markLocationDeleted(shop, toGid("Location", payload.id), at, tx);
}
