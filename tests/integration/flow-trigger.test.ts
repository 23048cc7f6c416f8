// The "Stockcast alert raised" Flow trigger at the HTTP boundary: evaluateAlerts → flowTriggerReceive through
// Shopify's real client library (unauthenticated.admin), answered by the msw fake from the real Admin schema.
import { fakeShop, server } from "../setup/shopify-fake";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { createOfflineSession, uniqueShop } from "../factories";
import { evaluateAlerts } from "~/services/alerts/evaluate.server";
import { planShop } from "~/services/planning/plan-shop.server";
import { unauthenticated } from "~/shopify.server";
import { addDays } from "~/lib/time";

afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const NOW = new Date("2026-11-22T15:00:00Z");
const TODAY = "2026-11-22";
const STORE = { shop: { name: "Flow Co", ianaTimezone: "UTC", currencyCode: "USD" } };
const noWait = { sleep: async () => undefined, random: () => 0.5 };

async function setUp(label: string) {
  const shop = uniqueShop(label);
  await createOfflineSession(shop, "read_products");
  await prisma.shop.create({ data: { shop, name: label, ianaTimezone: "UTC" } });
  const location = await prisma.location.create({ data: { shop, shopifyId: "gid://shopify/Location/1", name: "Main" } });
  const vendor = await prisma.vendor.create({ data: { shop, name: "Acme", statedLeadTimeDays: 10 } });
  // Three products, so one evaluation raises three alerts (one per line: the plan suggested no order).
  const variants = [];
  for (const [i, title] of ["Tent", "Lamp", "Stove"].entries()) {
    const product = await prisma.product.create({ data: { shop, shopifyId: `gid://shopify/Product/${i + 1}`, title, vendorId: vendor.id } });
    const v = await prisma.variant.create({ data: { shop, shopifyId: `gid://shopify/ProductVariant/${i + 1}`, productId: product.id, title: "Default Title", unitCost: "10" } });
    await prisma.inventoryLevel.create({ data: { shop, variantId: v.id, locationId: location.id, onHand: 150, available: 150 } });
    await prisma.demandDay.createMany({ data: Array.from({ length: 90 }, (_, d) => ({ shop, variantId: v.id, locationId: location.id, date: addDays(TODAY, -1 - d), units: 5 })) });
    variants.push(v);
  }
  const variant = variants[0];
  const fake = fakeShop(shop, STORE);
  const received: Record<string, unknown>[] = [];
  fake.roots.set("FlowTriggerReceive", (variables) => {
    received.push(variables);
    return { flowTriggerReceive: { userErrors: [] } };
  });
  // The plan itself raises nothing (150 on hand); stock then runs out and the evaluation raises one alert per line.
  await planShop(shop, { now: NOW });
  await prisma.inventoryLevel.updateMany({ where: { shop }, data: { available: 0, onHand: 0 } });
  const { admin } = await unauthenticated.admin(shop);
  return { shop, fake, received, admin, variant, location };
}

describe("Flow trigger: Stockcast alert raised", () => {
  it("sends flowTriggerReceive once per newly raised alert with the toml's field keys, not again while it persists", async () => {
    const { shop, fake, received, admin, variant, location } = await setUp("flow-ok");
    await evaluateAlerts(shop, NOW, { flow: { kind: "admin", admin, clientOptions: noWait } });
    const alerts = await prisma.alert.findMany({ where: { shop }, orderBy: { type: "asc" } });
    expect(alerts.map((a) => a.type)).toEqual(["stocked_out_now", "stocked_out_now", "stocked_out_now"]);
    expect(fake.calls.map((c) => c.operationName)).toEqual(["FlowTriggerReceive", "FlowTriggerReceive", "FlowTriggerReceive"]);
    const stocked = alerts.find((a) => a.entityId === `${variant.id}|${location.id}`)!;
    const sent = received.find((v) => (v.payload as Record<string, string>)["Alert ID"] === stocked.id)!;
    expect(sent).toEqual({
      handle: "stockcast-alert-raised",
      payload: {
        "Alert ID": stocked.id,
        "Alert type": "stocked_out_now",
        Severity: "critical",
        Message: stocked.message,
        "Entity type": "variant_location",
        "Entity ID": `${variant.id}|${location.id}`,
        "Alert URL": `https://${shop}/admin/apps/test-api-key/app/forecasts/${variant.id}?location=${location.id}`,
      },
    });
    expect(stocked.data).toMatchObject({ flow: { mode: "shopify", status: "sent" } });

    // Stock moves: the persisting alerts update their numbers, nothing is triggered again, the Flow record stays.
    await prisma.inventoryLevel.updateMany({ where: { shop }, data: { available: -1 } });
    await evaluateAlerts(shop, NOW, { flow: { kind: "admin", admin, clientOptions: noWait } });
    expect(fake.calls).toHaveLength(3);
    const after = await prisma.alert.findUniqueOrThrow({ where: { id: stocked.id } });
    expect(after.message).toContain("(-1 available)");
    expect(after.data).toMatchObject({ available: -1, flow: { mode: "shopify", status: "sent" } });
  });

  it("retries a 5xx answer, and records userErrors on the alert without failing the evaluation", async () => {
    const { shop, fake, admin } = await setUp("flow-err");
    fake.script({ kind: "http", status: 503 });
    let n = 0;
    fake.roots.set("FlowTriggerReceive", () => ({
      flowTriggerReceive: { userErrors: n++ === 0 ? [] : [{ field: ["handle"], message: "Trigger not found for handle stockcast-alert-raised" }] },
    }));
    const result = await evaluateAlerts(shop, NOW, { flow: { kind: "admin", admin, clientOptions: noWait } });
    expect(result.created).toBe(3);
    // 503, then the retry succeeds; the two other alerts get userErrors.
    expect(fake.calls.map((c) => c.operationName)).toEqual(["FlowTriggerReceive", "FlowTriggerReceive", "FlowTriggerReceive", "FlowTriggerReceive"]);
    const flows = (await prisma.alert.findMany({ where: { shop } })).map((a) => (a.data as { flow: { status: string; error?: string } }).flow);
    expect(flows.filter((f) => f.status === "sent")).toHaveLength(1);
    const failed = flows.filter((f) => f.status === "failed");
    expect(failed).toHaveLength(2);
    expect(failed[0].error).toBe("FlowTriggerReceive: handle: Trigger not found for handle stockcast-alert-raised");
  });

  it("records the trigger locally in demo mode, sending nothing", async () => {
    const { shop, fake } = await setUp("flow-demo");
    await evaluateAlerts(shop, NOW, { flow: { kind: "demo" } });
    expect(fake.calls).toEqual([]);
    const data = (await prisma.alert.findMany({ where: { shop } })).map((a) => a.data as { flow: { mode: string; note: string } });
    expect(data).toHaveLength(3);
    for (const d of data) expect(d.flow).toMatchObject({ mode: "demo-local", note: "Demo mode: not sent to Shopify Flow" });
  });
});
