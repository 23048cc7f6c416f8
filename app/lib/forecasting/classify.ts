/**
 * Demand classification (Syntetos–Boylan quadrants plus "new" and "dead").
 */

/** Demand class of a series. */
export type DemandClass = "smooth" | "erratic" | "intermittent" | "lumpy" | "new" | "dead";

/** Options for {@link classifyDemand}. */
export interface ClassifyOptions {
  /** Periods per week (7 for daily data, 1 for weekly). Default 7. */
  periodsPerWeek?: number;
  /** History shorter than this many weeks (from the first sale) is "new". Default 8. */
  newWeeks?: number;
  /** No sale in the last this many weeks is "dead". Default 26. */
  deadWeeks?: number;
}

/** Classification with the statistics behind it. */
export interface DemandClassification {
  demandClass: DemandClass;
  /** Average inter-demand interval, periods (Infinity with no demand). */
  adi: number;
  /** Squared coefficient of variation of the non-zero sizes (NaN with < 2 of them). */
  cv2: number;
  /** Known periods from the first sale to the end. */
  periods: number;
}

/**
 * ADI cut-off of Syntetos, Boylan & Croston (2005).
 * @example ADI_CUTOFF // 1.32 (periods between demands)
 */
export const ADI_CUTOFF = 1.32;
/**
 * CV² cut-off of Syntetos, Boylan & Croston (2005).
 * @example CV2_CUTOFF // 0.49 (squared coefficient of variation of sizes)
 */
export const CV2_CUTOFF = 0.49;

/**
 * Classifies demand: ADI = known periods from the first sale / number of non-zero periods;
 * CV² = variance/mean² of non-zero sizes (population variance). smooth: ADI < 1.32, CV² < 0.49;
 * erratic: ADI < 1.32, CV² ≥ 0.49; intermittent: ADI ≥ 1.32, CV² < 0.49; lumpy: both high.
 * "new" when fewer than `newWeeks` weeks since the first sale; "dead" when no sale in the last
 * `deadWeeks` weeks of known periods (or never). NaN periods are unknown and not counted (a
 * stock-out is not evidence that demand died).
 * Reference: Syntetos, Boylan & Croston (2005), JORS 56(5), "On the categorization of demand patterns".
 * @example classifyDemand(new Array(70).fill(5)).demandClass // "smooth"
 */
export function classifyDemand(y: ArrayLike<number>, opts: ClassifyOptions = {}): DemandClassification {
  const ppw = opts.periodsPerWeek ?? 7;
  const newWeeks = opts.newWeeks ?? 8;
  const deadWeeks = opts.deadWeeks ?? 26;
  if (!(ppw > 0)) throw new RangeError("periodsPerWeek must be positive");
  const n = y.length;
  let first = -1;
  let last = -1;
  for (let i = 0; i < n; i++) {
    if (y[i] > 0) {
      if (first < 0) first = i;
      last = i;
    }
  }
  if (first < 0) return { demandClass: "dead", adi: Infinity, cv2: NaN, periods: 0 };
  let known = 0;
  let nz = 0;
  let s = 0;
  let ss = 0;
  for (let i = first; i < n; i++) {
    const v = y[i];
    if (v !== v) continue;
    known++;
    if (v > 0) {
      nz++;
      s += v;
      ss += v * v;
    }
  }
  const adi = known / nz;
  const mean = s / nz;
  const cv2 = nz >= 2 ? (ss / nz - mean * mean) / (mean * mean) : NaN;
  let demandClass: DemandClass;
  let knownSince = 0;
  for (let i = last + 1; i < n; i++) if (y[i] === y[i]) knownSince++;
  if (knownSince >= deadWeeks * ppw) demandClass = "dead";
  else if (n - first < newWeeks * ppw) demandClass = "new";
  else if (adi < ADI_CUTOFF) demandClass = cv2 < CV2_CUTOFF ? "smooth" : "erratic";
  else demandClass = cv2 < CV2_CUTOFF || cv2 !== cv2 ? "intermittent" : "lumpy";
  return { demandClass, adi, cv2, periods: known };
}
