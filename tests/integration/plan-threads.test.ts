import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { planShop } from "~/services/planning/plan-shop.server";
import { addDays } from "~/utils/dates";

const NOW = new Date("2026-11-22T15:00:00Z");
const TODAY = "2026-11-22";

/** 24 variants at two locations with smooth, intermittent, stocked-out, overridden and on-order series. */
async function seedShop() {
  const shop = `plan-threads-${crypto.randomUUID().slice(0, 8)}.myshopify.com`;
  await prisma.shop.create({ data: { shop, name: "Threads", ianaTimezone: "UTC" } });
  const locations = [
    await prisma.location.create({ data: { shop, shopifyId: "gid://shopify/Location/1", name: "Warehouse" } }),
    await prisma.location.create({ data: { shop, shopifyId: "gid://shopify/Location/2", name: "Store" } }),
  ];
  const vendor = await prisma.vendor.create({ data: { shop, name: "Acme", statedLeadTimeDays: 12, moq: 6 } });
  const product = await prisma.product.create({ data: { shop, shopifyId: "gid://shopify/Product/1", title: "Lamp", vendorId: vendor.id } });
  const days: { shop: string; variantId: string; locationId: string; date: string; units: number; revenue: string }[] = [];
  const snapshots: { shop: string; variantId: string; locationId: string; date: string; available: number; stockedOut: boolean }[] = [];
  for (let n = 1; n <= 24; n++) {
    const v = await prisma.variant.create({
      data: { shop, shopifyId: `gid://shopify/ProductVariant/${n}`, productId: product.id, title: `V${n}`, sku: `LAMP-${n}`, unitCost: `${n}.25`, price: "40", casePack: n % 5 === 0 ? 12 : null },
    });
    for (const [li, location] of locations.entries()) {
      await prisma.inventoryLevel.create({ data: { shop, variantId: v.id, locationId: location.id, available: (n * 7 + li * 3) % 40, onHand: (n * 7 + li * 3) % 40, incoming: n % 4 === 0 ? 5 : 0 } });
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
    // The superseded run keeps its forecasts only when it is a weekly keeper; compare against the copy read before.
    expect(await forecastsOf(shop, threaded.planRunId)).toEqual(singleForecasts);
    expect(singleLines.some((l) => l.suggestedQty > 0)).toBe(true);
    const overridden = singleForecasts.find((f) => (f.params as { override?: unknown }).override);
    expect(overridden).toBeDefined();
  }, 60_000);
});
