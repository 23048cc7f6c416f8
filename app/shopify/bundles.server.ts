// A product's bundle components read through the Admin API (the products/* webhooks do not carry them).
import { z } from "zod";
import type { AdminClient } from "./admin-client.server";
import { mapComponent, type ComponentRecord } from "./mappers";
import { PRODUCT_VARIANT_COMPONENTS } from "./queries/product-variant-components";

const page = z.object({
  product: z
    .object({
      variants: z.object({
        nodes: z.array(
          z.object({
            id: z.string(),
            productVariantComponents: z.object({ nodes: z.array(z.unknown()), pageInfo: z.object({ hasNextPage: z.boolean() }) }),
          }),
        ),
        pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() }),
      }),
    })
    .nullable(),
});

/** Every variant of the product (by GID) with its components; null when Shopify no longer has the product. */
export async function fetchProductBundleComponents(client: AdminClient, productGid: string): Promise<Map<string, ComponentRecord[]> | null> {
  const out = new Map<string, ComponentRecord[]>();
  let after: string | null = null;
  for (;;) {
    const data = page.parse(await client.request(PRODUCT_VARIANT_COMPONENTS, { id: productGid, after }));
    if (!data.product) return null;
    for (const v of data.product.variants.nodes) {
      // Shopify caps a bundle at 30 components; more would mean a partial list: refuse rather than store it.
      if (v.productVariantComponents.pageInfo.hasNextPage) throw new Error(`variant ${v.id} has more than 30 components`);
      out.set(v.id, v.productVariantComponents.nodes.map(mapComponent));
    }
    if (!data.product.variants.pageInfo.hasNextPage) return out;
    after = data.product.variants.pageInfo.endCursor;
  }
}
