// Shapes the purchase-order screens receive from their loaders: one home for the service that builds them and the
// components that show them (client-safe: types only).

/** A PO line as the receive form needs it. */
export interface ReceivableLine {
  id: string;
  product: string;
  variant: string;
  sku: string | null;
  quantityOrdered: number;
  quantityReceived: number;
}

/** A PO line on the PO page. Money as decimal strings in the PO's currency. */
export interface PurchaseOrderLineDto extends ReceivableLine {
  variantId: string;
  unitCost: string;
  lineTotal: string;
}
