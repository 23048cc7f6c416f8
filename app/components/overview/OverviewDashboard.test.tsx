// The Overview's states, rendered on the server (no browser): KPI figures formatted from the DTO, the
// empty state of a brand-new install, skeletons while new filters load, and a rejected filter's message.
import { AppProvider } from "@shopify/polaris";
import en from "@shopify/polaris/locales/en.json";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { OverviewDto } from "~/utils/overview-dto";
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
  counts: { variants: 2, locations: 1, vendors: 1, orders: 120, orderLines: 130, demandDays: 180, purchaseOrders: 2 },
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
    forecastWape: 0.3,
    forecastWapeDays: 7,
    forecastWapePlanDate: "2026-11-15",
    medianRmsse: 0.8,
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
    accuracy: [{ weekStart: "2026-11-15", days: 7, wape: 0.3 }],
  },
};

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
    expect(kpi(out, "forecast-accuracy")).toBe("30.0%");
    expect(kpi(out, "units-sold")).toBe("1,300");
    expect(out).toContain("forecasts of the plan of Nov 15, 2026 vs units sold, 7 days");
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
      kpis: { ...DATA.kpis, lostRevenueCents: null, forecastWape: null, forecastWapePlanDate: null, medianRmsse: null },
    });
    expect(out).toContain("No plan yet");
    expect(kpi(out, "stock-at-risk")).toBe("—");
    expect(kpi(out, "lost-revenue")).toBe("—");
    expect(kpi(out, "forecast-accuracy")).toBe("—");
  });

  it("shows skeletons instead of figures while new filters load", () => {
    const out = html(DATA, true);
    expect(out).toContain("Polaris-SkeletonDisplayText");
    expect(kpi(out, "inventory-value")).toBeUndefined();
  });

  it("shows an empty state, not zeros, for a brand-new install", () => {
    const out = html({ ...DATA, hasHistory: false, counts: { variants: 0, locations: 1, vendors: 0, orders: 0, orderLines: 0, demandDays: 0, purchaseOrders: 0 } });
    expect(out).toContain("Your inventory overview appears here once data arrives");
    expect(out).toContain('href="/app/settings"');
    expect(kpi(out, "inventory-value")).toBeUndefined();
  });

  it("says why a filter was not applied", () => {
    const out = html({ ...DATA, filters: { ...DATA.filters, error: "Custom range: the start date must be on or before the end date." } });
    expect(out).toContain("Filter not applied");
    expect(out).toContain("the start date must be on or before the end date.");
  });
});
