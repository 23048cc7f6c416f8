// The Replenishment CSV's explained columns add up on a real plan run: reorder_point = lead_time_demand +
// safety_stock; order_up_to − position − in_draft_pos = the quantity before rounding, then the case pack;
// suggested_value = suggested_qty × unit_cost with 2 decimals; in_draft_pos is the plan's drafted units.
import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { createLevel, createStore, createVariant } from "../factories";
import { planShop } from "~/services/planning/plan-shop.server";
import { editSuggestedQuantity, exportReplenishmentCsv, getReplenishment } from "~/services/replenishment.server";
import { addDays } from "~/lib/time";
import { selectionTotals } from "~/lib/replenishment";

const NOW = new Date("2026-11-22T15:00:00Z");
const TODAY = "2026-11-22";

/** One location, one vendor (12-day lead time); a steady seller in cases of 6, a lumpy one with 7 units in a draft PO. */
async function seedShop(label: string) {
  const { shop, location, vendor, product } = await createStore(label, {
    shop: { serviceLevelA: 0.95, serviceLevelB: 0.95, serviceLevelC: 0.95 },
    vendor: { statedLeadTimeDays: 12 },
    product: { title: "Ridgeline Parka" },
  });
  const variant = (n: number, extra: object) => createVariant(shop, product.id, n, { title: `Size ${n}`, sku: `PARKA-${n}`, price: "180", ...extra });
  const steady = await variant(1, { unitCost: "12.345", casePack: 6 });
  const lumpy = await variant(2, { unitCost: "40.10" });
  await createLevel(shop, steady.id, location.id, 8, { available: 5, committed: 3 });
  await createLevel(shop, lumpy.id, location.id, 2);
  const days = [];
  for (let i = 1; i <= 150; i++) {
    days.push({ shop, variantId: steady.id, locationId: location.id, date: addDays(TODAY, -i), units: 2 + (i % 3), revenue: "0" });
    if (i % 9 === 0) days.push({ shop, variantId: lumpy.id, locationId: location.id, date: addDays(TODAY, -i), units: 4 + (i % 5), revenue: "0" });
  }
  await prisma.demandDay.createMany({ data: days });
  await prisma.purchaseOrder.create({
    data: {
      shop, number: "PO-1", vendorId: vendor.id, destinationLocationId: location.id, status: "draft", createdBy: "staff-1",
      lines: { create: [{ shop, variantId: lumpy.id, quantityOrdered: 7, unitCost: "40.10" }] },
    },
  });
  return { shop, steady, lumpy };
}

/** The export as objects keyed by header. */
async function exportRows(shop: string) {
  const [header, ...lines] = (await exportReplenishmentCsv(shop, { sort: "stockout" })).trim().split("\n");
  // The seeded titles and reasons: split on commas outside quotes.
  const cells = (line: string) => line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, "")).slice(0, header.split(",").length);
  return lines.map((line) => Object.fromEntries(header.split(",").map((h, i) => [h, cells(line)[i]])));
}

describe("the Replenishment CSV export", () => {
  it("keeps today's columns and adds the explained figures, which add up", async () => {
    const { shop, steady, lumpy } = await seedShop("export-sums");
    await planShop(shop, { now: NOW });
    const [header] = (await exportReplenishmentCsv(shop, { sort: "stockout" })).split("\n");
    expect(header).toBe(
      "product,variant,sku,location,vendor,on_hand,available,on_order,days_of_cover,projected_stockout,urgency,suggested_qty,abc_class,unit_cost,reason," +
        "lead_time_days,lead_time_demand,safety_stock,reorder_point,order_up_to,in_draft_pos,suggested_value,xyz_class,budget_cut_from",
    );
    const rows = await exportRows(shop);
    expect(rows).toHaveLength(2);
    const lines = await prisma.replenishmentLine.findMany({ where: { shop } });
    const screen = await getReplenishment(shop, { sort: "stockout", page: 1, pageSize: 50 });
    for (const r of rows) {
      const n = (k: string) => Number(r[k]);
      const line = lines.find((l) => l.variantId === (r.sku === "PARKA-1" ? steady.id : lumpy.id))!;
      const why = screen.rows.find((s) => s.sku === r.sku)!.why;
      expect(n("lead_time_demand") + n("safety_stock")).toBe(n("reorder_point"));
      expect(n("order_up_to")).toBeGreaterThanOrEqual(n("reorder_point"));
      expect(n("lead_time_days")).toBe(12);
      // Position = available + on order (nothing received yet): the quantity before rounding, then each rule
      // (the economical batch, whole cases) up to the suggestion.
      const before = Math.max(0, n("order_up_to") - n("available") - n("on_order") - n("in_draft_pos"));
      expect(why.sums.beforeRounding).toBe(before);
      let q = before;
      for (const step of why.sums.steps) {
        expect(step.quantity).toBeGreaterThanOrEqual(q);
        if (step.rule === "case-pack") expect(step.quantity % 6).toBe(0);
        q = step.quantity;
      }
      expect(n("suggested_qty")).toBe(q);
      expect(n("suggested_qty")).toBe(line.suggestedQty);
      // Whole units, as the why panel shows them.
      for (const k of ["lead_time_demand", "safety_stock", "reorder_point", "order_up_to", "in_draft_pos"]) expect(Number.isInteger(n(k))).toBe(true);
      expect(r.suggested_value).toMatch(/^\d+\.\d{2}$/);
    }
    const steadyRow = rows.find((r) => r.sku === "PARKA-1")!;
    const lumpyRow = rows.find((r) => r.sku === "PARKA-2")!;
    expect(steadyRow).toMatchObject({ on_hand: "8", available: "5", in_draft_pos: "0" });
    expect(Number(steadyRow.suggested_qty) % 6).toBe(0);
    // 12.345 × q rounded to cents, half up (money in integer minor units).
    expect(steadyRow.suggested_value).toBe((Math.round(Number(steadyRow.suggested_qty) * 1234.5) / 100).toFixed(2));
    expect(lumpyRow.in_draft_pos).toBe("7");
    expect(lumpyRow.suggested_value).toBe((Number(lumpyRow.suggested_qty) * 40.1).toFixed(2));
    expect(lines.find((l) => l.variantId === lumpy.id)?.draftedUnits).toBe(7);

    // The screen's why carries the same sums; an edited quantity is what the value multiplies.
    const why = screen.rows.find((r) => r.sku === "PARKA-1")!.why;
    expect(why.stepsKnown).toBe(true);
    expect([why.sums.leadTimeDemand, why.sums.safetyStock, why.sums.reorderPoint, why.sums.orderUpTo]).toEqual(
      ["lead_time_demand", "safety_stock", "reorder_point", "order_up_to"].map((k) => Number(steadyRow[k])),
    );
    expect(why.sums.position).toBe(why.stock.available + why.stock.onOrder);
    expect(why.sums.quantity).toBe(Number(steadyRow.suggested_qty));
    expect(why.sentence).toMatch(/^Sells about .+; a delivery takes 12 days; to stay in stock 95% of the time keep \d+ available or on order; you have 5, so order \d+/);
    expect(why.method?.words).not.toMatch(/\(|RMSSE/);
    const line = lines.find((l) => l.variantId === steady.id)!;
    expect(await editSuggestedQuantity(shop, "staff-1", line.id, 3)).toBe(true);
    expect((await exportRows(shop)).find((r) => r.sku === "PARKA-1")).toMatchObject({ suggested_qty: "3", suggested_value: "37.04" });
  });

  it("shows the same value on the screen, in the shop currency, and totals a selection against the vendor's MOQ", async () => {
    const { shop, steady } = await seedShop("screen-value");
    await prisma.shop.update({ where: { shop }, data: { currencyCode: "CAD" } });
    await planShop(shop, { now: NOW });
    // Raised after the plan (which rounds each line up to it): the selection now falls short.
    await prisma.vendor.updateMany({ where: { shop }, data: { moq: 1_000 } });
    const line = await prisma.replenishmentLine.findFirstOrThrow({ where: { shop, variantId: steady.id } });
    expect(await editSuggestedQuantity(shop, "staff-1", line.id, 3)).toBe(true);
    const screen = await getReplenishment(shop, { sort: "stockout", page: 1, pageSize: 50 });
    expect(screen.currency).toBe("CAD");
    const row = screen.rows.find((r) => r.sku === "PARKA-1")!;
    // 3 × 12.345 = 37.035 → 37.04, the export's figure, in integer cents too.
    expect(row).toMatchObject({ suggestedQty: 3, value: "37.04", valueCents: 3704 });
    const exported = await exportRows(shop);
    for (const r of screen.rows) expect(exported.find((e) => e.sku === r.sku)?.suggested_value).toBe(r.value);
    // The screen's selection totals, from the loader's rows and vendors.
    const vendor = screen.vendors.find((v) => v.name === "Acme")!;
    expect(vendor.moq).toBe(1_000);
    const totals = selectionTotals(
      screen.rows.map((r) => ({ vendorId: r.vendorId, units: r.suggestedQty, valueCents: r.valueCents })),
      Object.fromEntries(screen.vendors.map((v) => [v.id, v.moq])),
    );
    const units = screen.rows.reduce((n, r) => n + r.suggestedQty, 0);
    expect(totals).toMatchObject({ lines: 2, units, valueCents: screen.rows.reduce((n, r) => n + r.valueCents!, 0) });
    expect(totals.underMinimum).toEqual([{ vendorId: vendor.id, units, moq: 1_000 }]);
  });
});
