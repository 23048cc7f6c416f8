import { mapVariantIds } from "~/models/backfill.server";
import { findBundleRowsOf, replaceBundleComponents } from "~/models/bundles.server";
import { inTransaction, type Db } from "~/models/transaction.server";
import type { AdminClient } from "~/shopify/admin-client.server";
import { fetchProductBundleComponents } from "~/shopify/bundles.server";
import type { ComponentRecord } from "~/shopify/mappers";
import { rederiveBundleHistory } from "./demand.server";

export type BundleComponentsOutcome = "unchanged" | "replaced" | "unresolved";

/**
 * Stores what Shopify says a variant is made of (its productVariantComponents; none: not a bundle). The
 * bill of materials is replaced as a whole, in the caller's transaction. When it changed, every demand day
 * the bundle's lines made is derived again, for the bundle and for its old and new components, so its sales
 * count as the right components' demand. "unresolved" (nothing written) when a component variant is not
 * stored yet: the bulk catalogue retries once the whole file is stored, a webhook read by failing (retry).
 */
export async function applyBundleComponents(
  shop: string,
  bundleVariantId: string,
  components: readonly ComponentRecord[],
  at: Date,
  tx: Db,
): Promise<BundleComponentsOutcome> {
  const ids = await mapVariantIds(shop, components.map((c) => c.componentShopifyId), tx);
  if (components.some((c) => !ids.has(c.componentShopifyId))) return "unresolved";
  // The same component listed twice (Shopify does not, but the unique key would reject it) adds up.
  const wanted = new Map<string, number>();
  for (const c of components) {
    const id = ids.get(c.componentShopifyId)!;
    if (id !== bundleVariantId) wanted.set(id, (wanted.get(id) ?? 0) + c.quantity);
  }
  const stored = (await findBundleRowsOf(shop, [bundleVariantId], tx)).filter((r) => r.bundleVariantId === bundleVariantId);
  if (stored.length === wanted.size && stored.every((r) => wanted.get(r.componentVariantId) === r.quantity)) return "unchanged";
  const former = await replaceBundleComponents(
    shop,
    bundleVariantId,
    [...wanted].map(([componentVariantId, quantity]) => ({ componentVariantId, quantity })),
    tx,
  );
  await rederiveBundleHistory(shop, bundleVariantId, former, at, tx);
  return "replaced";
}

/**
 * products/create|update carry no components, so the `read-bundle-components` job reads them for the
 * product (Admin API) and stores each variant's bill of materials, all in one transaction. Throws — the
 * queue retries — while the product's variants or a component variant are not stored yet (their
 * webhooks have not been applied). A product Shopify no longer has is left alone (products/delete follows).
 */
export async function refreshProductBundles(shop: string, client: AdminClient, productGid: string, now: Date): Promise<{ variants: number; replaced: number }> {
  const components = await fetchProductBundleComponents(client, productGid);
  if (!components) return { variants: 0, replaced: 0 };
  return inTransaction(async (tx) => {
    const ids = await mapVariantIds(shop, [...components.keys()], tx);
    let replaced = 0;
    for (const [gid, list] of components) {
      const variantId = ids.get(gid);
      if (!variantId) throw new Error(`variant ${gid} is not stored yet`);
      const outcome = await applyBundleComponents(shop, variantId, list, now, tx);
      if (outcome === "unresolved") throw new Error(`a component of ${gid} is not stored yet`);
      if (outcome === "replaced") replaced++;
    }
    return { variants: components.size, replaced };
  });
}
