// Alerts a person can work through (issue 16): one alert per line (order-now merges the stockout and reorder
// conditions), alerts grouped by vendor × location and by rule with filters and search, and "Create draft PO"
// from a group through the Replenishment use case (into that vendor × location's open draft; viewers refused).
import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { createLevel, createLocation, createProduct, createShop, createVariant, createVendor, demandDays } from "../factories";
import { evaluateAlerts } from "~/services/alerts/evaluate.server";
import { createDraftFromAlertGroup, getAlerts } from "~/services/alerts/inbox.server";
import { planShop } from "~/services/planning/plan-shop.server";

const NOW = new Date("2026-11-22T15:00:00Z");
const TODAY = "2026-11-22";
const QUIET = { flow: { kind: "none" } } as const;

/**
 * Acme (Tent, Lamp) and Birch (Stove), 10-day lead times, each selling 5 a day. At Main, Tent and Lamp have 3
 * on hand and Stove 150; at Annex, Stove has 3 and Tent 150: three lines to order now, two healthy ones.
 */
async function seedShop(label: string) {
  const shop = await createShop(label, { currencyCode: "EUR" });
  const main = await createLocation(shop, 1, { name: "Main" });
  const annex = await createLocation(shop, 2, { name: "Annex" });
  const acme = await createVendor(shop, { statedLeadTimeDays: 10 });
  const birch = await createVendor(shop, { name: "Birch", statedLeadTimeDays: 10 });
  const variants: Record<string, string> = {};
  for (const [i, [title, vendorId, sku]] of ([["Tent", acme.id, "TENT-1"], ["Lamp", acme.id, "LAMP-1"], ["Stove", birch.id, "STOVE-1"]] as const).entries()) {
    const product = await createProduct(shop, { title, vendorId }, i + 1);
    variants[title] = (await createVariant(shop, product.id, i + 1, { title: "Default Title", sku, unitCost: "10" })).id;
  }
  const stock: [string, string, number][] = [["Tent", main.id, 3], ["Lamp", main.id, 3], ["Stove", main.id, 150], ["Stove", annex.id, 3], ["Tent", annex.id, 150]];
  for (const [title, locationId, onHand] of stock) {
    await createLevel(shop, variants[title], locationId, onHand);
    await prisma.demandDay.createMany({ data: demandDays(shop, variants[title], locationId, { until: TODAY, days: 90, units: 5 }) });
  }
  return { shop, main, annex, acme, birch, variants };
}

const openAlerts = (shop: string) => prisma.alert.findMany({ where: { shop, status: "open" }, orderBy: { entityId: "asc" } });

describe("one alert per line", () => {
  it("raises one order-now alert per line that needs an order (critical: it runs out before a new order could arrive), with its vendor and location; a retired stockout_before_arrival alert resolves", async () => {
    const s = await seedShop("merge");
    const other = await seedShop("merge-other");
    const retired = await prisma.alert.create({
      data: { shop: s.shop, type: "stockout_before_arrival", severity: "critical", dedupeKey: `stockout_before_arrival:${s.variants.Tent}|${s.main.id}`, entityType: "variant_location", entityId: `${s.variants.Tent}|${s.main.id}`, message: "old" },
    });
    await planShop(s.shop, { now: NOW });
    const open = await openAlerts(s.shop);
    expect(open.map((a) => a.type)).toEqual(["below_reorder_point", "below_reorder_point", "below_reorder_point"]);
    // One condition on one line is one alert: no line has two.
    expect(new Set(open.map((a) => a.entityId)).size).toBe(open.length);
    const tent = open.find((a) => a.entityId === `${s.variants.Tent}|${s.main.id}`)!;
    expect(tent).toMatchObject({ severity: "critical", variantId: s.variants.Tent, locationId: s.main.id, vendorId: s.acme.id });
    expect(tent.message).toMatch(/^Tent at Main: stock runs out today \(3 available\), before a new order could arrive \(10-day lead time\)\. Order \d+ units\.$/);
    expect((await prisma.alert.findUniqueOrThrow({ where: { id: retired.id } })).status).toBe("resolved");

    // Out of stock now: the same alert (same id) says so; no separate stocked_out_now alert for the line.
    await prisma.inventoryLevel.updateMany({ where: { shop: s.shop, variantId: s.variants.Tent, locationId: s.main.id }, data: { available: 0, onHand: 0 } });
    await evaluateAlerts(s.shop, NOW, QUIET);
    const again = (await openAlerts(s.shop)).filter((a) => a.entityId === tent.entityId);
    expect(again).toHaveLength(1);
    expect(again[0]).toMatchObject({ id: tent.id, type: "below_reorder_point", severity: "critical" });
    expect(again[0].message).toMatch(/^Tent at Main: out of stock now, before a new order could arrive/);
    // Another shop (not planned) is untouched.
    expect(await prisma.alert.count({ where: { shop: other.shop } })).toBe(0);
  });

  it("raises no order-now alert for a line already in a draft PO", async () => {
    const s = await seedShop("drafted");
    const po = await prisma.purchaseOrder.create({ data: { shop: s.shop, number: "PO-1001", vendorId: s.birch.id, destinationLocationId: s.annex.id, createdBy: "staff-1" } });
    await prisma.purchaseOrderLine.create({ data: { shop: s.shop, purchaseOrderId: po.id, variantId: s.variants.Stove, quantityOrdered: 60, unitCost: "10" } });
    await planShop(s.shop, { now: NOW });
    expect((await openAlerts(s.shop)).map((a) => a.vendorId)).toEqual([s.acme.id, s.acme.id]);
  });
});

describe("the Alerts screen's groups, filters and search", () => {
  it("groups open alerts by vendor × location and by rule, and filters by vendor, location, rule, severity and search", async () => {
    const s = await seedShop("groups");
    await planShop(s.shop, { now: NOW });
    const q = { tab: "open" as const, page: 1, pageSize: 50 };
    const byPlace = await getAlerts(s.shop, { ...q, group: "place" }, NOW);
    expect(byPlace.groups.map((g) => [g.title, g.critical, g.orderNow])).toEqual([
      ["Acme · Main", 2, 2],
      ["Birch · Annex", 1, 1],
    ]);
    expect(byPlace.rows).toEqual([]);
    expect(byPlace.total).toBe(2);
    const byRule = await getAlerts(s.shop, { ...q, group: "rule" }, NOW);
    expect(byRule.groups.map((g) => [g.type, g.total])).toEqual([["below_reorder_point", 3]]);

    const birch = await getAlerts(s.shop, { ...q, group: "place", vendorId: s.birch.id }, NOW);
    expect(birch.groups.map((g) => g.title)).toEqual(["Birch · Annex"]);
    const main = await getAlerts(s.shop, { ...q, group: "none", vendorId: s.acme.id, locationId: s.main.id }, NOW);
    expect(main.rows.map((r) => r.message.split(":")[0]).sort()).toEqual(["Lamp at Main", "Tent at Main"]);
    // Search: SKU, product title (any case), or the location named in the message.
    expect((await getAlerts(s.shop, { ...q, search: "lamp-1" }, NOW)).rows.map((r) => r.message.split(":")[0])).toEqual(["Lamp at Main"]);
    expect((await getAlerts(s.shop, { ...q, search: "STOVE" }, NOW)).rows.map((r) => r.message.split(":")[0])).toEqual(["Stove at Annex"]);
    expect((await getAlerts(s.shop, { ...q, search: "annex" }, NOW)).rows).toHaveLength(1);
    expect((await getAlerts(s.shop, { ...q, search: "100%_" }, NOW)).rows).toEqual([]);
    expect((await getAlerts(s.shop, { ...q, severity: "warning" }, NOW)).rows).toEqual([]);
    expect((await getAlerts(s.shop, { ...q, type: "overstock" }, NOW)).rows).toEqual([]);
    expect((await getAlerts(s.shop, { ...q, group: "place", type: "below_reorder_point", severity: "critical" }, NOW)).groups).toHaveLength(2);
    // Pagination over the list.
    const page2 = await getAlerts(s.shop, { ...q, pageSize: 2, page: 2 }, NOW);
    expect([page2.rows.length, page2.total]).toEqual([1, 3]);
  });
});

describe("Create draft PO from a group", () => {
  it("orders the group's lines through the Replenishment use case, into the open draft of that vendor × location; their alerts resolve", async () => {
    const s = await seedShop("group-po");
    await planShop(s.shop, { now: NOW });
    const draft = await prisma.purchaseOrder.create({ data: { shop: s.shop, number: "PO-1001", vendorId: s.acme.id, destinationLocationId: s.main.id, createdBy: "staff-1" } });
    const created = await createDraftFromAlertGroup(s.shop, { staffId: "staff-1" }, { vendorId: s.acme.id, locationId: s.main.id }, NOW);
    expect(created).toMatchObject([{ id: draft.id, number: "PO-1001", merged: true, lineCount: 2 }]);
    const lines = await prisma.purchaseOrderLine.findMany({ where: { shop: s.shop, purchaseOrderId: draft.id } });
    expect(lines.map((l) => l.variantId).sort()).toEqual([s.variants.Lamp, s.variants.Tent].sort());
    expect(lines.every((l) => l.quantityOrdered > 0)).toBe(true);
    expect(await prisma.auditEntry.count({ where: { shop: s.shop, action: "purchase_order.lines_merged", entityId: draft.id } })).toBe(1);
    // Drafted lines need no alert any more; Birch's stays.
    expect((await openAlerts(s.shop)).map((a) => a.vendorId)).toEqual([s.birch.id]);

    // Again: nothing left to order there.
    await expect(createDraftFromAlertGroup(s.shop, { staffId: "staff-1" }, { vendorId: s.acme.id, locationId: s.main.id }, NOW)).rejects.toThrow(/Nothing to order here/);
    // Birch × Annex has no open draft: a new one.
    const [birchPo] = await createDraftFromAlertGroup(s.shop, { staffId: "staff-1" }, { vendorId: s.birch.id, locationId: s.annex.id }, NOW);
    expect(birchPo).toMatchObject({ number: "PO-1002", merged: false, lineCount: 1 });
  });

  it("refuses a viewer and changes nothing", async () => {
    const s = await seedShop("group-po-viewer");
    await planShop(s.shop, { now: NOW });
    await prisma.staffRole.create({ data: { shop: s.shop, staffId: "viewer-1", name: "Vic", role: "viewer" } });
    await expect(createDraftFromAlertGroup(s.shop, { staffId: "viewer-1" }, { vendorId: s.acme.id, locationId: s.main.id }, NOW)).rejects.toThrow(/Viewers can look/);
    expect(await prisma.purchaseOrder.count({ where: { shop: s.shop } })).toBe(0);
    expect(await prisma.alert.count({ where: { shop: s.shop, status: "open" } })).toBe(3);
  });
});
