import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { getOverview } from "~/services/overview.server";
import { planShop } from "~/services/planning/plan-shop.server";
import { addDays } from "~/utils/dates";

const NOW = new Date("2026-11-22T15:00:00Z");
const TODAY = "2026-11-22";

describe("Overview KPIs", () => {
  it("values stock at cost in cents, finds dead stock and open PO value, and stock at risk once planned", async () => {
    const shop = `kpi-${crypto.randomUUID().slice(0, 8)}.myshopify.com`;
    await prisma.shop.create({ data: { shop, name: "KPI shop", ianaTimezone: "UTC", deadStockDays: 60 } });
    const location = await prisma.location.create({ data: { shop, shopifyId: "gid://shopify/Location/1", name: "Main" } });
    const vendor = await prisma.vendor.create({ data: { shop, name: "Acme", statedLeadTimeDays: 10 } });
    const product = await prisma.product.create({ data: { shop, shopifyId: "gid://shopify/Product/1", title: "Lamp", vendorId: vendor.id } });
    const seller = await prisma.variant.create({ data: { shop, shopifyId: "gid://shopify/ProductVariant/1", productId: product.id, title: "A", unitCost: "12.50", price: "30.00" } });
    const idle = await prisma.variant.create({ data: { shop, shopifyId: "gid://shopify/ProductVariant/2", productId: product.id, title: "B", unitCost: "0.10", price: "1.00" } });
    await prisma.inventoryLevel.create({ data: { shop, variantId: seller.id, locationId: location.id, onHand: 10, available: 10 } });
    await prisma.inventoryLevel.create({ data: { shop, variantId: idle.id, locationId: location.id, onHand: 3, available: 3 } });
    const days = Array.from({ length: 90 }, (_, i) => ({ shop, variantId: seller.id, locationId: location.id, date: addDays(TODAY, -1 - i), units: 4, revenue: "120" }));
    await prisma.demandDay.createMany({ data: days });
    const po = await prisma.purchaseOrder.create({ data: { shop, number: "PO-1", vendorId: vendor.id, destinationLocationId: location.id, status: "approved", createdBy: "x" } });
    await prisma.purchaseOrderLine.create({ data: { shop, purchaseOrderId: po.id, variantId: seller.id, quantityOrdered: 7, quantityReceived: 2, unitCost: "7.05" } });

    const before = await getOverview(shop, NOW);
    expect(before.planAsOf).toBeNull();
    expect(before.kpis).toMatchObject({ inventoryValueCents: 10 * 1250 + 3 * 10, deadStockValueCents: 30, openPoValueCents: 5 * 705, stockAtRiskCents: 0, daysOfSupply: null });

    await planShop(shop, { now: NOW });
    const after = await getOverview(shop, NOW);
    const lines = await prisma.replenishmentLine.findMany({ where: { shop, urgency: "critical" } });
    const expectedRisk = lines.reduce((s, l) => s + Math.round(Math.max(0, l.leadTimeDemand - Math.max(0, l.available)) * 1250), 0);
    expect(after.planAsOf).toBe(TODAY);
    expect(after.kpis.atRiskLines).toBe(lines.length);
    expect(after.kpis.stockAtRiskCents).toBe(expectedRisk);
    // 12,530 cents of stock against about 4 units × 1,250 cents a day: roughly 2.5 days of supply.
    expect(after.kpis.daysOfSupply).toBeGreaterThan(1.5);
    expect(after.kpis.daysOfSupply).toBeLessThan(4);
  });
});
