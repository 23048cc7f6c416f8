/**
 * Internal precondition helpers shared by the replenishment and analytics formulas. Each throws a
 * `RangeError` with the house-style message "<name> must be …"; nothing is clamped.
 */

/** Throws unless `value` is a finite number ≥ 0. @example requireNonNegative(3, "leadTimeDays") */
export function requireNonNegative(value: number, name: string): void {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${name} must be a non-negative finite number`);
}

/** Throws unless `value` is a finite number > 0. @example requirePositive(3, "unitCostCents") */
export function requirePositive(value: number, name: string): void {
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`${name} must be a positive finite number`);
}

/** Throws unless `value` is a finite number. @example requireFinite(-3, "inventoryPosition") */
export function requireFinite(value: number, name: string): void {
  if (!Number.isFinite(value)) throw new RangeError(`${name} must be a finite number`);
}

/** Throws unless 0 < value < 1. @example requireProbability(0.95, "serviceLevel") */
export function requireProbability(value: number, name: string): void {
  if (!(value > 0 && value < 1)) throw new RangeError(`${name} must be between 0 and 1 exclusive`);
}

/** Throws unless `value` is a non-negative integer. @example requireNonNegativeInteger(12, "casePack") */
export function requireNonNegativeInteger(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer`);
}

/** Throws unless `value` is an integer ≥ 1. @example requirePositiveInteger(12, "casePack") */
export function requirePositiveInteger(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer`);
}
