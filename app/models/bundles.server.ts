import { inIdChunks } from "./id-chunks.server";
import { defaultDb, type Db } from "./transaction.server";

/** One component of a bundle variant (local variant ids). */
export interface BundleComponentInput {
  componentVariantId: string;
  quantity: number;
}

/**
 * Replaces a bundle's bill of materials with `components` (empty: the variant is no bundle any more).
 * Returns the component ids it had before. Run it inside the caller's transaction: readers see the old
 * list or the new one, never a mix.
 */
export async function replaceBundleComponents(shop: string, bundleVariantId: string, components: readonly BundleComponentInput[], db: Db): Promise<string[]> {
  const before = await db.bundleComponent.findMany({ where: { shop, bundleVariantId }, select: { componentVariantId: true } });
  await db.bundleComponent.deleteMany({ where: { shop, bundleVariantId } });
  if (components.length) await db.bundleComponent.createMany({ data: components.map((c) => ({ shop, bundleVariantId, ...c })) });
  return before.map((r) => r.componentVariantId);
}

/** Bill-of-materials rows that involve these variants, as bundle or as component. */
export async function findBundleRowsOf(shop: string, variantIds: readonly string[], db: Db = defaultDb) {
  if (variantIds.length === 0) return [];
  const ids = [...new Set(variantIds)];
  const select = { bundleVariantId: true, componentVariantId: true, quantity: true } as const;
  const [asBundle, asComponent] = await Promise.all([
    inIdChunks(ids, (slice) => db.bundleComponent.findMany({ where: { shop, bundleVariantId: { in: slice } }, select })),
    inIdChunks(ids, (slice) => db.bundleComponent.findMany({ where: { shop, componentVariantId: { in: slice } }, select })),
  ]);
  const rows = new Map([...asBundle, ...asComponent].map((r) => [`${r.bundleVariantId}|${r.componentVariantId}`, r]));
  return [...rows.values()];
}

/** The full bills of materials of those of these variants that are bundles, with each component's price. */
export async function findBundleBoms(shop: string, bundleVariantIds: readonly string[], db: Db = defaultDb) {
  if (bundleVariantIds.length === 0) return [];
  const rows = await inIdChunks([...new Set(bundleVariantIds)], (slice) =>
    db.bundleComponent.findMany({
      where: { shop, bundleVariantId: { in: slice } },
      select: { bundleVariantId: true, componentVariantId: true, quantity: true },
      orderBy: [{ bundleVariantId: "asc" }, { componentVariantId: "asc" }],
    }),
  );
  const prices = await inIdChunks([...new Set(rows.map((r) => r.componentVariantId))], (slice) =>
    db.variant.findMany({ where: { shop, id: { in: slice } }, select: { id: true, price: true } }),
  );
  const priceOf = new Map(prices.map((p) => [p.id, p.price.toString()]));
  return rows.map((r) => ({ ...r, componentPrice: priceOf.get(r.componentVariantId) ?? "0" }));
}

/** Those of these variants that are bundles (have components). */
export async function findBundleIds(shop: string, variantIds: readonly string[], db: Db = defaultDb): Promise<Set<string>> {
  if (variantIds.length === 0) return new Set();
  const rows = await inIdChunks([...new Set(variantIds)], (slice) =>
    db.bundleComponent.findMany({ where: { shop, bundleVariantId: { in: slice } }, select: { bundleVariantId: true }, distinct: ["bundleVariantId"] }),
  );
  return new Set(rows.map((r) => r.bundleVariantId));
}

/** Local dates × locations on which a variant has order lines (every demand day its lines can make). */
export function findDemandKeysOfVariants(shop: string, variantIds: readonly string[], db: Db = defaultDb) {
  if (variantIds.length === 0) return Promise.resolve([]);
  return db.orderLine.findMany({
    where: { shop, variantId: { in: [...new Set(variantIds)] }, locationId: { not: null } },
    select: { variantId: true, locationId: true, localDate: true },
    distinct: ["variantId", "locationId", "localDate"],
  });
}

/** Marks variants as changed (their plan inputs moved: bundle demand), so the touched-variants re-plan picks them up. */
export async function touchVariants(shop: string, variantIds: readonly string[], at: Date, db: Db): Promise<void> {
  if (variantIds.length) await db.variant.updateMany({ where: { shop, id: { in: [...new Set(variantIds)] } }, data: { updatedAt: at } });
}

/** For the variant page: the bundles this variant is a component of, and its own components (titles, quantities). */
export async function findBundleLinks(shop: string, variantId: string, db: Db = defaultDb) {
  const select = { id: true, title: true, sku: true, tracked: true, deletedAt: true, product: { select: { title: true } } } as const;
  const [partOf, components] = await Promise.all([
    db.bundleComponent.findMany({ where: { shop, componentVariantId: variantId }, select: { quantity: true, bundleVariantId: true } }),
    db.bundleComponent.findMany({ where: { shop, bundleVariantId: variantId }, select: { quantity: true, componentVariantId: true } }),
  ]);
  const ids = [...partOf.map((r) => r.bundleVariantId), ...components.map((r) => r.componentVariantId)];
  const variants = new Map((ids.length ? await db.variant.findMany({ where: { shop, id: { in: ids } }, select }) : []).map((v) => [v.id, v]));
  const withVariant = <T>(rows: T[], idOf: (r: T) => string) =>
    rows.flatMap((r) => {
      const v = variants.get(idOf(r));
      return v ? [{ row: r, variant: v }] : [];
    });
  return {
    partOf: withVariant(partOf, (r) => r.bundleVariantId).map(({ row, variant }) => ({ quantity: row.quantity, variant })),
    components: withVariant(components, (r) => r.componentVariantId).map(({ row, variant }) => ({ quantity: row.quantity, variant })),
  };
}
