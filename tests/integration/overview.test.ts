// The Overview's KPIs and charts against a small hand-computed fixture (every expected number below is
// worked out in the comments), its filters, a brand-new shop, and isolation between shops — through the
// service and through the real route loader (Shopify session-token auth, zod-parsed URL filters).
import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { loader } from "~/routes/app._index";
import { getOverview, type OverviewDto } from "~/services/overview.server";
import { addDays } from "~/utils/dates";
import { sessionTokenHeaders, storeAdminSession } from "../setup/admin-request";

const NOW = new Date("2026-11-22T15:00:00Z");
const TODAY = "2026-11-22";
const PLAN_DATE = addDays(TODAY, -7);

interface Fixture {
  shop: string;
  main: string;
  store: string;
  a: string;
  b: string;
}

/** One row per day for the `n` days before TODAY, yesterday first. */
const lastDays = <T extends object>(n: number, row: T) => Array.from({ length: n }, (_, i) => ({ ...row, date: addDays(TODAY, -1 - i) }));

/**
 * Two locations (Main, Store); variant A (cost 12.50, price 30.00) and B (cost 0.10, price 1.00).
 * On hand: A@Main 10, B@Main 3, A@Store 5 → 18 units, 10×1250 + 3×10 + 5×1250 = 18,780 cents.
 * Sales: A@Main 4/day for the 90 days before today; A@Store 1/day for the last 10 days; B never sells.
 * Snapshots: A@Main stocked out 3 and 5 days ago and 40 days ago; B@Main in stock for the last 30 days.
 * POs: approved to Main 7 ordered / 2 received at 7.05 (3,525); sent to Store 4 at 1.00 (400); a draft (ignored).
 * Plan of 7 days ago: A@Main critical (available 10, lead-time demand 40, 4/day, class A); A@Store low
 * (1/day, A); B@Main low (0.5/day, C); forecasts 3/day, 1/day and 0.5/day.
 */
async function seedFixture(label: string): Promise<Fixture> {
  const shop = `${label}-${crypto.randomUUID().slice(0, 8)}.myshopify.com`;
  await prisma.shop.create({
    data: { shop, name: "KPI shop", ianaTimezone: "UTC", deadStockDays: 60 },
  });
  const main = (
    await prisma.location.create({
      data: { shop, shopifyId: "gid://shopify/Location/1", name: "Main" },
    })
  ).id;
  const store = (
    await prisma.location.create({
      data: { shop, shopifyId: "gid://shopify/Location/2", name: "Store" },
    })
  ).id;
  const vendor = await prisma.vendor.create({
    data: { shop, name: "Acme", statedLeadTimeDays: 10 },
  });
  const product = await prisma.product.create({
    data: {
      shop,
      shopifyId: "gid://shopify/Product/1",
      title: "Lamp",
      vendorId: vendor.id,
    },
  });
  const a = (
    await prisma.variant.create({
      data: {
        shop,
        shopifyId: "gid://shopify/ProductVariant/1",
        productId: product.id,
        title: "Brass",
        sku: "LAMP-A",
        unitCost: "12.50",
        price: "30.00",
      },
    })
  ).id;
  const b = (
    await prisma.variant.create({
      data: {
        shop,
        shopifyId: "gid://shopify/ProductVariant/2",
        productId: product.id,
        title: "Tin",
        unitCost: "0.10",
        price: "1.00",
      },
    })
  ).id;
  await prisma.inventoryLevel.createMany({
    data: [
      { shop, variantId: a, locationId: main, onHand: 10, available: 10 },
      { shop, variantId: b, locationId: main, onHand: 3, available: 3 },
      { shop, variantId: a, locationId: store, onHand: 5, available: 5 },
    ],
  });
  await prisma.demandDay.createMany({
    data: [
      ...lastDays(90, { shop, variantId: a, locationId: main, units: 4, revenue: "120" }),
      ...lastDays(10, { shop, variantId: a, locationId: store, units: 1, revenue: "30" }),
    ],
  });
  await prisma.inventorySnapshot.createMany({
    data: [
      ...[3, 5, 40].map((d) => ({
        shop,
        variantId: a,
        locationId: main,
        date: addDays(TODAY, -d),
        available: 0,
        stockedOut: true,
      })),
      ...lastDays(30, { shop, variantId: b, locationId: main, available: 3, stockedOut: false }),
    ],
  });
  const po = (number: string, status: string, destinationLocationId: string, line: { variantId: string; quantityOrdered: number; quantityReceived?: number; unitCost: string }) =>
    prisma.purchaseOrder.create({
      data: { shop, number, vendorId: vendor.id, destinationLocationId, status, createdBy: "x", lines: { create: [{ shop, ...line }] } },
    });
  await po("PO-1", "approved", main, { variantId: a, quantityOrdered: 7, quantityReceived: 2, unitCost: "7.05" });
  await po("PO-2", "sent", store, { variantId: b, quantityOrdered: 4, unitCost: "1.00" });
  await po("PO-3", "draft", main, { variantId: a, quantityOrdered: 100, unitCost: "12.50" });

  const run = await prisma.planRun.create({
    data: { shop, status: "complete", asOfDate: PLAN_DATE, finishedAt: NOW },
  });
  const line = (
    variantId: string,
    locationId: string,
    urgency: string,
    avgDailyDemand: number,
    abcClass: string,
    available: number,
    leadTimeDemand: number
  ) => ({
    shop,
    planRunId: run.id,
    variantId,
    locationId,
    urgency,
    avgDailyDemand,
    abcClass,
    available,
    leadTimeDemand,
    onHand: available,
    committed: 0,
    incoming: 0,
    onOrder: 0,
    inventoryPosition: available,
    leadTimeDays: 10,
    safetyStock: 0,
    reorderPoint: 0,
    eoq: 0,
    orderUpTo: 0,
    serviceLevel: 0.95,
    suggestedQty: 0,
    reason: "fixture",
  });
  await prisma.replenishmentLine.createMany({
    data: [line(a, main, "critical", 4, "A", 10, 40), line(a, store, "low", 1, "A", 5, 10), line(b, main, "low", 0.5, "C", 3, 5)],
  });
  const forecast = (variantId: string, locationId: string, perDay: number, rmsse: number) => ({
    shop,
    planRunId: run.id,
    variantId,
    locationId,
    method: "ses",
    demandClass: "smooth",
    mean: Array(90).fill(perDay),
    rmsse,
  });
  await prisma.forecast.createMany({
    data: [forecast(a, main, 3, 0.8), forecast(a, store, 1, 0.6), forecast(b, main, 0.5, 1.2)],
  });
  return { shop, main, store, a, b };
}

let fx: Fixture;
beforeAll(async () => {
  fx = await seedFixture("kpi");
  // Another shop whose rows reuse the fixture's variant and location ids: any unscoped query would count them.
  const other = `other-${crypto.randomUUID().slice(0, 8)}.myshopify.com`;
  await prisma.shop.create({
    data: { shop: other, name: "Other", ianaTimezone: "UTC" },
  });
  await prisma.demandDay.createMany({
    data: lastDays(30, { shop: other, variantId: fx.a, locationId: fx.main, units: 1000, revenue: "1" }),
  });
  await prisma.inventorySnapshot.createMany({
    data: lastDays(30, { shop: other, variantId: fx.a, locationId: fx.main, available: 0, stockedOut: true }),
  });
});

describe("Overview KPIs on a hand-computed fixture", () => {
  it("computes every KPI for the default last 30 days across all locations", async () => {
    const o = await getOverview(fx.shop, { range: "30" }, NOW);
    expect(o.filters).toEqual({
      range: "30",
      from: addDays(TODAY, -30),
      to: addDays(TODAY, -1),
      days: 30,
      locationId: null,
      error: null,
    });
    expect(o.planAsOf).toBe(PLAN_DATE);
    expect(o.hasHistory).toBe(true);
    expect(o.kpis).toMatchObject({
      inventoryValueCents: 18_780,
      inventoryUnits: 18,
      // A@Main: lead-time demand 40 − available 10 = 30 units short × 3,000 cents.
      stockAtRiskCents: 90_000,
      atRiskLines: 1,
      // 2 stocked-out days (3 and 5 days ago; 40 days ago is outside) ÷ (3 tracked series × 30 days).
      stockedOutDays: 2,
      // 2 days × 4 units/day × 3,000 cents.
      lostRevenueCents: 24_000,
      // B@Main (3 × 10 cents) has not sold in 60 days; A sells at both locations.
      deadStockValueCents: 30,
      deadStockDays: 60,
      openPoValueCents: 5 * 705 + 4 * 100,
      unitsSold: 4 * 30 + 10,
      revenueCents: 120_00 * 30 + 30_00 * 10,
      forecastWapeDays: 7,
      forecastWapePlanDate: PLAN_DATE,
      medianRmsse: 0.8,
    });
    expect(o.kpis.stockoutRate).toBeCloseTo(2 / 90, 12);
    // 18 units ÷ (130 units / 30 days).
    expect(o.kpis.daysOfSupply).toBeCloseTo(18 / (130 / 30), 12);
    // COGS 130 × 1,250 cents over 30 days, annualised, ÷ 18,780 cents.
    expect(o.kpis.inventoryTurnover).toBeCloseTo((130 * 1250 * (365 / 30)) / 18_780, 12);
    // 7 days since the plan: A@Main |4 − 3| × 7 = 7, A@Store 0, B@Main 0.5 × 7 = 3.5; actual 28 + 7.
    expect(o.kpis.forecastWape).toBeCloseTo(10.5 / 35, 12);
  });

  it("draws sales vs forecast, value by ABC class, the at-risk list and the weekly accuracy", async () => {
    const { charts } = await getOverview(fx.shop, { range: "30" }, NOW);
    expect(charts.salesVsForecast[0]).toEqual({
      date: addDays(TODAY, -30),
      actual: 4,
      forecast: null,
    });
    expect(charts.salesVsForecast.find((p) => p.date === addDays(TODAY, -1))).toEqual({ date: addDays(TODAY, -1), actual: 5, forecast: 4.5 });
    // The forecast runs 30 days from the plan date (the range's length), past today with no actuals.
    expect(charts.salesVsForecast.at(-1)).toEqual({
      date: addDays(PLAN_DATE, 29),
      actual: null,
      forecast: 4.5,
    });
    expect(charts.valueByAbc).toEqual([
      { abcClass: "A", valueCents: 18_750 },
      { abcClass: "B", valueCents: 0 },
      { abcClass: "C", valueCents: 30 },
    ]);
    expect(charts.atRisk).toEqual([
      {
        variantId: fx.a,
        locationId: fx.main,
        product: "Lamp",
        variant: "Brass",
        sku: "LAMP-A",
        location: "Main",
        stockoutDate: null,
        shortfallUnits: 30,
        valueCents: 90_000,
      },
    ]);
    expect(charts.accuracy).toEqual([{ weekStart: PLAN_DATE, days: 7, wape: 10.5 / 35 }]);
  });

  it("measures accuracy with the forecasts of the plan made at the range start when they are kept", async () => {
    const acc = await seedFixture("acc");
    // A superseded plan of 40 days ago whose forecasts were kept: A@Main at 5/day against 4 sold each day.
    const old = await prisma.planRun.create({
      data: {
        shop: acc.shop,
        status: "superseded",
        asOfDate: addDays(TODAY, -40),
        finishedAt: NOW,
      },
    });
    await prisma.forecast.create({
      data: {
        shop: acc.shop,
        planRunId: old.id,
        variantId: acc.a,
        locationId: acc.main,
        method: "ses",
        demandClass: "smooth",
        mean: Array(90).fill(5),
      },
    });
    const o = await getOverview(acc.shop, { range: "30" }, NOW);
    // Σ|4 − 5| over 30 days ÷ 120 units; weeks of 7, 7, 7, 7 and 2 days all at 25 %.
    expect(o.kpis).toMatchObject({
      forecastWape: 0.25,
      forecastWapeDays: 30,
      forecastWapePlanDate: addDays(TODAY, -40),
    });
    expect(o.charts.accuracy.map((w) => [w.days, w.wape])).toEqual([
      [7, 0.25],
      [7, 0.25],
      [7, 0.25],
      [7, 0.25],
      [2, 0.25],
    ]);
    // The sales-vs-forecast chart and stock at risk still come from the latest plan.
    expect(o.planAsOf).toBe(PLAN_DATE);
    expect(o.kpis.stockAtRiskCents).toBe(90_000);
    // A range ending before that plan has no forecast to measure.
    const before = await getOverview(acc.shop, { range: "custom", from: addDays(TODAY, -60), to: addDays(TODAY, -50) }, NOW);
    expect(before.kpis).toMatchObject({
      forecastWape: null,
      forecastWapeDays: 0,
      forecastWapePlanDate: null,
    });
  });

  it("filters by location", async () => {
    const o = await getOverview(fx.shop, { range: "30", location: fx.main }, NOW);
    expect(o.filters.locationId).toBe(fx.main);
    expect(o.kpis).toMatchObject({
      inventoryValueCents: 12_530,
      inventoryUnits: 13,
      unitsSold: 120,
      openPoValueCents: 3525,
      deadStockValueCents: 30,
      stockedOutDays: 2,
      lostRevenueCents: 24_000,
      atRiskLines: 1,
    });
    expect(o.kpis.stockoutRate).toBeCloseTo(2 / 60, 12);
    expect(o.kpis.forecastWape).toBeCloseTo(10.5 / 28, 12);
    const store = await getOverview(fx.shop, { range: "30", location: fx.store }, NOW);
    expect(store.kpis).toMatchObject({
      inventoryValueCents: 6250,
      unitsSold: 10,
      openPoValueCents: 400,
      deadStockValueCents: 0,
      atRiskLines: 0,
      stockAtRiskCents: 0,
      stockoutRate: null,
    });
    expect(store.charts.atRisk).toEqual([]);
  });

  it("filters by preset and custom date ranges", async () => {
    const week = await getOverview(fx.shop, { range: "7" }, NOW);
    expect(week.filters).toMatchObject({
      from: addDays(TODAY, -7),
      to: addDays(TODAY, -1),
      days: 7,
    });
    expect(week.kpis.unitsSold).toBe(4 * 7 + 7);
    expect(week.kpis.stockoutRate).toBeCloseTo(2 / 21, 12);

    const custom = await getOverview(fx.shop, { range: "custom", from: addDays(TODAY, -45), to: addDays(TODAY, -31) }, NOW);
    expect(custom.filters).toMatchObject({
      range: "custom",
      days: 15,
      error: null,
    });
    // 15 days of A@Main only; one stocked-out day (40 days ago) ÷ (3 series × 15 days); no forecast days.
    expect(custom.kpis).toMatchObject({
      unitsSold: 60,
      stockedOutDays: 1,
      lostRevenueCents: 12_000,
      forecastWape: null,
      forecastWapeDays: 0,
    });
    expect(custom.kpis.stockoutRate).toBeCloseTo(1 / 45, 12);
    expect(custom.charts.accuracy).toEqual([]);
  });

  it("explains a rejected filter and falls back to the last 30 days", async () => {
    const cases: [Parameters<typeof getOverview>[1], RegExp][] = [
      [{ range: "custom", from: addDays(TODAY, -3), to: addDays(TODAY, -9) }, /start date must be on or before the end date/],
      [{ range: "custom", from: "2026-02-30", to: addDays(TODAY, -1) }, /does not exist/],
      [{ range: "custom", from: "yesterday", to: addDays(TODAY, -1) }, /Use dates like/],
      [{ range: "custom", from: addDays(TODAY, -3), to: TODAY }, /end date must be 2026-11-21 or earlier/],
      [{ range: "custom", from: "2020-01-01", to: addDays(TODAY, -1) }, /at most 730 days/],
      [{ range: "30", location: "not-a-location" }, /location no longer exists/],
    ];
    for (const [input, message] of cases) {
      const o = await getOverview(fx.shop, input, NOW);
      expect(o.filters.error).toMatch(message);
      expect(o.filters).toMatchObject({
        range: "30",
        days: 30,
        locationId: null,
      });
    }
    // A location of another shop is not accepted either.
    const other = await prisma.location.create({
      data: {
        shop: `x-${crypto.randomUUID().slice(0, 6)}.myshopify.com`,
        shopifyId: "gid://shopify/Location/9",
        name: "Elsewhere",
      },
    });
    expect((await getOverview(fx.shop, { range: "30", location: other.id }, NOW)).filters.locationId).toBeNull();
  });

  it("shows a brand-new install as empty, without leaking other shops' data", async () => {
    const shop = `new-${crypto.randomUUID().slice(0, 8)}.myshopify.com`;
    await prisma.shop.create({
      data: { shop, name: "Fresh", ianaTimezone: "UTC" },
    });
    const o: OverviewDto = await getOverview(shop, { range: "30" }, NOW);
    expect(o.hasHistory).toBe(false);
    expect(o.planAsOf).toBeNull();
    expect(o.kpis).toEqual({
      inventoryValueCents: 0,
      inventoryUnits: 0,
      stockAtRiskCents: 0,
      atRiskLines: 0,
      daysOfSupply: null,
      stockoutRate: null,
      stockedOutDays: 0,
      lostRevenueCents: null,
      inventoryTurnover: null,
      deadStockValueCents: 0,
      deadStockDays: 90,
      openPoValueCents: 0,
      forecastWape: null,
      forecastWapeDays: 0,
      forecastWapePlanDate: null,
      medianRmsse: null,
      unitsSold: 0,
      revenueCents: 0,
    });
    expect(o.charts.salesVsForecast.every((p) => p.actual === 0 && p.forecast === null)).toBe(true);
    expect(o.charts.valueByAbc).toEqual([
      { abcClass: "A", valueCents: 0 },
      { abcClass: "B", valueCents: 0 },
      { abcClass: "C", valueCents: 0 },
    ]);
    expect(o.charts.atRisk).toEqual([]);
    expect(o.charts.accuracy).toEqual([]);
  });
});

describe("Overview route", () => {
  async function signedIn(shop: string) {
    await storeAdminSession(shop);
    return sessionTokenHeaders(shop, "42");
  }
  const load = async (headers: Record<string, string>, query: string) =>
    (
      await (loader({
        request: new Request(`https://stockcast.example/app${query}`, {
          headers,
        }),
        params: {},
        context: {},
      }) as Promise<Response>)
    ).json() as Promise<OverviewDto & { status: { updatedLabel: string | null; replanning: boolean } }>;

  it("parses the URL filters of a signed-in shop, and ignores unknown values", async () => {
    const headers = await signedIn(fx.shop);
    const week = await load(headers, `?range=7&location=${fx.store}`);
    expect(week.filters).toMatchObject({
      range: "7",
      days: 7,
      locationId: fx.store,
      error: null,
    });
    expect(week.kpis.inventoryValueCents).toBe(6250);
    // The plan's freshness line, as on every planning screen.
    expect(week.status).toMatchObject({ replanning: false });
    expect(week.status.updatedLabel).toMatch(/^[A-Z][a-z]{2} \d{1,2}, \d{1,2}:\d{2} [AP]M$/);
    const odd = await load(headers, "?range=365&location=");
    expect(odd.filters).toMatchObject({
      range: "30",
      days: 30,
      locationId: null,
    });
    const custom = await load(headers, "?range=custom&from=2026-13-01&to=2026-11-01");
    expect(custom.filters.error).toMatch(/does not exist/);
  });

  it("refuses a request without a session token", async () => {
    const response = await loader({
      request: new Request("https://stockcast.example/app"),
      params: {},
      context: {},
    }).catch((e: unknown) => e);
    expect(response).toBeInstanceOf(Response);
    expect((response as Response).status).toBeGreaterThanOrEqual(300);
  });
});
