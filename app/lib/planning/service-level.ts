import { cellServiceLevel, classifyXyz, type AbcClass, type XyzClass } from "~/lib/analytics";
import { costBalancedServiceLevel } from "~/lib/replenishment";

// Which service level a series is planned at: one function for the plan runs and the policy benchmark.

/** Weeks of known history the XYZ class is measured on. */
const XYZ_WEEKS = 26;
/** A week with fewer known days (not stocked out, not closed) says too little and is left out. */
const MIN_KNOWN_DAYS = 4;

/**
 * XYZ class of a daily history: classifyXyz on the weekly totals of its last `weeks` whole weeks (counted back
 * from the last day), each week's known days (not stocked out, not closed) scaled to 7, weeks with fewer than 4
 * known days left out (stocked-out demand is unknown, not zero). No known week: "Z" (nothing to call steady).
 * Units per week; O(n).
 * Reference: Scholz-Reiter et al. (2012), IJPM (XYZ by CV of per-period demand); ADR 024 (weekly totals).
 * @example xyzOfHistory(Array(182).fill(2)) // "X"
 */
export function xyzOfHistory(
  units: ArrayLike<number>,
  stockoutMask?: ArrayLike<boolean | number>,
  closedMask?: ArrayLike<boolean | number>,
  weeks: number = XYZ_WEEKS,
): XyzClass {
  const totals: number[] = [];
  for (let w = 0; w < weeks; w++) {
    const end = units.length - w * 7;
    if (end - 7 < 0) break;
    let known = 0;
    let sum = 0;
    for (let i = end - 7; i < end; i++) {
      if (stockoutMask?.[i] || closedMask?.[i]) continue;
      known++;
      sum += units[i];
    }
    if (known >= MIN_KNOWN_DAYS) totals.push((sum * 7) / known);
  }
  return classifyXyz(totals);
}

/** What sets a series' cycle service level. */
export interface SeriesServiceInput {
  /** Settings' level for the series' ABC class (its X cell), in (0, 1). */
  readonly classLevel: number;
  readonly abc: AbcClass;
  readonly xyz: XyzClass;
  /** Settings → "Lower service levels for variable demand": Y and Z cells step down (cellServiceLevel); off, every cell is the class level. */
  readonly variabilitySteps: boolean;
  /** Unit cost, cents (cost balancing only). */
  readonly unitCostCents: number;
  /** Settings → "Balance service levels by unit cost": the shop's mean unit cost, cents; null when off. */
  readonly costReferenceCents: number | null;
}

/**
 * A series' cycle service level: its ABC × XYZ cell — the class level, stepped down for variable and erratic
 * demand when the shop asks for it (cellServiceLevel), else the class level in every cell (the default: the
 * policy benchmark found the steps costlier at matched fill, ADR 024) — then balanced by unit cost when the
 * shop asks for it (ADR 020).
 * Reference: ADR 024 (cells), ADR 020 (cost balancing).
 * @throws RangeError "serviceLevel must be between 0 and 1 exclusive"
 * @example seriesServiceLevel({ classLevel: 0.98, abc: "A", xyz: "Z", variabilitySteps: true, unitCostCents: 500, costReferenceCents: null }) // 0.95
 */
export function seriesServiceLevel(input: SeriesServiceInput): number {
  if (!(input.classLevel > 0 && input.classLevel < 1)) throw new RangeError("serviceLevel must be between 0 and 1 exclusive");
  const cell = input.variabilitySteps ? cellServiceLevel(input.classLevel, input.abc, input.xyz) : input.classLevel;
  if (input.costReferenceCents === null || !(input.costReferenceCents > 0)) return cell;
  return costBalancedServiceLevel({ serviceLevel: cell, unitCost: Math.max(0, input.unitCostCents), referenceUnitCost: input.costReferenceCents });
}
