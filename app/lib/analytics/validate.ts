/** Internal precondition helpers for analytics; RangeError in the house style, never clamping. */

/** Throws unless `value` is finite and ≥ 0. @example requireNonNegative(3, "onHand") */
export function requireNonNegative(value: number, name: string): void {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${name} must be a non-negative finite number`);
}

/** Throws unless `value` is an integer ≥ 0 (money in cents). @example requireCents(1999, "unitCostCents") */
export function requireCents(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer`);
}
