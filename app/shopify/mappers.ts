// Admin API nodes (bulk JSONL lines or query results) → plain records the models store. Each node is parsed
// with zod first: a shape we don't expect fails loudly with the node's id, instead of storing nonsense.
import { z } from "zod";
import type { InventoryQuantities } from "~/lib/sync/records";
import type { JsonlGroup } from "./bulk/jsonl";

export interface LocationRecord {
  shopifyId: string;
  name: string;
  active: boolean;
  isPrimary: boolean;
  shopifyUpdatedAt: Date | null;
}

export interface ProductRecord {
  shopifyId: string;
  title: string;
  vendor: string | null;
  productType: string | null;
  status: string;
  shopifyCreatedAt: Date | null;
  shopifyUpdatedAt: Date | null;
}

export interface VariantRecord {
  shopifyId: string;
  productShopifyId: string;
  title: string;
  sku: string | null;
  barcode: string | null;
  /** Decimal as a string, never a float. */
  price: string;
  unitCost: string | null;
  inventoryItemId: string;
  tracked: boolean;
  /** Shopify's inventoryPolicy: CONTINUE sells at zero stock (backorders), DENY stops; null if not read. */
  inventoryPolicy: "CONTINUE" | "DENY" | null;
  shopifyCreatedAt: Date | null;
  shopifyUpdatedAt: Date | null;
}

export interface InventoryLevelRecord extends InventoryQuantities {
  inventoryItemId: string;
  locationShopifyId: string;
}

/** One component of a bundle variant (Shopify fixed bundle): that many units of another variant per bundle. */
export interface ComponentRecord {
  componentShopifyId: string;
  quantity: number;
}

export interface CatalogRecord {
  product: ProductRecord;
  variant: VariantRecord;
  levels: InventoryLevelRecord[];
  /** Empty unless the variant is a bundle. */
  components: ComponentRecord[];
}

export interface OrderLineRecord {
  lineItemGid: string;
  variantGid: string | null;
  sku: string | null;
  /** Units ordered, refunded and removed ones included. */
  quantity: number;
  /**
   * Units after order edits (removals) but BEFORE refunds, as OrderLine stores it: demand is
   * currentQuantity − refundedQuantity. (Shopify's LineItem.currentQuantity excludes refunds too, so we add
   * the refunded units back.)
   */
  currentQuantity: number;
  refundedQuantity: number;
  unitPrice: string;
}

export interface OrderRecord {
  orderGid: string;
  name: string;
  createdAt: Date;
  /** When the order was processed (imported orders: their original date); the demand date. */
  processedAt: Date;
  updatedAt: Date;
  cancelledAt: Date | null;
  test: boolean;
  /** The point-of-sale location (REST `location_id` in webhooks); null for online orders. */
  retailLocationGid: string | null;
  /** The first fulfilment order's assigned location, if any. */
  fulfilmentLocationGid: string | null;
  lines: OrderLineRecord[];
}

export class MappingError extends Error {
  override name = "MappingError";
}

const gid = (type: string) => z.string().regex(new RegExp(`^gid://shopify/${type}/\\d+$`), `expected a ${type} GID`);
const dateTime = z.string().datetime({ offset: true });
const decimal = z.string().regex(/^-?\d+(\.\d+)?$/, "expected a decimal amount");
const ref = (type: string) => z.object({ id: gid(type) });

function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const id = (value as { id?: unknown } | null)?.id;
  const issues = result.error.issues.slice(0, 3).map((i) => `${i.path.join(".") || "(node)"}: ${i.message}`);
  throw new MappingError(`${what}${typeof id === "string" ? ` ${id}` : ""} has an unexpected shape — ${issues.join("; ")}`);
}

const toDate = (s: string | null | undefined) => (s ? new Date(s) : null);

const locationNode = z.object({
  id: gid("Location"),
  name: z.string(),
  isActive: z.boolean(),
  isPrimary: z.boolean().optional(),
  updatedAt: dateTime.nullish(),
});

export function mapLocation(node: unknown): LocationRecord {
  const n = parse(locationNode, node, "location");
  return { shopifyId: n.id, name: n.name, active: n.isActive, isPrimary: n.isPrimary ?? false, shopifyUpdatedAt: toDate(n.updatedAt) };
}

const variantNode = z.object({
  id: gid("ProductVariant"),
  title: z.string(),
  sku: z.string().nullable(),
  barcode: z.string().nullable(),
  inventoryPolicy: z.enum(["CONTINUE", "DENY"]).nullish(),
  price: decimal,
  createdAt: dateTime.nullish(),
  updatedAt: dateTime.nullish(),
  product: z.object({
    id: gid("Product"),
    title: z.string(),
    vendor: z.string().nullish(),
    productType: z.string().nullish(),
    status: z.enum(["ACTIVE", "ARCHIVED", "DRAFT", "UNLISTED"]),
    createdAt: dateTime.nullish(),
    updatedAt: dateTime.nullish(),
  }),
  inventoryItem: z.object({
    id: gid("InventoryItem"),
    tracked: z.boolean(),
    unitCost: z.object({ amount: decimal, currencyCode: z.string() }).nullable(),
    updatedAt: dateTime.nullish(),
  }),
});

const levelNode = z.object({
  updatedAt: dateTime.nullish(),
  location: ref("Location"),
  item: ref("InventoryItem"),
  quantities: z.array(z.object({ name: z.string(), quantity: z.number().int() })),
});

export function mapInventoryLevel(node: unknown): InventoryLevelRecord {
  const n = parse(levelNode, node, "inventory level");
  const q = (name: string) => n.quantities.find((x) => x.name === name)?.quantity ?? 0;
  return {
    inventoryItemId: n.item.id,
    locationShopifyId: n.location.id,
    available: q("available"),
    onHand: q("on_hand"),
    committed: q("committed"),
    incoming: q("incoming"),
    reserved: q("reserved"),
    shopifyUpdatedAt: toDate(n.updatedAt),
  };
}

const componentNode = z.object({
  id: gid("ProductVariantComponent"),
  quantity: z.number().int().positive(),
  productVariant: ref("ProductVariant"),
});

export function mapComponent(node: unknown): ComponentRecord {
  const n = parse(componentNode, node, "bundle component");
  return { componentShopifyId: n.productVariant.id, quantity: n.quantity };
}

const isComponentLine = (line: unknown) => typeof (line as { id?: unknown }).id === "string" && (line as { id: string }).id.startsWith("gid://shopify/ProductVariantComponent/");

/** A catalog group: a variant line (root), its inventory level lines and its bundle component lines. */
export function mapCatalogGroup(group: Pick<JsonlGroup, "root" | "children">): CatalogRecord {
  const v = parse(variantNode, group.root, "variant");
  // Blank strings are absent values; kept as written otherwise, like the products/* webhooks (vendor names
  // are trimmed there too, since they key the Vendor row).
  const empty = (s: string | null | undefined) => (s == null || s.trim() === "" ? null : s);
  return {
    product: {
      shopifyId: v.product.id,
      title: v.product.title,
      vendor: empty(v.product.vendor)?.trim() ?? null,
      productType: empty(v.product.productType),
      status: v.product.status,
      shopifyCreatedAt: toDate(v.product.createdAt),
      shopifyUpdatedAt: toDate(v.product.updatedAt),
    },
    variant: {
      shopifyId: v.id,
      productShopifyId: v.product.id,
      title: v.title,
      sku: empty(v.sku),
      barcode: empty(v.barcode),
      price: v.price,
      unitCost: v.inventoryItem.unitCost?.amount ?? null,
      inventoryItemId: v.inventoryItem.id,
      tracked: v.inventoryItem.tracked,
      inventoryPolicy: v.inventoryPolicy ?? null,
      shopifyCreatedAt: toDate(v.createdAt),
      shopifyUpdatedAt: toDate(v.updatedAt),
    },
    levels: group.children.filter((c) => !isComponentLine(c)).map(mapInventoryLevel),
    components: group.children.filter(isComponentLine).map(mapComponent),
  };
}

const orderNode = z.object({
  id: gid("Order"),
  name: z.string(),
  createdAt: dateTime,
  processedAt: dateTime.nullish(),
  updatedAt: dateTime,
  cancelledAt: dateTime.nullable(),
  test: z.boolean(),
  retailLocation: ref("Location").nullish(),
  refunds: z.array(z.object({ id: gid("Refund") })).default([]),
});

const lineItemNode = z.object({
  id: gid("LineItem"),
  quantity: z.number().int().nonnegative(),
  currentQuantity: z.number().int().nonnegative(),
  sku: z.string().nullish(),
  variant: ref("ProductVariant").nullish(),
  originalUnitPriceSet: z.object({ shopMoney: z.object({ amount: decimal }) }),
});

const fulfillmentOrderNode = z.object({
  id: gid("FulfillmentOrder"),
  assignedLocation: z.object({ location: ref("Location").nullish() }),
});

const refundLineItemNode = z.object({
  quantity: z.number().int().nonnegative(),
  lineItem: ref("LineItem"),
});

const typeOf = (id: unknown) => (typeof id === "string" ? /^gid:\/\/shopify\/(\w+)\//.exec(id)?.[1] : undefined);

/**
 * An order group: the order line, then its line items, fulfilment orders and refund line items (children are
 * told apart by their GID type; refund line items may have a null id, so they are recognised by `lineItem`).
 */
export function mapOrderGroup(group: Pick<JsonlGroup, "root" | "children">): OrderRecord {
  const o = parse(orderNode, group.root, "order");
  const lineItems: z.infer<typeof lineItemNode>[] = [];
  const refunded = new Map<string, number>();
  let fulfilmentLocation: string | null = null;
  for (const child of group.children) {
    const type = typeOf(child.id);
    if (type === "LineItem") lineItems.push(parse(lineItemNode, child, "line item"));
    else if (type === "FulfillmentOrder") fulfilmentLocation ??= parse(fulfillmentOrderNode, child, "fulfillment order").assignedLocation.location?.id ?? null;
    else if (type === "RefundLineItem" || "lineItem" in child) {
      const r = parse(refundLineItemNode, child, "refund line item");
      refunded.set(r.lineItem.id, (refunded.get(r.lineItem.id) ?? 0) + r.quantity);
    } else throw new MappingError(`order ${o.id}: unexpected child line ${String(child.id)}`);
  }
  return {
    orderGid: o.id,
    name: o.name,
    createdAt: new Date(o.createdAt),
    processedAt: new Date(o.processedAt ?? o.createdAt),
    updatedAt: new Date(o.updatedAt),
    cancelledAt: toDate(o.cancelledAt),
    test: o.test,
    retailLocationGid: o.retailLocation?.id ?? null,
    fulfilmentLocationGid: fulfilmentLocation,
    lines: lineItems.map((li) => {
      const refundedQuantity = Math.min(li.quantity, refunded.get(li.id) ?? 0);
      return {
        lineItemGid: li.id,
        variantGid: li.variant?.id ?? null,
        sku: li.sku ?? null,
        quantity: li.quantity,
        currentQuantity: Math.min(li.quantity, li.currentQuantity + refundedQuantity),
        refundedQuantity,
        unitPrice: li.originalUnitPriceSet.shopMoney.amount,
      };
    }),
  };
}
