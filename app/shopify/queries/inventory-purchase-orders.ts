import { operation } from "./define";

export interface InventoryPurchaseOrdersVariables {
  /** Purchase orders per page. */
  first: number;
  after: string | null;
  /** Lines read per purchase order. */
  lines: number;
}

export interface InventoryPurchaseOrdersData {
  inventoryPurchaseOrders: {
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: {
      id: string;
      name: string;
      status: string;
      orderedAt: string | null;
      archivedAt: string | null;
      origin: { supplier: { name: string } | null } | null;
      destination: { location: { id: string } | null } | null;
      lineItems: {
        pageInfo: { hasNextPage: boolean };
        nodes: { id: string; totalQuantity: number; supplierSku: string | null; inventoryItem: { id: string } | null }[];
      };
    }[];
  };
}

/**
 * Shopify's own purchase orders (read-only, scope read_inventory_purchase_orders; docs/on-order.md). Announced
 * for 2026-10, but only the `unstable` introspection bundled in @shopify/dev-mcp has the types yet.
 */
export const INVENTORY_PURCHASE_ORDERS = operation<InventoryPurchaseOrdersData, InventoryPurchaseOrdersVariables>(
  `
query InventoryPurchaseOrders($first: Int!, $after: String, $lines: Int!) {
  inventoryPurchaseOrders(first: $first, after: $after) {
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      name
      status
      orderedAt
      archivedAt
      origin {
        supplier {
          name
        }
      }
      destination {
        location {
          id
        }
      }
      lineItems(first: $lines) {
        pageInfo {
          hasNextPage
        }
        nodes {
          id
          totalQuantity
          supplierSku
          inventoryItem {
            id
          }
        }
      }
    }
  }
}`,
  { validatedAgainst: "unstable" },
);
