import { requireCents, requireNonNegative } from "./validate";
import { combineVendorScore, DEFAULT_VENDOR_WEIGHTS } from "./vendor-score";

/** Fewest observations behind a scorecard figure; below it the figure reads "not enough data" (issue 17). */
const MIN_SCORECARD_OBSERVATIONS = 3;
/** A first receipt sooner than this fraction of the stated lead time after sending is not a lead-time observation. */
const TOO_EARLY_RECEIPT_FRACTION = 0.1;

/**
 * Whether a first receipt came implausibly soon after sending: lead time < 10% of the vendor's stated lead
 * time (days both). Such a receipt is almost always a booking error (goods received against the wrong PO, or
 * stock already on hand), so it is flagged and kept out of lead-time observations. Reference: outlier
 * screening of lead-time samples before estimating the distribution, Silver, Pyke & Thomas, 4th ed., §6.10;
 * the 10% threshold is a product choice (docs/vendors.md).
 * @throws RangeError "leadTimeDays must be a non-negative finite number", "statedLeadTimeDays must be a non-negative finite number"
 * @example isTooEarlyReceipt(0.01, 20) // true: 15 minutes after sending, stated 20 days (threshold 2 days)
 */
export function isTooEarlyReceipt(leadTimeDays: number, statedLeadTimeDays: number): boolean {
  requireNonNegative(leadTimeDays, "leadTimeDays");
  requireNonNegative(statedLeadTimeDays, "statedLeadTimeDays");
  return leadTimeDays < TOO_EARLY_RECEIPT_FRACTION * statedLeadTimeDays;
}

/** One received purchase order, as the fair scorecard sees it. */
export interface ScorecardDelivery {
  /** Days from sending to the first receipt. */
  readonly leadTimeDays: number;
  /** Days from sending to the expected date. */
  readonly promisedLeadTimeDays: number;
  readonly orderedUnits: number;
  readonly receivedUnits: number;
  /** The expected date has passed or the PO is fully received or closed: only then it counts for on-time and fill rates. */
  readonly due: boolean;
  /** See {@link isTooEarlyReceipt}: its timing is left out (lead time and on-time rate). */
  readonly tooEarly: boolean;
  /** Each line's variant (any stable key) and unit cost, integer cents. */
  readonly lines: readonly { readonly variant: string; readonly unitCostCents: number }[];
}

/** A figure and how many observations it rests on; value null under {@link MIN_SCORECARD_OBSERVATIONS}. */
export interface ScorecardFigure {
  readonly value: number | null;
  readonly observations: number;
}

/** The fair vendor scorecard. Rates and price variation are fractions; days; score 0–100. */
export interface FairVendorScorecard {
  /** Share of due deliveries whose first receipt came by the expected date + grace. */
  readonly onTimeRate: ScorecardFigure;
  /** Σ min(received, ordered) ÷ Σ ordered over due deliveries. */
  readonly fillRate: ScorecardFigure;
  /** Mean and population σ of accepted lead-time observations (sd null like the mean). */
  readonly leadTimeMeanDays: ScorecardFigure;
  readonly leadTimeSdDays: number | null;
  /** Mean of |cost − previous cost| ÷ previous cost, each variant against its own earlier cost. */
  readonly priceVariation: ScorecardFigure;
  /** Observations = due deliveries; null under the minimum. */
  readonly score: ScorecardFigure;
}

/**
 * A vendor scorecard that one purchase order cannot skew:
 * - on-time and fill rates count only due deliveries (expected date passed, or fully received / closed), so a
 *   partial receipt on a PO not yet due does not lower them;
 * - lead time counts sent → first receipt of every delivery except too-early ones ({@link isTooEarlyReceipt});
 * - price variation compares each variant with its own previous unit cost (deliveries in sending order), never
 *   an average across different products: mean of |cᵢ − cᵢ₋₁| ÷ cᵢ₋₁ over all such pairs;
 * - each figure carries its sample size and is null with fewer than 3 observations; the score (weights of
 *   ADR 024 via {@link combineVendorScore}, a figure without enough data leaves its weight to the others) is
 *   null with fewer than 3 due deliveries.
 * Reference: Weber, Current & Benton (1991), EJOR 50(1) (criteria); price change as period-over-period relative
 * change of the same item, as in a price index (ILO/IMF CPI Manual 2004, ch. 1). Complexity O(lines).
 * @throws RangeError "graceDays must be a non-negative finite number", "orderedUnits must be a positive finite number", and the input checks of vendorScore
 * @example fairVendorScorecard([d(10), d(10), d(12)]) // onTimeRate { value: 2/3, observations: 3 }, leadTimeMeanDays { value: 10.67, observations: 3 }, …
 */
export function fairVendorScorecard(deliveries: readonly ScorecardDelivery[], options: { readonly graceDays?: number } = {}): FairVendorScorecard {
  const grace = options.graceDays ?? 0;
  requireNonNegative(grace, "graceDays");
  for (const d of deliveries) {
    requireNonNegative(d.leadTimeDays, "leadTimeDays");
    requireNonNegative(d.promisedLeadTimeDays, "promisedLeadTimeDays");
    if (!Number.isFinite(d.orderedUnits) || d.orderedUnits <= 0) throw new RangeError("orderedUnits must be a positive finite number");
    requireNonNegative(d.receivedUnits, "receivedUnits");
    for (const l of d.lines) requireCents(l.unitCostCents, "unitCostCents");
  }
  const due = deliveries.filter((d) => d.due);
  const timed = due.filter((d) => !d.tooEarly);
  const onTime = figure(timed.length ? timed.filter((d) => d.leadTimeDays <= d.promisedLeadTimeDays + grace).length / timed.length : 0, timed.length);
  const ordered = due.reduce((s, d) => s + d.orderedUnits, 0);
  const fill = figure(ordered > 0 ? due.reduce((s, d) => s + Math.min(d.receivedUnits, d.orderedUnits), 0) / ordered : 0, due.length);
  const leadTimes = deliveries.filter((d) => !d.tooEarly).map((d) => d.leadTimeDays);
  const ltMean = leadTimes.reduce((s, x) => s + x, 0) / Math.max(1, leadTimes.length);
  const ltSd = Math.sqrt(leadTimes.reduce((s, x) => s + (x - ltMean) ** 2, 0) / Math.max(1, leadTimes.length));
  const leadTime = figure(ltMean, leadTimes.length);
  const changes = priceChanges(deliveries);
  const price = figure(changes.reduce((s, x) => s + x, 0) / Math.max(1, changes.length), changes.length);
  const score =
    due.length < MIN_SCORECARD_OBSERVATIONS
      ? null
      : combineVendorScore(
          {
            onTimeRate: onTime.value,
            fillRate: fill.value,
            leadTimeCv: leadTime.value === null ? null : leadTime.value > 0 ? ltSd / leadTime.value : 0,
            priceVariation: price.value,
          },
          DEFAULT_VENDOR_WEIGHTS,
        );
  return {
    onTimeRate: onTime,
    fillRate: fill,
    leadTimeMeanDays: leadTime,
    leadTimeSdDays: leadTime.value === null ? null : ltSd,
    priceVariation: price,
    score: { value: score, observations: due.length },
  };
}

function figure(value: number, observations: number): ScorecardFigure {
  return { value: observations >= MIN_SCORECARD_OBSERVATIONS ? value : null, observations };
}

/** |c − previous c| ÷ previous c for every line whose variant was bought before at a positive cost, in order. */
function priceChanges(deliveries: readonly ScorecardDelivery[]): number[] {
  const last = new Map<string, number>();
  const out: number[] = [];
  for (const d of deliveries) {
    for (const l of d.lines) {
      const prev = last.get(l.variant);
      if (prev !== undefined && prev > 0) out.push(Math.abs(l.unitCostCents - prev) / prev);
      last.set(l.variant, l.unitCostCents);
    }
  }
  return out;
}
