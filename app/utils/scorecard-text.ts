// Vendor scorecard figures in the merchant's words: every figure with its sample size, and "not enough data"
// instead of a number below the minimum (app/lib/analytics/vendor-scorecard.ts).
import { plural } from "~/utils/plural";

const DELIVERY: [string, string] = ["delivery", "deliveries"];

/** "Not enough data yet (2 deliveries)", or "No deliveries yet" with none. */
export function notEnoughData(observations: number, noun: [string, string] = DELIVERY): string {
  return observations === 0 ? `No ${noun[1]} yet` : `Not enough data yet (${plural(observations, noun[0], noun[1])})`;
}

/** "96% (8 deliveries)", or {@link notEnoughData} when the figure is null. */
export function figureText(value: number | null, observations: number, format: (x: number) => string, noun: [string, string] = DELIVERY): string {
  return value === null ? notEnoughData(observations, noun) : `${format(value)} (${plural(observations, noun[0], noun[1])})`;
}

/** A rate as a whole percentage: 0.957 → "96%". */
export const percent = (x: number) => `${Math.round(x * 100)}%`;

/** Nouns for price variation: one comparison per re-bought variant. */
export const PRICE_COMPARISONS: [string, string] = ["price comparison", "price comparisons"];
