// Field sets that Shopify reads and the stored rows share. The shopify/ layer names the variant and location by
// Shopify id; models/ by Stockcast id once resolved; the rest of the fields are the same.

/** The five quantities of one inventory level, as Shopify reports them, and when Shopify last changed it. */
export interface InventoryQuantities {
  available: number;
  onHand: number;
  committed: number;
  incoming: number;
  reserved: number;
  shopifyUpdatedAt: Date | null;
}

/** One line of a Shopify (native) purchase order marked ordered, apart from its variant and location. */
export interface NativePoLineFields {
  lineGid: string;
  purchaseOrderGid: string;
  name: string;
  supplier: string | null;
  supplierSku: string | null;
  orderedAt: Date | null;
  quantity: number;
}
