// The words a merchant reads for a method code of the daily planner (forecastSeries' `method`); the codes and the
// error metrics stay in a details disclosure.

const BASE: readonly [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^zero$/, () => "no recent sales"],
  [/^analogue$/, () => "new item: follows how similar products sold at launch"],
  [/^mean$/, () => "average of all sales so far"],
  [/^ses\([\d.]+\)$/, () => "recent sales, the latest counting most"],
  [/^ma(\d+)$/, (m) => `average of the last ${m[1]} days`],
  [/^croston-sba\([\d.]+\)$/, () => "sells in bursts: how often it sells and how many at a time"],
  [/^tsb\([\d.,]+\)$/, () => "sells in bursts, fading when sales stop"],
  [/^mean\(.+\)$/, () => "a blend of several methods"],
];

/**
 * A forecasting method code in plain words: "croston-sba(0.05)" → "sells in bursts: how often it sells and
 * how many at a time"; a "×yearly" suffix adds "with a yearly pattern". Unknown codes read "statistical
 * forecast" (a new method must not show its code to merchants). Reference: the methods of forecastSeries
 * (Croston 1972 with Syntetos–Boylan 2005; Teunter, Syntetos & Babai 2011; Hyndman & Athanasopoulos, FPP3 §8.1).
 * @example plainMethod("ses(0.1)×yearly") // "recent sales, the latest counting most, with a yearly pattern"
 */
export function plainMethod(code: string): string {
  const yearly = code.endsWith("×yearly");
  const base = yearly ? code.slice(0, -"×yearly".length) : code;
  let words = "statistical forecast";
  for (const [pattern, say] of BASE) {
    const m = base.match(pattern);
    if (m) {
      words = say(m);
      break;
    }
  }
  return yearly ? `${words}, with a yearly pattern` : words;
}
