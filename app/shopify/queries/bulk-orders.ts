import { bulkQuery } from "./define";

/** JSONL root line: one order (its connections come as separate lines). */
export interface BulkOrderLine {
  id: string;
  name: string;
  createdAt: string;
  processedAt: string;
  updatedAt: string;
  cancelledAt: string | null;
  test: boolean;
  retailLocation: { id: string } | null;
  refunds: { id: string; createdAt: string | null }[];
}

export interface BulkLineItemLine {
  id: string;
  quantity: number;
  currentQuantity: number;
  sku: string | null;
  variant: { id: string } | null;
  originalUnitPriceSet: { shopMoney: { amount: string; currencyCode: string } };
  __parentId: string;
}

export interface BulkFulfillmentOrderLine {
  id: string;
  assignedLocation: { location: { id: string } | null };
  __parentId: string;
}

export interface BulkRefundLineItemLine {
  id: string | null;
  quantity: number;
  restockType: string;
  lineItem: { id: string };
  location: { id: string } | null;
  /** The order, or the refund inside it. */
  __parentId: string;
}

const SEARCH_PLACEHOLDER = '"__SEARCH__"';

/**
 * Orders with line items, fulfilment location, cancellation and refunds. The search string is a literal in
 * the document (bulk queries take no variables); `bulkOrdersQuery` fills it in.
 */
export const BULK_ORDERS = bulkQuery(`
query BulkOrders {
  orders(query: "__SEARCH__", sortKey: CREATED_AT) {
    edges {
      node {
        id
        name
        createdAt
        processedAt
        updatedAt
        cancelledAt
        test
        retailLocation {
          id
        }
        refunds {
          id
          createdAt
          refundLineItems {
            edges {
              node {
                id
                quantity
                restockType
                lineItem {
                  id
                }
                location {
                  id
                }
              }
            }
          }
        }
        lineItems {
          edges {
            node {
              id
              quantity
              currentQuantity
              sku
              variant {
                id
              }
              originalUnitPriceSet {
                shopMoney {
                  amount
                  currencyCode
                }
              }
            }
          }
        }
        fulfillmentOrders {
          edges {
            node {
              id
              assignedLocation {
                location {
                  id
                }
              }
            }
          }
        }
      }
    }
  }
}`);

/** The bulk orders query with its search filled in, e.g. "created_at:>=2026-09-24 status:any". */
export function bulkOrdersQuery(search: string): string {
  return BULK_ORDERS.source.replace(SEARCH_PLACEHOLDER, JSON.stringify(search));
}
