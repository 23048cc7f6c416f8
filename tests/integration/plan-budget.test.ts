// The purchase budget per plan (ADR 038): a full plan and an incremental one spend at most the cap, the cut
// goes where a dollar prevents the most shortage, the screen and the why panel say so, no cap changes nothing.
import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { createLevel, createStore, createVariant, demandDays } from "../factories";
import { planShop } from "~/services/planning/plan-shop.server";
import { planTouchedVariants } from "~/services/planning/plan-touched.server";
import { lineTotalCents } from "~/services/purchase-orders/money";
import { getReplenishment } from "~/services/replenishment.server";
import { planShops } from "../setup/plan-shops";

const NOW = new Date("2026-11-22T15:00:00Z");
const TODAY = "2026-11-22";

/** Four variants selling 4 a day (a little noise), 3 on hand: same need, unit costs 1, 5 and 25, and one without a cost. */
async function seedShop(label: string) {
  // Ordering costs next to nothing: no economical batch raises the cheap mug above the others' need.
  const { shop, location, product } = await createStore(label, { shop: { orderingCost: "0.01" }, vendor: { statedLeadTimeDays: 10 }, product: { title: "Mug" } });
  const costs = { cheap: "1.00", mid: "5.00", dear: "25.00", unknown: null } as const;
  const variants: Record<string, string> = {};
  const days = [];
  let n = 0;
  for (const [name, unitCost] of Object.entries(costs)) {
    n++;
    const v = await createVariant(shop, product.id, n, { title: name, sku: `MUG-${name}`, unitCost, price: "40" });
    await createLevel(shop, v.id, location.id, 3);
    days.push(...demandDays(shop, v.id, location.id, { until: TODAY, days: 120, units: (i) => 3 + ((i * 7) % 3), revenue: () => "160" }));
    variants[name] = v.id;
  }
  await prisma.demandDay.createMany({ data: days });
  return { shop, variants };
}

/** The shop's lines by variant name. */
const linesOf = async ({ shop, variants }: { shop: string; variants: Record<string, string> }) => {
  const names = Object.fromEntries(Object.entries(variants).map(([name, id]) => [id, name]));
  const lines = await prisma.replenishmentLine.findMany({ where: { shop } });
  return Object.fromEntries(lines.map((l) => [names[l.variantId], l]));
};
/** The lines' value at unit cost as the screen counts it, cents. */
const spent = (lines: Awaited<ReturnType<typeof linesOf>>) =>
  Object.values(lines).reduce((sum, l) => sum + (l.unitCost === null ? 0n : lineTotalCents(l.suggestedQty, l.unitCost.toString())), 0n);

describe("the purchase budget per plan", () => {
  it("cuts a full plan to the cap, cheapest service first; says so on the screen and in the why; no cap changes nothing", async () => {
    const a = await seedShop("budget-a");
    const b = await seedShop("budget-b");
    await planShops([a.shop, b.shop], { now: NOW });
    const free = await linesOf(a);
    const bBefore = await linesOf(b);
    for (const l of Object.values(free)) expect(l.budgetCutFrom).toBeNull();
    expect(free.cheap.suggestedQty).toBeGreaterThan(20);
    expect(free.cheap.suggestedQty).toBe(free.dear.suggestedQty);
    const uncut = spent(free);
    expect((await prisma.planRun.findFirstOrThrow({ where: { shop: a.shop, status: "complete" } })).budgetCents).toBeNull();
    expect((await getReplenishment(a.shop, { sort: "stockout", page: 1, pageSize: 50 })).plan?.budget).toBeNull();

    // A cap of about 40% of what the costed suggestions cost.
    const cap = Number((uncut * 4n) / 10n);
    await prisma.shop.update({ where: { shop: a.shop }, data: { planBudgetCents: cap } });
    const capped = await planShop(a.shop, { now: NOW });
    const cut = await linesOf(a);
    expect(spent(cut)).toBeLessThanOrEqual(BigInt(cap));
    // Same need, so a cent on the cheap mug avoids 25× the shortage a cent on the dear one does: it keeps the
    // most of its suggestion (only its last, least likely needed units can lose to the dear mug's first ones).
    expect(cut.cheap.suggestedQty).toBeGreaterThan(free.cheap.suggestedQty * 0.75);
    expect(cut.cheap.suggestedQty).toBeGreaterThan(cut.mid.suggestedQty);
    expect(cut.mid.suggestedQty).toBeGreaterThan(cut.dear.suggestedQty);
    expect(cut.dear.suggestedQty).toBeLessThan(free.dear.suggestedQty);
    expect(cut.dear.budgetCutFrom).toBe(free.dear.suggestedQty);
    // Without a cost nothing says what it costs: not counted, not cut.
    expect(cut.unknown.suggestedQty).toBe(free.unknown.suggestedQty);
    // The why: the sums end with the cut, and the sentence says it.
    const arithmetic = JSON.parse(cut.dear.arithmetic!);
    expect(arithmetic.steps.at(-1)).toEqual({ rule: "budget", figure: cut.dear.suggestedQty, quantity: cut.dear.suggestedQty });
    expect(arithmetic.quantity).toBe(cut.dear.suggestedQty);
    expect(cut.dear.reason).toContain(`cut to fit the budget → ${cut.dear.suggestedQty})`);
    // The screen: the cap and what it cut, from the run's stored totals.
    const screen = await getReplenishment(a.shop, { sort: "stockout", page: 1, pageSize: 50 });
    expect(screen.plan?.budget).toEqual({ capCents: cap, uncutCents: Number(uncut), spentCents: Number(spent(cut)) });
    const dearRow = screen.rows.find((r) => r.variantId === a.variants.dear)!;
    expect(dearRow.why.sums.steps.at(-1)?.rule).toBe("budget");
    expect(capped.seriesPlanned).toBe(4);
    // Shop B (no cap) is untouched.
    expect(await linesOf(b)).toEqual(bBefore);

    // Back to no cap: the plan is the uncapped one again.
    await prisma.shop.update({ where: { shop: a.shop }, data: { planBudgetCents: null } });
    await planShop(a.shop, { now: NOW });
    const again = await linesOf(a);
    for (const name of Object.keys(free)) expect([again[name].suggestedQty, again[name].arithmetic, again[name].reason]).toEqual([free[name].suggestedQty, free[name].arithmetic, free[name].reason]);
  });

  it("an incremental plan shares only what the untouched lines leave of the budget", async () => {
    const a = await seedShop("budget-touched");
    await planShop(a.shop, { now: NOW });
    const uncut = spent(await linesOf(a));
    const cap = Number((uncut * 5n) / 10n);
    await prisma.shop.update({ where: { shop: a.shop }, data: { planBudgetCents: cap } });
    const plan = await planShop(a.shop, { now: NOW });
    const before = await linesOf(a);
    expect(spent(before)).toBeLessThanOrEqual(BigInt(cap));

    // The dear mug sells out (0 available): it needs more; the others keep their lines, and it gets only
    // what they leave of the budget (alone it could take the whole cap).
    await prisma.inventoryLevel.updateMany({ where: { shop: a.shop, variantId: a.variants.dear }, data: { available: 0, onHand: 0 } });
    expect(await planTouchedVariants(a.shop)).toMatchObject({ planRunId: plan.planRunId, variants: 1 });
    const after = await linesOf(a);
    expect(spent(after)).toBeLessThanOrEqual(BigInt(cap));
    expect(after.cheap).toEqual(before.cheap);
    expect(after.mid).toEqual(before.mid);
    const left = BigInt(cap) - spent({ cheap: before.cheap, mid: before.mid });
    expect(after.dear.budgetCutFrom).toBeGreaterThan(before.dear.budgetCutFrom!);
    expect(lineTotalCents(after.dear.suggestedQty, "25.00")).toBeLessThanOrEqual(left);
    const run = await prisma.planRun.findUniqueOrThrow({ where: { id: plan.planRunId } });
    expect(run).toMatchObject({ budgetCents: cap, budgetSpentCents: Number(spent(after)) });
  });
});
