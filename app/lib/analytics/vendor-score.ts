import { requireCents, requireNonNegative } from "./validate";

/** One received purchase-order line. */
export interface VendorReceipt {
  /** Days from order to receipt. */
  readonly leadTimeDays: number;
  /** Lead time the vendor promised for this order, days. */
  readonly promisedLeadTimeDays: number;
  readonly orderedUnits: number;
  readonly receivedUnits: number;
  /** Invoiced unit price, integer cents. */
  readonly unitCostCents: number;
}

/** Component weights of {@link vendorScore}; they must sum to 1. */
export interface VendorScoreWeights {
  readonly onTime: number;
  readonly fill: number;
  readonly leadTimeConsistency: number;
  readonly priceStability: number;
}

/** Default weights (ADR 024): delivery reliability dominates. */
export const DEFAULT_VENDOR_WEIGHTS: VendorScoreWeights = Object.freeze({ onTime: 0.35, fill: 0.35, leadTimeConsistency: 0.15, priceStability: 0.15 });

/** Vendor scorecard. Rates are fractions; days; score 0–100. */
export interface VendorScore {
  readonly receipts: number;
  readonly onTimeRate: number;
  /** Σ min(received, ordered) ÷ Σ ordered. */
  readonly fillRate: number;
  readonly leadTimeMeanDays: number;
  readonly leadTimeSdDays: number;
  /** Coefficient of variation of unit price across receipts. */
  readonly priceCv: number;
  readonly score: number;
}

/**
 * Vendor score 0–100 = 100·(w₁·on-time rate + w₂·fill rate + w₃·max(0, 1 − CV_LT) + w₄·max(0, 1 − 5·CV_price)),
 * where on time means lead time ≤ promised + graceDays, CV_LT = σ/μ of lead time (days) and CV_price the
 * coefficient of variation of unit cost (a 20% price CV scores zero on that component). Population σ.
 * Reference: Dickson (1966) and Weber, Current & Benton (1991), "Vendor selection criteria and methods",
 * EJOR 50(1) — delivery, quality/fill and price as the leading criteria; weights per ADR 024.
 * @throws RangeError "receipts must not be empty", "weights must sum to 1", "orderedUnits must be a positive finite number"
 * @example vendorScore([{ leadTimeDays: 10, promisedLeadTimeDays: 10, orderedUnits: 100, receivedUnits: 100, unitCostCents: 500 }])
 * // { onTimeRate: 1, fillRate: 1, leadTimeSdDays: 0, priceCv: 0, score: 100, … }
 */
export function vendorScore(
  receipts: readonly VendorReceipt[],
  options: { readonly graceDays?: number; readonly weights?: VendorScoreWeights } = {}
): VendorScore {
  const grace = options.graceDays ?? 0;
  const w = options.weights ?? DEFAULT_VENDOR_WEIGHTS;
  if (receipts.length === 0) throw new RangeError("receipts must not be empty");
  requireNonNegative(grace, "graceDays");
  for (const v of Object.values(w)) requireNonNegative(v, "weight");
  if (Math.abs(w.onTime + w.fill + w.leadTimeConsistency + w.priceStability - 1) > 1e-9) throw new RangeError("weights must sum to 1");
  for (const r of receipts) {
    requireNonNegative(r.leadTimeDays, "leadTimeDays");
    requireNonNegative(r.promisedLeadTimeDays, "promisedLeadTimeDays");
    if (!Number.isFinite(r.orderedUnits) || r.orderedUnits <= 0) throw new RangeError("orderedUnits must be a positive finite number");
    requireNonNegative(r.receivedUnits, "receivedUnits");
    requireCents(r.unitCostCents, "unitCostCents");
  }
  const n = receipts.length;
  const onTimeRate = receipts.filter((r) => r.leadTimeDays <= r.promisedLeadTimeDays + grace).length / n;
  const fillRate = receipts.reduce((s, r) => s + Math.min(r.receivedUnits, r.orderedUnits), 0) / receipts.reduce((s, r) => s + r.orderedUnits, 0);
  const { mean: ltMean, sd: ltSd } = moments(receipts.map((r) => r.leadTimeDays));
  const { mean: pMean, sd: pSd } = moments(receipts.map((r) => r.unitCostCents));
  const ltCv = ltMean > 0 ? ltSd / ltMean : 0;
  const priceCv = pMean > 0 ? pSd / pMean : 0;
  // All four components are present, so the combination is never null.
  const score = combineVendorScore({ onTimeRate, fillRate, leadTimeCv: ltCv, priceVariation: priceCv }, w) ?? 0;
  return { receipts: n, onTimeRate, fillRate, leadTimeMeanDays: ltMean, leadTimeSdDays: ltSd, priceCv, score };
}

/** The four components of a vendor score; a null component has too little data and is left out. */
export interface VendorScoreComponents {
  readonly onTimeRate: number | null;
  readonly fillRate: number | null;
  /** σ/μ of lead time, days/days. */
  readonly leadTimeCv: number | null;
  /** Relative price variation (a CV or a mean relative change); 20% scores zero. */
  readonly priceVariation: number | null;
}

/**
 * The weighted score of {@link vendorScore}: 100·Σ wᵢ·componentᵢ / Σ wᵢ over the components that are not null, with
 * components on-time rate, fill rate, max(0, 1 − CV_LT) and max(0, 1 − 5·price variation). With all four present
 * the weights sum to 1 and this is exactly vendorScore's formula; a missing component's weight is shared out
 * pro rata. Null when no component is present. Reference: as vendorScore (Weber, Current & Benton 1991; ADR 024).
 * @example combineVendorScore({ onTimeRate: 1, fillRate: 0.9, leadTimeCv: null, priceVariation: null }) // 100·(0.35 + 0.315)/0.7 = 95
 */
export function combineVendorScore(c: VendorScoreComponents, w: VendorScoreWeights = DEFAULT_VENDOR_WEIGHTS): number | null {
  const parts: [number, number | null][] = [
    [w.onTime, c.onTimeRate],
    [w.fill, c.fillRate],
    [w.leadTimeConsistency, c.leadTimeCv === null ? null : Math.max(0, 1 - c.leadTimeCv)],
    [w.priceStability, c.priceVariation === null ? null : Math.max(0, 1 - 5 * c.priceVariation)],
  ];
  const present = parts.filter((p): p is [number, number] => p[1] !== null);
  const weight = present.reduce((s, [wi]) => s + wi, 0);
  if (present.length === 0 || weight === 0) return null;
  return (100 * present.reduce((s, [wi, x]) => s + wi * x, 0)) / weight;
}

function moments(xs: readonly number[]): { mean: number; sd: number } {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  return { mean, sd: Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length) };
}
