// "Select all N matching lines" on Replenishment: the server resolves the screen's filters to every matching
// line (not one page), totals them, and drafts them — staff role checked, once at a time per shop.
import crypto from "node:crypto";
import type { Prisma } from "@prisma/client";
import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import * as matchingRoute from "~/routes/app.replenishment_.matching";
import * as poListRoute from "~/routes/app.purchase-orders";
import { getAsStaff, postAsStaff, storeAdminSession } from "../setup/admin-request";

const CLERK = "4101";

/** A complete plan of 60 variants at one location: 55 critical lines of 4 units at $2.50 for Acme (MOQ 500), 5 low at 0. */
async function seedShop(label: string) {
  const store = `sel-${label}-${crypto.randomUUID().slice(0, 8)}`;
  const shop = `${store}.myshopify.com`;
  await storeAdminSession(shop);
  await prisma.shop.create({ data: { shop, name: label, ianaTimezone: "UTC", currencyCode: "EUR" } });
  const location = await prisma.location.create({ data: { shop, shopifyId: "gid://shopify/Location/1", name: "Warehouse" } });
  const vendor = await prisma.vendor.create({ data: { shop, name: "Acme", moq: 500 } });
  const product = await prisma.product.create({ data: { shop, shopifyId: "gid://shopify/Product/1", title: "Tent", vendorId: vendor.id } });
  const variants: Prisma.VariantCreateManyInput[] = Array.from({ length: 60 }, (_, i) => ({
    id: `${shop}-v${i}`, shop, shopifyId: `gid://shopify/ProductVariant/${i + 1}`, productId: product.id, title: `Size ${i}`, sku: `T-${i}`, unitCost: "2.50",
  }));
  await prisma.variant.createMany({ data: variants });
  const run = await prisma.planRun.create({ data: { shop, status: "complete", asOfDate: "2026-11-22", finishedAt: new Date(), seriesPlanned: 60 } });
  await prisma.replenishmentLine.createMany({
    data: variants.map((v, i) => ({
      shop, planRunId: run.id, variantId: v.id!, locationId: location.id, vendorId: vendor.id,
      onHand: 0, available: 0, committed: 0, incoming: 0, onOrder: 0, inventoryPosition: 0, avgDailyDemand: 1, leadTimeDays: 10,
      leadTimeDemand: 10, safetyStock: 2, reorderPoint: 12, eoq: 4, orderUpTo: 4, serviceLevel: 0.95,
      suggestedQty: i < 55 ? 4 : 0, urgency: i < 55 ? "critical" : "low", reason: "test", unitCost: "2.50",
    })),
  });
  return { store, shop, vendor };
}

const draftAll = (store: string, query: string) =>
  postAsStaff(poListRoute.action, "/app/purchase-orders", store, CLERK, [["intent", "create_from_matching"], ["query", query]]);

describe("select all matching lines", () => {
  it("totals and drafts every line matching the filters, across pages, in this shop only", async () => {
    const a = await seedShop("a");
    const b = await seedShop("b");
    const totals = await (await getAsStaff(matchingRoute.loader, "/app/replenishment/matching?urgency=critical&page=2", a.store, CLERK)).json();
    // 55 × 4 = 220 units, 220 × €2.50 = €550.00, under Acme's 500-unit minimum.
    expect(totals).toEqual({ error: null, totals: { lines: 55, units: 220, valueCents: 55_000, unpricedLines: 0, underMinimum: [{ vendorId: a.vendor.id, units: 220, moq: 500 }] } });

    const response = await draftAll(a.store, "urgency=critical&sort=quantity");
    expect(response.status).toBe(302);
    const pos = await prisma.purchaseOrder.findMany({ where: { shop: a.shop }, include: { lines: true } });
    expect(pos).toHaveLength(1);
    expect(response.headers.get("Location")).toBe(`/app/purchase-orders/${pos[0].id}`);
    expect(pos[0].lines).toHaveLength(55);
    expect(pos[0].lines.reduce((n, l) => n + l.quantityOrdered, 0)).toBe(220);
    expect(await prisma.purchaseOrder.count({ where: { shop: b.shop } })).toBe(0);
  });

  it("answers problems as JSON for the screen to show beside its selection", async () => {
    const a = await seedShop("errors");
    const nothing = await draftAll(a.store, "urgency=low");
    expect(nothing.status).toBe(400);
    expect(await nothing.json()).toEqual({ error: "Nothing to order: the selected lines are all at 0 units" });
    const invalid = await draftAll(a.store, "urgency=someday");
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toEqual({ error: "Those filters are not valid — reload the page and try again" });
    // Too long a form is refused in words too, not with an error page.
    const long = await draftAll(a.store, "q=" + "x".repeat(3_000));
    expect(long.status).toBe(400);
    expect((await long.json()).error).toEqual(expect.any(String));
    // Another draft of everything running for this shop: refused, nothing drafted.
    // (The attempts above took and released the lease: its row is there, finished.)
    await prisma.actionLease.update({ where: { shop_action: { shop: a.shop, action: "draft" } }, data: { holder: "other-process", startedAt: new Date(), finishedAt: null, busyUntil: new Date(Date.now() + 60_000) } });
    const busy = await draftAll(a.store, "urgency=critical");
    expect(busy.status).toBe(429);
    expect(await busy.json()).toEqual({ error: "Drafting purchase orders is already running for this shop — try again in a minute." });
    expect(await prisma.purchaseOrder.count({ where: { shop: a.shop } })).toBe(0);
  });
});
