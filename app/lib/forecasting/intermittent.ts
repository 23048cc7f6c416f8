/**
 * Shared step of the intermittent-demand methods (internal).
 */

/**
 * Number of strictly positive values (demand occurrences); NaN (unknown) is not counted.
 * @example countPositive([0, 2, NaN, 1]) // 2
 */
export function countPositive(y: ArrayLike<number>): number {
  let k = 0;
  for (let i = 0; i < y.length; i++) if (y[i] > 0) k++;
  return k;
}
