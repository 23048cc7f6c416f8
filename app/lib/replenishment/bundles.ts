import { requireNonNegative, requireNonNegativeInteger, requirePositive } from "./validate";

/** One bill-of-materials row: one bundle contains `quantity` of a component. */
export interface BomRow {
  readonly bundleId: string;
  readonly componentId: string;
  /** Component units per bundle unit (a positive integer). */
  readonly quantity: number;
}

/** A sale as demand: net units of one variant and their revenue in integer minor units (cents, mills …). */
export interface DemandLine {
  readonly variantId: string;
  readonly units: number;
  readonly revenueMinor: number;
}

/**
 * Bundle sales as component demand (one-level bill of materials). Every line of a bundle listed in `bom` is
 * replaced by one line per component, keeping the line's other fields (order, location, local day):
 *   units(c) = units(bundle line) × qty(bundle, c)
 *   revenue(c) = the line's revenue split in proportion to qty(bundle, c) × standalone price(c)
 *                (relative standalone selling price; by quantity alone when no component has a price),
 *                in whole minor units by largest remainder, so the parts add up to the line's revenue exactly.
 * Lines of other variants pass through unchanged, so each unit sold counts once: as itself, or as its
 * components. The caller lists only the bundles to explode (those without inventory of their own).
 * Reference: Orlicky, Material Requirements Planning (1975), gross-requirements explosion; revenue split
 * as IFRS 15 §§ 73–80 allocate a bundle's price (relative standalone selling prices).
 * Complexity: O(lines × components per bundle).
 * @throws RangeError "nested bundles are not supported: <id>", "quantity must be a non-negative integer",
 *   "quantity must be a positive finite number", "units must be a non-negative finite number",
 *   "revenueMinor must be a non-negative integer", "price must be a non-negative finite number"
 * @example explodeBundleDemand([{ variantId: "kit", units: 3, revenueMinor: 1000 }],
 *   [{ bundleId: "kit", componentId: "mug", quantity: 2 }, { bundleId: "kit", componentId: "tea", quantity: 1 }],
 *   { mug: 300, tea: 400 })
 * // [{ variantId: "mug", units: 6, revenueMinor: 600 }, { variantId: "tea", units: 3, revenueMinor: 400 }]
 */
export function explodeBundleDemand<L extends DemandLine>(
  lines: readonly L[],
  bom: readonly BomRow[],
  standalonePriceMinor: Readonly<Record<string, number>> = {},
): L[] {
  const byBundle = new Map<string, BomRow[]>();
  for (const row of bom) {
    requirePositive(row.quantity, "quantity");
    requireNonNegativeInteger(row.quantity, "quantity");
    byBundle.set(row.bundleId, [...(byBundle.get(row.bundleId) ?? []), row]);
  }
  for (const row of bom) if (byBundle.has(row.componentId)) throw new RangeError(`nested bundles are not supported: ${row.componentId}`);
  for (const price of Object.values(standalonePriceMinor)) requireNonNegative(price, "price");
  const out: L[] = [];
  for (const line of lines) {
    requireNonNegative(line.units, "units");
    requireNonNegativeInteger(line.revenueMinor, "revenueMinor");
    const rows = byBundle.get(line.variantId);
    if (!rows) {
      out.push(line);
      continue;
    }
    const priced = rows.map((r) => r.quantity * (standalonePriceMinor[r.componentId] ?? 0));
    const weights = priced.some((w) => w > 0) ? priced : rows.map((r) => r.quantity);
    const shares = allocate(line.revenueMinor, weights);
    rows.forEach((row, i) => out.push({ ...line, variantId: row.componentId, units: line.units * row.quantity, revenueMinor: shares[i] }));
  }
  return out;
}

/** `total` split in proportion to `weights` (positive sum) in whole units; the remainder goes to the largest fractions, earlier rows first. */
function allocate(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const shares = exact.map(Math.floor);
  let left = total - shares.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, frac: x - Math.floor(x) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) shares[order[k].i]++;
  return shares;
}
