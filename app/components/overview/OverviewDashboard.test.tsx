// The Overview's states, rendered on the server (no browser): KPI figures formatted from the DTO, the
// empty state of a brand-new install, skeletons while new filters load, and a rejected filter's message.
import { AppProvider } from "@shopify/polaris";
import en from "@shopify/polaris/locales/en.json";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { OverviewDto } from "~/utils/overview-dto";
import { ACCURACY_DEFINITIONS } from "./AccuracyCard";
import { OverviewDashboard } from "./OverviewDashboard";

const noop = () => {};
const html = (data: OverviewDto, loading = false) =>
  renderToString(
    <AppProvider i18n={en}>
      <OverviewDashboard data={data} loading={loading} update={noop} />
    </AppProvider>
  ).replace(/<!-- -->/g, "");
const kpi = (out: string, id: string) => out.match(new RegExp(`id="kpi-${id}"[^>]*>([^<]*)<`))?.[1];

const DATA: OverviewDto = {
  shopName: "KPI shop",
  currency: "USD",
  today: "2026-11-22",
  planAsOf: "2026-11-15",
  filters: { range: "30", from: "2026-10-23", to: "2026-11-21", days: 30, locationId: null, error: null },
  locations: [{ id: "l1", name: "Main" }],
  counts: { variants: 2, locations: 1, vendors: 1, orders: 120, orderLines: 130, purchaseOrders: 2 },
  hasHistory: true,
  kpis: {
    inventoryValueCents: 1_878_000,
    inventoryUnits: 18,
    stockAtRiskCents: 90_000,
    atRiskLines: 1,
    daysOfSupply: 4.1538,
    stockoutRate: 2 / 90,
    stockedOutDays: 2,
    lostRevenueCents: 24_000,
    inventoryTurnover: 8.4213,
    deadStockValueCents: 30,
    deadStockDays: 60,
    openPoValueCents: 3925,
    unitsSold: 1300,
    revenueCents: 390_000,
  },
  charts: {
    salesVsForecast: [{ date: "2026-11-21", actual: 5, forecast: 4.5 }],
    valueByAbc: [{ abcClass: "A", valueCents: 18_750 }],
    atRisk: [
      {
        variantId: "v1",
        locationId: "l1",
        product: "Lamp",
        variant: "Default Title",
        sku: "LAMP-A",
        location: "Main",
        stockoutDate: "2026-11-25",
        shortfallUnits: 30,
        valueCents: 90_000,
      },
    ],
  },
  accuracy: {
    snapshotDate: "2026-10-18",
    periodEnd: "2026-11-14",
    total: { wape: 0.384, naiveWape: 0.526, fva: 1 - 0.384 / 0.526, buckets: 2, actualUnits: 100 },
    weekly: { wape: 0.5, naiveWape: 0.45, fva: 1 - 0.5 / 0.45, buckets: 8, actualUnits: 100 },
    byWeek: [1, 2, 3, 4].map((week) => ({ week, start: "2026-10-18", wape: 0.5, naiveWape: 0.45 })),
    series: 3,
    stockedOutSeries: 1,
    firstFigureOn: null,
  },
};
const NOT_SCORED = { ...DATA.accuracy, snapshotDate: null, periodEnd: null, total: null, weekly: null, byWeek: [], series: 0, stockedOutSeries: 0 };

describe("OverviewDashboard", () => {
  it("formats each KPI from the DTO", () => {
    const out = html(DATA);
    expect(kpi(out, "inventory-value")).toBe("$18,780.00");
    expect(kpi(out, "stock-at-risk")).toBe("$900.00");
    expect(kpi(out, "days-of-supply")).toBe("4.2");
    expect(kpi(out, "stockout-rate")).toBe("2.2%");
    expect(kpi(out, "lost-revenue")).toBe("$240.00");
    expect(kpi(out, "turnover")).toBe("8.4×");
    expect(kpi(out, "dead-stock")).toBe("$0.30");
    expect(kpi(out, "open-po")).toBe("$39.25");
    expect(kpi(out, "units-sold")).toBe("1,300");
    // The at-risk row links to the variant's forecast at that location, without Shopify's "Default Title".
    expect(out).toContain('href="/app/forecasts/v1?location=l1"');
    expect(out).toContain("LAMP-A");
    expect(out).not.toContain("Default Title");
    expect(out).not.toContain("Polaris-SkeletonDisplayText");
  });

  it("shows dashes and a banner before the first plan", () => {
    const out = html({
      ...DATA,
      planAsOf: null,
      kpis: { ...DATA.kpis, lostRevenueCents: null },
      accuracy: NOT_SCORED,
    });
    expect(out).toContain("No plan yet");
    expect(kpi(out, "stock-at-risk")).toBe("—");
    expect(kpi(out, "lost-revenue")).toBe("—");
    expect(kpi(out, "forecast-accuracy")).toBeUndefined();
    expect(out).toContain("Appears 4 weeks after the first planning run.");
  });

  it("states forecast accuracy in plain words: WAPE of 4-week and weekly totals beside a 30-day average", () => {
    const out = html(DATA);
    expect(kpi(out, "forecast-accuracy")).toBe("WAPE 38%");
    expect(kpi(out, "forecast-accuracy-fva")).toBe("27% less error than a 30-day average (30-day average: 53%)");
    expect(kpi(out, "forecast-weekly")).toBe("WAPE 50%");
    expect(kpi(out, "forecast-weekly-fva")).toBe("11% more error than a 30-day average (30-day average: 45%)");
    expect(out).toContain("Forecasts made on Oct 18, 2026 for the 4 weeks up to Nov 14, 2026");
    expect(out).toContain("3 variant-locations forecast; 1 left out of the 4-week figure: out of stock during those weeks.");
    // Definitions are a tap away (a button opening them, not a hover tooltip).
    expect(out).toMatch(/<button[^>]*aria-controls="accuracy-definitions"/);
    expect(out).toContain("What these figures mean");
    expect(ACCURACY_DEFINITIONS.map(([, text]) => text).join(" ")).toContain("forecast value added");
  });

  it("says when the first accuracy figures appear", () => {
    const out = html({ ...DATA, accuracy: { ...NOT_SCORED, firstFigureOn: "2026-12-13" } });
    expect(kpi(out, "forecast-accuracy")).toBeUndefined();
    expect(out).toContain("First figures on Dec 13, 2026: forecasts are scored once the 4 weeks they cover are over.");
  });

  it("shows skeletons instead of figures while new filters load", () => {
    const out = html(DATA, true);
    expect(out).toContain("Polaris-SkeletonDisplayText");
    expect(kpi(out, "inventory-value")).toBeUndefined();
  });

  it("shows an empty state, not zeros, for a brand-new install", () => {
    const out = html({ ...DATA, hasHistory: false, counts: { variants: 0, locations: 1, vendors: 0, orders: 0, orderLines: 0, purchaseOrders: 0 } });
    expect(out).toContain("Your inventory overview appears here once data arrives");
    expect(out).toContain('href="/app/settings/sync"');
    expect(out).toContain('href="/app/settings/import"');
    expect(kpi(out, "inventory-value")).toBeUndefined();
  });

  it("says why a filter was not applied", () => {
    const out = html({ ...DATA, filters: { ...DATA.filters, error: "Custom range: the start date must be on or before the end date." } });
    expect(out).toContain("Filter not applied");
    expect(out).toContain("the start date must be on or before the end date.");
  });
});
