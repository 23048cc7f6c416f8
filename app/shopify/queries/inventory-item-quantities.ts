import { operation } from "./define";

/** The quantity names a refresh reads (Shopify's inventory states; docs/sync.md, "Quantities refresh"). */
export const REFRESHED_QUANTITY_NAMES = ["available", "on_hand", "committed", "incoming", "reserved"] as const;

export interface InventoryItemQuantitiesVariables {
  /** InventoryItem GIDs, at most `itemsPerQuantitiesRequest(levels)` of them (app/shopify/quantities.server.ts). */
  ids: string[];
  /** Levels read per item: the shop's location count (an item is stocked at most once per location). */
  levels: number;
}

export interface InventoryItemQuantitiesData {
  /** One entry per id, in order; null for an id Shopify no longer knows (a deleted item). */
  nodes: ({
    id: string;
    inventoryLevels: {
      pageInfo: { hasNextPage: boolean };
      nodes: { updatedAt: string | null; location: { id: string }; quantities: { name: string; quantity: number }[] }[];
    };
  } | Record<string, never> | null)[];
}

/** Live quantities of a batch of inventory items at every location that stocks them. */
export const INVENTORY_ITEM_QUANTITIES = operation<InventoryItemQuantitiesData, InventoryItemQuantitiesVariables>(`
query InventoryItemQuantities($ids: [ID!]!, $levels: Int!) {
  nodes(ids: $ids) {
    ... on InventoryItem {
      id
      inventoryLevels(first: $levels) {
        pageInfo {
          hasNextPage
        }
        nodes {
          updatedAt
          location {
            id
          }
          quantities(names: ["available", "on_hand", "committed", "incoming", "reserved"]) {
            name
            quantity
          }
        }
      }
    }
  }
}`);
