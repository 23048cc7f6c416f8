// Settings → Planning parameters through the real route (Shopify session-token auth, zod in the action):
// bad input changes nothing and names the fields; a valid save persists, is audited, and stays in its shop.
import { getJwt } from "@shopify/shopify-api/test-helpers";
import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { PLAN_JOB } from "~/jobs/planning.server";
import { listJobSummaries } from "~/models/jobs.server";
import { action, loader } from "~/routes/app.settings._index/route";
import { postSettings } from "../setup/settings-sections";
import { loader as syncLoader } from "~/routes/app.settings.sync/route";
import { APP, createSignedInShop } from "../setup/admin-request";

/** A shop with a stored offline session and a session token of staff member `staffId`. */
const signedInShop = (label: string, staffId?: string) => createSignedInShop(label, { currencyCode: "CAD" }, staffId);

const VALID = {
  serviceLevelA: "99.5",
  serviceLevelB: "96",
  serviceLevelC: "85",
  reviewPeriodDays: "14",
  holdingCostRatePercent: "22.5",
  orderingCost: "40.5",
  forecastHorizonDays: "120",
  overstockCoverDays: "200",
  deadStockDays: "120",
  deadStockMinValue: "250",
};

const post = (headers: Record<string, string>, fields: Record<string, string>) => postSettings(headers, fields, action);

async function settingsRow(shop: string) {
  const row = await prisma.shop.findUniqueOrThrow({ where: { shop } });
  return {
    serviceLevelA: row.serviceLevelA,
    serviceLevelB: row.serviceLevelB,
    serviceLevelC: row.serviceLevelC,
    reviewPeriodDays: row.reviewPeriodDays,
    holdingCostRate: row.holdingCostRate,
    orderingCost: row.orderingCost.toString(),
    forecastHorizonDays: row.forecastHorizonDays,
    overstockCoverDays: row.overstockCoverDays,
    deadStockDays: row.deadStockDays,
    deadStockMinValue: row.deadStockMinValue.toString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

describe("Settings → planning parameters", () => {
  it("loads the stored parameters in the units a merchant edits", async () => {
    const { headers } = await signedInShop("load");
    const response = (await loader({ request: new Request(`${APP}/app/settings`, { headers }), params: {}, context: {} })) as Response;
    const data = await response.json();
    expect(data.mode).toBe("shopify");
    expect(data.planning.currencyCode).toBe("CAD");
    expect(data.planning.settings).toEqual({
      serviceLevelA: 98,
      serviceLevelB: 95,
      serviceLevelC: 90,
      balanceServiceByCost: false,
      serviceByVariability: false,
      reviewPeriodDays: 7,
      holdingCostRatePercent: 25,
      orderingCost: "25.00",
      forecastHorizonDays: 90,
      overstockCoverDays: 180,
      deadStockDays: 90,
      deadStockMinValue: "100.00",
      planBudget: "",
    });
    // Sync health is its own section now (/app/settings/sync).
    const sync = await ((await syncLoader({ request: new Request(`${APP}/app/settings/sync`, { headers }), params: {}, context: {} })) as Response).json();
    expect(sync.sync.backfill).toMatchObject({ status: "none", percent: 0 });
    expect(sync.sync.health.webhooks.total).toBe(0);
  });

  it("rejects bad input with a message per field and changes nothing", async () => {
    const { shop, headers } = await signedInShop("bad");
    const before = await settingsRow(shop);
    const { status, body } = await post(headers, {
      intent: "save-settings",
      ...VALID,
      serviceLevelA: "120",
      serviceLevelB: "",
      reviewPeriodDays: "2.5",
      holdingCostRatePercent: "0",
      orderingCost: "$25",
      forecastHorizonDays: "7",
      deadStockMinValue: "-5",
    });
    expect(status).toBe(400);
    expect(body).toMatchObject({ intent: "save-settings", ok: false });
    expect(body.fieldErrors).toEqual({
      serviceLevelA: "Class A cycle service level must be between 50 and 99.99%.",
      serviceLevelB: "Class B cycle service level is required.",
      reviewPeriodDays: "Review period must be a whole number of days.",
      holdingCostRatePercent: "Holding cost rate must be between 1 and 100%.",
      orderingCost: "Ordering cost must be an amount like 25 or 25.50, without a currency symbol.",
      forecastHorizonDays: "Forecast horizon must be between 28 and 365 days.",
      deadStockMinValue: "Dead stock minimum value must be an amount like 25 or 25.50, without a currency symbol.",
    });
    expect(await settingsRow(shop)).toEqual(before);
    expect(await prisma.auditEntry.count({ where: { shop } })).toBe(0);
  });

  it("accepts the limits themselves and rejects one step past them", async () => {
    const { shop, headers } = await signedInShop("limits");
    const low = { ...VALID, serviceLevelC: "50", reviewPeriodDays: "1", forecastHorizonDays: "28", overstockCoverDays: "30", orderingCost: "0.01", deadStockMinValue: "0" };
    expect((await post(headers, { intent: "save-settings", ...low })).status).toBe(200);
    expect(await settingsRow(shop)).toMatchObject({ serviceLevelC: 0.5, reviewPeriodDays: 1, forecastHorizonDays: 28, overstockCoverDays: 30, orderingCost: "0.01", deadStockMinValue: "0" });
    const high = { ...VALID, serviceLevelA: "99.99", reviewPeriodDays: "90", forecastHorizonDays: "365", overstockCoverDays: "730", deadStockDays: "730", holdingCostRatePercent: "100" };
    expect((await post(headers, { intent: "save-settings", ...high })).status).toBe(200);
    expect(await settingsRow(shop)).toMatchObject({ serviceLevelA: 0.9999, reviewPeriodDays: 90, forecastHorizonDays: 365, overstockCoverDays: 730, deadStockDays: 730, holdingCostRate: 1 });
    const { status, body } = await post(headers, { intent: "save-settings", ...high, serviceLevelA: "99.995", reviewPeriodDays: "91", orderingCost: "0" });
    expect(status).toBe(400);
    expect(body.fieldErrors).toEqual({
      serviceLevelA: "Class A cycle service level must be a percentage with at most two decimals, like 99.95.",
      reviewPeriodDays: "Review period must be between 1 and 90 days.",
      orderingCost: "Ordering cost must be more than 0 and at most 1,000,000.",
    });
  });

  it("checks the parameters against each other: horizon and overstock against the review period", async () => {
    const { shop, headers } = await signedInShop("cross");
    const before = await settingsRow(shop);
    const { status, body } = await post(headers, { intent: "save-settings", ...VALID, reviewPeriodDays: "60", forecastHorizonDays: "30", overstockCoverDays: "60" });
    expect(status).toBe(400);
    expect(body.fieldErrors).toEqual({
      forecastHorizonDays: "Forecast horizon must be at least the review period (60 days).",
      overstockCoverDays: "Overstock after must be longer than the review period (60 days).",
    });
    expect(await settingsRow(shop)).toEqual(before);
  });

  it("turns unit-cost balancing on (audited) and off again when the checkbox is left unchecked", async () => {
    const { shop, headers } = await signedInShop("balance", "staff-9");
    expect((await post(headers, { intent: "save-settings", ...VALID, balanceServiceByCost: "true" })).status).toBe(200);
    expect((await prisma.shop.findUniqueOrThrow({ where: { shop } })).balanceServiceByCost).toBe(true);
    const audit = await prisma.auditEntry.findFirstOrThrow({ where: { shop } });
    expect(audit.after).toMatchObject({ balanceServiceByCost: true });
    expect(audit.before).toMatchObject({ balanceServiceByCost: false });
    const loaded = await ((await loader({ request: new Request(`${APP}/app/settings`, { headers }), params: {}, context: {} })) as Response).json();
    expect(loaded.planning.settings.balanceServiceByCost).toBe(true);

    const bad = await post(headers, { intent: "save-settings", ...VALID, balanceServiceByCost: "maybe" });
    expect(bad.status).toBe(400);
    expect(bad.body.fieldErrors).toEqual({ balanceServiceByCost: "Balance service levels by unit cost must be on or off." });
    expect((await post(headers, { intent: "save-settings", ...VALID })).status).toBe(200);
    expect((await prisma.shop.findUniqueOrThrow({ where: { shop } })).balanceServiceByCost).toBe(false);
  });

  it("turns the ABC × XYZ variability steps on (audited) and off, and rejects anything but on or off", async () => {
    const { shop, headers } = await signedInShop("variability", "staff-8");
    expect((await post(headers, { intent: "save-settings", ...VALID, serviceByVariability: "on" })).status).toBe(200);
    expect((await prisma.shop.findUniqueOrThrow({ where: { shop } })).serviceByVariability).toBe(true);
    expect((await prisma.auditEntry.findFirstOrThrow({ where: { shop } })).after).toMatchObject({ serviceByVariability: true });
    const bad = await post(headers, { intent: "save-settings", ...VALID, serviceByVariability: "yes" });
    expect(bad.status).toBe(400);
    expect(bad.body.fieldErrors).toEqual({ serviceByVariability: "Lower service levels for variable demand must be on or off." });
    expect((await post(headers, { intent: "save-settings", ...VALID })).status).toBe(200);
    expect((await prisma.shop.findUniqueOrThrow({ where: { shop } })).serviceByVariability).toBe(false);
  });

  it("sets an optional purchase budget in cents (audited), clears it when left empty, and rejects what is not an amount", async () => {
    const { shop, headers } = await signedInShop("budget", "staff-5");
    const other = await signedInShop("budget-other");
    expect((await post(headers, { intent: "save-settings", ...VALID, planBudget: " 5,000.5 " })).status).toBe(200);
    expect((await prisma.shop.findUniqueOrThrow({ where: { shop } })).planBudgetCents).toBe(500_050);
    expect((await prisma.shop.findUniqueOrThrow({ where: { shop: other.shop } })).planBudgetCents).toBeNull();
    const audit = await prisma.auditEntry.findFirstOrThrow({ where: { shop } });
    expect(audit.before).toMatchObject({ planBudgetCents: null });
    expect(audit.after).toMatchObject({ planBudgetCents: 500_050 });
    const loaded = await ((await loader({ request: new Request(`${APP}/app/settings`, { headers }), params: {}, context: {} })) as Response).json();
    expect(loaded.planning.settings.planBudget).toBe("5000.50");

    for (const [value, message] of [
      ["0", "Purchase budget per plan must be more than 0 CAD and at most 100,000,000."],
      ["-5", "Purchase budget per plan must be an amount like 25 or 25.50, without a currency symbol."],
      ["12.345", "Purchase budget per plan must be an amount like 25 or 25.50, without a currency symbol."],
      ["100000000.01", "Purchase budget per plan must be more than 0 CAD and at most 100,000,000."],
    ]) {
      const bad = await post(headers, { intent: "save-settings", ...VALID, planBudget: value });
      expect(bad.status, value).toBe(400);
      expect(bad.body.fieldErrors, value).toEqual({ planBudget: message.replace(" CAD", "") });
    }
    expect((await prisma.shop.findUniqueOrThrow({ where: { shop } })).planBudgetCents).toBe(500_050);

    expect((await post(headers, { intent: "save-settings", ...VALID, planBudget: "" })).status).toBe(200);
    expect((await prisma.shop.findUniqueOrThrow({ where: { shop } })).planBudgetCents).toBeNull();
  });

  it("refuses a viewer's budget change and keeps the stored one", async () => {
    const { shop, headers } = await signedInShop("budget-viewer", "9102");
    await prisma.staffRole.create({ data: { shop, staffId: "9102", name: "Vic Viewer", role: "viewer" } });
    await prisma.shop.update({ where: { shop }, data: { planBudgetCents: 100_000 } });
    const { status } = await post(headers, { intent: "save-settings", ...VALID, planBudget: "1" });
    expect(status).toBe(403);
    expect((await prisma.shop.findUniqueOrThrow({ where: { shop } })).planBudgetCents).toBe(100_000);
    expect(await prisma.auditEntry.count({ where: { shop } })).toBe(0);
  });

  it("saves valid parameters, audits who changed what, and never touches another shop", async () => {
    const a = await signedInShop("shop-a", "staff-7");
    const b = await signedInShop("shop-b");
    const beforeB = await settingsRow(b.shop);

    const { status, body } = await post(a.headers, { intent: "save-settings", ...VALID, serviceLevelB: " 96 % ", orderingCost: "1,040.5" });
    expect(status).toBe(200);
    expect(body).toEqual({ intent: "save-settings", ok: true, changed: true });
    expect(await settingsRow(a.shop)).toMatchObject({
      serviceLevelA: 0.995,
      serviceLevelB: 0.96,
      serviceLevelC: 0.85,
      reviewPeriodDays: 14,
      holdingCostRate: 0.225,
      orderingCost: "1040.5",
      forecastHorizonDays: 120,
      overstockCoverDays: 200,
      deadStockDays: 120,
      deadStockMinValue: "250",
    });

    const audit = await prisma.auditEntry.findMany({ where: { shop: a.shop } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: "staff-7", action: "settings.updated", entityType: "Shop", entityId: a.shop });
    expect(audit[0].before).toEqual({
      serviceLevelA: 0.98,
      serviceLevelB: 0.95,
      serviceLevelC: 0.9,
      reviewPeriodDays: 7,
      holdingCostRate: 0.25,
      orderingCost: "25.00",
      forecastHorizonDays: 90,
      overstockCoverDays: 180,
      deadStockDays: 90,
      deadStockMinValue: "100.00",
    });
    expect(audit[0].after).toMatchObject({ serviceLevelA: 0.995, orderingCost: "1040.50", holdingCostRate: 0.225 });

    // Every line depends on these: one full plan of shop A is queued (issue "Live plan"), none of shop B.
    const plans = async (shop: string) => (await listJobSummaries(shop)).filter((j) => j.name === PLAN_JOB).map((j) => j.status);
    expect(await plans(a.shop)).toEqual(["queued"]);
    expect(await plans(b.shop)).toEqual([]);

    // Shop B: same values, same updatedAt, no audit.
    expect(await settingsRow(b.shop)).toEqual(beforeB);
    expect(await prisma.auditEntry.count({ where: { shop: b.shop } })).toBe(0);

    // The screen shows what was saved; saving the same values again changes and audits nothing.
    const loaded = await ((await loader({ request: new Request(`${APP}/app/settings`, { headers: a.headers }), params: {}, context: {} })) as Response).json();
    expect(loaded.planning.settings).toMatchObject({ serviceLevelA: 99.5, holdingCostRatePercent: 22.5, orderingCost: "1040.50" });
    const again = await post(a.headers, { intent: "save-settings", ...VALID, orderingCost: "1040.50" });
    expect(again.body).toEqual({ intent: "save-settings", ok: true, changed: false });
    expect(await prisma.auditEntry.count({ where: { shop: a.shop } })).toBe(1);
    expect(await plans(a.shop)).toEqual(["queued"]);
  });

  it("answers an unknown intent with 400 and an unauthenticated request with Shopify's 401", async () => {
    const { headers } = await signedInShop("intent");
    await expect(post(headers, { intent: "drop-tables" })).rejects.toMatchObject({ status: 400 });
    const { token } = await getJwt("intent-forged", "test-api-key", "not-the-secret");
    await expect(post({ Authorization: `Bearer ${token}` }, { intent: "save-settings", ...VALID })).rejects.toMatchObject({ status: 401 });
  });
});
