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
  };
  accuracy: OverviewAccuracy;
}

/** Forecast WAPE beside the naive 30-day-average benchmark's on the same buckets (fractions: 0.38 = 38 %). */
export interface AccuracyFigure {
  wape: number | null;
  naiveWape: number | null;
  /** Forecast value added: 1 − wape ÷ naiveWape. */
  fva: number | null;
  buckets: number;
  actualUnits: number;
}

/** Forecast accuracy of the newest forecast snapshot whose 4 weeks are over (docs/overview.md). */
export interface OverviewAccuracy {
  /** The snapshot's date (its plan's) and the last of its 28 days; null when none is scored yet. */
  snapshotDate: string | null;
  periodEnd: string | null;
  /** WAPE of each variant × location's 4-week total. */
  total: AccuracyFigure | null;
  /** WAPE of each variant's weekly totals (its locations summed). */
  weekly: AccuracyFigure | null;
  /** The weekly level for each week ahead (1–4), starting on `start`. */
  byWeek: { week: number; start: string; wape: number | null; naiveWape: number | null }[];
  series: number;
  /** Series left out of the 4-week level: stocked out during the 4 weeks (their demand is unknown). */
  stockedOutSeries: number;
  /** Without a scored snapshot: the day the first figure appears (null: no snapshot taken yet). */
  firstFigureOn: string | null;
}
