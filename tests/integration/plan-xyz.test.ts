// ABC × XYZ service levels in the plan (ADR 024): each planned series gets an XYZ class from its last 26
// weeks of known demand, stored with its forecast and line, and is planned at its cell's service level.
import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { createLevel, createStore, createVariant, demandDays } from "../factories";
import { cellServiceLevel, type AbcClass, type XyzClass } from "~/lib/analytics";
import { planShop } from "~/services/planning/plan-shop.server";
import { planTouchedVariants } from "~/services/planning/plan-touched.server";
import { getReplenishment } from "~/services/replenishment.server";
import { planShops } from "../setup/plan-shops";

const NOW = new Date("2026-11-22T15:00:00Z");
const TODAY = "2026-11-22";

/** A steady seller (3 a day) and a lumpy one (30 units one day in 21), 200 days of history each. */
async function seedShop(label: string) {
  const { shop, location, product } = await createStore(label, { shop: { serviceLevelA: 0.97, serviceLevelB: 0.94, serviceLevelC: 0.9 }, vendor: { statedLeadTimeDays: 10 }, product: { title: "Mug" } });
  const ids: Record<string, string> = {};
  const days = [];
  for (const [n, name] of ["steady", "lumpy"].entries()) {
    const v = await createVariant(shop, product.id, n + 1, { title: name, unitCost: "4.00", price: "12" });
    await createLevel(shop, v.id, location.id, 2);
    days.push(...demandDays(shop, v.id, location.id, { until: TODAY, days: 200, units: (i) => (name === "steady" ? 3 : i % 21 === 5 ? 30 : 0), revenue: (u) => String(u * 12) }));
    ids[name] = v.id;
  }
  await prisma.demandDay.createMany({ data: days });
  return { shop, ids, levels: { A: 0.97, B: 0.94, C: 0.9 } as Record<AbcClass, number> };
}

describe("ABC × XYZ service levels in a plan", () => {
  it("stores each series' XYZ class beside its ABC class; plans at the class level by default, at the cell's with the steps on", async () => {
    const s = await seedShop("xyz");
    const other = await seedShop("xyz-other");
    const [first] = await planShops([s.shop, other.shop], { now: NOW });
    // Default (a new shop): classes stored, every cell at its class level.
    const plain = await prisma.replenishmentLine.findMany({ where: { shop: s.shop, planRunId: first.planRunId } });
    expect(plain.map((l) => l.xyzClass).sort()).toEqual(["X", "Z"]);
    for (const l of plain) expect(l.serviceLevel).toBe(s.levels[l.abcClass as AbcClass]);

    // Settings → "Lower service levels for variable demand" on: the lumpy seller steps down.
    await prisma.shop.update({ where: { shop: s.shop }, data: { serviceByVariability: true } });
    const run = await planShop(s.shop, { now: NOW });
    const check = async () => {
      const lines = await prisma.replenishmentLine.findMany({ where: { shop: s.shop, planRunId: run.planRunId } });
      const forecasts = await prisma.forecast.findMany({ where: { shop: s.shop, planRunId: run.planRunId } });
      const line = (name: string) => lines.find((l) => l.variantId === s.ids[name])!;
      expect([line("steady").xyzClass, line("lumpy").xyzClass]).toEqual(["X", "Z"]);
      for (const l of lines) {
        expect(forecasts.find((f) => f.variantId === l.variantId)).toMatchObject({ xyzClass: l.xyzClass, abcClass: l.abcClass });
        expect(l.serviceLevel).toBeCloseTo(cellServiceLevel(s.levels[l.abcClass as AbcClass], l.abcClass as AbcClass, l.xyzClass as XyzClass), 12);
      }
      // The lumpy seller is planned below its class level (the Z step), the steady one at it.
      expect(line("lumpy").serviceLevel).toBeLessThan(s.levels[line("lumpy").abcClass as AbcClass]);
      expect(line("steady").serviceLevel).toBe(s.levels[line("steady").abcClass as AbcClass]);
      return lines;
    };
    await check();
    // The screen and the CSV carry it.
    const screen = await getReplenishment(s.shop, { sort: "stockout", page: 1, pageSize: 50 });
    expect(screen.rows.find((r) => r.variantId === s.ids.lumpy)?.xyzClass).toBe("Z");

    // An incremental re-plan classifies the touched series the same way.
    await prisma.inventoryLevel.updateMany({ where: { shop: s.shop, variantId: s.ids.lumpy }, data: { available: 0, onHand: 0 } });
    expect(await planTouchedVariants(s.shop)).toMatchObject({ planRunId: run.planRunId, variants: 1 });
    await check();
    // The other shop has its own classes and its own (default) levels, untouched by this one.
    const others = await prisma.replenishmentLine.findMany({ where: { shop: other.shop } });
    expect(others.map((l) => l.xyzClass).sort()).toEqual(["X", "Z"]);
    for (const l of others) expect(l.serviceLevel).toBe(other.levels[l.abcClass as AbcClass]);
  });
});
