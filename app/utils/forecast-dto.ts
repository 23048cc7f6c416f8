// Parts of the forecast detail DTO (app/services/forecasts.server.ts, ForecastDetailDto) that components
// render, shared by the service and the components (components can't import .server modules).

/** One day of the forecast chart: history (actual, stockedOut) then forecast (mean and bands). */
export interface ForecastPoint {
  date: string;
  actual: number | null;
  stockedOut: boolean;
  mean: number | null;
  band80: [number, number] | null;
  band95: [number, number] | null;
  /** The statistical forecast on days this plan's mean is a manual override; null elsewhere. */
  baseMean: number | null;
  /** A saved override the current plan does not include yet (applies at the next plan run). */
  pendingOverride: number | null;
}

/** A manual forecast override of a variant at one location. */
export interface ForecastOverrideRow {
  id: string;
  locationId: string;
  location: string;
  startDate: string;
  endDate: string;
  dailyUnits: number;
  note: string | null;
  createdBy: string;
  createdAt: string;
  /** True when the current plan already uses it; false = applies at the next plan run. */
  inPlan: boolean;
  /** True when its last day has passed. */
  expired: boolean;
}
