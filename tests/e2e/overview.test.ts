// The Overview of the demo shop in a real browser: every KPI shown on the page equals the same figure
// recomputed here, independently, from the demo database's rows (plain Prisma reads and JS sums — not the
// app's service or its SQL); then screenshots of Overview, Alerts and Settings.
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { createPrismaClient } from "~/db.server";
import { addDays, localDate } from "~/lib/time";
import { launchSharedBrowser, newPage, poll, SCREENSHOTS } from "./browser";

const baseUrl = inject("demoBaseUrl");
const SHOP = "stockcast-demo.myshopify.com";
const browser = launchSharedBrowser();

const cents = (d: { toString(): string } | null) => (d === null ? 0 : Math.round(Number(d.toString()) * 100));
const money = (c: number) => new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(c / 100);
const days = (d: number) => (d >= 365 ? "365+" : d < 10 ? d.toFixed(1) : String(Math.round(d)));
const key = (r: { variantId: string; locationId: string }) => `${r.variantId}|${r.locationId}`;

const pct = (x: number) => `${Math.round(x * 100)}%`;

/**
 * The forecast accuracy figures as the page words them, recomputed from the demo's ForecastSnapshot,
 * DemandDay and InventorySnapshot rows: the newest snapshot of a finished plan dated 28+ days ago (the demo
 * plans as of 28 days back), WAPE of 4-week totals per series and of weekly totals per variant, series or
 * weeks with a stocked-out day left out, beside the naive per-day average × 7 / × 28.
 */
async function expectedAccuracy(db: ReturnType<typeof createPrismaClient>, today: string) {
  const finished = await db.planRun.findMany({ where: { shop: SHOP, status: { in: ["complete", "superseded"] } }, select: { id: true } });
  const snapshot = await db.forecastSnapshot.findFirstOrThrow({
    where: { shop: SHOP, date: { lte: addDays(today, -28) }, planRunId: { in: finished.map((r) => r.id) } },
    orderBy: { date: "desc" },
  });
  expect(snapshot.date).toBe(addDays(today, -28));
  const rows = await db.forecastSnapshot.findMany({ where: { shop: SHOP, date: snapshot.date, planRunId: snapshot.planRunId } });
  const end = addDays(snapshot.date, 27);
  const weekOf = (date: string) => Math.floor((Date.parse(date) - Date.parse(snapshot.date)) / (7 * 86_400_000));
  const sold = new Map<string, number[]>();
  for (const d of await db.demandDay.findMany({ where: { shop: SHOP, date: { gte: snapshot.date, lte: end } } })) {
    const weeks = sold.get(key(d)) ?? [0, 0, 0, 0];
    weeks[weekOf(d.date)] += d.units;
    sold.set(key(d), weeks);
  }
  const out = new Set(
    (await db.inventorySnapshot.findMany({ where: { shop: SHOP, stockedOut: true, date: { gte: snapshot.date, lte: end } } })).map((s) => `${key(s)}|${weekOf(s.date)}`),
  );
  let [totalErr, totalNaive, totalSold] = [0, 0, 0];
  const weekly = new Map<string, { a: number; f: number; n: number }>();
  for (const r of rows) {
    const f = [r.week1, r.week2, r.week3, r.week4];
    const a = sold.get(key(r)) ?? [0, 0, 0, 0];
    const inStock = [0, 1, 2, 3].map((w) => !out.has(`${key(r)}|${w}`));
    if (inStock.every(Boolean)) {
      const [A, F] = [a.reduce((x, y) => x + y, 0), f.reduce((x, y) => x + y, 0)];
      totalErr += Math.abs(A - F);
      totalNaive += Math.abs(A - r.naiveDaily * 28);
      totalSold += A;
    }
    for (let w = 0; w < 4; w++) {
      if (!inStock[w]) continue;
      const b = weekly.get(`${r.variantId}|${w}`) ?? { a: 0, f: 0, n: 0 };
      weekly.set(`${r.variantId}|${w}`, { a: b.a + a[w], f: b.f + f[w], n: b.n + r.naiveDaily * 7 });
    }
  }
  const buckets = [...weekly.values()];
  const weeklySold = buckets.reduce((s, b) => s + b.a, 0);
  const weeklyErr = buckets.reduce((s, b) => s + Math.abs(b.a - b.f), 0) / weeklySold;
  const weeklyNaive = buckets.reduce((s, b) => s + Math.abs(b.a - b.n), 0) / weeklySold;
  const vsAverage = (wape: number, naive: number) => {
    const fva = Math.round((1 - wape / naive) * 100);
    const average = `(30-day average: ${pct(naive)})`;
    return fva === 0 ? `as accurate as a 30-day average ${average}` : `${Math.abs(fva)}% ${fva > 0 ? "less" : "more"} error than a 30-day average ${average}`;
  };
  return {
    "forecast-accuracy": `WAPE ${pct(totalErr / totalSold)}`,
    "forecast-accuracy-fva": vsAverage(totalErr / totalSold, totalNaive / totalSold),
    "forecast-weekly": `WAPE ${pct(weeklyErr)}`,
    "forecast-weekly-fva": vsAverage(weeklyErr, weeklyNaive),
  };
}

/** The Overview's KPIs for the `n` days before today, computed from the demo database's rows. */
async function expectedKpis(n: number) {
  const db = createPrismaClient(inject("demoDatabaseUrl"));
  try {
    const shop = await db.shop.findUniqueOrThrow({ where: { shop: SHOP } });
    const today = localDate(new Date(), shop.ianaTimezone);
    const [from, to] = [addDays(today, -n), addDays(today, -1)];
    const run = await db.planRun.findFirstOrThrow({
      where: { shop: SHOP, status: "complete" },
      orderBy: { finishedAt: "desc" },
    });
    const variants = new Map((await db.variant.findMany({ where: { shop: SHOP } })).map((v) => [v.id, v]));
    const live = (variantId: string) => variants.get(variantId)?.deletedAt === null;
    // Landed cost where a receipt stored one, else Shopify's cost (the Overview's rule, docs/landed-cost.md).
    const cost = (variantId: string) => cents(variants.get(variantId)?.landedUnitCost ?? variants.get(variantId)?.unitCost ?? null);
    const price = (variantId: string) => cents(variants.get(variantId)?.price ?? null);

    const levels = (await db.inventoryLevel.findMany({ where: { shop: SHOP } })).filter((l) => live(l.variantId));
    const stocked = levels.filter((l) => l.onHand > 0);
    const inventoryValue = stocked.reduce((s, l) => s + l.onHand * cost(l.variantId), 0);
    const units = stocked.reduce((s, l) => s + l.onHand, 0);

    const sales = await db.demandDay.findMany({
      where: { shop: SHOP, date: { gte: from, lte: to } },
    });
    const unitsSold = sales.reduce((s, d) => s + d.units, 0);
    const cogs = sales.reduce((s, d) => s + d.units * cost(d.variantId), 0);

    const planLines = await db.replenishmentLine.findMany({
      where: { shop: SHOP, planRunId: run.id },
    });
    const dailyDemand = new Map(planLines.map((l) => [key(l), l.avgDailyDemand]));
    const stockAtRisk = planLines
      .filter((l) => l.urgency === "critical")
      .reduce((s, l) => s + Math.round(Math.max(0, l.leadTimeDemand - Math.max(0, l.available)) * price(l.variantId)), 0);

    const outDays = (
      await db.inventorySnapshot.findMany({
        where: { shop: SHOP, stockedOut: true, date: { gte: from, lte: to } },
      })
    ).filter((s) => live(s.variantId));
    const tracked = levels.filter((l) => variants.get(l.variantId)!.tracked).length;
    const lostRevenue = Math.round(outDays.reduce((s, o) => s + (dailyDemand.get(key(o)) ?? 0) * price(o.variantId), 0));

    const sold = new Set(
      (
        await db.demandDay.findMany({
          where: {
            shop: SHOP,
            units: { gt: 0 },
            date: { gte: addDays(today, -shop.deadStockDays) },
          },
          select: { variantId: true, locationId: true },
        })
      ).map(key)
    );
    const deadStock = stocked.filter((l) => !sold.has(key(l))).reduce((s, l) => s + l.onHand * cost(l.variantId), 0);

    const poLines = await db.purchaseOrderLine.findMany({
      where: { shop: SHOP },
      include: { purchaseOrder: { select: { status: true } } },
    });
    const openPo = poLines
      .filter((l) => ["approved", "sent", "partially_received"].includes(l.purchaseOrder.status))
      .reduce((s, l) => s + Math.max(0, l.quantityOrdered - l.quantityReceived) * cents(l.unitCost), 0);

    return {
      today,
      values: {
        "inventory-value": money(inventoryValue),
        "stock-at-risk": money(stockAtRisk),
        "days-of-supply": days(units / (unitsSold / n)),
        "stockout-rate": `${((outDays.length / (tracked * n)) * 100).toFixed(1)}%`,
        "lost-revenue": money(lostRevenue),
        turnover: `${((cogs * (365 / n)) / inventoryValue).toFixed(1)}×`,
        "dead-stock": money(deadStock),
        "open-po": money(openPo),
        "units-sold": unitsSold.toLocaleString("en-US"),
        ...(await expectedAccuracy(db, today)),
      },
      to,
      nonZero: {
        inventoryValue,
        stockAtRisk,
        unitsSold,
        outDays: outDays.length,
        lostRevenue,
        deadStock,
        openPo,
      },
    };
  } finally {
    await db.$disconnect();
  }
}

async function shownKpis(page: Page, ids: string[]) {
  const shown: Record<string, string> = {};
  for (const id of ids) shown[id] = ((await page.textContent(`#kpi-${id}`)) ?? "").trim();
  return shown;
}

describe("the Overview of the demo shop", () => {
  it("shows KPIs equal to the demo database's, for the last 30 days and after switching to 7 days", async () => {
    const expected = await expectedKpis(30);
    // The demo has stock, sales, critical lines, stockouts, dead stock and open POs: no KPI is trivially 0.
    for (const [name, value] of Object.entries(expected.nonZero)) expect(value, name).toBeGreaterThan(0);

    const page = await newPage(browser());
    const started = Date.now();
    await page.goto(`${baseUrl}/app`);
    await page.waitForSelector("#kpi-inventory-value");
    console.log(`[overview] first load with KPIs: ${Date.now() - started} ms`);
    await page.waitForLoadState("networkidle");
    expect(await shownKpis(page, Object.keys(expected.values))).toEqual(expected.values);
    await poll(() => page.getByRole("img", { name: "Units sold and forecast per day" }).locator("svg").count()).toBeGreaterThan(0);
    await poll(() => page.getByRole("img", { name: "Inventory value at cost by ABC class" }).locator("svg").count()).toBeGreaterThan(0);
    expect(await page.locator('a[href*="/app/forecasts/"]').count()).toBe(10); // the top 10 at-risk variants link to their forecast
    // The accuracy figures' definitions open on tap (not hover only), and the week-ahead chart is drawn.
    await page.getByRole("button", { name: "What these figures mean" }).click();
    await poll(async () => (await page.locator("#accuracy-definitions").textContent()) ?? "").toContain("forecast value added");
    await poll(() => page.getByRole("img", { name: "Forecast error (WAPE) by week ahead" }).locator("svg").count()).toBeGreaterThan(0);
    await page.screenshot({
      path: `${SCREENSHOTS}/overview-dashboard.png`,
      fullPage: true,
    });

    await page.getByLabel("Date range").selectOption("7");
    await page.waitForURL(/range=7/);
    await page.waitForLoadState("networkidle");
    const week = await expectedKpis(7);
    await poll(() => page.textContent("#overview-range")).toContain("(7 days)");
    expect(await shownKpis(page, Object.keys(week.values))).toEqual(week.values);
  });

  it("answers the Overview's data request again and again with the same figures", async () => {
    // Speed is measured by `npm run bench:plan` (loader p50/p95), not asserted here: the suite shares its cores.
    const timings: number[] = [];
    const values: number[] = [];
    for (let i = 0; i < 4; i++) {
      const started = performance.now();
      const response = await fetch(`${baseUrl}/app?_data=routes%2Fapp._index`);
      expect(response.status).toBe(200);
      values.push((await response.json()).kpis.inventoryValueCents);
      timings.push(performance.now() - started);
    }
    console.log(`[overview] loader: ${timings.map((t) => t.toFixed(0)).join(", ")} ms`);
    expect(values[0]).toBeGreaterThan(0);
    expect(new Set(values).size).toBe(1);
  });

  it("filters by location", async () => {
    const page = await newPage(browser());
    await page.goto(`${baseUrl}/app`);
    await page.waitForLoadState("networkidle");
    const all = Number((await page.textContent("#kpi-units-sold"))!.replace(/,/g, ""));
    const options = await page.getByLabel("Location").locator("option").allTextContents();
    expect(options[0]).toBe("All locations");
    expect(options.length).toBeGreaterThan(2);
    await page.getByLabel("Location").selectOption({ label: options[1] });
    await page.waitForURL(/location=/);
    await page.waitForLoadState("networkidle");
    await poll(async () => Number((await page.textContent("#kpi-units-sold"))!.replace(/,/g, ""))).toBeLessThan(all);
    await page.screenshot({
      path: `${SCREENSHOTS}/overview-one-location.png`,
      fullPage: true,
    });
  });

  it("saves screenshots of Alerts and Settings", async () => {
    const page = await newPage(browser());
    for (const [path, heading] of [
      ["/app/alerts", "Alerts"],
      ["/app/settings", "Settings"],
    ] as const) {
      await page.goto(`${baseUrl}${path}`);
      await poll(() => page.getByRole("heading", { name: heading, level: 1 }).count()).toBe(1);
      await page.waitForLoadState("networkidle");
      await page.screenshot({
        path: `${SCREENSHOTS}/overview-test-${heading.toLowerCase()}.png`,
        fullPage: true,
      });
    }
  });
});
