/**
 * Forecasts for new products from analogue products scaled by early sales ("forecasting by analogy").
 * The analogues are summarised once per shop (analogueCurves), so a plan run hands every new item the
 * same few numbers instead of every established item's history.
 */

/** Ages (periods since the first sale) the curves cover: a series is "new" for its first 8 weeks. */
export const ANALOGUE_MAX_AGE = 56;
/** Periods after age a whose mean rate the curves record. */
export const ANALOGUE_AHEAD = 28;
/** Launched series a shop's curves are built from, at most: enough for a stable ratio, bounded work. */
export const ANALOGUE_SAMPLE = 2_000;

/**
 * Analogue launch curves by age a = 1 … maxAge (index a): the sum over analogues of their mean rate in
 * their first a periods (`early`), of their mean rate in the `ahead` periods after (`next`), and how many
 * analogues had both (`used`). Plain data (structured-clone and JSON safe).
 */
export interface AnalogueCurves {
  early: number[];
  next: number[];
  used: number[];
}

/** Result of {@link analogueForecast}. */
export interface AnalogueForecast {
  /** Per-period rate for the periods after the new item's history (units per period). */
  rate: number;
  /** Scale applied to the analogues' average profile (Σ later ÷ Σ early at the item's age). */
  scale: number;
  /** Number of analogues that had enough history to be used. */
  used: number;
}

/**
 * Summarises analogue series, each aligned at its own first sale (leading zeros skipped; NaN = unknown):
 * for every age a, the mean over its first a known periods and over the next `ahead` periods. Analogues
 * shorter than a + 1 periods do not count at age a. O(analogues · (maxAge + ahead)).
 * Reference: Goodwin, Dyussekeneva & Meeran (2013), IJF 29(2); FPP3 §6.5 (forecasting by analogy).
 * @example analogueCurves([[0, 1, 1, 3, 3]], 2).next // [0, 7 / 3, 3]: after age 1 the next [1, 3, 3], after age 2 [3, 3]
 */
export function analogueCurves(analogues: Iterable<ArrayLike<number>>, maxAge = ANALOGUE_MAX_AGE, ahead = ANALOGUE_AHEAD): AnalogueCurves {
  const early = new Array<number>(maxAge + 1).fill(0);
  const next = new Array<number>(maxAge + 1).fill(0);
  const used = new Array<number>(maxAge + 1).fill(0);
  for (const a of analogues) {
    let first = -1;
    for (let i = 0; i < a.length; i++)
      if (a[i] > 0) {
        first = i;
        break;
      }
    if (first < 0) continue;
    for (let age = 1; age <= maxAge && a.length - first >= age + 1; age++) {
      let e = 0;
      let ec = 0;
      for (let i = first; i < first + age; i++)
        if (a[i] === a[i]) {
          e += a[i];
          ec++;
        }
      let x = 0;
      let xc = 0;
      for (let i = first + age; i < Math.min(a.length, first + age + ahead); i++)
        if (a[i] === a[i]) {
          x += a[i];
          xc++;
        }
      if (ec === 0 || xc === 0) continue;
      early[age] += e / ec;
      next[age] += x / xc;
      used[age]++;
    }
  }
  return { early, next, used };
}

/**
 * Analogue rate for a new item with `age` periods of history since its first sale: the item's own mean
 * over those periods × Σ next ÷ Σ early of the analogues at that age (ratio estimator; ages beyond the
 * curves use the last one). With no usable analogue the item's own mean is returned.
 * Reference: Goodwin, Dyussekeneva & Meeran (2013), IJF 29(2); FPP3 §6.5 (forecasting by analogy).
 * @example analogueForecast([2, 2], analogueCurves([[1, 1, 3, 3]]), 2).rate // 6 (early 1 → later 3, scaled by 2)
 */
export function analogueForecast(early: ArrayLike<number>, curves: AnalogueCurves, age: number): AnalogueForecast {
  if (!Number.isInteger(age) || age < 1) throw new RangeError("age must be a positive integer");
  let own = 0;
  let ownN = 0;
  for (let i = 0; i < Math.min(age, early.length); i++) {
    const v = early[i];
    if (v === v) {
      own += v;
      ownN++;
    }
  }
  const ownMean = ownN > 0 ? own / ownN : 0;
  const a = Math.min(age, curves.used.length - 1);
  const used = a >= 1 ? curves.used[a] : 0;
  if (used === 0 || !(curves.early[a] > 0)) return { rate: ownMean, scale: 1, used };
  const scale = curves.next[a] / curves.early[a];
  return { rate: ownMean * scale, scale, used };
}
