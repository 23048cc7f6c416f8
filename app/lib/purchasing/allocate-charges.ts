/** How PO charges are spread over its lines: by line value (units × unit cost) or by units ordered. */
export type AllocationBasis = "value" | "quantity";

/** A PO line as allocation sees it: integer units and integer line value in minor units. */
export interface AllocationLine {
  readonly quantity: number;
  readonly valueMinor: number;
}

function requireWholeNonNegative(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative safe integer, got ${value}`);
}

/**
 * Splits `totalMinor` (integer minor units) in proportion to `weights` so the shares sum to it exactly and
 * none is negative: each share is the floor of its exact quota total × wᵢ / Σw, and the units left over go
 * one each to the largest remainders (ties: larger weight, then earlier line). This is Hamilton's
 * largest-remainder method (Balinski & Young, "Fair Representation", 2nd ed., 2001, ch. 2), the usual way
 * to round an allocated amount to whole cents without losing or inventing any.
 * Zero weights get nothing. With a positive total and no positive weight there is nowhere to put the charge.
 * @throws RangeError on a negative or fractional total or weight, or a positive total with Σw = 0
 */
export function allocateLargestRemainder(totalMinor: number, weights: readonly number[]): number[] {
  requireWholeNonNegative(totalMinor, "totalMinor");
  weights.forEach((w, i) => requireWholeNonNegative(w, `weights[${i}]`));
  const sum = weights.reduce((s, w) => s + BigInt(w), 0n);
  if (totalMinor === 0) return weights.map(() => 0);
  if (sum === 0n) throw new RangeError("a positive total needs at least one positive weight");
  const total = BigInt(totalMinor);
  // BigInt: total × weight can pass 2^53 (a $10,000 charge over lines worth millions of cents).
  const floors = weights.map((w) => (total * BigInt(w)) / sum);
  const remainders = weights.map((w) => (total * BigInt(w)) % sum);
  let left = Number(total - floors.reduce((s, f) => s + f, 0n));
  const order = weights
    .map((w, i) => i)
    .sort((a, b) => (remainders[b] > remainders[a] ? 1 : remainders[b] < remainders[a] ? -1 : weights[b] - weights[a] || a - b));
  const shares = floors.map(Number);
  for (const i of order) {
    if (left === 0) break;
    if (weights[i] === 0) continue;
    shares[i] += 1;
    left -= 1;
  }
  return shares;
}

/**
 * Each line's share of the PO's charges (integer minor units, same order as `lines`), by value or by
 * quantity. By value with every line at zero value (costs not entered yet) it falls back to quantity, so a
 * freight bill is never refused for missing unit costs.
 * Worked example (allocate-charges.test.ts): $100.00 freight over lines worth $30, $30 and $40 by value →
 * 3000, 3000 and 4000 cents; $1.00 over three equal lines → 34, 33, 33 cents.
 */
export function allocateCharges(totalMinor: number, lines: readonly AllocationLine[], basis: AllocationBasis): number[] {
  lines.forEach((l, i) => {
    requireWholeNonNegative(l.quantity, `lines[${i}].quantity`);
    requireWholeNonNegative(l.valueMinor, `lines[${i}].valueMinor`);
  });
  const byValue = basis === "value" && lines.some((l) => l.valueMinor > 0);
  return allocateLargestRemainder(
    totalMinor,
    lines.map((l) => (byValue ? l.valueMinor : l.quantity)),
  );
}

/**
 * Landed unit cost in ten-thousandths of the major unit: unit cost + allocated share ÷ units, rounded half up.
 * (Landed cost = purchase price + freight, duty and other costs to bring the goods in: IAS 2 §10–11.)
 * Worked example: unit cost $3.00 (30000) with a 1000-cent share over 6 units → 30000 + 16666.67 → 46667.
 * @throws RangeError on a fractional or negative input, or a share on zero units
 */
export function landedUnitCostTenThousandths(unitCostTenThousandths: number, shareMinor: number, quantity: number): number {
  requireWholeNonNegative(unitCostTenThousandths, "unitCostTenThousandths");
  requireWholeNonNegative(shareMinor, "shareMinor");
  requireWholeNonNegative(quantity, "quantity");
  if (quantity === 0) {
    if (shareMinor > 0) throw new RangeError("a share needs at least one unit");
    return unitCostTenThousandths;
  }
  // share in ten-thousandths = shareMinor × 100; round (2·x + q) / (2·q) for half up without floats.
  const extra = (2n * BigInt(shareMinor) * 100n + BigInt(quantity)) / (2n * BigInt(quantity));
  return unitCostTenThousandths + Number(extra);
}
