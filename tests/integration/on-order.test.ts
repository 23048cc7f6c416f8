// The on-order rule (docs/on-order.md) through a real plan run: a unit on order through a Stockcast PO, a native
// Shopify PO (Shopify's `incoming`) or a PO imported from Stocky (through the real importer) is counted once in
// the plan's on-order and inventory position, and a Stocky PO that Shopify also shows as incoming is not
// counted twice. Drafts, cancelled and received POs are not on order.
import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { createLevel, createStore, createVariant, demandDays } from "../factories";
import { importCsv } from "~/services/csv-import/import.server";
import { planShop } from "~/services/planning/plan-shop.server";

const NOW = new Date("2026-11-22T15:00:00Z");
const TODAY = "2026-11-22";

async function seedShop(label: string) {
  const { shop, location, vendor, product } = await createStore(label, { vendor: { name: "Acme Outdoor", statedLeadTimeDays: 10 } });
  const variants: Record<string, string> = {};
  // Incoming: what Shopify reports on the inventory level (native purchase orders and transfers).
  const incoming: Record<string, number> = { "ONLY-STOCKCAST": 0, "ONLY-NATIVE": 7, "STOCKY-ALSO-NATIVE": 5, "ONLY-STOCKY": 0, "ALL-THREE": 8, NOTHING: 0 };
  for (const [i, sku] of Object.keys(incoming).entries()) {
    const v = await createVariant(shop, product.id, i + 1, { title: sku, sku, unitCost: "10" });
    variants[sku] = v.id;
    await createLevel(shop, v.id, location.id, 50, { available: 40, committed: 10, incoming: incoming[sku] });
    await prisma.demandDay.createMany({ data: demandDays(shop, v.id, location.id, { until: TODAY, days: 120, units: 2, revenue: () => "40" }) });
  }
  return { shop, location, vendor, variants };
}

async function stockcastPo(shop: string, number: string, vendorId: string, locationId: string, status: string, lines: { variantId: string; ordered: number; received?: number }[]) {
  await prisma.purchaseOrder.create({
    data: {
      shop,
      number,
      vendorId,
      destinationLocationId: locationId,
      status,
      createdBy: "staff:1",
      expectedAt: new Date("2026-12-01T00:00:00Z"),
      lines: { create: lines.map((l) => ({ shop, variantId: l.variantId, quantityOrdered: l.ordered, quantityReceived: l.received ?? 0 })) },
    },
  });
}

describe("on order, each unit once", () => {
  it("sums Stockcast POs with Shopify's incoming and overlaps Stocky-imported POs with incoming", async () => {
    const { shop, location, vendor, variants } = await seedShop("on-order");
    // Stockcast's own POs: sent (10 open), partially received (12 ordered, 2 received → 10 open), a draft (not on order).
    await stockcastPo(shop, "PO-1001", vendor.id, location.id, "sent", [{ variantId: variants["ONLY-STOCKCAST"], ordered: 10 }]);
    await stockcastPo(shop, "PO-1002", vendor.id, location.id, "partially_received", [{ variantId: variants["ALL-THREE"], ordered: 12, received: 2 }]);
    await stockcastPo(shop, "PO-1003", vendor.id, location.id, "draft", [{ variantId: variants.NOTHING, ordered: 50 }]);
    // Stocky's open POs through the real importer, plus a cancelled and a received one (nothing open).
    const stocky = [
      "PO #,Supplier,Status,Expected Date,Location,SKU,Qty Ordered,Qty Received",
      "S-1,Acme Outdoor,Ordered,2026-12-05,Warehouse,STOCKY-ALSO-NATIVE,5,0",
      "S-2,Acme Outdoor,Partially received,2026-12-05,Warehouse,ONLY-STOCKY,12,3",
      "S-3,Acme Outdoor,Ordered,2026-12-05,Warehouse,ALL-THREE,5,0",
      "S-4,Acme Outdoor,Cancelled,,Warehouse,NOTHING,40,0",
      "S-5,Acme Outdoor,Received,2026-11-01,Warehouse,NOTHING,30,30",
    ].join("\n");
    expect(await importCsv(shop, { kind: "stocky-purchase-orders", fileName: "stocky.csv" }, stocky)).toMatchObject({ status: "imported", counts: { purchaseOrdersCreated: 5 } });

    const summary = await planShop(shop, { now: NOW });
    const lines = await prisma.replenishmentLine.findMany({ where: { shop, planRunId: summary.planRunId } });
    const bySku = Object.fromEntries(Object.entries(variants).map(([sku, id]) => [sku, lines.find((l) => l.variantId === id)!]));
    const onOrder = Object.fromEntries(Object.entries(bySku).map(([sku, l]) => [sku, [l.incoming, l.onOrder, l.inventoryPosition]]));
    // [Shopify incoming, on order, inventory position = 50 on hand + on order − 10 committed]
    expect(onOrder).toEqual({
      "ONLY-STOCKCAST": [0, 10, 50],
      "ONLY-NATIVE": [7, 7, 47],
      // The Stocky PO's 5 units are the 5 Shopify shows as incoming (re-created natively or pushed by Stocky): once.
      "STOCKY-ALSO-NATIVE": [5, 5, 45],
      "ONLY-STOCKY": [0, 9, 49],
      // 10 Stockcast + max(8 incoming, 5 Stocky).
      "ALL-THREE": [8, 18, 58],
      NOTHING: [0, 0, 40],
    });
  });

  it("stops counting a Stocky PO once a later export shows it received", async () => {
    const { shop, variants } = await seedShop("on-order-recv");
    const header = "PO #,Supplier,Status,Location,SKU,Qty Ordered,Qty Received";
    await importCsv(shop, { kind: "stocky-purchase-orders", fileName: "a.csv" }, `${header}\nS-9,Acme Outdoor,Ordered,Warehouse,ONLY-STOCKY,10,0\n`);
    const first = await planShop(shop, { now: NOW });
    const line = () => prisma.replenishmentLine.findFirstOrThrow({ where: { shop, planRunId: first.planRunId, variantId: variants["ONLY-STOCKY"] } });
    expect((await line()).onOrder).toBe(10);
    await importCsv(shop, { kind: "stocky-purchase-orders", fileName: "b.csv" }, `${header}\nS-9,Acme Outdoor,Received,Warehouse,ONLY-STOCKY,10,10\n`);
    const second = await planShop(shop, { now: NOW });
    const after = await prisma.replenishmentLine.findFirstOrThrow({ where: { shop, planRunId: second.planRunId, variantId: variants["ONLY-STOCKY"] } });
    expect(after.onOrder).toBe(0);
  });
});
