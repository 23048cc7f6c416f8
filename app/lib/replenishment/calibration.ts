import { requireFinite, requireProbability } from "./validate";

/** One completed backtest interval: what was forecast, the quantile that was used, what happened. Units. */
export interface QuantileBacktest {
  /** Forecast mean of the interval total. */
  readonly mean: number;
  /** Quantile of the interval total at the service level, as used for the decision. */
  readonly quantile: number;
  /** Realised total over the interval. */
  readonly actual: number;
}

/**
 * Scale k ≥ 1 for the upper spread of a service-level quantile, q' = mean + k·(q − mean), from past
 * intervals: the score of each interval is (actual − mean)/(q − mean) (−∞ when actual ≤ mean, +∞ when
 * q ≤ mean < actual), and k is the ⌈p·n⌉-th smallest score, bounded to [1, maxScale]. With k, a share p of
 * the past intervals would have been covered. Never narrows (k ≥ 1); with no samples k = 1.
 * Dimensionless. Complexity O(n log n).
 * Reference: split-conformal calibration of prediction intervals (Vovk, Gammerman & Shafer, Algorithmic
 * Learning in a Random World, 2005; Romano, Patterson & Candès 2019, conformalized quantile regression).
 * @throws RangeError "serviceLevel must be between 0 and 1 exclusive", "maxScale must be a finite number", "maxScale must be at least 1"
 * @example quantileScale([{ mean: 10, quantile: 20, actual: 25 }, { mean: 10, quantile: 20, actual: 12 }], 0.9) // 1.5
 */
export function quantileScale(samples: readonly QuantileBacktest[], serviceLevel: number, maxScale = 4): number {
  requireProbability(serviceLevel, "serviceLevel");
  requireFinite(maxScale, "maxScale");
  if (maxScale < 1) throw new RangeError("maxScale must be at least 1");
  if (samples.length === 0) return 1;
  const scores = samples
    .map(({ mean, quantile, actual }) => {
      requireFinite(mean, "mean");
      requireFinite(quantile, "quantile");
      requireFinite(actual, "actual");
      if (actual <= mean) return Number.NEGATIVE_INFINITY;
      return quantile > mean ? (actual - mean) / (quantile - mean) : Number.POSITIVE_INFINITY;
    })
    .sort((a, b) => a - b);
  const k = scores[Math.min(scores.length - 1, Math.ceil(serviceLevel * scores.length) - 1)];
  return Math.min(maxScale, Math.max(1, k));
}
