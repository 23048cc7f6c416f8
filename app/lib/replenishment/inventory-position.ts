import { requireNonNegative } from "./validate";

/** Stock figures for one variant at one location, in units. */
export interface StockFigures {
  /** Physically on hand. */
  readonly onHand: number;
  /** Ordered from vendors, not yet received. */
  readonly onOrder: number;
  /** Promised to open orders, not yet shipped. */
  readonly committed: number;
  /** Owed to customers with no stock allocated. Default 0. */
  readonly backorders?: number;
}

/**
 * Inventory position = on hand + on order − committed − backorders, in units. This is what reorder
 * decisions compare with the reorder point / order-up-to level; it can be negative.
 * Reference: Silver, Pyke & Thomas, Inventory and Production Management in Supply Chains, 4th ed., ch. 6 (inventory position).
 * @throws RangeError "onHand must be a non-negative finite number" (likewise onOrder, committed, backorders)
 * @example inventoryPosition({ onHand: 40, onOrder: 100, committed: 5, backorders: 3 }) // 132
 */
export function inventoryPosition(stock: StockFigures): number {
  const backorders = stock.backorders ?? 0;
  requireNonNegative(stock.onHand, "onHand");
  requireNonNegative(stock.onOrder, "onOrder");
  requireNonNegative(stock.committed, "committed");
  requireNonNegative(backorders, "backorders");
  return stock.onHand + stock.onOrder - stock.committed - backorders;
}

/**
 * Net stock available to sell now = on hand − committed − backorders, in units (can be negative).
 * Used for days of cover and projected stockout.
 * Reference: Silver, Pyke & Thomas, 4th ed., ch. 6 (net stock).
 * @example netStock({ onHand: 40, onOrder: 100, committed: 5, backorders: 3 }) // 32
 */
export function netStock(stock: StockFigures): number {
  return inventoryPosition({ ...stock, onOrder: 0 });
}
