import { findBundleLinks } from "~/models/bundles.server";
import { findVariantWithProduct } from "~/models/forecasts.server";

/** A bundle or component as the variant page links to it. */
export interface BundleLinkDto {
  variantId: string;
  name: string;
  quantity: number;
}

export interface VariantBundlesDto {
  /** The bundles this variant is sold in, with its quantity in each. */
  partOf: BundleLinkDto[];
  /** When the variant is a bundle: what it is made of. */
  components: BundleLinkDto[];
}

/** The page of a bundle, which has no forecast of its own (its sales are its components' demand). */
export interface BundleDetailDto extends VariantBundlesDto {
  product: string;
  variant: string;
  sku: string | null;
}

const nameOf = (v: { title: string; product: { title: string } }) => (v.title && v.title !== "Default Title" ? `${v.product.title} — ${v.title}` : v.product.title);

/** The variant's bundle links for its page, ordered by name. */
export async function getVariantBundles(shop: string, variantId: string): Promise<VariantBundlesDto> {
  const { partOf, components } = await findBundleLinks(shop, variantId);
  const dto = (rows: typeof partOf) =>
    rows
      .filter((r) => r.variant.deletedAt === null)
      .map((r) => ({ variantId: r.variant.id, name: nameOf(r.variant), quantity: r.quantity }))
      .sort((a, b) => a.name.localeCompare(b.name));
  return { partOf: dto(partOf), components: dto(components) };
}

/** A bundle's page (null when the variant is not a bundle of this shop). */
export async function getBundleDetail(shop: string, variantId: string): Promise<BundleDetailDto | null> {
  const [variant, links] = await Promise.all([findVariantWithProduct(shop, variantId), getVariantBundles(shop, variantId)]);
  if (!variant || links.components.length === 0) return null;
  return { product: variant.product.title, variant: variant.title, sku: variant.sku, ...links };
}
