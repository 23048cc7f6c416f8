// The shop calendar reaches the plan. Closed days: a day on which nothing sold although 20 or more series
// were on sale is unknown demand (not zero) in every forecast of that shop, and another shop's sales never
// open it. Analogues: a product in its first weeks is scaled by how the shop's launches went on to sell.
import { describe, expect, it } from "vitest";
import type { Prisma } from "@prisma/client";
import prisma from "~/db.server";
import { createLevel, createLocation, createProduct, createShop, createVariant, demandDays, uniqueShop } from "../factories";
import { forecastDemand } from "~/lib/planning";
import { shopCalendar } from "~/services/planning/shop-calendar.server";
import { HISTORY_DAYS, planShop } from "~/services/planning/plan-shop.server";
import { addDays } from "~/lib/time";

const NOW = new Date("2026-11-22T15:00:00Z");
const TODAY = "2026-11-22";
const CLOSED = addDays(TODAY, -30);
const FROM = addDays(TODAY, -HISTORY_DAYS);

/** `variants` variants at one location selling 4 + (i mod 3) a day for 120 days, except on `closed` when `sellOnClosed` is false. */
async function seedShop(variants: number, sellOnClosed: boolean) {
  const shop = await createShop("Closed days", { shop: uniqueShop("closed-days") });
  const location = await createLocation(shop, 1, { name: "Shop" });
  const product = await createProduct(shop, { title: "Mug" });
  const days: Prisma.DemandDayCreateManyInput[] = [];
  const ids: string[] = [];
  for (let n = 1; n <= variants; n++) {
    const v = await createVariant(shop, product.id, n, { sku: `MUG-${n}`, price: "10" });
    ids.push(v.id);
    await createLevel(shop, v.id, location.id, 50);
    const sold = demandDays(shop, v.id, location.id, { until: TODAY, days: 120, units: (i) => 4 + (i % 3), revenue: () => "10" });
    days.push(...sold.filter((d) => sellOnClosed || d.date !== CLOSED));
  }
  await prisma.demandDay.createMany({ data: days });
  return { shop, ids, locationId: location.id };
}

/** The 730-day history the plan reads for one series, oldest first. */
async function historyOf(shop: string, variantId: string, locationId: string) {
  const units = new Float64Array(HISTORY_DAYS);
  for (const d of await prisma.demandDay.findMany({ where: { shop, variantId, locationId } })) {
    units[Math.round((Date.parse(d.date) - Date.parse(FROM)) / 86_400_000)] += d.units;
  }
  return units;
}

describe("shop-closed days", () => {
  it("finds the day nothing sold while 20 series were on sale, for that shop only", async () => {
    const closed = await seedShop(20, false);
    const open = await seedShop(20, true);
    const few = await seedShop(19, false);
    expect((await shopCalendar(closed.shop, FROM, HISTORY_DAYS, false)).closedDates).toEqual([CLOSED]);
    expect((await shopCalendar(open.shop, FROM, HISTORY_DAYS, false)).closedDates).toEqual([]);
    // 19 series on sale: a day without sales is not yet evidence of a closed shop
    expect((await shopCalendar(few.shop, FROM, HISTORY_DAYS, false)).closedDates).toEqual([]);
  });

  it("plans every series of the shop with that day as unknown demand, not as a day of zero sales", async () => {
    const { shop, ids, locationId } = await seedShop(20, false);
    const run = await planShop(shop, { now: NOW, threads: 0 });
    const stored = await prisma.forecast.findFirstOrThrow({ where: { shop, planRunId: run.planRunId, variantId: ids[0], locationId } });
    const history = await historyOf(shop, ids[0], locationId);
    const closedMask = new Uint8Array(HISTORY_DAYS);
    closedMask[Math.round((Date.parse(CLOSED) - Date.parse(FROM)) / 86_400_000)] = 1;
    const common = { history, horizonDays: 90, leadTime: { meanDays: 14, sdDays: 0 }, reviewPeriodDays: 7, serviceLevels: [0.95] };
    const round3 = (xs: number[]) => xs.map((x) => Math.round(x * 1000) / 1000);
    const withClosed = round3(forecastDemand({ ...common, closedMask }).forecast.mean);
    const asZero = round3(forecastDemand(common).forecast.mean);
    expect(withClosed).not.toEqual(asZero);
    expect(stored.mean).toEqual(withClosed);
  });
});

describe("new products learn from the shop's launches", () => {
  it("forecasts an item in its first weeks by how the shop's launched products went on to sell", async () => {
    const shop = await createShop("Launches", { shop: uniqueShop("analogues") });
    const location = await createLocation(shop, 1, { name: "Shop" });
    const product = await createProduct(shop, { title: "Lamp" });
    const days: Prisma.DemandDayCreateManyInput[] = [];
    // 12 products launched 200 days ago: 1 a day for two weeks, then 4 a day
    for (let n = 1; n <= 13; n++) {
      const v = await createVariant(shop, product.id, n, { sku: `L-${n}` });
      await createLevel(shop, v.id, location.id, 30);
      const age = n === 13 ? 14 : 200;
      for (let d = 0; d < age; d++) days.push({ shop, variantId: v.id, locationId: location.id, date: addDays(TODAY, -age + d), units: d < 14 ? 1 : 4, revenue: "10" });
    }
    await prisma.demandDay.createMany({ data: days });
    const newcomer = await prisma.variant.findFirstOrThrow({ where: { shop, sku: "L-13" } });
    const other = await prisma.variant.findFirstOrThrow({ where: { shop, sku: "L-1" } });
    const run = await planShop(shop, { now: NOW, threads: 0 });
    const forecastOf = (variantId: string) => prisma.forecast.findFirstOrThrow({ where: { shop, planRunId: run.planRunId, variantId } });
    const young = await forecastOf(newcomer.id);
    expect(young.method).toBe("analogue");
    // its own 1 a day × (4 a day after two weeks ÷ 1 a day in them) = 4 a day, not its own mean of 1
    const mean = young.mean as number[];
    expect(mean.reduce((s, x) => s + x, 0) / mean.length).toBeCloseTo(4, 1);
    expect((await forecastOf(other.id)).method).not.toBe("analogue");
  });
});
