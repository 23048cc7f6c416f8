import { describe, expect, it } from "vitest";
import type { Prisma } from "@prisma/client";
import prisma from "~/db.server";
import { createLevel, createLocation, createProduct, createShop, createVariant, createVendor, uniqueShop } from "../factories";
import { planShop } from "~/services/planning/plan-shop.server";
import { addDays } from "~/lib/time";

const NOW = new Date("2026-11-22T15:00:00Z");
const TODAY = "2026-11-22";

/** 24 variants at two locations with smooth, intermittent, stocked-out, overridden and on-order series. */
async function seedShop() {
  const shop = await createShop("Threads", { shop: uniqueShop("plan-threads") });
  const locations = [await createLocation(shop), await createLocation(shop, 2, { name: "Store" })];
  const vendor = await createVendor(shop, { statedLeadTimeDays: 12, moq: 6 });
  const product = await createProduct(shop, { title: "Lamp", vendorId: vendor.id });
  const days: Prisma.DemandDayCreateManyInput[] = [];
  const snapshots: { shop: string; variantId: string; locationId: string; date: string; available: number; stockedOut: boolean }[] = [];
  for (let n = 1; n <= 24; n++) {
    const v = await createVariant(shop, product.id, n, { sku: `LAMP-${n}`, unitCost: `${n}.25`, price: "40", casePack: n % 5 === 0 ? 12 : null });
    for (const [li, location] of locations.entries()) {
      await createLevel(shop, v.id, location.id, (n * 7 + li * 3) % 40, { incoming: n % 4 === 0 ? 5 : 0 });
      for (let i = 1; i <= 200; i++) {
        const units = n % 3 === 0 ? (i % (n + 2) === 0 ? n : 0) : Math.round(2 + n / 4 + ((i * n + li) % 5));
        if (n % 7 === 0 && i <= 10) snapshots.push({ shop, variantId: v.id, locationId: location.id, date: addDays(TODAY, -i), available: 0, stockedOut: true });
        else if (units > 0) days.push({ shop, variantId: v.id, locationId: location.id, date: addDays(TODAY, -i), units, revenue: String(units * 40) });
      }
    }
    if (n === 2) await prisma.forecastOverride.create({ data: { shop, variantId: v.id, locationId: locations[0].id, startDate: TODAY, endDate: addDays(TODAY, 9), dailyUnits: 20, createdBy: "test" } });
  }
  await prisma.demandDay.createMany({ data: days });
  await prisma.inventorySnapshot.createMany({ data: snapshots });
  return shop;
}

const linesOf = async (shop: string, planRunId: string) =>
  (await prisma.replenishmentLine.findMany({ where: { shop, planRunId }, orderBy: [{ variantId: "asc" }, { locationId: "asc" }] })).map(
    ({ id: _id, planRunId: _run, ...rest }) => rest,
  );
const forecastsOf = async (shop: string, planRunId: string) =>
  (await prisma.forecast.findMany({ where: { shop, planRunId }, orderBy: [{ variantId: "asc" }, { locationId: "asc" }] })).map(
    ({ id: _id, planRunId: _run, createdAt: _at, ...rest }) => rest,
  );

describe("plan runs in worker threads", () => {
  it("write exactly the lines and forecasts the single-threaded run writes", async () => {
    const shop = await seedShop();
    const single = await planShop(shop, { now: NOW, threads: 0 });
    const singleLines = await linesOf(shop, single.planRunId);
    const singleForecasts = await forecastsOf(shop, single.planRunId);
    const threaded = await planShop(shop, { now: NOW, threads: 2 });
    expect([single.threads, threaded.threads]).toEqual([0, 2]);
    expect(threaded.seriesPlanned).toBe(single.seriesPlanned);
    expect(threaded.seriesPlanned).toBe(48);
    expect(threaded.skippedReasons).toEqual(single.skippedReasons);
    expect(await linesOf(shop, threaded.planRunId)).toEqual(singleLines);
    // The superseded run's forecasts are deleted: compare against the copy read before.
    expect(await forecastsOf(shop, threaded.planRunId)).toEqual(singleForecasts);
    expect(singleLines.some((l) => l.suggestedQty > 0)).toBe(true);
    const overridden = singleForecasts.find((f) => (f.params as { override?: unknown }).override);
    expect(overridden).toBeDefined();
  });
});

describe("ABC classes of a plan run", () => {
  it("rank variants by the last 365 days of revenue (older sales do not count) and label lines and forecasts alike", async () => {
    const shop = await createShop("ABC", { shop: uniqueShop("plan-abc"), serviceLevelA: 0.99, serviceLevelB: 0.95, serviceLevelC: 0.9 });
    const location = await createLocation(shop);
    const product = await createProduct(shop, { title: "Pen" });
    // Revenue a day in the last year: V1 $100, V2 $10, V3…V10 $1; V10 also sold $10,000 a day 400–500 days ago.
    const daily = [100, 10, 1, 1, 1, 1, 1, 1, 1, 1];
    const ids: string[] = [];
    const days = [];
    for (const [i, revenue] of daily.entries()) {
      const v = await createVariant(shop, product.id, i + 1, { unitCost: "1.00", price: "1" });
      ids.push(v.id);
      await createLevel(shop, v.id, location.id, 10);
      for (let d = 1; d <= 300; d++) days.push({ shop, variantId: v.id, locationId: location.id, date: addDays(TODAY, -d), units: 1, revenue: String(revenue) });
      if (i === 9) for (let d = 400; d <= 500; d++) days.push({ shop, variantId: v.id, locationId: location.id, date: addDays(TODAY, -d), units: 1, revenue: "10000" });
    }
    await prisma.demandDay.createMany({ data: days });
    for (const threads of [0, 2]) {
      const run = await planShop(shop, { now: NOW, threads });
      const lines = await prisma.replenishmentLine.findMany({ where: { shop, planRunId: run.planRunId } });
      const forecasts = await prisma.forecast.findMany({ where: { shop, planRunId: run.planRunId } });
      const classOf = (rows: { variantId: string; abcClass: string | null }[], n: number) => rows.find((r) => r.variantId === ids[n])?.abcClass;
      // Shares of the year's $118 a day: V1 comes first (A); V2 after 85% (B); V10, the last $1 item, after 95% (C).
      expect([classOf(lines, 0), classOf(lines, 1), classOf(lines, 9)]).toEqual(["A", "B", "C"]);
      for (let n = 0; n < ids.length; n++) expect(classOf(forecasts, n)).toBe(classOf(lines, n));
      expect(lines.find((l) => l.variantId === ids[0])!.serviceLevel).toBe(0.99);
      expect(lines.find((l) => l.variantId === ids[9])!.serviceLevel).toBe(0.9);
    }
    // V10 sells $100,000 a day for ten days this year: it becomes the A item, and its forecast (written with the
    // previous plan's class, C) is relabelled.
    await prisma.demandDay.createMany({
      data: Array.from({ length: 10 }, (_, d) => ({ shop, variantId: ids[9], locationId: location.id, date: addDays(TODAY, -301 - d), units: 1, revenue: "100000" })),
    });
    const run = await planShop(shop, { now: NOW });
    const classes = async (table: "forecast" | "replenishmentLine") =>
      (await (prisma[table] as typeof prisma.forecast).findMany({ where: { shop, planRunId: run.planRunId }, select: { variantId: true, abcClass: true } })).find((r) => r.variantId === ids[9])?.abcClass;
    expect([await classes("replenishmentLine"), await classes("forecast")]).toEqual(["A", "A"]);
    const line = await prisma.replenishmentLine.findFirstOrThrow({ where: { shop, planRunId: run.planRunId, variantId: ids[9] } });
    expect(line.serviceLevel).toBe(0.99);
  });
});

describe("an interrupted plan run", () => {
  it("resumes after its last written chunk and ends with the rows and coverage of an uninterrupted run", async () => {
    const shop = await seedShop();
    const full = await planShop(shop, { now: NOW, threads: 0 });
    const linesAll = await linesOf(shop, full.planRunId);
    const forecastsAll = await forecastsOf(shop, full.planRunId);
    // Rewind the run to the state a process killed after the chunk ending at the 10th variant leaves: rows of
    // later variants gone, progress and coverage of that chunk, still "running", silent for 10 minutes.
    const variantIds = [...new Set(linesAll.map((l) => l.variantId))].sort();
    const cut = variantIds[9];
    const kept = linesAll.filter((l) => l.variantId <= cut);
    await prisma.replenishmentLine.deleteMany({ where: { shop, planRunId: full.planRunId, variantId: { gt: cut } } });
    await prisma.forecast.deleteMany({ where: { shop, planRunId: full.planRunId, variantId: { gt: cut } } });
    // The accuracy snapshot is written with each chunk, so it stops at the cut too.
    const snapshotOf = async () =>
      (await prisma.forecastSnapshot.findMany({ where: { shop, planRunId: full.planRunId }, orderBy: [{ variantId: "asc" }, { locationId: "asc" }] })).map(
        ({ id: _id, ...rest }) => rest,
      );
    const snapshotAll = await snapshotOf();
    expect(snapshotAll).toHaveLength(full.seriesPlanned);
    await prisma.forecastSnapshot.deleteMany({ where: { shop, planRunId: full.planRunId, variantId: { gt: cut } } });
    const quiet = new Date(Date.now() - 10 * 60_000);
    await prisma.planRun.update({
      where: { id: full.planRunId },
      data: { status: "running", finishedAt: null, resumeAfter: cut, heartbeatAt: quiet, startedAt: quiet, seriesTotal: kept.length, seriesPlanned: kept.length, seriesSkipped: 0, skippedReasons: {} },
    });
    // Another run of an earlier day, cut short too: dropped with its rows.
    const stale = await prisma.planRun.create({ data: { shop, status: "running", asOfDate: "2026-11-20", startedAt: quiet } });
    await prisma.forecast.create({ data: { shop, planRunId: stale.id, variantId: cut, locationId: kept[0].locationId, method: "ses", demandClass: "smooth", mean: [1] } });

    const resumed = await planShop(shop, { now: NOW, threads: 2 });
    expect(resumed.planRunId).toBe(full.planRunId);
    expect(resumed).toMatchObject({ seriesPlanned: full.seriesPlanned, seriesTotal: full.seriesTotal });
    expect(await linesOf(shop, full.planRunId)).toEqual(linesAll);
    expect(await forecastsOf(shop, full.planRunId)).toEqual(forecastsAll);
    expect(await snapshotOf()).toEqual(snapshotAll);
    expect(await prisma.planRun.findUniqueOrThrow({ where: { id: full.planRunId } })).toMatchObject({ status: "complete" });
    expect(await prisma.planRun.findUniqueOrThrow({ where: { id: stale.id } })).toMatchObject({ status: "failed", error: "interrupted" });
    expect(await prisma.forecast.count({ where: { planRunId: stale.id } })).toBe(0);
  });

  it("does not take over a running plan that is still making progress", async () => {
    const shop = await seedShop();
    const live = await prisma.planRun.create({ data: { shop, status: "running", asOfDate: TODAY, heartbeatAt: new Date() } });
    const other = await planShop(shop, { now: NOW, threads: 0 });
    expect(other.planRunId).not.toBe(live.id);
    expect(await prisma.planRun.findUniqueOrThrow({ where: { id: live.id } })).toMatchObject({ status: "running" });
  });
});
