import { operation, type UserError } from "./define";

export interface InventoryItemUpdateCostVariables {
  id: string;
  /** Only the cost: the unit cost in the shop's currency, as a decimal string. */
  input: { cost: string };
}

export interface InventoryItemUpdateCostData {
  inventoryItemUpdate: {
    inventoryItem: { id: string; unitCost: { amount: string; currencyCode: string } | null } | null;
    userErrors: UserError[];
  } | null;
}

/** Writes a landed unit cost to Shopify's inventory item cost (the shop's opt-in setting; docs/landed-cost.md). */
export const INVENTORY_ITEM_UPDATE_COST = operation<InventoryItemUpdateCostData, InventoryItemUpdateCostVariables>(`
mutation InventoryItemUpdateCost($id: ID!, $input: InventoryItemInput!) {
  inventoryItemUpdate(id: $id, input: $input) {
    inventoryItem {
      id
      unitCost {
        amount
        currencyCode
      }
    }
    userErrors {
      field
      message
    }
  }
}`);
