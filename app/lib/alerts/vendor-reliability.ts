import { vendorScore, type VendorReceipt } from "~/lib/analytics";
import { type AlertCandidate } from "./rules";

/** One vendor's receipts in the last 90 days and in the 90 days before. */
export interface VendorReliabilityFacts {
  readonly vendorId: string;
  readonly name: string;
  readonly recent: readonly VendorReceipt[];
  readonly previous: readonly VendorReceipt[];
}

export interface VendorReliabilityOptions {
  /** Score drop (0–100 points) that raises the alert. Default 15. */
  readonly scoreDrop?: number;
  /** On-time-rate drop (fraction) that raises the alert. Default 0.25. */
  readonly onTimeDrop?: number;
  /** Receipts needed in each window before comparing. Default 2. */
  readonly minReceipts?: number;
  /** Grace days for "on time", as on the vendor scorecard. Default 1. */
  readonly graceDays?: number;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/**
 * vendor_reliability_dropped (warning): the vendor score of {@link vendorScore} over the last 90 days is more
 * than `scoreDrop` points below the score of the 90 days before, or its on-time rate fell by more than
 * `onTimeDrop` — each window needs `minReceipts` receipts so one late delivery does not decide. Drops equal to
 * the threshold do not fire. Reference: Weber, Current & Benton (1991), EJOR 50(1), delivery performance as the
 * leading vendor criterion; thresholds are product choices (docs/alerts.md).
 * @throws RangeError "scoreDrop must be positive", "onTimeDrop must be between 0 and 1 exclusive", "minReceipts must be a positive integer"
 * @example evaluateVendorReliabilityRules([{ vendorId: "v", name: "Acme", recent: lateReceipts, previous: onTimeReceipts }])
 * // [{ type: "vendor_reliability_dropped", message: "Acme: on-time deliveries fell from 100% to 0% … score 100 → 65 …" }]
 */
export function evaluateVendorReliabilityRules(vendors: readonly VendorReliabilityFacts[], options: VendorReliabilityOptions = {}): AlertCandidate[] {
  const scoreDrop = options.scoreDrop ?? 15;
  const onTimeDrop = options.onTimeDrop ?? 0.25;
  const minReceipts = options.minReceipts ?? 2;
  if (!(scoreDrop > 0)) throw new RangeError("scoreDrop must be positive");
  if (!(onTimeDrop > 0 && onTimeDrop < 1)) throw new RangeError("onTimeDrop must be between 0 and 1 exclusive");
  if (!Number.isInteger(minReceipts) || minReceipts < 1) throw new RangeError("minReceipts must be a positive integer");
  const out: AlertCandidate[] = [];
  for (const v of vendors) {
    if (v.recent.length < minReceipts || v.previous.length < minReceipts) continue;
    const now = vendorScore(v.recent, { graceDays: options.graceDays ?? 1 });
    const before = vendorScore(v.previous, { graceDays: options.graceDays ?? 1 });
    const scoreFell = before.score - now.score > scoreDrop;
    const onTimeFell = before.onTimeRate - now.onTimeRate > onTimeDrop;
    if (!scoreFell && !onTimeFell) continue;
    out.push({
      type: "vendor_reliability_dropped",
      severity: "warning",
      dedupeKey: `vendor_reliability_dropped:${v.vendorId}`,
      entityType: "vendor",
      entityId: v.vendorId,
      muteScope: { entityType: "vendor", entityId: v.vendorId },
      data: { scoreBefore: Math.round(before.score), scoreNow: Math.round(now.score), onTimeBefore: before.onTimeRate, onTimeNow: now.onTimeRate, receipts: now.receipts },
      message:
        `${v.name}: on-time deliveries fell from ${pct(before.onTimeRate)} to ${pct(now.onTimeRate)} and the vendor score from ` +
        `${Math.round(before.score)} to ${Math.round(now.score)} (last 90 days, ${now.receipts} receipts, vs the 90 days before).`,
    });
  }
  return out;
}
