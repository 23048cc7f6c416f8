// The Overview DTO, shared by the service that builds it (app/services/overview.server.ts) and the screen
// that shows it (components can't import .server modules). Every figure is defined in docs/overview.md.

export interface OverviewFilters {
  range: "7" | "30" | "90" | "custom";
  from: string;
  to: string;
  days: number;
  locationId: string | null;
  /** A merchant-readable reason the requested filter was replaced by the default, or null. */
  error: string | null;
}

/** One critical variant × location on the Overview's at-risk table. */
export interface AtRiskItem {
  variantId: string;
  locationId: string;
  product: string;
  variant: string;
  sku: string | null;
  location: string;
  stockoutDate: string | null;
  shortfallUnits: number;
  valueCents: number;
}

export interface OverviewKpis {
  /** Σ on hand × unit cost now, cents. */
  inventoryValueCents: number;
  inventoryUnits: number;
  /** Σ over critical plan lines of the unmet lead-time demand × price, cents. */
  stockAtRiskCents: number;
  atRiskLines: number;
  /** Units on hand ÷ average daily units sold in the range; null when nothing sold. */
  daysOfSupply: number | null;
  /** Stocked-out variant × location × days ÷ (tracked variant × locations × days); null without snapshots. */
  stockoutRate: number | null;
  stockedOutDays: number;
  /** Σ stocked-out days × plan's average daily demand × price, cents; null without a plan. */
  lostRevenueCents: number | null;
  /** COGS over the range, annualised, ÷ inventory value at cost; null without stock. */
  inventoryTurnover: number | null;
  /** On-hand value at cost of variant × locations with no sales in the shop's dead-stock window, cents. */
  deadStockValueCents: number;
  deadStockDays: number;
  openPoValueCents: number;
  /** WAPE of stored forecasts against actual units over the range (see findAccuracyPlanRun); null if none. */
  forecastWape: number | null;
  forecastWapeDays: number;
  /** The date of the plan whose forecasts the WAPE measures. */
  forecastWapePlanDate: string | null;
  /** Median cross-validated RMSSE of the plan's forecasts (the error measured when the plan was made). */
  medianRmsse: number | null;
  /** Units sold and revenue in the range. */
  unitsSold: number;
  revenueCents: number;
}

export interface OverviewDto {
  shopName: string;
  currency: string;
  today: string;
  planAsOf: string | null;
  filters: OverviewFilters;
  locations: { id: string; name: string }[];
  counts: {
    variants: number;
    locations: number;
    vendors: number;
    orders: number;
    orderLines: number;
    demandDays: number;
    purchaseOrders: number;
  };
  /** False for a new install: nothing synced that the KPIs could use. */
  hasHistory: boolean;
  kpis: OverviewKpis;
  charts: {
    salesVsForecast: {
      date: string;
      actual: number | null;
      forecast: number | null;
    }[];
    valueByAbc: { abcClass: string; valueCents: number }[];
    atRisk: AtRiskItem[];
    accuracy: { weekStart: string; days: number; wape: number | null }[];
  };
}
