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
 * The stock figures a plan uses from Shopify's `available` quantity, the one stock figure that webhooks keep
 * live: available = on hand − committed − reserved − damaged − safety stock − quality control (units that can
 * be sold now). For a variant that continues selling when out of stock (Shopify's inventory policy CONTINUE),
 * a negative `available` is owed to customers: backorders, so inventory position = available + on order and
 * net stock = available. A variant that stops selling at zero (DENY) takes no backorders: a negative
 * `available` there (an oversell through another channel, an adjustment) is counted as 0 stock, not as units
 * the next order must cover, so position = max(0, available) + on order (docs/on-order.md, "Position").
 * Reference: Silver, Pyke & Thomas, 4th ed., ch. 6 (net stock and backorders); Shopify's inventory states
 * (shopify-platform.md) and ProductVariant.inventoryPolicy.
 * @throws RangeError "available must be a finite number", "onOrder must be a non-negative finite number"
 * @example stockFromAvailable(-4, 10, true) // { onHand: 0, onOrder: 10, committed: 0, backorders: 4 }: position 6
 * @example stockFromAvailable(-4, 10, false) // { onHand: 0, onOrder: 10, committed: 0, backorders: 0 }: position 10
 */
export function stockFromAvailable(available: number, onOrder: number, continueSelling: boolean): Required<StockFigures> {
  if (!Number.isFinite(available)) throw new RangeError("available must be a finite number");
  requireNonNegative(onOrder, "onOrder");
  return { onHand: Math.max(0, available), onOrder, committed: 0, backorders: continueSelling ? backorders(available) : 0 };
}

/**
 * Units owed to customers of a variant that continues selling at zero stock = max(0, −available); 0 for a
 * variant that stops selling (DENY). What the plan subtracts from the position and the screens show as
 * "Backorders".
 * @throws RangeError "available must be a finite number"
 * @example backorderedUnits(-3, true) // 3; backorderedUnits(-3, false) // 0; backorderedUnits(5, true) // 0
 */
export function backorderedUnits(available: number, continueSelling: boolean): number {
  if (!Number.isFinite(available)) throw new RangeError("available must be a finite number");
  return continueSelling ? backorders(available) : 0;
}

const backorders = (available: number) => Math.max(0, -available);

/**
 * What `available` adds to the inventory position = available for a variant that continues selling (its
 * negative part is backorders), max(0, available) for one that stops selling: stockFromAvailable's position
 * without on order. Alerts use it to move a planned position by a later webhook's change in available.
 * @throws RangeError "available must be a finite number"
 * @example availableInPosition(-4, true) // -4; availableInPosition(-4, false) // 0
 */
export function availableInPosition(available: number, continueSelling: boolean): number {
  if (!Number.isFinite(available)) throw new RangeError("available must be a finite number");
  return continueSelling ? available : Math.max(0, available);
}

/**
 * Whether a variant with this Shopify inventory policy takes backorders: "CONTINUE" yes, "DENY" no. A policy
 * not synced yet (null) counts as CONTINUE, the rule before the policy was synced (a negative available is
 * owed), which errs towards ordering.
 * @example continuesSelling("DENY") // false; continuesSelling(null) // true
 */
export function continuesSelling(inventoryPolicy: string | null | undefined): boolean {
  return inventoryPolicy !== "DENY";
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

/** Where units on order come from, for one variant at one location, in units. */
export interface OnOrderSources {
  /** Ordered but not yet received on Stockcast's own purchase orders. Never part of Shopify's `incoming`. */
  readonly stockcastOpen: number;
  /**
   * Ordered but not yet received on purchase orders imported from Stocky. Stocky, or the merchant re-creating
   * the PO as a native Shopify purchase order, may already have put these units into Shopify's `incoming`.
   */
  readonly importedOpen: number;
  /** Shopify's `incoming` quantity: native Shopify purchase orders and transfers (and whatever Stocky pushed). */
  readonly shopifyIncoming: number;
}

/**
 * Units on order, each counted once (docs/on-order.md) = Stockcast's open quantity
 * + max(Shopify incoming, open quantity imported from Stocky).
 * Stockcast's POs never touch Shopify's `incoming` (receiving adjusts `available`), so they simply add. Units on
 * an imported Stocky PO cannot be told apart from Shopify's `incoming` (a native PO re-creating it need not carry
 * its number), so the two overlap as far as they can: the larger one counts. Native Shopify POs are inside
 * `incoming` and add nothing here (nativeIncomingShares only labels part of it). This never
 * counts a unit twice; it can under-count when an unrelated transfer and a Stocky PO that Shopify never saw
 * are both inbound, the safer error for a reorder decision.
 * Reference: Silver, Pyke & Thomas, 4th ed., ch. 6 (on order = outstanding replenishment orders, each once).
 * @throws RangeError "stockcastOpen must be a non-negative finite number" (likewise importedOpen, shopifyIncoming)
 * @example onOrderQuantity({ stockcastOpen: 10, importedOpen: 5, shopifyIncoming: 8 }) // 18
 */
export function onOrderQuantity(sources: OnOrderSources): number {
  requireNonNegative(sources.stockcastOpen, "stockcastOpen");
  requireNonNegative(sources.importedOpen, "importedOpen");
  requireNonNegative(sources.shopifyIncoming, "shopifyIncoming");
  return sources.stockcastOpen + Math.max(sources.shopifyIncoming, sources.importedOpen);
}
