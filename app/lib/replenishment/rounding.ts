import { requireFinite, requireNonNegativeInteger, requirePositiveInteger } from "./validate";

/** Vendor order constraints, in units. */
export interface OrderConstraints {
  /** Minimum order quantity; default 0 (none). */
  readonly moq?: number;
  /** Units per case; orders are whole cases. Default 1. */
  readonly casePack?: number;
  /** Maximum quantity per order; default none. */
  readonly maxQuantity?: number;
}

/** A constraint that changed the quantity. */
export type RoundingStep = "moq" | "case-pack" | "max-quantity";

/** Result of {@link roundOrderQuantity}. */
export interface RoundedQuantity {
  /** Units to order: 0 or a whole number of cases within [moq, maxQuantity]. */
  readonly quantity: number;
  /** Constraints that changed the quantity, in the order applied. */
  readonly applied: readonly RoundingStep[];
}

/**
 * Turns a raw (fractional) requirement into an orderable quantity: nothing if raw ≤ 0; otherwise
 * raise to the MOQ, round up to whole cases (ceil(q / pack)·pack), and if that exceeds the maximum,
 * round the maximum down to whole cases. Throws if no whole-case quantity satisfies both MOQ and max.
 * Units in, units out. Rounding up (never to nearest) keeps the service target.
 * Reference: Silver, Pyke & Thomas, 4th ed., ch. 4 (quantity discounts and minimums; rounding to pack sizes).
 * @throws RangeError "rawQuantity must be a finite number", "casePack must be a positive integer", "moq must be a non-negative integer", "maxQuantity must be a positive integer", "no whole-case quantity between moq and maxQuantity"
 * @example roundOrderQuantity(37.2, { moq: 48, casePack: 12 }) // { quantity: 48, applied: ["moq"] }
 * @example roundOrderQuantity(50, { casePack: 12 }) // { quantity: 60, applied: ["case-pack"] }
 */
export function roundOrderQuantity(rawQuantity: number, constraints: OrderConstraints = {}): RoundedQuantity {
  requireFinite(rawQuantity, "rawQuantity");
  const moq = constraints.moq ?? 0;
  const pack = constraints.casePack ?? 1;
  requireNonNegativeInteger(moq, "moq");
  requirePositiveInteger(pack, "casePack");
  const max = constraints.maxQuantity;
  if (max !== undefined) requirePositiveInteger(max, "maxQuantity");
  const minOrderable = Math.ceil(Math.max(moq, 1) / pack) * pack;
  if (max !== undefined && Math.floor(max / pack) * pack < minOrderable) {
    throw new RangeError("no whole-case quantity between moq and maxQuantity");
  }
  if (rawQuantity <= 0) return { quantity: 0, applied: [] };
  const applied: RoundingStep[] = [];
  let q = rawQuantity;
  if (q < moq) {
    q = moq;
    applied.push("moq");
  }
  const cased = Math.ceil(q / pack - 1e-9) * pack;
  if (pack > 1 && cased !== q) applied.push("case-pack");
  q = cased;
  if (max !== undefined && q > max) {
    q = Math.floor(max / pack) * pack;
    applied.push("max-quantity");
  }
  return { quantity: q, applied };
}
