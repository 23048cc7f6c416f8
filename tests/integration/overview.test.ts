// The Overview's KPIs and charts against a small hand-computed fixture (every expected number below is
// worked out in the comments), its filters, a brand-new shop, and isolation between shops — through the
// service and through the real route loader (Shopify session-token auth, zod-parsed URL filters).
import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { loader } from "~/routes/app._index";
import { getOverview, type OverviewDto } from "~/services/overview.server";
import { planShop } from "~/services/planning/plan-shop.server";
import { replacePlanVariants } from "~/models/plan-patch.server";
import { addDays } from "~/lib/time";
import { sessionTokenHeaders, storeAdminSession } from "../setup/admin-request";
import { createLocation, createProduct, createShop, createVariant, createVendor } from "../factories";

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
 * (1/day, A); B@Main low (0.5/day, C); forecasts 3/day, 1/day and 0.5/day, with their forecast snapshot.
 */
async function seedFixture(label: string): Promise<Fixture> {
  const shop = await createShop(label, { name: "KPI shop", deadStockDays: 60 });
  const main = (await createLocation(shop, 1, { name: "Main" })).id;
  const store = (await createLocation(shop, 2, { name: "Store" })).id;
  const vendor = await createVendor(shop, { statedLeadTimeDays: 10 });
  const product = await createProduct(shop, { title: "Lamp", vendorId: vendor.id });
  const a = (await createVariant(shop, product.id, 1, { title: "Brass", sku: "LAMP-A", unitCost: "12.50", price: "30.00" })).id;
  const b = (await createVariant(shop, product.id, 2, { title: "Tin", unitCost: "0.10", price: "1.00" })).id;
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
  // Three order lines on two orders (the synced-data counts; demand comes from DemandDay above).
  await prisma.orderLine.createMany({
    data: [
      ["1", "11"],
      ["1", "12"],
      ["2", "21"],
    ].map(([order, line]) => ({
      shop,
      orderGid: `gid://shopify/Order/${order}`,
      lineItemGid: `gid://shopify/LineItem/${line}`,
      variantId: a,
      locationId: main,
      quantity: 1,
      currentQuantity: 1,
      orderCreatedAt: NOW,
      localDate: TODAY,
      shopifyUpdatedAt: NOW,
    })),
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
  // The plan's forecast-accuracy record (its 4 weeks are not over yet).
  await prisma.forecastSnapshot.createMany({
    data: ([[a, main, 21, 4], [a, store, 7, 0], [b, main, 3.5, 0]] as const).map(([variantId, locationId, perWeek, naiveDaily]) => ({
      shop, planRunId: run.id, date: PLAN_DATE, variantId, locationId, week1: perWeek, week2: perWeek, week3: perWeek, week4: perWeek, naiveDaily,
    })),
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
  await prisma.orderLine.create({
    data: { shop: other, orderGid: "gid://shopify/Order/3", lineItemGid: "gid://shopify/LineItem/31", quantity: 1, currentQuantity: 1, orderCreatedAt: NOW, localDate: TODAY, shopifyUpdatedAt: NOW },
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
    expect(o.counts).toEqual({ variants: 2, locations: 2, vendors: 1, orderLines: 3, orders: 2, purchaseOrders: 3 });
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
    });
    expect(o.kpis.stockoutRate).toBeCloseTo(2 / 90, 12);
    // 18 units ÷ (130 units / 30 days).
    expect(o.kpis.daysOfSupply).toBeCloseTo(18 / (130 / 30), 12);
    // COGS 130 × 1,250 cents over 30 days, annualised, ÷ 18,780 cents.
    expect(o.kpis.inventoryTurnover).toBeCloseTo((130 * 1250 * (365 / 30)) / 18_780, 12);
    // The plan of 7 days ago took a forecast snapshot: it is scored once its 4 weeks are over.
    expect(o.accuracy).toEqual({
      snapshotDate: null,
      periodEnd: null,
      total: null,
      weekly: null,
      byWeek: [],
      series: 0,
      stockedOutSeries: 0,
      firstFigureOn: addDays(PLAN_DATE, 28),
    });
  });

  it("draws sales vs forecast, value by ABC class and the at-risk list", async () => {
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
  });

  it("scores the newest forecast snapshot whose 4 weeks are over: 4-week and weekly WAPE beside a 30-day average", async () => {
    const acc = await seedFixture("acc");
    const D = addDays(TODAY, -30); // its 4 weeks: D … D + 27 = 30 … 3 days ago
    const snapshots = async (shop: string, status: string, date: string, rows: [string, string, number[], number][]) => {
      const run = await prisma.planRun.create({ data: { shop, status, asOfDate: date, finishedAt: NOW } });
      await prisma.forecastSnapshot.createMany({
        data: rows.map(([variantId, locationId, [week1, week2, week3, week4], naiveDaily]) => ({
          shop, planRunId: run.id, date, variantId, locationId, week1, week2, week3, week4, naiveDaily,
        })),
      });
    };
    await snapshots(acc.shop, "superseded", D, [
      [acc.a, acc.main, [35, 21, 28, 28], 2],
      [acc.a, acc.store, [7, 7, 7, 7], 0],
      [acc.b, acc.main, [1, 1, 1, 1], 0.5],
    ]);
    // Not scored: an older snapshot, one of a failed run, and one whose 4 weeks are not over.
    await snapshots(acc.shop, "superseded", addDays(TODAY, -40), [[acc.a, acc.main, [0, 0, 0, 0], 0]]);
    await snapshots(acc.shop, "failed", addDays(TODAY, -29), [[acc.a, acc.main, [0, 0, 0, 0], 0]]);
    await snapshots(acc.shop, "superseded", addDays(TODAY, -20), [[acc.a, acc.main, [0, 0, 0, 0], 0]]);
    // Another shop's snapshot of the same date and ids (with its 1,000 units a day): never counted.
    await snapshots(`other-${crypto.randomUUID().slice(0, 8)}.myshopify.com`, "complete", D, [[acc.a, acc.main, [0, 0, 0, 0], 0]]);

    const o = await getOverview(acc.shop, { range: "7" }, NOW);
    // Sold in those 4 weeks: A@Main 28 a week, but stocked out 5 and 3 days ago (both in week 4);
    // A@Store 1 a day for the last 10 days → weeks [0, 0, 1, 7]; B@Main nothing.
    expect(o.accuracy).toMatchObject({ snapshotDate: D, periodEnd: addDays(TODAY, -3), series: 3, stockedOutSeries: 1, firstFigureOn: null });
    // 4-week totals, A@Main left out (stocked out): A@Store |8 − 28| and B@Main |0 − 4| over 8 units sold;
    // the 30-day average: |8 − 0| and |0 − 0.5 × 28|.
    const total = o.accuracy.total!;
    expect(total).toMatchObject({ buckets: 2, actualUnits: 8 });
    expect(total.wape).toBeCloseTo(24 / 8, 12);
    expect(total.naiveWape).toBeCloseTo(22 / 8, 12);
    expect(total.fva).toBeCloseTo(1 - 24 / 22, 12);
    // Weekly per variant (locations summed; A@Main's week 4 left out). A: week 1 |28 − 42| = 14, week 2
    // |28 − 28| = 0, week 3 |29 − 35| = 6, week 4 |7 − 7| = 0; B: 4 weeks × |0 − 1|. Sold 28 + 28 + 29 + 7.
    // The average (2 + 0 a day for A, 0.5 for B): A |28 − 14| × 2, |29 − 14|, |7 − 0|; B 4 × 3.5.
    const weekly = o.accuracy.weekly!;
    expect(weekly).toMatchObject({ buckets: 8, actualUnits: 92 });
    expect(weekly.wape).toBeCloseTo(24 / 92, 12);
    expect(weekly.naiveWape).toBeCloseTo(64 / 92, 12);
    expect(weekly.fva).toBeCloseTo(1 - 24 / 64, 12);
    expect(o.accuracy.byWeek.map((w) => w.start)).toEqual([0, 7, 14, 21].map((d) => addDays(D, d)));
    expect(o.accuracy.byWeek[0].wape).toBeCloseTo(15 / 28, 12);
    expect(o.accuracy.byWeek[0].naiveWape).toBeCloseTo(17.5 / 28, 12);
    // Independent of the date range.
    expect((await getOverview(acc.shop, { range: "90" }, NOW)).accuracy).toEqual(o.accuracy);

    // At one location: Main holds A (weeks 1–3 only) and B. A: |28 − 35|, |28 − 21|, 0; B 4 × 1; sold 84.
    const main = await getOverview(acc.shop, { range: "30", location: acc.main }, NOW);
    expect(main.accuracy.total).toMatchObject({ wape: null, buckets: 1, actualUnits: 0 });
    expect(main.accuracy.weekly!.wape).toBeCloseTo(18 / 84, 12);
    expect(main.accuracy.weekly!.naiveWape).toBeCloseTo(56 / 84, 12);
  });

  it("records forecast snapshots from the real planner, at most one a week, and scores them after 4 weeks", async () => {
    const p = await seedFixture("snap");
    await prisma.forecastSnapshot.deleteMany({ where: { shop: p.shop } }); // only the planner's from here on
    const at = (daysAgo: number) => new Date(NOW.getTime() - daysAgo * 86_400_000);
    const first = await planShop(p.shop, { now: at(28), threads: 0 });
    const rows = await prisma.forecastSnapshot.findMany({ where: { shop: p.shop, planRunId: first.planRunId } });
    expect(rows.map((r) => r.date)).toEqual(Array(first.seriesPlanned).fill(addDays(TODAY, -28)));
    // Each row holds the plan's forecast summed per week, and the average of the 30 days before the plan date.
    const forecast = await prisma.forecast.findFirstOrThrow({ where: { shop: p.shop, planRunId: first.planRunId, variantId: p.a, locationId: p.main } });
    const mean = forecast.mean as number[];
    const week = (w: number) => mean.slice(w * 7, w * 7 + 7).reduce((s, x) => s + x, 0);
    const aMain = rows.find((r) => r.variantId === p.a && r.locationId === p.main)!;
    [aMain.week1, aMain.week2, aMain.week3, aMain.week4].forEach((w, i) => expect(w).toBeCloseTo(week(i), 2));
    expect(aMain.naiveDaily).toBe(4); // A@Main sold 4 a day in the 30 days before (no stockout then)
    expect(rows.find((r) => r.variantId === p.b)?.naiveDaily).toBe(0);

    // Plans 3 days later take no snapshot (one a week); a week after the first, they do.
    await planShop(p.shop, { now: at(25), threads: 0 });
    expect(await prisma.forecastSnapshot.groupBy({ by: ["date"], where: { shop: p.shop } })).toHaveLength(1);
    await planShop(p.shop, { now: at(21), threads: 0 });
    expect((await prisma.forecastSnapshot.groupBy({ by: ["date"], where: { shop: p.shop } })).map((g) => g.date).sort()).toEqual(
      [addDays(TODAY, -28), addDays(TODAY, -21)],
    );
    const o = await getOverview(p.shop, { range: "30" }, NOW);
    expect(o.accuracy.snapshotDate).toBe(addDays(TODAY, -28));
    expect(o.accuracy.series).toBe(first.seriesPlanned);
    expect(o.accuracy.total?.wape).not.toBeNull();
    // The day before, nothing was over yet: the first figure's day is announced.
    const before = await getOverview(p.shop, { range: "30" }, new Date(NOW.getTime() - 86_400_000));
    expect(before.accuracy).toMatchObject({ snapshotDate: null, firstFigureOn: TODAY });
  });

  it("follows a patch of the plan's forecasts on the sales-vs-forecast chart (its per-plan memo is keyed by the plan's version)", async () => {
    const m = await seedFixture("memo");
    const run = await prisma.planRun.findFirstOrThrow({ where: { shop: m.shop, status: "complete" } });
    const lastForecast = async () => (await getOverview(m.shop, { range: "30" }, NOW)).charts.salesVsForecast.at(-1)?.forecast;
    expect(await lastForecast()).toBe(4.5); // 3 + 1 + 0.5 a day
    expect(await lastForecast()).toBe(4.5); // remembered
    // An incremental re-plan of B (as after a webhook): its forecast becomes 2.5 a day.
    const { id: _id, planRunId: _run, shop: _shop, ...line } = await prisma.replenishmentLine.findFirstOrThrow({ where: { shop: m.shop, planRunId: run.id, variantId: m.b } });
    const forecast = { variantId: m.b, locationId: m.main, method: "ses", demandClass: "smooth", mean: Array(90).fill(2.5) };
    await replacePlanVariants(m.shop, run.id, [m.b], [forecast], [line]);
    expect(await lastForecast()).toBe(6.5);
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
    });
    expect(custom.kpis.stockoutRate).toBeCloseTo(1 / 45, 12);
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
    expect(o.accuracy).toMatchObject({ snapshotDate: null, total: null, firstFigureOn: null });
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
