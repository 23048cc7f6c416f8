import { fmt, variantLocationAlert, type AlertCandidate } from "./rules";

/** Yesterday's demand of one variant × location against the stored forecast's 95% band for that day. */
export interface DemandDayFacts {
  readonly variantId: string;
  readonly locationId: string;
  readonly label: string;
  /** The day checked, "YYYY-MM-DD". */
  readonly date: string;
  readonly units: number;
  readonly forecastMean: number;
  readonly lower95: number;
  readonly upper95: number;
  /** The day was stocked out: low sales are then supply, not demand, and no collapse is raised. */
  readonly stockedOut: boolean;
}

/** Units above the band's rounded-up upper bound before a day is a spike. */
const SPIKE_MIN_EXCESS = 2;

/**
 * demand_anomaly (info for a spike, warning for a collapse): a day's units fell outside the forecast's 95%
 * prediction interval for that day. Units sold are whole, so the band is read in whole units, [⌊lower⌋, ⌈upper⌉]
 * (the interval of a count variable: a continuous 0.1–3.6 band holds 0 and 4 sold as surely as 1 and 3) —
 * at least SPIKE_MIN_EXCESS units above ⌈upper⌉ (spike: one or two extra sales of a slow seller, whose band is
 * narrow, are noise, not news) or below ⌊lower⌋ (collapse; a stocked-out day is never a collapse). On the
 * bound itself nothing fires. Under
 * a calibrated model about 1 series-day in 20 lands outside by chance, so one alert per series is kept (the
 * dedupe key has no date) and it resolves the next day demand is back inside. Reference: Hyndman &
 * Athanasopoulos, Forecasting: Principles and Practice, 3rd ed., §5.5 (prediction intervals).
 * @example evaluateDemandAnomalyRules([{ variantId: "v", locationId: "l", label: "Tent", date: "2026-01-01", units: 40, forecastMean: 5, lower95: 1, upper95: 11, stockedOut: false }])
 * // [{ type: "demand_anomaly", severity: "info", message: "Tent: 40 units sold on 2026-01-01, far above the forecast of 5 (95% range 1–11)." }]
 */
export function evaluateDemandAnomalyRules(days: readonly DemandDayFacts[]): AlertCandidate[] {
  const out: AlertCandidate[] = [];
  for (const d of days) {
    const spike = d.units >= Math.ceil(d.upper95) + SPIKE_MIN_EXCESS;
    const collapse = !spike && !d.stockedOut && d.units < Math.floor(d.lower95);
    if (!spike && !collapse) continue;
    out.push({
      ...variantLocationAlert("demand_anomaly", d.variantId, d.locationId),
      severity: spike ? "info" : "warning",
      data: { date: d.date, units: d.units, forecastMean: d.forecastMean, lower95: d.lower95, upper95: d.upper95, direction: spike ? "spike" : "collapse" },
      message: `${d.label}: ${fmt(d.units)} unit${d.units === 1 ? "" : "s"} sold on ${d.date}, far ${spike ? "above" : "below"} the forecast of ${fmt(d.forecastMean)} (95% range ${fmt(d.lower95)}–${fmt(d.upper95)}).`,
    });
  }
  return out;
}
