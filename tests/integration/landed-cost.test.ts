// Landed cost on purchase orders through the real PO page action and loader (session-token auth), on the real
// database: charges allocated by value sum exactly, viewers are refused, another shop can't reach the PO,
// receipts store the landed unit cost on the variant (apart from Shopify's cost), stock value prefers it,
// and the opt-in write-back calls inventoryItemUpdate on the HTTP fake (documents checked against the schema).
// The fake first: msw must patch fetch before Shopify's library captures it.
import { fakeShop, server, type ShopifyFake } from "../setup/shopify-fake";
import crypto from "node:crypto";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { stockByAbcClass } from "~/models/overview.server";
import { meanTrackedUnitCost } from "~/models/planning-inputs.server";
import { planShop } from "~/services/planning/plan-shop.server";
import { addDays } from "~/lib/time";
import * as detailRoute from "~/routes/app.purchase-orders_.$id";
import * as settingsRoute from "~/routes/app.settings.purchase-orders/route";
import { applyInventoryItemPayload } from "~/services/sync/catalog.server";
import { inTransaction } from "~/models/transaction.server";
import { getAsStaff, postAsStaff, createShopWithSession } from "../setup/admin-request";

afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const OWNER = "7001";
const VIEWER = "7003";

async function seedShop(label: string) {
  const { store, shop } = await createShopWithSession(`lc-${label}`, { name: label, currencyCode: "USD" });
  await prisma.staffRole.createMany({
    data: [
      { shop, staffId: OWNER, name: "Olive Owner", role: "owner" },
      { shop, staffId: VIEWER, name: "Vic Viewer", role: "viewer" },
    ],
  });
  const vendor = await prisma.vendor.create({ data: { shop, name: "Acme" } });
  const location = await prisma.location.create({ data: { shop, shopifyId: "gid://shopify/Location/71", name: "Warehouse" } });
  const product = await prisma.product.create({ data: { shop, shopifyId: "gid://shopify/Product/1", title: "Tent", vendorId: vendor.id } });
  const v1 = await prisma.variant.create({
    data: { shop, shopifyId: "gid://shopify/ProductVariant/11", productId: product.id, title: "Green", sku: "T-G", unitCost: "2.50", inventoryItemId: "gid://shopify/InventoryItem/111" },
  });
  const v2 = await prisma.variant.create({ data: { shop, shopifyId: "gid://shopify/ProductVariant/12", productId: product.id, title: "Blue", sku: "T-B", unitCost: "10", inventoryItemId: "112" } });
  await prisma.vendorVariant.create({ data: { shop, vendorId: vendor.id, variantId: v1.id, vendorSku: "ACME-TG-01", vendorPrice: "2.40" } });
  const po = await prisma.purchaseOrder.create({
    data: {
      shop, number: "PO-1001", vendorId: vendor.id, destinationLocationId: location.id, status: "sent", createdBy: OWNER,
      lines: { create: [{ shop, variantId: v1.id, quantityOrdered: 10, unitCost: "2.50" }, { shop, variantId: v2.id, quantityOrdered: 1, unitCost: "10" }] },
    },
    include: { lines: { orderBy: { id: "asc" } } },
  });
  const lineOf = (variantId: string) => po.lines.find((l) => l.variantId === variantId)!.id;
  const fake: ShopifyFake = fakeShop(shop, { shop: { name: label, ianaTimezone: "UTC", currencyCode: "USD" } });
  fake.roots.set("InventoryAdjustQuantities", () => ({ inventoryAdjustQuantities: { inventoryAdjustmentGroup: null, userErrors: [] } }));
  fake.roots.set("InventoryItemUpdateCost", (v) => ({
    inventoryItemUpdate: { inventoryItem: { id: v.id, unitCost: { amount: (v.input as { cost: string }).cost, currencyCode: "USD" } }, userErrors: [] },
  }));
  return { store, shop, vendor, location, v1, v2, po, l1: lineOf(v1.id), l2: lineOf(v2.id), fake };
}
type Seeded = Awaited<ReturnType<typeof seedShop>>;

const post = (s: Seeded, staff: string, fields: [string, string][], store = s.store) =>
  postAsStaff(detailRoute.action, `/app/purchase-orders/${s.po.id}`, store, staff, fields, { id: s.po.id });
const load = (s: Seeded, staff: string, store = s.store) => getAsStaff(detailRoute.loader, `/app/purchase-orders/${s.po.id}`, store, staff, { id: s.po.id });
const charges = (version: number, freight: string, allocation = "value", duty = "", other = ""): [string, string][] => [
  ["intent", "update_charges"], ["version", String(version)], ["freight", freight], ["duty", duty], ["other", other], ["allocation", allocation],
];
const cents = (amount: string) => Math.round(Number(amount) * 100);

interface LandedPage {
  landed: { canEdit: boolean; total: string; allocation: string; lines: { lineId: string; vendorSku: string | null; share: string; landedUnitCost: string }[] };
  po: { version: number };
}

describe("landed cost through the purchase-order page", () => {
  it("allocates freight and duty by value, summing exactly to the charges, and shows the landed unit cost and vendor SKU per line", async () => {
    const s = await seedShop("alloc");
    const res = await post(s, OWNER, charges(1, "100.01", "value", "0.02"));
    expect(res.status).toBe(200);
    const page = (await (await load(s, OWNER)).json()) as LandedPage;
    expect(page.po.version).toBe(2);
    expect(page.landed).toMatchObject({ canEdit: true, total: "100.03", allocation: "value" });
    // Lines worth 2500 and 1000 cents: 10003 × 5/7 = 7145 and 10003 × 2/7 = 2858 exactly.
    const byLine = Object.fromEntries(page.landed.lines.map((l) => [l.lineId, l]));
    expect(byLine[s.l1]).toMatchObject({ share: "71.45", landedUnitCost: "9.645", vendorSku: "ACME-TG-01" });
    expect(byLine[s.l2]).toMatchObject({ share: "28.58", landedUnitCost: "38.58", vendorSku: null });
    expect(page.landed.lines.reduce((sum, l) => sum + cents(l.share), 0)).toBe(10_003);

    // By quantity: 11 units → 10003 × 10/11 = 9093.6…, × 1/11 = 909.36… → 9094 and 909.
    expect((await post(s, OWNER, charges(2, "100.01", "quantity", "0.02"))).status).toBe(200);
    const byQty = (await (await load(s, OWNER)).json()) as LandedPage;
    expect(byQty.landed.lines.map((l) => l.share).sort()).toEqual(["9.09", "90.94"]);
    const audit = await prisma.auditEntry.findMany({ where: { shop: s.shop, action: "purchase_order.charges_changed" } });
    expect(audit).toHaveLength(2);
  });

  it("refuses a viewer and a stale version, and rejects a malformed amount, changing nothing", async () => {
    const s = await seedShop("role");
    const refused = await post(s, VIEWER, charges(1, "50"));
    expect(refused.status).toBe(403);
    expect(await post(s, OWNER, charges(1, "12.345"))).toHaveProperty("status", 400);
    expect(await post(s, OWNER, charges(7, "50"))).toHaveProperty("status", 409);
    const po = await prisma.purchaseOrder.findUniqueOrThrow({ where: { id: s.po.id } });
    expect(po).toMatchObject({ freightCents: 0, dutyCents: 0, otherChargesCents: 0, version: 1 });
  });

  it("keeps each shop to its own purchase orders", async () => {
    const s = await seedShop("mine");
    const other = await seedShop("theirs");
    expect((await post(s, OWNER, charges(1, "50"), other.store)).status).toBe(404);
    expect((await load(s, OWNER, other.store)).status).toBe(404);
    expect(await prisma.purchaseOrder.findUniqueOrThrow({ where: { id: s.po.id } })).toMatchObject({ freightCents: 0, version: 1 });
  });

  it("on receipt stores the landed unit cost apart from Shopify's cost, stock value uses it, and charges lock once received", async () => {
    const s = await seedShop("receive");
    expect((await post(s, OWNER, charges(1, "100.01", "value", "0.02"))).status).toBe(200);
    const page = (await (await load(s, OWNER)).json()) as { receiving: { receiveKey: string } };
    const received = await post(s, OWNER, [
      ["intent", "receive"], ["version", "2"], ["idempotencyKey", page.receiving.receiveKey],
      ["lineId", s.l1], ["quantity", "10"], ["lineId", s.l2], ["quantity", "1"],
    ]);
    expect(received.status).toBe(200);
    const v1 = await prisma.variant.findUniqueOrThrow({ where: { id: s.v1.id } });
    expect(v1.landedUnitCost?.toString()).toBe("9.645");
    expect(v1.unitCost?.toString()).toBe("2.5");
    // Off by default: Shopify's cost is not touched.
    expect(s.fake.calls.filter((c) => c.operationName === "InventoryItemUpdateCost")).toHaveLength(0);

    // The catalogue sync overwrites Shopify's cost, never the landed cost.
    await inTransaction((tx) => applyInventoryItemPayload(s.shop, { admin_graphql_api_id: "gid://shopify/InventoryItem/111", cost: "2.75" } as never, tx));
    const synced = await prisma.variant.findUniqueOrThrow({ where: { id: s.v1.id } });
    expect([synced.unitCost?.toString(), synced.landedUnitCost?.toString()]).toEqual(["2.75", "9.645"]);

    // Stock value at landed cost: 10 × 9.645 → 10 × 965 cents (each unit cost rounded to cents first, as elsewhere), 1 × 38.58.
    const value = (await stockByAbcClass(s.shop, null, null)).reduce((sum, r) => sum + r.valueCents, 0);
    expect(value).toBe(10 * 965 + 3_858);

    const locked = await post(s, OWNER, charges(3, "1"));
    expect(locked.status).toBe(409);
    expect((await (await load(s, OWNER)).json()).landed).toMatchObject({ canEdit: false });
  });

  it("writes the landed cost to Shopify (inventoryItemUpdate, input.cost) only when the setting is on", async () => {
    const s = await seedShop("writeback");
    const settingsPost = (value: string) => postAsStaff(settingsRoute.action, "/app/settings", s.store, OWNER, [["intent", "save-landed-cost"], ["landedCostToShopify", value]]);
    expect((await postAsStaff(settingsRoute.action, "/app/settings", s.store, VIEWER, [["intent", "save-landed-cost"], ["landedCostToShopify", "true"]])).status).toBe(403);
    expect((await prisma.shop.findUniqueOrThrow({ where: { shop: s.shop } })).landedCostToShopify).toBe(false);
    expect((await settingsPost("true")).status).toBe(200);
    expect((await prisma.shop.findUniqueOrThrow({ where: { shop: s.shop } })).landedCostToShopify).toBe(true);

    expect((await post(s, OWNER, charges(1, "20"))).status).toBe(200);
    const page = (await (await load(s, OWNER)).json()) as { receiving: { receiveKey: string } };
    const received = await post(s, OWNER, [["intent", "receive"], ["version", "2"], ["idempotencyKey", page.receiving.receiveKey], ["lineId", s.l1], ["quantity", "4"]]);
    expect(received.status).toBe(200);
    // $20 by value over 2500 and 1000 cents: 1428.57… and 571.43… → 1429 and 571; 2.50 + 14.29 / 10 = 3.929.
    const calls = s.fake.calls.filter((c) => c.operationName === "InventoryItemUpdateCost");
    expect(calls.map((c) => c.variables)).toEqual([{ id: "gid://shopify/InventoryItem/111", input: { cost: "3.929" } }]);
  });

  it("a write-back Shopify refuses leaves the receipt and the stored landed cost standing", async () => {
    const s = await seedShop("refused");
    await prisma.shop.update({ where: { shop: s.shop }, data: { landedCostToShopify: true } });
    s.fake.roots.set("InventoryItemUpdateCost", () => ({ inventoryItemUpdate: { inventoryItem: null, userErrors: [{ field: ["input", "cost"], message: "Cost is invalid" }] } }));
    expect((await post(s, OWNER, charges(1, "20"))).status).toBe(200);
    const page = (await (await load(s, OWNER)).json()) as { receiving: { receiveKey: string } };
    const received = await post(s, OWNER, [["intent", "receive"], ["version", "2"], ["idempotencyKey", page.receiving.receiveKey], ["lineId", s.l1], ["quantity", "10"]]);
    expect(received.status).toBe(200);
    expect(s.fake.calls.filter((c) => c.operationName === "InventoryItemUpdateCost")).toHaveLength(1);
    expect((await prisma.variant.findUniqueOrThrow({ where: { id: s.v1.id } })).landedUnitCost?.toString()).toBe("3.929");
    expect(await prisma.purchaseOrder.findUniqueOrThrow({ where: { id: s.po.id } })).toMatchObject({ status: "partially_received", version: 3 });
  });

  it("planning values a variant at its landed cost where one exists, else at Shopify's cost", async () => {
    const shop = `lc-plan-${crypto.randomUUID().slice(0, 8)}.myshopify.com`;
    await prisma.shop.create({ data: { shop, name: "plan", ianaTimezone: "UTC" } });
    const location = await prisma.location.create({ data: { shop, shopifyId: "gid://shopify/Location/1", name: "Warehouse" } });
    const vendor = await prisma.vendor.create({ data: { shop, name: "Acme", statedLeadTimeDays: 10 } });
    const product = await prisma.product.create({ data: { shop, shopifyId: "gid://shopify/Product/1", title: "Tent", vendorId: vendor.id } });
    const landed = await prisma.variant.create({ data: { shop, shopifyId: "gid://shopify/ProductVariant/1", productId: product.id, title: "A", unitCost: "12.50", landedUnitCost: "14.7512", price: "30" } });
    const plain = await prisma.variant.create({ data: { shop, shopifyId: "gid://shopify/ProductVariant/2", productId: product.id, title: "B", unitCost: "12.50", price: "30" } });
    const days = [];
    for (const v of [landed, plain]) {
      await prisma.inventoryLevel.create({ data: { shop, variantId: v.id, locationId: location.id, available: 3, onHand: 3 } });
      for (let i = 1; i <= 60; i++) days.push({ shop, variantId: v.id, locationId: location.id, date: addDays("2026-11-22", -i), units: 5, revenue: "150" });
    }
    await prisma.demandDay.createMany({ data: days });
    const { planRunId } = await planShop(shop, { now: new Date("2026-11-22T15:00:00Z") });
    const lines = await prisma.replenishmentLine.findMany({ where: { shop, planRunId } });
    const costOf = (variantId: string) => lines.find((l) => l.variantId === variantId)?.unitCost?.toString();
    expect([costOf(landed.id), costOf(plain.id)]).toEqual(["14.7512", "12.5"]);
    // The shop's mean cost (the reference of cost-balanced service levels) counts each at the same cost.
    expect(await meanTrackedUnitCost(shop)).toBe("13.6256");
  });
});
