// How many inventory items one InventoryItemQuantities request may ask for (pure; no I/O).

/** Shopify refuses a single query whose requested cost exceeds this many points (docs: rate limits). */
export const MAX_REQUESTED_QUERY_COST = 1000;
/** Never more ids per request than this, whatever the cost allows (keeps one answer small). */
export const MAX_ITEMS_PER_REQUEST = 50;

/**
 * Items per InventoryItemQuantities request that keep its requested cost within MAX_REQUESTED_QUERY_COST.
 * Shopify's calculated cost: an object costs 1, a connection 2 + its `first`, scalars 0. Per item: the item (1)
 * + its levels connection (2) + per level the level (1), its location (1) and up to five quantities (5), so
 * 3 + 7 × levels. Result: ⌊1000 / (3 + 7 × levels)⌋, at least 1 and at most 50.
 * @throws RangeError "levels must be a positive integer"
 * @example itemsPerQuantitiesRequest(1) // 50 (cost 500); itemsPerQuantitiesRequest(10) // 13 (cost 949)
 */
export function itemsPerQuantitiesRequest(levels: number): number {
  if (!Number.isInteger(levels) || levels < 1) throw new RangeError("levels must be a positive integer");
  return Math.max(1, Math.min(MAX_ITEMS_PER_REQUEST, Math.floor(MAX_REQUESTED_QUERY_COST / (3 + 7 * levels))));
}
