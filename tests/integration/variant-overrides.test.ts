// The variant page (forecast detail) through its real loader and action with Shopify's session-token auth:
// per-variant planning overrides and manual forecast overrides are validated, audited, shown in the
// variant's history, and honoured by the next planShop run.
import { fakeFlowTriggers, server } from "../setup/shopify-fake";
import crypto from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { createLevel, createStore, createVariant, demandDays } from "../factories";
import { latestCompletePlanRun } from "~/models/plan-run.server";
import * as detailRoute from "~/routes/app.forecasts.$variantId";
import { planShop } from "~/services/planning/plan-shop.server";
import { editSuggestedQuantity } from "~/services/replenishment.server";
import { addDays, localDate } from "~/lib/time";
import { getAsStaff, postAsStaff, storeAdminSession } from "../setup/admin-request";

const STAFF = "6101";
// Override dates are checked against the shop's real local today, so the fixture lives in real time.
const TODAY = localDate(new Date(), "UTC");

/** One location, one vendor (10-day stated lead time), two variants selling 5 a day for 120 days, 3 on hand. */
async function seedShop(label: string) {
  const store = `vo-${label}-${crypto.randomUUID().slice(0, 8)}`;
  const shop = `${store}.myshopify.com`;
  await storeAdminSession(shop);
  const flow = fakeFlowTriggers(shop);
  const { location, product } = await createStore(label, {
    shop: { shop, serviceLevelA: 0.95, serviceLevelB: 0.95, serviceLevelC: 0.95, forecastHorizonDays: 90 },
    vendor: { statedLeadTimeDays: 10 },
  });
  const variant = (n: number) => createVariant(shop, product.id, n, { sku: `TENT-${n}`, unitCost: "12.50", price: "30" });
  const main = await variant(1);
  const other = await variant(2);
  for (const v of [main, other]) await createLevel(shop, v.id, location.id, 3);
  const history = { until: TODAY, days: 120, units: 5, revenue: () => "150" };
  await prisma.demandDay.createMany({ data: [main, other].flatMap((v) => demandDays(shop, v.id, location.id, history)) });
  return { store, shop, location, main, other, flow };
}

afterAll(() => server.close());

const getPage = (store: string, variantId: string) => getAsStaff(detailRoute.loader, `/app/forecasts/${variantId}`, store, STAFF, { variantId });
const post = (store: string, variantId: string, fields: Record<string, string>) => postAsStaff(detailRoute.action, `/app/forecasts/${variantId}`, store, STAFF, fields, { variantId });

const NO_OVERRIDES = { leadTimeOverrideDays: null, moqOverride: null, casePack: null, minQty: null, maxQty: null, doNotReorder: false };

function saveOverrides(store: string, variantId: string, expected: object, fields: Record<string, string>) {
  return post(store, variantId, { intent: "save_overrides", expected: JSON.stringify(expected), ...fields });
}

async function lineOf(shop: string, variantId: string) {
  const run = await latestCompletePlanRun(shop);
  return prisma.replenishmentLine.findFirstOrThrow({ where: { shop, planRunId: run!.id, variantId } });
}

describe("per-variant planning overrides", () => {
  it("validates, saves with an audit entry, refuses stale or foreign edits, and shows the change in the history", async () => {
    const a = await seedShop("ovr");
    await planShop(a.shop);
    const page = await (await getPage(a.store, a.main.id)).json();
    expect(page.overrides).toEqual(NO_OVERRIDES);
    expect(page.vendorDefaults).toEqual({ statedLeadTimeDays: 10, moq: null });
    expect(page.history).toEqual([]);

    const bad = await saveOverrides(a.store, a.main.id, NO_OVERRIDES, { leadTimeOverrideDays: "0", casePack: "1.5", minQty: "40", maxQty: "30" });
    expect(bad.status).toBe(400);
    expect((await bad.json()).fieldErrors).toEqual({
      leadTimeOverrideDays: "Lead time override must be a whole number from 1 to 365.",
      casePack: "Case pack must be a whole number from 1 to 10,000.",
      maxQty: "Maximum per order must be at least the minimum per order.",
    });
    const minMax = await saveOverrides(a.store, a.main.id, NO_OVERRIDES, { minQty: "40", maxQty: "30" });
    expect((await minMax.json()).fieldErrors).toEqual({ maxQty: "Maximum per order must be at least the minimum per order." });
    const noCase = await saveOverrides(a.store, a.main.id, NO_OVERRIDES, { casePack: "12", maxQty: "10" });
    expect((await noCase.json()).fieldErrors).toEqual({ maxQty: "No whole case of 12 fits between the minimum of 1 and the maximum of 10: raise the maximum or change the case pack." });
    expect(await prisma.auditEntry.count({ where: { shop: a.shop } })).toBe(0);

    const ok = await saveOverrides(a.store, a.main.id, NO_OVERRIDES, { leadTimeOverrideDays: "20", casePack: "12", maxQty: "600", doNotReorder: "on" });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ ok: true, changed: true });
    const saved = { ...NO_OVERRIDES, leadTimeOverrideDays: 20, casePack: 12, maxQty: 600, doNotReorder: true };
    expect(await prisma.variant.findUniqueOrThrow({ where: { id: a.main.id } })).toMatchObject(saved);
    const [entry] = await prisma.auditEntry.findMany({ where: { shop: a.shop, entityType: "Variant", entityId: a.main.id } });
    expect(entry).toMatchObject({ actor: STAFF, action: "variant.overrides_updated" });
    expect(entry.before).toEqual({ leadTimeOverrideDays: null, casePack: null, maxQty: null, doNotReorder: false });
    expect(entry.after).toEqual({ leadTimeOverrideDays: 20, casePack: 12, maxQty: 600, doNotReorder: true });

    // The form was loaded before that save: refused, nothing overwritten.
    const stale = await saveOverrides(a.store, a.main.id, NO_OVERRIDES, { casePack: "6" });
    expect(stale.status).toBe(409);
    expect((await stale.json()).error).toContain("Someone else changed these overrides");
    expect((await prisma.variant.findUniqueOrThrow({ where: { id: a.main.id } })).casePack).toBe(12);

    const after = await (await getPage(a.store, a.main.id)).json();
    expect(after.overrides).toEqual(saved);
    expect(after.history).toEqual([
      expect.objectContaining({ actor: "Staff member", action: "Planning overrides: lead time default → 20, case pack default → 12, maximum per order default → 600, do not reorder no → yes" }),
    ]);

    const b = await seedShop("ovr-b");
    expect((await getPage(b.store, a.main.id)).status).toBe(404);
    expect((await saveOverrides(b.store, a.main.id, saved, { casePack: "1" })).status).toBe(404);
    expect((await prisma.variant.findUniqueOrThrow({ where: { id: a.main.id } })).casePack).toBe(12);
  });

  it("are honoured by the next plan: do not reorder, case pack, minimum and maximum per order, lead time", async () => {
    const a = await seedShop("honour");
    await planShop(a.shop);
    const base = await lineOf(a.shop, a.main.id);
    expect(base.suggestedQty).toBeGreaterThan(0);
    expect(base.leadTimeDays).toBeCloseTo(10, 5);

    await saveOverrides(a.store, a.main.id, NO_OVERRIDES, { doNotReorder: "on" });
    await saveOverrides(a.store, a.other.id, NO_OVERRIDES, { casePack: "7", leadTimeOverrideDays: "30" });
    await planShop(a.shop);
    const stopped = await lineOf(a.shop, a.main.id);
    expect(stopped.suggestedQty).toBe(0);
    expect(stopped.reason).toMatch(/^Marked do not reorder\./);
    const cased = await lineOf(a.shop, a.other.id);
    expect(cased.leadTimeDays).toBe(30);
    expect(cased.suggestedQty % 7).toBe(0);
    expect(cased.suggestedQty).toBeGreaterThan(base.suggestedQty); // 30 days of lead time instead of 10

    const minimum = base.suggestedQty + 500;
    await saveOverrides(a.store, a.main.id, { ...NO_OVERRIDES, doNotReorder: true }, { minQty: String(minimum) });
    await saveOverrides(a.store, a.other.id, { ...NO_OVERRIDES, casePack: 7, leadTimeOverrideDays: 30 }, { casePack: "7", leadTimeOverrideDays: "30", maxQty: "70" });
    await planShop(a.shop);
    expect((await lineOf(a.shop, a.main.id)).suggestedQty).toBe(minimum);
    const capped = await lineOf(a.shop, a.other.id);
    expect(capped.suggestedQty).toBe(70);
    expect(capped.reason).toMatch(/so order \d+ \(capped at the maximum of 70 → 70\)\./);
  });
});

describe("manual forecast overrides", () => {
  it("validate the range, apply at the next plan (mean, lead-time demand, suggestion), show on the page, and delete with an audit entry", async () => {
    const a = await seedShop("fo");
    await planShop(a.shop);
    const base = await lineOf(a.shop, a.main.id);
    const form = (extra: Record<string, string>) => ({ intent: "add_forecast_override", locationId: a.location.id, startDate: TODAY, endDate: addDays(TODAY, 29), dailyUnits: "20", ...extra });

    const cases: [Record<string, string>, Record<string, string>][] = [
      [{ endDate: addDays(TODAY, -1) }, { endDate: "End date must be on or after the start date." }],
      [{ dailyUnits: "-1" }, { dailyUnits: "Units per day must be a number from 0 to 100,000, with at most two decimals." }],
      [{ startDate: "next week" }, { startDate: "Start date must be a date like 2026-12-24." }],
      [{ startDate: addDays(TODAY, -3) }, { startDate: `Start date can't be in the past: choose ${TODAY} or later.` }],
      [{ endDate: addDays(TODAY, 90) }, { endDate: `End date must be within the 90-day forecast horizon: ${addDays(TODAY, 89)} or earlier.` }],
    ];
    for (const [extra, errors] of cases) {
      const response = await post(a.store, a.main.id, form(extra));
      expect(response.status).toBe(400);
      expect((await response.json()).fieldErrors).toEqual(errors);
    }
    expect(await prisma.forecastOverride.count({ where: { shop: a.shop } })).toBe(0);

    const created = await post(a.store, a.main.id, form({ note: "Spring sale" }));
    expect(created.status).toBe(200);
    const override = await prisma.forecastOverride.findFirstOrThrow({ where: { shop: a.shop, variantId: a.main.id } });
    expect(override).toMatchObject({ locationId: a.location.id, startDate: TODAY, endDate: addDays(TODAY, 29), dailyUnits: 20, note: "Spring sale", createdBy: STAFF });

    // Saved but not yet planned: listed as "from next plan" and drawn as a pending line.
    const pending = await (await getPage(a.store, a.main.id)).json();
    expect(pending.forecastOverrides).toEqual([expect.objectContaining({ id: override.id, inPlan: false, expired: false, dailyUnits: 20, location: "Warehouse" })]);
    expect(pending.points.find((p: { date: string }) => p.date === TODAY)).toMatchObject({ pendingOverride: 20, baseMean: null });
    expect(pending.numbers.overriddenDays).toBe(0);

    await planShop(a.shop);
    const run = await latestCompletePlanRun(a.shop);
    const forecast = await prisma.forecast.findFirstOrThrow({ where: { shop: a.shop, planRunId: run!.id, variantId: a.main.id } });
    const mean = forecast.mean as number[];
    expect(mean.slice(0, 30)).toEqual(Array(30).fill(20));
    expect(mean[30]).toBeCloseTo(5, 0);
    const bands = forecast.bands as Record<string, { lower: number[]; upper: number[] }>;
    expect(bands["80"].lower[0]).toBeLessThanOrEqual(20);
    expect(bands["80"].upper[0]).toBeGreaterThanOrEqual(20);
    const overridden = await lineOf(a.shop, a.main.id);
    // 10-day lead time at 20/day instead of 5/day: 150 more units expected, so the suggestion grows with them.
    expect(overridden.leadTimeDemand - base.leadTimeDemand).toBeCloseTo(150, 0);
    expect(overridden.suggestedQty).toBeGreaterThan(base.suggestedQty + 100);

    const planned = await (await getPage(a.store, a.main.id)).json();
    expect(planned.forecastOverrides[0]).toMatchObject({ id: override.id, inPlan: true });
    expect(planned.points.find((p: { date: string }) => p.date === TODAY)).toMatchObject({ mean: 20, pendingOverride: null });
    expect(planned.points.find((p: { date: string }) => p.date === TODAY).baseMean).toBeCloseTo(5, 0);
    expect(planned.numbers.overriddenDays).toBe(30);
    expect(planned.numbers.leadTimeDemandBeforeOverride).toBeCloseTo(base.leadTimeDemand, 0);

    // Another shop can neither add to nor delete from this variant.
    const b = await seedShop("fo-b");
    expect((await post(b.store, a.main.id, form({}))).status).toBe(404);
    expect((await post(b.store, a.main.id, { intent: "delete_forecast_override", overrideId: override.id })).status).toBe(404);

    const deleted = await post(a.store, a.main.id, { intent: "delete_forecast_override", overrideId: override.id });
    expect(deleted.status).toBe(200);
    expect(await prisma.forecastOverride.count({ where: { shop: a.shop } })).toBe(0);
    const again = await post(a.store, a.main.id, { intent: "delete_forecast_override", overrideId: override.id });
    expect(again.status).toBe(404);
    expect((await again.json()).error).toBe("This forecast override was already removed.");

    const audit = await prisma.auditEntry.findMany({ where: { shop: a.shop, entityType: "Variant", entityId: a.main.id }, orderBy: { at: "asc" } });
    expect(audit.map((e) => [e.actor, e.action])).toEqual([
      [STAFF, "forecast_override.created"],
      [STAFF, "forecast_override.deleted"],
    ]);
    expect(audit[0].after).toMatchObject({ id: override.id, startDate: TODAY, dailyUnits: 20, note: "Spring sale" });
    expect(audit[1].before).toMatchObject({ id: override.id, dailyUnits: 20 });

    await planShop(a.shop);
    expect((await lineOf(a.shop, a.main.id)).leadTimeDemand).toBeCloseTo(base.leadTimeDemand, 3);
  });

  it("lists the variant's whole history: overrides, forecast overrides and quantity edits from Replenishment", async () => {
    const a = await seedShop("hist");
    await planShop(a.shop);
    const line = await lineOf(a.shop, a.main.id);
    await editSuggestedQuantity(a.shop, "7001", line.id, 42);
    await post(a.store, a.main.id, { intent: "add_forecast_override", locationId: a.location.id, startDate: TODAY, endDate: TODAY, dailyUnits: "0", note: "Closed for inventory" });
    await saveOverrides(a.store, a.main.id, NO_OVERRIDES, { casePack: "6" });
    const otherLine = await lineOf(a.shop, a.other.id);
    await editSuggestedQuantity(a.shop, "7001", otherLine.id, 1); // another variant: not in this history
    const page = await (await getPage(a.store, a.main.id)).json();
    expect(page.history.map((h: { action: string; actor: string; reason: string | null }) => [h.actor, h.action, h.reason])).toEqual([
      ["Staff member", "Planning overrides: case pack default → 6", null],
      ["Staff member", `Forecast overridden to 0/day on ${new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" }).format(new Date(`${TODAY}T00:00:00Z`))}`, "Closed for inventory"],
      ["Staff member", `Order quantity set to 42 (suggested ${line.suggestedQty})`, null],
    ]);
  });
});
