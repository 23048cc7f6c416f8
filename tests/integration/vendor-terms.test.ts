// Vendor SKU and vendor price per variant × vendor: edited on the vendor page through the real action
// (viewer refused, shop-scoped), imported from Stocky's Supplier SKU column, and printed on the PO page,
// the CSV (`vendor_sku`) and the PDF.
import { afterAll, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import * as detailRoute from "~/routes/app.purchase-orders_.$id";
import * as downloadRoute from "~/routes/app.purchase-orders_.$id.$format";
import * as vendorRoute from "~/routes/app.vendors_.$id";
import { importCsv } from "~/services/csv-import/import.server";
import { createDraftPurchaseOrders } from "~/services/purchase-orders/create-drafts.server";
import { getAsStaff, postAsStaff, createShopWithSession } from "../setup/admin-request";
import { pdfText } from "../setup/pdf-text";
import { stopTestQueues } from "../setup/test-queues";

afterAll(stopTestQueues);

const OWNER = "8001";
const VIEWER = "8003";

async function seedShop(label: string) {
  const { store, shop } = await createShopWithSession(`vt-${label}`, { name: label, currencyCode: "USD" });
  await prisma.staffRole.createMany({ data: [{ shop, staffId: OWNER, name: "Olive Owner", role: "owner" }, { shop, staffId: VIEWER, name: "Vic Viewer", role: "viewer" }] });
  const vendor = await prisma.vendor.create({ data: { shop, name: "Acme Outdoor" } });
  const location = await prisma.location.create({ data: { shop, shopifyId: "gid://shopify/Location/1", name: "Warehouse" } });
  const product = await prisma.product.create({ data: { shop, shopifyId: "gid://shopify/Product/1", title: "Tent", vendorId: vendor.id } });
  const green = await prisma.variant.create({ data: { shop, shopifyId: "gid://shopify/ProductVariant/1", productId: product.id, title: "Green", sku: "SKU-1", unitCost: "5" } });
  const blue = await prisma.variant.create({ data: { shop, shopifyId: "gid://shopify/ProductVariant/2", productId: product.id, title: "Blue", sku: "SKU-2", unitCost: "6" } });
  const po = await prisma.purchaseOrder.create({
    data: {
      shop, number: "PO-1001", vendorId: vendor.id, destinationLocationId: location.id, status: "approved", createdBy: OWNER,
      lines: { create: [{ shop, variantId: green.id, quantityOrdered: 3, unitCost: "5" }, { shop, variantId: blue.id, quantityOrdered: 2, unitCost: "6" }] },
    },
  });
  return { store, shop, vendor, green, blue, po };
}
type Seeded = Awaited<ReturnType<typeof seedShop>>;

const saveTerms = (s: Seeded, staff: string, rows: [string, string, string][], store = s.store) =>
  postAsStaff(vendorRoute.action, `/app/vendors/${s.vendor.id}`, store, staff, [["intent", "save_vendor_terms"], ...rows.flatMap(([variantId, sku, price]): [string, string][] => [["variantId", variantId], ["vendorSku", sku], ["vendorPrice", price]])], { id: s.vendor.id });
const terms = (s: Seeded) => prisma.vendorVariant.findMany({ where: { shop: s.shop }, orderBy: { vendorSku: "asc" } });

describe("vendor SKU and vendor price", () => {
  it("are edited on the vendor page (audited), cleared by emptying both, and refused to a viewer", async () => {
    const s = await seedShop("edit");
    const page = (await (await getAsStaff(vendorRoute.loader, `/app/vendors/${s.vendor.id}`, s.store, OWNER, { id: s.vendor.id })).json()) as { terms: { total: number; rows: { variantId: string; vendorSku: string }[] } };
    expect(page.terms.total).toBe(2);
    expect(page.terms.rows.map((r) => r.vendorSku)).toEqual(["", ""]);

    expect((await saveTerms(s, VIEWER, [[s.green.id, "AC-G", "4.10"]])).status).toBe(403);
    expect(await terms(s)).toEqual([]);

    expect((await saveTerms(s, OWNER, [[s.green.id, " AC-G ", "4.10"], [s.blue.id, "AC-B", ""]])).status).toBe(200);
    expect((await terms(s)).map((t) => [t.variantId, t.vendorSku, t.vendorPrice?.toString() ?? null])).toEqual([
      [s.blue.id, "AC-B", null],
      [s.green.id, "AC-G", "4.1"],
    ]);
    expect(await prisma.auditEntry.count({ where: { shop: s.shop, action: "vendor.terms_updated", entityId: s.vendor.id } })).toBe(1);

    expect((await saveTerms(s, OWNER, [[s.blue.id, "", ""]])).status).toBe(200);
    expect((await terms(s)).map((t) => t.vendorSku)).toEqual(["AC-G"]);
    expect((await saveTerms(s, OWNER, [[s.green.id, "AC-G", "12.34567"]])).status).toBe(400);
  });

  it("stay in their shop: another shop's variant or vendor is refused", async () => {
    const s = await seedShop("mine");
    const other = await seedShop("theirs");
    expect((await saveTerms(s, OWNER, [[other.green.id, "X", ""]])).status).toBe(400);
    expect((await saveTerms(s, OWNER, [[s.green.id, "X", ""]], other.store)).status).toBe(404);
    expect(await prisma.vendorVariant.count({ where: { shop: { in: [s.shop, other.shop] } } })).toBe(0);
  });

  it("print on the PO page, as the CSV's vendor_sku column and in the PDF", async () => {
    const s = await seedShop("print");
    expect((await saveTerms(s, OWNER, [[s.green.id, "ACME-TENT-GRN", "4.10"]])).status).toBe(200);
    const page = (await (await getAsStaff(detailRoute.loader, `/app/purchase-orders/${s.po.id}`, s.store, OWNER, { id: s.po.id })).json()) as { landed: { lines: { vendorSku: string | null }[] } };
    expect(page.landed.lines.map((l) => l.vendorSku).sort()).toEqual(["ACME-TENT-GRN", null]);

    const csv = await (await getAsStaff(downloadRoute.loader, `/app/purchase-orders/${s.po.id}/csv`, s.store, OWNER, { id: s.po.id, format: "csv" })).text();
    const [header, ...rows] = csv.trim().split("\r\n");
    expect(header).toBe("sku,vendor_sku,title,quantity,unit_cost,line_total");
    expect(rows.sort()).toEqual(["SKU-1,ACME-TENT-GRN,Tent — Green,3,5.00,15.00", "SKU-2,,Tent — Blue,2,6.00,12.00"]);

    const pdf = Buffer.from(await (await getAsStaff(downloadRoute.loader, `/app/purchase-orders/${s.po.id}/pdf`, s.store, OWNER, { id: s.po.id, format: "pdf" })).arrayBuffer());
    const text = pdfText(pdf);
    expect(text).toContain("Vendor SKU");
    // A long code may wrap inside its column: the lines shown, joined, hold it whole.
    expect(text.join("")).toContain("ACME-TENT-GRN");
    // Another shop's vendor terms never reach this PO's documents.
    const other = await seedShop("print-other");
    expect((await saveTerms(other, OWNER, [[other.green.id, "OTHER-SKU", ""]])).status).toBe(200);
    const again = await (await getAsStaff(downloadRoute.loader, `/app/purchase-orders/${s.po.id}/csv`, s.store, OWNER, { id: s.po.id, format: "csv" })).text();
    expect(again).not.toContain("OTHER-SKU");
  });

  it("fall back to the supplier SKU of Shopify's native PO lines from the same vendor, the merchant's own winning", async () => {
    const s = await seedShop("native");
    const location = await prisma.location.findFirstOrThrow({ where: { shop: s.shop } });
    const line = (variantId: string, n: number, supplier: string, supplierSku: string) => ({
      shop: s.shop, lineGid: `gid://shopify/InventoryPurchaseOrderLineItem/${n}`, purchaseOrderGid: "gid://shopify/InventoryPurchaseOrder/1", name: "#PO1",
      supplier, supplierSku, variantId, locationId: location.id, quantity: 5,
    });
    await prisma.nativePurchaseOrderLine.createMany({
      data: [line(s.blue.id, 1, "acme outdoor", "NAT-BLUE"), line(s.green.id, 2, "Acme Outdoor", "NAT-GREEN"), line(s.blue.id, 3, "Someone Else", "OTHER")],
    });
    expect((await saveTerms(s, OWNER, [[s.green.id, "MINE-GREEN", ""]])).status).toBe(200);
    const csv = await (await getAsStaff(downloadRoute.loader, `/app/purchase-orders/${s.po.id}/csv`, s.store, OWNER, { id: s.po.id, format: "csv" })).text();
    expect(csv.trim().split("\r\n").slice(1).sort()).toEqual(["SKU-1,MINE-GREEN,Tent — Green,3,5.00,15.00", "SKU-2,NAT-BLUE,Tent — Blue,2,6.00,12.00"]);
  });

  it("price new drafts at the vendor's price when it is in the PO's currency, else at Shopify's cost", async () => {
    const s = await seedShop("drafts");
    const location = await prisma.location.findFirstOrThrow({ where: { shop: s.shop } });
    const run = await prisma.planRun.create({ data: { shop: s.shop, status: "complete", asOfDate: "2026-11-20", finishedAt: new Date() } });
    const line = (variantId: string) =>
      prisma.replenishmentLine.create({
        data: {
          shop: s.shop, planRunId: run.id, variantId, locationId: location.id, vendorId: s.vendor.id, suggestedQty: 4,
          onHand: 1, available: 1, committed: 0, incoming: 0, onOrder: 0, inventoryPosition: 1, avgDailyDemand: 1, leadTimeDays: 10,
          leadTimeDemand: 10, safetyStock: 2, reorderPoint: 12, eoq: 20, orderUpTo: 30, serviceLevel: 0.95, urgency: "high", reason: "below ROP", unitCost: "9.99",
        },
      });
    const [green, blue] = [await line(s.green.id), await line(s.blue.id)];
    expect((await saveTerms(s, OWNER, [[s.green.id, "AC-G", "4.10"]])).status).toBe(200);
    const costs = async () => {
      const [po] = await createDraftPurchaseOrders(s.shop, { staffId: OWNER }, [green.id, blue.id], { separate: true });
      const lines = await prisma.purchaseOrderLine.findMany({ where: { purchaseOrderId: po.id } });
      return Object.fromEntries(lines.map((l) => [l.variantId === s.green.id ? "green" : "blue", l.unitCost.toString()]));
    };
    expect(await costs()).toEqual({ green: "4.1", blue: "6" });
    await prisma.vendor.update({ where: { id: s.vendor.id }, data: { currency: "EUR" } });
    expect(await costs()).toEqual({ green: "5", blue: "6" });
  });

  it("are imported from Stocky's Supplier SKU column, without clearing on a blank cell", async () => {
    const s = await seedShop("stocky");
    await prisma.vendorVariant.create({ data: { shop: s.shop, vendorId: s.vendor.id, variantId: s.blue.id, vendorSku: "KEEP-ME", vendorPrice: "5.90" } });
    const file = [
      "PO Number,Supplier,Status,Ordered at,Location,SKU,Quantity,Supplier SKU,Cost",
      "1001,Acme Outdoor,ordered,2026-11-01,Warehouse,SKU-1,4,ACME-G-99,5.00",
      "1001,Acme Outdoor,ordered,2026-11-01,Warehouse,SKU-2,2,,6.00",
    ].join("\n");
    const result = await importCsv(s.shop, { kind: "stocky-purchase-orders", fileName: "pos.csv" }, file, { actor: "staff:7" });
    expect(result).toMatchObject({ status: "imported", counts: { vendorSkusSet: 1 } });
    expect((await terms(s)).map((t) => [t.variantId, t.vendorSku, t.vendorPrice?.toString() ?? null])).toEqual([
      [s.green.id, "ACME-G-99", null],
      [s.blue.id, "KEEP-ME", "5.9"],
    ]);
  });
});
