/** Fewest series on sale for a day without any sale to count as the shop being closed. */
const CLOSED_DAY_MIN_ACTIVE = 20;

/**
 * Days the whole shop was closed: no unit sold although at least `minActive` series were on sale (a
 * series is on sale from its first to its last sale). Demand on such a day is unknown, not zero, so the
 * forecaster skips it (prepareSeries) instead of reading a holiday as a slump. With intermittent items
 * (three days in four without a sale) the chance that 20 of them all miss the same open day is about
 * 0.75²⁰ ≈ 0.3%. Reference: Hyndman & Athanasopoulos, FPP3 §13.9 (missing values), treating
 * closures as missing rather than zero.
 * Units: day indexes 0 … n − 1; `spans` are inclusive [first, last] indexes of each series' sales.
 * @example closedDays([5, 0, 3], Array(20).fill([0, 2])) // Uint8Array [0, 1, 0]
 */
export function closedDays(
  totals: ArrayLike<number>,
  spans: Iterable<readonly [number, number]>,
  minActive: number = CLOSED_DAY_MIN_ACTIVE,
): Uint8Array {
  const n = totals.length;
  const starts = new Int32Array(n + 1);
  for (const [first, last] of spans) {
    const a = Math.max(0, first);
    const b = Math.min(n - 1, last);
    if (b < a) continue;
    starts[a]++;
    starts[b + 1]--;
  }
  const out = new Uint8Array(n);
  let active = 0;
  for (let d = 0; d < n; d++) {
    active += starts[d];
    if (active >= minActive && !(totals[d] > 0)) out[d] = 1;
  }
  return out;
}
