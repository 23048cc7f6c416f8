/**
 * Forecasts for new products from analogue products (same type / vendor) scaled by early sales.
 */

/** Result of {@link analogueForecast}. */
export interface AnalogueForecast {
  /** Per-period rate for the periods after the new item's history (units per period). */
  rate: number;
  /** Scale applied to the analogues' average profile (new item's early sales / analogues' early sales). */
  scale: number;
  /** Number of analogues that had enough history to be used. */
  used: number;
}

/**
 * Analogue ("forecasting by analogy") rate for a new item with `age` periods of history since its
 * first sale: each analogue (aligned at its own first sale) contributes its mean rate over the
 * next 28 periods after age a, and its mean over its first a periods; the new item's rate =
 * (new item's mean over its first a periods) × Σ next / Σ early (ratio estimator). Analogues
 * shorter than a + 1 periods are skipped; with none usable, the item's own mean is returned.
 * Reference: Goodwin, Dyussekeneva & Meeran (2013), IJF 29(2), "The use of analogies in
 * forecasting the annual sales of new electronics products"; FPP3 §6.5 (forecasting by analogy).
 * @example analogueForecast([2, 2], [[1, 1, 3, 3]], 2).rate // 6 (early 1 → later 3, scaled by 2)
 */
export function analogueForecast(
  early: ArrayLike<number>,
  analogues: readonly ArrayLike<number>[],
  age: number,
  ahead = 28
): AnalogueForecast {
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
  let sumEarly = 0;
  let sumNext = 0;
  let used = 0;
  for (const a of analogues) {
    let first = -1;
    for (let i = 0; i < a.length; i++)
      if (a[i] > 0) {
        first = i;
        break;
      }
    if (first < 0 || a.length - first < age + 1) continue;
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
    sumEarly += e / ec;
    sumNext += x / xc;
    used++;
  }
  if (used === 0 || !(sumEarly > 0)) return { rate: ownMean, scale: 1, used };
  const scale = sumNext / sumEarly;
  return { rate: ownMean * scale, scale, used };
}
