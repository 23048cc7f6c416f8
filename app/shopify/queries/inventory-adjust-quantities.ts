import { operation, type UserError } from "./define";

export interface InventoryAdjustQuantitiesVariables {
  /** Idempotency key (a UUID stored with the receipt, reused on every retry): required from API 2026-04. */
  key: string;
  input: {
    name: "available" | "on_hand" | "incoming" | "reserved" | "damaged" | "safety_stock" | "quality_control";
    reason: string;
    /** Ties the adjustment to our document, e.g. gid://stockcast/PurchaseOrder/PO-2026-001. */
    referenceDocumentUri?: string;
    changes: {
      inventoryItemId: string;
      locationId: string;
      delta: number;
      /** Explicit null skips the compare-and-swap check. */
      changeFromQuantity: number | null;
      ledgerDocumentUri?: string;
    }[];
  };
}

export interface InventoryAdjustQuantitiesData {
  inventoryAdjustQuantities: {
    inventoryAdjustmentGroup: {
      id: string;
      createdAt: string;
      reason: string;
      referenceDocumentUri: string | null;
      changes: { name: string; delta: number; quantityAfterChange: number | null; item: { id: string }; location: { id: string } | null }[];
    } | null;
    userErrors: UserError[];
  } | null;
}

/** Adjusts quantities by deltas (receiving a purchase order), exactly once per idempotency key. */
export const INVENTORY_ADJUST_QUANTITIES = operation<InventoryAdjustQuantitiesData, InventoryAdjustQuantitiesVariables>(`
mutation InventoryAdjustQuantities($input: InventoryAdjustQuantitiesInput!, $key: String!) {
  inventoryAdjustQuantities(input: $input) @idempotent(key: $key) {
    inventoryAdjustmentGroup {
      id
      createdAt
      reason
      referenceDocumentUri
      changes {
        name
        delta
        quantityAfterChange
        item {
          id
        }
        location {
          id
        }
      }
    }
    userErrors {
      field
      message
      code
    }
  }
}`);
