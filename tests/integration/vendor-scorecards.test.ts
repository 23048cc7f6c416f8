// Fair vendor scorecards (issue 17) on a real database, through the real vendor loaders: a PO not yet due does
// not lower the fill rate, a receipt minutes after sending is left out of lead time (scorecard and planning)
// and flagged on the PO page, price variation compares each variant with its own earlier cost, and under 3
// observations a figure says "not enough data". Another shop's orders never count.
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { findPlanningSettings } from "~/models/settings.server";
import * as detailRoute from "~/routes/app.vendors_.$id";
import * as listRoute from "~/routes/app.vendors";
import { loadRunInputs } from "~/services/planning/plan-shop.server";
import { getPurchaseOrderDetail } from "~/services/purchase-orders/queries.server";
import { APP, callRoute, getAsStaff, sessionTokenHeaders, storeAdminSession } from "../setup/admin-request";

const STAFF = "5101";
const DAY = 86_400_000;
const MINUTE = 60_000;

interface PoSpec {
  /** Days ago the PO was sent. */
  sentDaysAgo: number;
  /** Days from sending to the first receipt (fractions allowed). */
  leadDays: number;
  /** Days from sending to the expected date. */
  expectedAfterDays?: number;
  status?: string;
  lines: { variant: "tent" | "stove"; ordered: number; received: number; unitCost: string }[];
}

async function seedShop(label: string, pos: PoSpec[]) {
  const store = `vsc-${label}-${crypto.randomUUID().slice(0, 8)}`;
  const shop = `${store}.myshopify.com`;
  await storeAdminSession(shop);
  await prisma.shop.create({ data: { shop, name: label } });
  const vendor = await prisma.vendor.create({ data: { shop, name: "Heritage Goods", statedLeadTimeDays: 20 } });
  const location = await prisma.location.create({ data: { shop, shopifyId: "gid://shopify/Location/1", name: "Warehouse" } });
  const product = await prisma.product.create({ data: { shop, shopifyId: "gid://shopify/Product/1", title: "Camp kit", vendorId: vendor.id } });
  const tent = await prisma.variant.create({ data: { shop, shopifyId: "gid://shopify/ProductVariant/1", productId: product.id, title: "Tent", sku: "TENT" } });
  const stove = await prisma.variant.create({ data: { shop, shopifyId: "gid://shopify/ProductVariant/2", productId: product.id, title: "Stove", sku: "STOVE" } });
  const ids = { tent: tent.id, stove: stove.id };
  const now = Date.now();
  const orders = [];
  for (const [i, p] of pos.entries()) {
    const sentAt = new Date(now - p.sentDaysAgo * DAY);
    const po = await prisma.purchaseOrder.create({
      data: {
        shop, number: `PO-${1001 + i}`, vendorId: vendor.id, destinationLocationId: location.id, createdBy: STAFF, status: p.status ?? "received",
        sentAt, expectedAt: new Date(sentAt.getTime() + (p.expectedAfterDays ?? 20) * DAY),
        lines: { create: p.lines.map((l) => ({ shop, variantId: ids[l.variant], quantityOrdered: l.ordered, quantityReceived: l.received, unitCost: l.unitCost })) },
      },
    });
    await prisma.receipt.create({ data: { shop, purchaseOrderId: po.id, idempotencyKey: `r-${po.id}`, receivedBy: STAFF, receivedAt: new Date(sentAt.getTime() + p.leadDays * DAY) } });
    orders.push(po);
  }
  return { store, shop, vendor, orders };
}

const full = (unitCost = "10.00") => [{ variant: "tent" as const, ordered: 100, received: 100, unitCost }];
const listVendors = async (store: string) =>
  (await (await callRoute(async () => listRoute.loader({ request: new Request(`${APP}/app/vendors`, { headers: await sessionTokenHeaders(store, STAFF) }), params: {}, context: {} }))).json()).vendors;
const detail = async (store: string, id: string) => (await (await getAsStaff(detailRoute.loader, `/app/vendors/${id}`, store, STAFF, { id })).json()).scorecard;

describe("fair vendor scorecards", () => {
  it("a partial receipt on a PO not yet due does not lower fill rate or on-time rate", async () => {
    const a = await seedShop("due", [
      { sentDaysAgo: 100, leadDays: 19, lines: full() },
      { sentDaysAgo: 80, leadDays: 20, lines: full() },
      { sentDaysAgo: 60, leadDays: 21, lines: full() },
      // Sent 5 days ago, expected in 15 days; 12 of 100 already in.
      { sentDaysAgo: 5, leadDays: 2, status: "partially_received", lines: [{ variant: "tent", ordered: 100, received: 12, unitCost: "10.00" }] },
    ]);
    const [v] = await listVendors(a.store);
    expect(v).toMatchObject({ deliveries: 4, fillRate: 1, fillObservations: 3, onTimeRate: 1, onTimeObservations: 3, scoreObservations: 3 });
    // The early partial is still a lead-time observation (2 days ≥ 10% of 20): sent → first receipt, as before.
    expect(v.leadTimeObservations).toBe(4);
    expect(v.score).toBeGreaterThan(90);
    // Once due (expected date passed) the shortfall counts.
    await prisma.purchaseOrder.update({ where: { id: a.orders[3].id }, data: { expectedAt: new Date(Date.now() - DAY) } });
    const [after] = await listVendors(a.store);
    expect(after).toMatchObject({ fillObservations: 4 });
    expect(after.fillRate).toBeCloseTo(312 / 400, 10);
  });

  it("leaves a receipt minutes after sending out of lead time, on the scorecard and in planning, and flags it on the PO", async () => {
    const a = await seedShop("early", [
      { sentDaysAgo: 100, leadDays: 20, lines: full() },
      { sentDaysAgo: 80, leadDays: 22, lines: full() },
      { sentDaysAgo: 60, leadDays: 18, lines: full() },
      { sentDaysAgo: 30, leadDays: 12 / 1440, lines: full() }, // 12 minutes
    ]);
    const s = await detail(a.store, a.vendor.id);
    expect(s).toMatchObject({ deliveries: 4, leadTimeObservations: 3, tooEarlyReceipts: 1 });
    expect(s.leadTimeMeanDays).toBeCloseTo(20, 6);
    const inputs = await loadRunInputs(a.shop, await findPlanningSettings(a.shop), new Date().toISOString().slice(0, 10));
    // blendLeadTime(stated 20, observed [20, 22, 18]) = 20; with the 12-minute receipt it would be 15.
    expect(inputs.context.vendors[a.vendor.id].leadTime).toMatchObject({ observations: 3 });
    expect(inputs.context.vendors[a.vendor.id].leadTime.meanDays).toBeCloseTo(20, 6);
    const early = await getPurchaseOrderDetail(a.shop, { staffId: STAFF }, a.orders[3].id);
    expect(early.earlyReceipt).toEqual({ message: "Received 12 minutes after sending: left out of this vendor's lead time" });
    expect((await getPurchaseOrderDetail(a.shop, { staffId: STAFF }, a.orders[0].id)).earlyReceipt).toBeNull();
    // The receipt time is real: a test that fails if the flag ignored it.
    await prisma.receipt.updateMany({ where: { shop: a.shop, purchaseOrderId: a.orders[3].id }, data: { receivedAt: new Date(a.orders[3].sentAt!.getTime() + 3 * DAY + MINUTE) } });
    expect((await getPurchaseOrderDetail(a.shop, { staffId: STAFF }, a.orders[3].id)).earlyReceipt).toBeNull();
    expect(await detail(a.store, a.vendor.id)).toMatchObject({ leadTimeObservations: 4, tooEarlyReceipts: 0 });
  });

  it("compares each variant with its own earlier cost, never an average across products", async () => {
    const both = (tent: string, stove: string) => [
      { variant: "tent" as const, ordered: 10, received: 10, unitCost: tent },
      { variant: "stove" as const, ordered: 90, received: 90, unitCost: stove },
    ];
    const a = await seedShop("price", [
      { sentDaysAgo: 100, leadDays: 20, lines: both("100.00", "5.00") },
      { sentDaysAgo: 80, leadDays: 20, lines: [{ variant: "tent", ordered: 90, received: 90, unitCost: "100.00" }] },
      { sentDaysAgo: 60, leadDays: 20, lines: both("100.00", "5.00") },
      { sentDaysAgo: 40, leadDays: 20, lines: both("105.00", "5.00") },
    ]);
    // tent 100→100→100→105 (0, 0, 5%), stove 5→5→5 (0, 0): mean 1% over 5 comparisons. Averaging per PO would
    // have swung between 14.50 and 100.00 a unit.
    const [v] = await listVendors(a.store);
    expect(v.priceObservations).toBe(5);
    expect(v.priceVariation).toBeCloseTo(0.01, 10);
  });

  it("says not enough data under 3 observations, and counts only this shop's orders", async () => {
    const a = await seedShop("few", [
      { sentDaysAgo: 100, leadDays: 20, lines: full() },
      { sentDaysAgo: 80, leadDays: 25, lines: full() },
    ]);
    const s = await detail(a.store, a.vendor.id);
    expect(s).toMatchObject({ deliveries: 2, score: null, scoreObservations: 2, onTimeRate: null, fillRate: null, leadTimeMeanDays: null, leadTimeObservations: 2, priceVariation: null });
    // Another shop's deliveries of a vendor with the same name do not fill the gap.
    await seedShop("other", [
      { sentDaysAgo: 90, leadDays: 20, lines: full() },
      { sentDaysAgo: 70, leadDays: 20, lines: full() },
      { sentDaysAgo: 50, leadDays: 20, lines: full() },
    ]);
    expect(await detail(a.store, a.vendor.id)).toMatchObject({ deliveries: 2, score: null });
    // A third delivery of its own gives numbers.
    const po = await prisma.purchaseOrder.create({
      data: {
        shop: a.shop, number: "PO-2001", vendorId: a.vendor.id, destinationLocationId: a.orders[0].destinationLocationId, createdBy: STAFF, status: "received",
        sentAt: new Date(Date.now() - 60 * DAY), expectedAt: new Date(Date.now() - 40 * DAY),
        lines: { create: [{ shop: a.shop, variantId: (await prisma.purchaseOrderLine.findFirstOrThrow({ where: { shop: a.shop } })).variantId, quantityOrdered: 100, quantityReceived: 100, unitCost: "10.00" }] },
      },
    });
    await prisma.receipt.create({ data: { shop: a.shop, purchaseOrderId: po.id, idempotencyKey: `r-${po.id}`, receivedBy: STAFF, receivedAt: new Date(Date.now() - 40 * DAY) } });
    const now3 = await detail(a.store, a.vendor.id);
    expect(now3).toMatchObject({ deliveries: 3, scoreObservations: 3, fillRate: 1 });
    expect(now3.score).toEqual(expect.any(Number));
  });
});
