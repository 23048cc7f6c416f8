import { requireNonNegative, requirePositive } from "./validate";

/** Options for {@link blendLeadTime}. */
export interface BlendLeadTimeInput {
  /** The vendor's stated (quoted) lead time, days. */
  readonly statedDays: number;
  /** Observed lead times from past receipts (order placed → received), days. */
  readonly observedDays: readonly number[];
  /** Weight of the stated value, in pseudo-receipts. Default 3: after 3 receipts observed and stated count equally. */
  readonly priorWeight?: number;
  /** Prior coefficient of variation of the lead time around the stated value. Default 0.2. */
  readonly statedCv?: number;
}

/** Blended lead-time estimate, days. */
export interface LeadTimeEstimate {
  readonly meanDays: number;
  readonly sdDays: number;
  /** Number of observed receipts used. */
  readonly observations: number;
}

/** Default weight of the vendor's stated lead time, in pseudo-receipts (see ADR 021). */
export const DEFAULT_LEAD_TIME_PRIOR_WEIGHT = 3;
/** Default prior coefficient of variation of a stated lead time (see ADR 021). */
export const DEFAULT_STATED_LEAD_TIME_CV = 0.2;

/**
 * Lead-time mean and σ from observed receipts shrunk toward the vendor's stated lead time. The stated
 * value acts as w pseudo-receipts with spread σ₀ = cv·stated (normal–inverse-gamma conjugate update):
 * mean = (w·stated + n·x̄)/(w + n);
 * σ² = (w·σ₀² + Σ(xᵢ − x̄)² + (w·n/(w + n))·(x̄ − stated)²)/(w + n). Days in, days out.
 * With no receipts the result is (stated, cv·stated); with many receipts it tends to the sample moments.
 * Reference: Gelman et al., Bayesian Data Analysis, 3rd ed., §3.3 (normal model with conjugate prior);
 * lead-time variability in safety stock: Silver, Pyke & Thomas, 4th ed., ch. 6.
 * @throws RangeError "statedDays must be a positive finite number", "observedDays must be a non-negative finite number", "priorWeight must be a positive finite number"
 * @example blendLeadTime({ statedDays: 10, observedDays: [12, 14, 13, 15, 11] })
 * // { meanDays: 11.875, sdDays: √(38.875/8) = 2.2044, observations: 5 }
 */
export function blendLeadTime(input: BlendLeadTimeInput): LeadTimeEstimate {
  const { statedDays, observedDays } = input;
  const w = input.priorWeight ?? DEFAULT_LEAD_TIME_PRIOR_WEIGHT;
  const cv = input.statedCv ?? DEFAULT_STATED_LEAD_TIME_CV;
  requirePositive(statedDays, "statedDays");
  requirePositive(w, "priorWeight");
  requireNonNegative(cv, "statedCv");
  for (const x of observedDays) requireNonNegative(x, "observedDays");
  const n = observedDays.length;
  const priorVar = (cv * statedDays) ** 2;
  if (n === 0) return { meanDays: statedDays, sdDays: Math.sqrt(priorVar), observations: 0 };
  const xbar = observedDays.reduce((s, x) => s + x, 0) / n;
  const ss = observedDays.reduce((s, x) => s + (x - xbar) ** 2, 0);
  const meanDays = (w * statedDays + n * xbar) / (w + n);
  const variance = (w * priorVar + ss + ((w * n) / (w + n)) * (xbar - statedDays) ** 2) / (w + n);
  return { meanDays, sdDays: Math.sqrt(variance), observations: n };
}
