import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { createLevel, createStore, createVariant, demandDays } from "../factories";
import { latestCompletePlanRun } from "~/models/plan-run.server";
import { planShop } from "~/services/planning/plan-shop.server";
import { editSuggestedQuantity, exportReplenishmentCsv, getReplenishment } from "~/services/replenishment.server";
import { addDays } from "~/lib/time";
import { planShops } from "../setup/plan-shops";

const NOW = new Date("2026-11-22T15:00:00Z");
const TODAY = "2026-11-22";

/** A small shop: one location, one vendor (10-day lead time), three variants with different situations. */
async function seedShop(label: string) {
  const { shop, location, product } = await createStore(label, { shop: { serviceLevelA: 0.95, serviceLevelB: 0.95, serviceLevelC: 0.95 }, vendor: { statedLeadTimeDays: 10 } });
  const variant = (n: number, extra: object = {}) => createVariant(shop, product.id, n, { sku: `TENT-${n}`, unitCost: "12.50", price: "30", ...extra });
  const steady = await variant(1);
  const idle = await variant(2);
  const conflicted = await variant(3, { moqOverride: 10, casePack: 12, maxQty: 11 });
  for (const v of [steady, idle, conflicted]) await createLevel(shop, v.id, location.id, v === steady ? 3 : 0);
  const history = { until: TODAY, days: 120, units: 5, revenue: () => "150" };
  await prisma.demandDay.createMany({ data: [steady, conflicted].flatMap((v) => demandDays(shop, v.id, location.id, history)) });
  return { shop, steady, idle, conflicted, location };
}

describe("a plan run", () => {
  it("plans each tracked variant × location, skips what has nothing to plan, and explains conflicting order rules", async () => {
    const a = await seedShop("plan-a");
    const summary = await planShop(a.shop, { now: NOW });
    expect(summary).toMatchObject({ asOfDate: TODAY, seriesTotal: 3, seriesPlanned: 2, seriesSkipped: 1, skippedReasons: { "no sales and no stock": 1 } });

    const lines = await prisma.replenishmentLine.findMany({ where: { shop: a.shop, planRunId: summary.planRunId } });
    const steady = lines.find((l) => l.variantId === a.steady.id)!;
    // 5 units a day, 3 on hand, 10-day lead time: out of stock before an order can arrive.
    expect(steady.urgency).toBe("critical");
    expect(steady.avgDailyDemand).toBeGreaterThan(4);
    expect(steady.avgDailyDemand).toBeLessThan(6);
    expect(steady.suggestedQty).toBeGreaterThanOrEqual(Math.ceil(5 * 17 - 3));
    expect(steady.safetyStock).toBeGreaterThanOrEqual(0);
    expect(steady.projectedStockoutDate).toBe(TODAY);

    const conflicted = lines.find((l) => l.variantId === a.conflicted.id)!;
    expect(conflicted.suggestedQty).toBe(0);
    expect(conflicted.reason).toMatch(/^Order rules conflict/);
    expect(conflicted.urgency).toBe("critical");

    const forecast = await prisma.forecast.findFirstOrThrow({ where: { shop: a.shop, variantId: a.steady.id } });
    expect((forecast.mean as number[]).length).toBeGreaterThanOrEqual(28);
  });

  it("replaces the previous plan only when the new one is complete, and never touches another shop", async () => {
    const a = await seedShop("plan-b");
    const b = await seedShop("plan-c");
    const planB = await planShop(b.shop, { now: NOW });
    const first = await planShop(a.shop, { now: NOW });
    const second = await planShop(a.shop, { now: NOW });
    expect((await latestCompletePlanRun(a.shop))?.id).toBe(second.planRunId);
    expect(await prisma.replenishmentLine.count({ where: { shop: a.shop, planRunId: first.planRunId } })).toBe(0);
    expect(await prisma.replenishmentLine.count({ where: { shop: a.shop } })).toBe(2);
    expect((await latestCompletePlanRun(b.shop))?.id).toBe(planB.planRunId);
    expect(await prisma.replenishmentLine.count({ where: { shop: b.shop } })).toBe(2);

    const screen = await getReplenishment(a.shop, { urgency: ["critical"], sort: "stockout", page: 1, pageSize: 50 });
    expect(screen.rows.map((r) => r.sku).sort()).toEqual(["TENT-1", "TENT-3"]);
    expect(screen.urgencyCounts.critical).toBe(2);
    const searched = await getReplenishment(a.shop, { search: "tent-1", sort: "stockout", page: 1, pageSize: 50 });
    expect(searched.rows.map((r) => r.sku)).toEqual(["TENT-1"]);
  });
});

describe("balancing service levels by unit cost (Settings)", () => {
  it("gives cheap items more service and dear ones less when on, the class level to every item when off", async () => {
    const shop = `balance-${crypto.randomUUID().slice(0, 8)}.myshopify.com`;
    await prisma.shop.create({ data: { shop, name: "b", ianaTimezone: "UTC", serviceLevelA: 0.95, serviceLevelB: 0.95, serviceLevelC: 0.95, balanceServiceByCost: true } });
    const location = await prisma.location.create({ data: { shop, shopifyId: "gid://shopify/Location/1", name: "Warehouse" } });
    const product = await prisma.product.create({ data: { shop, shopifyId: "gid://shopify/Product/1", title: "Mug" } });
    const costs: Record<string, string | null> = { cheap: "2.00", dear: "8.00", unknown: null };
    const variants: Record<string, string> = {};
    for (const [n, [name, unitCost]] of Object.entries(costs).entries()) {
      const v = await prisma.variant.create({ data: { shop, shopifyId: `gid://shopify/ProductVariant/${n + 1}`, productId: product.id, title: name, sku: name, unitCost } });
      variants[name] = v.id;
      await prisma.inventoryLevel.create({ data: { shop, variantId: v.id, locationId: location.id, available: 10, onHand: 10 } });
      // The same noisy demand for all three, so only the cost can set them apart.
      const days = Array.from({ length: 180 }, (_, i) => ({ shop, variantId: v.id, locationId: location.id, date: addDays(TODAY, -1 - i), units: (i * 7) % 11, revenue: "10" }));
      await prisma.demandDay.createMany({ data: days });
    }
    const linesOf = async (runId: string) => {
      const lines = await prisma.replenishmentLine.findMany({ where: { shop, planRunId: runId } });
      return Object.fromEntries(Object.entries(variants).map(([name, id]) => [name, lines.find((l) => l.variantId === id)!]));
    };

    // Mean known cost $5: 1 − 0.05·2/5 = 0.98 and 1 − 0.05·8/5 = 0.92; no cost keeps the class's 0.95.
    const on = await linesOf((await planShop(shop, { now: NOW })).planRunId);
    expect(on.cheap.serviceLevel).toBeCloseTo(0.98, 9);
    expect(on.dear.serviceLevel).toBeCloseTo(0.92, 9);
    expect(on.unknown.serviceLevel).toBeCloseTo(0.95, 9);
    expect(on.cheap.safetyStock).toBeGreaterThan(on.unknown.safetyStock);
    expect(on.unknown.safetyStock).toBeGreaterThan(on.dear.safetyStock);

    await prisma.shop.update({ where: { shop }, data: { balanceServiceByCost: false } });
    const off = await linesOf((await planShop(shop, { now: NOW })).planRunId);
    for (const name of Object.keys(variants)) expect(off[name].serviceLevel).toBe(0.95);
    expect(off.cheap.safetyStock).toBe(off.dear.safetyStock);
    expect(off.cheap.safetyStock).toBe(on.unknown.safetyStock);
  });
});

describe("working with a plan", () => {
  it("lets the merchant override a suggested quantity (audited, shop-scoped) and exports the filtered plan as CSV", async () => {
    const a = await seedShop("plan-edit");
    const b = await seedShop("plan-other");
    await planShops([a.shop, b.shop], { now: NOW });
    const line = await prisma.replenishmentLine.findFirstOrThrow({ where: { shop: a.shop, variantId: a.steady.id } });
    const otherLine = await prisma.replenishmentLine.findFirstOrThrow({ where: { shop: b.shop } });

    expect(await editSuggestedQuantity(a.shop, "staff-1", line.id, 40)).toBe(true);
    expect(await editSuggestedQuantity(a.shop, "staff-1", otherLine.id, 1)).toBe(false);
    expect((await prisma.replenishmentLine.findUniqueOrThrow({ where: { id: otherLine.id } })).editedQty).toBeNull();
    const screen = await getReplenishment(a.shop, { search: "TENT-1", sort: "stockout", page: 1, pageSize: 50 });
    expect(screen.rows[0]).toMatchObject({ suggestedQty: 40, edited: true });
    const audit = await prisma.auditEntry.findFirstOrThrow({ where: { shop: a.shop, entityId: line.id } });
    expect(audit).toMatchObject({ actor: "staff-1", action: "replenishment_line.quantity_edited" });
    expect((audit.after as { editedQty: number }).editedQty).toBe(40);

    const csv = await exportReplenishmentCsv(a.shop, { urgency: ["critical"], sort: "stockout" });
    const rows = csv.trim().split("\n");
    expect(rows[0]).toMatch(/^product,variant,sku,location,vendor,on_hand/);
    expect(rows).toHaveLength(3);
    expect(rows.some((r) => r.includes("TENT-1") && r.includes(",40,"))).toBe(true);
    expect(rows.some((r) => r.includes('"Order rules conflict'))).toBe(true);

    expect(await editSuggestedQuantity(a.shop, "staff-1", line.id, null)).toBe(true);
    expect((await getReplenishment(a.shop, { search: "TENT-1", sort: "stockout", page: 1, pageSize: 50 })).rows[0].edited).toBe(false);
  });
});
