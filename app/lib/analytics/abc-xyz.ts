import { requireCents, requireNonNegative } from "./validate";

/** Revenue class: A = the items making the first ~80% of revenue, B the next ~15%, C the rest. */
export type AbcClass = "A" | "B" | "C";
/** Variability class: X steady, Y variable, Z erratic or sporadic. */
export type XyzClass = "X" | "Y" | "Z";

/** Default cycle service level per ABC × XYZ cell (see ADR 024). */
export const DEFAULT_SERVICE_LEVELS: Readonly<Record<`${AbcClass}${XyzClass}`, number>> = Object.freeze({
  AX: 0.98,
  AY: 0.97,
  AZ: 0.95,
  BX: 0.96,
  BY: 0.95,
  BZ: 0.92,
  CX: 0.93,
  CY: 0.9,
  CZ: 0.85,
});

const logit = (p: number) => Math.log(p / (1 - p));

/**
 * Cycle service level of an ABC × XYZ cell from the shop's level for the ABC class, which is its X cell:
 * the Y and Z cells keep the default matrix's step from X on the log-odds scale,
 * logit(p) = logit(classLevel) + logit(DEFAULT[aZ]) − logit(DEFAULT[aX]), so every cell stays in (0, 1)
 * whatever the class level, and the defaults come back exactly (A 98% → AY 97%, AZ 95%). ADR 024.
 * Reference: Silver, Pyke & Thomas, 4th ed., ch. 2 (ABC) and ch. 7 (lower service where protection costs most);
 * Scholz-Reiter et al. (2012) (XYZ).
 * @throws RangeError "serviceLevel must be between 0 and 1 exclusive"
 * @example cellServiceLevel(0.95, "B", "Z") // 0.9010 (the default B row steps 96% → 92%)
 */
export function cellServiceLevel(classLevel: number, abc: AbcClass, xyz: XyzClass): number {
  if (!(classLevel > 0 && classLevel < 1)) throw new RangeError("serviceLevel must be between 0 and 1 exclusive");
  if (xyz === "X") return classLevel;
  const shift = logit(DEFAULT_SERVICE_LEVELS[`${abc}${xyz}`]) - logit(DEFAULT_SERVICE_LEVELS[`${abc}X`]);
  return 1 / (1 + Math.exp(-(logit(classLevel) + shift)));
}

/**
 * ABC classes by revenue (Pareto): sort by revenue descending (ties by id), and an item is A while the
 * cumulative revenue share *before* it is below `aShare` (default 0.8), B while below `bShare` (default
 * 0.95), otherwise C; items with zero revenue are C. Revenue in integer cents; shares are fractions.
 * Complexity O(n log n).
 * Reference: Silver, Pyke & Thomas, Inventory and Production Management in Supply Chains, 4th ed., ch. 2 (ABC classification, Pareto curve).
 * @throws RangeError "revenueCents must be a non-negative integer", "shares must satisfy 0 < aShare < bShare < 1"
 * @example classifyAbc([{ id: "a", revenueCents: 800 }, { id: "b", revenueCents: 150 }, { id: "c", revenueCents: 50 }])
 * // { a: "A", b: "B", c: "C" }
 */
export function classifyAbc(
  items: readonly { readonly id: string; readonly revenueCents: number }[],
  options: { readonly aShare?: number; readonly bShare?: number } = {}
): Record<string, AbcClass> {
  const aShare = options.aShare ?? 0.8;
  const bShare = options.bShare ?? 0.95;
  if (!(aShare > 0 && aShare < bShare && bShare < 1)) throw new RangeError("shares must satisfy 0 < aShare < bShare < 1");
  for (const it of items) requireCents(it.revenueCents, "revenueCents");
  const total = items.reduce((s, it) => s + it.revenueCents, 0);
  const sorted = [...items].sort((x, y) => y.revenueCents - x.revenueCents || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const out: Record<string, AbcClass> = {};
  let before = 0;
  for (const it of sorted) {
    const share = total > 0 ? before / total : 1;
    out[it.id] = it.revenueCents === 0 ? "C" : share < aShare ? "A" : share < bShare ? "B" : "C";
    before += it.revenueCents;
  }
  return out;
}

/**
 * Coefficient of variation of per-period demand, CV = σ/μ with the population σ (dimensionless);
 * null when mean demand is zero. Use weekly totals for daily shops with weekly patterns.
 * Reference: Scholz-Reiter, Heger, Meinecke & Bergmann (2012), "Integration of demand forecasts in ABC-XYZ analysis", IJPM.
 * @example demandCv([10, 10, 10, 10]) // 0 ; demandCv([0, 20]) // 1
 */
export function demandCv(demand: readonly number[]): number | null {
  for (const x of demand) requireNonNegative(x, "demand");
  if (demand.length === 0) return null;
  const mean = demand.reduce((s, x) => s + x, 0) / demand.length;
  if (mean === 0) return null;
  const variance = demand.reduce((s, x) => s + (x - mean) ** 2, 0) / demand.length;
  return Math.sqrt(variance) / mean;
}

/**
 * XYZ class from demand variability: X if CV ≤ `xMax` (default 0.5), Y if CV ≤ `yMax` (default 1.0),
 * otherwise Z; no demand at all is Z.
 * Reference: Scholz-Reiter et al. (2012), IJPM (XYZ by coefficient of variation).
 * @throws RangeError "thresholds must satisfy 0 < xMax < yMax"
 * @example classifyXyz([10, 12, 9, 11]) // "X" ; classifyXyz([0, 0, 40, 0]) // "Z"
 */
export function classifyXyz(demand: readonly number[], options: { readonly xMax?: number; readonly yMax?: number } = {}): XyzClass {
  const xMax = options.xMax ?? 0.5;
  const yMax = options.yMax ?? 1;
  if (!(xMax > 0 && xMax < yMax)) throw new RangeError("thresholds must satisfy 0 < xMax < yMax");
  const cv = demandCv(demand);
  if (cv === null) return "Z";
  return cv <= xMax ? "X" : cv <= yMax ? "Y" : "Z";
}

/** One item for {@link classifyAbcXyz}. */
export interface AbcXyzItem {
  readonly id: string;
  /** Revenue over the analysis window, integer cents. */
  readonly revenueCents: number;
  /** Demand per period (e.g. weekly units) over the same window. */
  readonly demand: readonly number[];
}

/** Classification and default cycle service level of one item. */
export interface AbcXyzResult {
  readonly id: string;
  readonly abc: AbcClass;
  readonly xyz: XyzClass;
  /** Default cycle service level from {@link DEFAULT_SERVICE_LEVELS} (a shop may override it). */
  readonly serviceLevel: number;
}

/**
 * ABC by revenue × XYZ by variability, mapped to a default cycle service level: high-revenue steady
 * items (AX) get 98%, low-revenue erratic items (CZ) 85% — protection is cheapest where demand is steady
 * and matters most where revenue is concentrated. Output in input order.
 * Reference: Silver, Pyke & Thomas, 4th ed., ch. 2 (ABC); Scholz-Reiter et al. (2012) (XYZ); service matrix per ADR 024.
 * @example classifyAbcXyz([{ id: "mug", revenueCents: 90_000, demand: [10, 11, 9] }, { id: "vase", revenueCents: 10_000, demand: [0, 0, 5] }])
 * // [{ id: "mug", abc: "A", xyz: "X", serviceLevel: 0.98 }, { id: "vase", abc: "B", xyz: "Z", serviceLevel: 0.92 }]
 */
export function classifyAbcXyz(
  items: readonly AbcXyzItem[],
  options: { readonly aShare?: number; readonly bShare?: number; readonly xMax?: number; readonly yMax?: number } = {}
): AbcXyzResult[] {
  const abc = classifyAbc(items, options);
  return items.map((it) => {
    const xyz = classifyXyz(it.demand, options);
    const a = abc[it.id];
    return { id: it.id, abc: a, xyz, serviceLevel: DEFAULT_SERVICE_LEVELS[`${a}${xyz}`] };
  });
}
