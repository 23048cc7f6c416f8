import { requireNonNegativeInteger } from "./validate";

/** One selected plan line: its vendor, the units it would order and their value (integer cents; null: no cost). */
export interface SelectedLine {
  readonly vendorId: string | null;
  readonly units: number;
  readonly valueCents: number | null;
}

/** A vendor whose selected units stay under its minimum order quantity. */
export interface UnderMinimum {
  readonly vendorId: string;
  readonly units: number;
  readonly moq: number;
}

/** Result of {@link selectionTotals}. */
export interface SelectionTotals {
  readonly lines: number;
  readonly units: number;
  /** Sum of the priced lines' values, integer cents. */
  readonly valueCents: number;
  /** Selected lines with units but no unit cost: their value is missing from `valueCents`. */
  readonly unpricedLines: number;
  readonly underMinimum: readonly UnderMinimum[];
}

/**
 * Totals of a selection of plan lines: units = Σ units, value = Σ valueCents (each line's value is computed
 * once, by the service, as units × unit cost rounded to cents), and per vendor Σ units checked against that
 * vendor's minimum order quantity: a vendor whose selected units are above 0 and below its MOQ is listed
 * (a PO under the minimum is one the vendor may refuse; the plan rounds each line up to it, but edited
 * quantities and partial selections can fall short). Units are whole units; value in the shop currency's
 * cents. Reference: the vendor MOQ as an order minimum, Silver, Pyke & Thomas, 4th ed., §5.5 (quantity
 * constraints). O(n).
 * @example selectionTotals([{ vendorId: "a", units: 4, valueCents: 1000 }], { a: 10 })
 *   // → { lines: 1, units: 4, valueCents: 1000, unpricedLines: 0, underMinimum: [{ vendorId: "a", units: 4, moq: 10 }] }
 */
export function selectionTotals(lines: readonly SelectedLine[], moqByVendor: Readonly<Record<string, number | null>>): SelectionTotals {
  let units = 0;
  let valueCents = 0;
  let unpricedLines = 0;
  const perVendor = new Map<string, number>();
  for (const l of lines) {
    requireNonNegativeInteger(l.units, "units");
    if (l.valueCents !== null) requireNonNegativeInteger(l.valueCents, "valueCents");
    units += l.units;
    if (l.valueCents === null) unpricedLines += l.units > 0 ? 1 : 0;
    else valueCents += l.valueCents;
    if (l.vendorId !== null) perVendor.set(l.vendorId, (perVendor.get(l.vendorId) ?? 0) + l.units);
  }
  const underMinimum: UnderMinimum[] = [];
  for (const [vendorId, vendorUnits] of perVendor) {
    const moq = moqByVendor[vendorId] ?? null;
    if (moq !== null && vendorUnits > 0 && vendorUnits < moq) underMinimum.push({ vendorId, units: vendorUnits, moq });
  }
  return { lines: lines.length, units, valueCents, unpricedLines, underMinimum };
}
