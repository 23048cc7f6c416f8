import { requireNonNegative, requirePositive } from "./validate";

/** One bill-of-materials row: one bundle contains `quantity` of a component. */
export interface BomRow {
  readonly bundleId: string;
  readonly componentId: string;
  /** Component units per bundle unit (positive). */
  readonly quantity: number;
}

/**
 * Component demand per day from bundle sales via a one-level bill of materials:
 * componentDemand[c][t] = directDemand[c][t] + Σ_b bundleDemand[b][t]·qty(b, c). Units per day.
 * Bundles without BOM rows are rejected (their stock would otherwise vanish silently); a component that
 * is itself a bundle is rejected (nested kits are flattened by the caller).
 * Reference: Orlicky, Material Requirements Planning (1975), gross-requirements explosion; Silver, Pyke & Thomas, 4th ed., ch. 15.
 * @throws RangeError "series must all have the same length", "bundle has no bill of materials: <id>", "nested bundles are not supported: <id>", "quantity must be a positive finite number"
 * @example explodeBundleDemand({ kit: [1, 2] }, [{ bundleId: "kit", componentId: "mug", quantity: 2 }], { mug: [3, 0] })
 * // { mug: [5, 4] }
 */
export function explodeBundleDemand(
  bundleDemand: Readonly<Record<string, readonly number[]>>,
  bom: readonly BomRow[],
  directDemand: Readonly<Record<string, readonly number[]>> = {}
): Record<string, number[]> {
  const all = [...Object.values(bundleDemand), ...Object.values(directDemand)];
  const length = all.length > 0 ? all[0].length : 0;
  if (all.some((s) => s.length !== length)) throw new RangeError("series must all have the same length");
  for (const s of all) for (const x of s) requireNonNegative(x, "demand");
  for (const row of bom) {
    requirePositive(row.quantity, "quantity");
    if (Object.hasOwn(bundleDemand, row.componentId)) throw new RangeError(`nested bundles are not supported: ${row.componentId}`);
  }
  const out: Record<string, number[]> = {};
  for (const [id, series] of Object.entries(directDemand)) out[id] = [...series];
  for (const [bundleId, series] of Object.entries(bundleDemand)) {
    const rows = bom.filter((r) => r.bundleId === bundleId);
    if (rows.length === 0) throw new RangeError(`bundle has no bill of materials: ${bundleId}`);
    for (const row of rows) {
      const target = (out[row.componentId] ??= new Array<number>(length).fill(0));
      for (let t = 0; t < length; t++) target[t] += series[t] * row.quantity;
    }
  }
  return out;
}
