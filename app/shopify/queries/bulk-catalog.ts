import type { MoneyV2 } from "./define";
import { bulkQuery } from "./define";

/** JSONL root line: a variant with its product and inventory item (objects, so they stay nested). */
export interface BulkCatalogVariantLine {
  id: string;
  title: string;
  sku: string | null;
  barcode: string | null;
  inventoryPolicy: "CONTINUE" | "DENY";
  price: string;
  createdAt: string;
  updatedAt: string;
  product: { id: string; title: string; vendor: string; productType: string; status: string; createdAt: string; updatedAt: string };
  inventoryItem: { id: string; tracked: boolean; unitCost: MoneyV2 | null; updatedAt: string };
}

/** JSONL child line of a variant (through its inventory item): one location's quantities. */
export interface BulkCatalogLevelLine {
  id: string;
  updatedAt: string;
  location: { id: string };
  item: { id: string };
  quantities: { name: string; quantity: number; updatedAt: string | null }[];
  __parentId: string;
}

/**
 * Products → variants → inventory items → levels. Rooted at productVariants (product and inventory item are
 * plain objects) so the one nested connection, inventoryLevels, stays within bulk's two-level limit.
 */
export const BULK_CATALOG = bulkQuery(`
query BulkCatalog {
  productVariants {
    edges {
      node {
        id
        title
        sku
        barcode
        inventoryPolicy
        price
        createdAt
        updatedAt
        product {
          id
          title
          vendor
          productType
          status
          createdAt
          updatedAt
        }
        inventoryItem {
          id
          tracked
          unitCost {
            amount
            currencyCode
          }
          updatedAt
          inventoryLevels {
            edges {
              node {
                id
                updatedAt
                location {
                  id
                }
                item {
                  id
                }
                quantities(names: ["available", "on_hand", "committed", "incoming", "reserved"]) {
                  name
                  quantity
                  updatedAt
                }
              }
            }
          }
        }
      }
    }
  }
}`);
