import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { createLevel, createStore, createVariant, demandDays } from "../factories";
import { evaluateAlerts } from "~/services/alerts/evaluate.server";
import { acknowledge, getAlerts, snooze } from "~/services/alerts/inbox.server";
import { planShop } from "~/services/planning/plan-shop.server";

const NOW = new Date("2026-11-22T15:00:00Z");
const TODAY = "2026-11-22";

/** One variant selling 5 a day with 3 on hand (runs out inside its 10-day lead time) and one sent PO already late. */
async function seedShop(label: string) {
  const { shop, location, vendor, product } = await createStore(label, { location: { name: "Main" }, vendor: { statedLeadTimeDays: 10 } });
  const variant = await createVariant(shop, product.id, 1, { title: "Default Title", unitCost: "10" });
  const level = await createLevel(shop, variant.id, location.id, 3);
  await prisma.demandDay.createMany({ data: demandDays(shop, variant.id, location.id, { until: TODAY, days: 90, units: 5 }) });
  const po = await prisma.purchaseOrder.create({
    data: { shop, number: "PO-1001", vendorId: vendor.id, destinationLocationId: location.id, status: "sent", createdBy: "x", sentAt: new Date("2026-11-01T12:00:00Z"), expectedAt: new Date("2026-11-18T12:00:00Z") },
  });
  return { shop, variant, level, po };
}

describe("alerts", () => {
  it("are raised after a plan, deduplicated across runs, and resolve when the condition clears", async () => {
    const a = await seedShop("alerts-a");
    const b = await seedShop("alerts-b");
    await planShop(a.shop, { now: NOW });
    const first = await prisma.alert.findMany({ where: { shop: a.shop } });
    // One alert for the line (order now, critical: it runs out before a new order could arrive) and the late PO.
    expect(first.map((x) => x.type).sort()).toEqual(["below_reorder_point", "po_overdue"]);
    const stockout = first.find((x) => x.type === "below_reorder_point")!;
    expect(stockout).toMatchObject({ severity: "critical", status: "open" });
    expect(stockout.message).toMatch(/^Tent at Main: stock runs out today \(3 available\)/);
    expect(first.find((x) => x.type === "po_overdue")!.message).toBe("PO-1001 from Acme is 4 days overdue (expected 2026-11-18).");
    // A PO alert is grouped under its vendor (no variant or location of its own).
    expect(first.find((x) => x.type === "po_overdue")).toMatchObject({ vendorId: a.po.vendorId, variantId: null, locationId: null });
    expect(await prisma.alert.count({ where: { shop: b.shop } })).toBe(0);

    await planShop(a.shop, { now: NOW });
    expect(await prisma.alert.count({ where: { shop: a.shop } })).toBe(2);

    await prisma.purchaseOrder.update({ where: { id: a.po.id }, data: { status: "received" } });
    await evaluateAlerts(a.shop, NOW);
    const po = await prisma.alert.findFirstOrThrow({ where: { shop: a.shop, type: "po_overdue" } });
    expect(po.status).toBe("resolved");
  });

  it("can be acknowledged (then leave the open list) and snoozed until a date (then come back)", async () => {
    const a = await seedShop("alerts-c");
    await planShop(a.shop, { now: NOW });
    const open = await getAlerts(a.shop, { tab: "open", page: 1, pageSize: 50 }, NOW);
    expect(open.counts.open).toBe(2);
    const [critical, ...rest] = open.rows;
    expect(critical.severity).toBe("critical");
    expect(critical.url).toBe(`/app/forecasts/${a.variant.id}?location=${a.level.locationId}`);

    await acknowledge(a.shop, [critical.id], "staff-1", NOW);
    await acknowledge("someone-else.myshopify.com", [rest[0].id], "intruder", NOW);
    const afterAck = await getAlerts(a.shop, { tab: "open", page: 1, pageSize: 50 }, NOW);
    expect(afterAck.rows.map((r) => r.id)).not.toContain(critical.id);
    expect(afterAck.rows.map((r) => r.id)).toContain(rest[0].id);
    expect(afterAck.counts.acknowledged).toBe(1);

    const until = new Date(NOW.getTime() + 3 * 86_400_000);
    await snooze(a.shop, [rest[0].id], until);
    expect((await getAlerts(a.shop, { tab: "open", page: 1, pageSize: 50 }, NOW)).rows.map((r) => r.id)).not.toContain(rest[0].id);
    const later = new Date(until.getTime() + 60_000);
    const back = await getAlerts(a.shop, { tab: "open", page: 1, pageSize: 50 }, later);
    expect(back.rows.find((r) => r.id === rest[0].id)?.status).toBe("open");
  });
});
