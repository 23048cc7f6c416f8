import { requireNonNegative, requireNonNegativeInteger } from "./validate";

/** One line of a native Shopify purchase order marked ordered, for one variant at its destination. */
export interface NativeOrderedLine {
  /** Units ordered on the line (Shopify's totalQuantity). */
  readonly quantity: number;
  /** When the PO was marked ordered, as any increasing number (e.g. epoch ms); null = unknown, oldest. */
  readonly orderedAt: number | null;
}

/**
 * Which of Shopify's `incoming` units at one level come from native purchase orders (docs/on-order.md, "Native
 * purchase orders"). Marking a native PO ordered raises `incoming` by its lines; receiving lowers it. So the
 * native lines describe units already inside `incoming`, never extra ones: their shares sum to at most
 * `incoming`. The API gives no received quantity per line, so received units are assumed to be the oldest
 * POs': `incoming` is handed to the most recently ordered lines first (ties: input order), each up to its
 * quantity. What is left over (incoming − Σ shares) is transfers and anything else Shopify counts as incoming.
 * Reference: Shopify admin purchase orders, "Mark as ordered" raises the destination's incoming, receiving lowers
 * it (shared docs/shopify-platform.md §11);
 * Silver, Pyke & Thomas, 4th ed., ch. 6 (each outstanding order counted once). O(n log n).
 * @returns units of `incoming` per line, in input order
 * @throws RangeError "incoming must be a non-negative finite number"; "quantity must be a non-negative integer"
 * @example nativeIncomingShares([{ quantity: 10, orderedAt: 1 }, { quantity: 6, orderedAt: 2 }], 8) // [2, 6]
 */
export function nativeIncomingShares(lines: readonly NativeOrderedLine[], incoming: number): number[] {
  requireNonNegative(incoming, "incoming");
  for (const line of lines) requireNonNegativeInteger(line.quantity, "quantity");
  const order = lines.map((_, i) => i).sort((a, b) => (lines[b].orderedAt ?? -Infinity) - (lines[a].orderedAt ?? -Infinity) || a - b);
  const shares = lines.map(() => 0);
  let left = Math.floor(incoming);
  for (const i of order) {
    shares[i] = Math.min(lines[i].quantity, left);
    left -= shares[i];
  }
  return shares;
}
