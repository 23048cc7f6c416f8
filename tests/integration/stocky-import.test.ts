// Stocky import: the supplier list becomes vendors, the purchase-order export becomes POs with source "stocky"
// (statuses mapped, received quantities carried over, suppliers created when missing); a bad row imports
// nothing and is named; the same file again is a no-op and a later export updates, never duplicates; each
// shop sees only its own. One test goes through the real Settings action (session-token auth, multipart).
import crypto from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { createLocation, createProduct, createShop, createVariant, createVendor, uniqueShop } from "../factories";
import { action } from "~/routes/app.settings.import/route";
import { importCsv } from "~/services/csv-import/import.server";
import { getPurchaseOrderList } from "~/services/purchase-orders/queries.server";
import { sessionTokenHeaders, storeAdminSession } from "../setup/admin-request";
import { runImportJob } from "../setup/import-job";
import { stopTestQueues } from "../setup/test-queues";

afterAll(stopTestQueues);

const fixture = (name: string) => readFileSync(`tests/fixtures/stocky/${name}`, "utf8");

/** Two locations, three SKUs, and one existing vendor ("Acme Outdoor", 10-day lead time). */
async function seedShop(label: string, shop = uniqueShop(label)) {
  await createShop(label, { shop, currencyCode: "USD" });
  const warehouse = await createLocation(shop);
  const floor = await createLocation(shop, 2, { name: "Shop floor" });
  const acme = await createVendor(shop, { name: "Acme Outdoor", statedLeadTimeDays: 10, email: "old@acme.example" });
  const product = await createProduct(shop, { vendorId: acme.id });
  const variants: Record<string, string> = {};
  for (const [i, sku] of ["SKU-1", "SKU-2", "SKU-3"].entries()) variants[sku] = (await createVariant(shop, product.id, i + 1, { title: sku, sku })).id;
  return { shop, warehouse, floor, acme, variants };
}

async function purchaseOrders(shop: string) {
  const rows = await prisma.purchaseOrder.findMany({ where: { shop }, include: { lines: true, vendor: true }, orderBy: { number: "asc" } });
  return rows.map((po) => ({
    number: po.number,
    source: po.source,
    externalRef: po.externalRef,
    vendor: po.vendor.name,
    destinationLocationId: po.destinationLocationId,
    status: po.status,
    currency: po.currency,
    expectedAt: po.expectedAt?.toISOString().slice(0, 10) ?? null,
    sentAt: po.sentAt?.toISOString().slice(0, 10) ?? null,
    cancelled: po.cancelledAt !== null,
    lines: po.lines
      .map((l) => ({ variantId: l.variantId, ordered: l.quantityOrdered, received: l.quantityReceived, unitCost: l.unitCost.toString() }))
      .sort((a, b) => (a.variantId < b.variantId ? -1 : 1)),
  }));
}

const sortLines = <T extends { variantId: string }>(lines: T[]) => [...lines].sort((a, b) => (a.variantId < b.variantId ? -1 : 1));

describe("Stocky import — suppliers", () => {
  it("creates new vendors and updates an existing one by name, never clearing fields left blank; audited", async () => {
    const { shop, acme } = await seedShop("stocky-sup");
    const result = await importCsv(shop, { kind: "stocky-suppliers", fileName: "suppliers.csv" }, fixture("suppliers.csv"), { actor: "staff:7" });
    expect(result).toMatchObject({
      status: "imported",
      rowCount: 3,
      written: 3,
      counts: { vendorsCreated: 2, vendorsUpdated: 1, vendorsUnchanged: 0, purchaseOrdersCreated: 0, purchaseOrdersUpdated: 0 },
    });
    const vendors = await prisma.vendor.findMany({ where: { shop }, orderBy: { name: "asc" } });
    expect(vendors.map((v) => [v.name, v.email, v.phone, v.contactName, v.statedLeadTimeDays, v.moq, v.currency, v.notes])).toEqual([
      ["Acme Outdoor", "orders@acme.example", "+1 555 0100", "Jo Park", 21, null, "USD", "Ships Mondays"],
      ["Birch & Co", "hello@birch.example", null, "Sam Lee", 35, 24, "CAD", null],
      ["Cedar Supply", null, null, null, 14, null, "USD", null],
    ]);
    expect(vendors[0].id).toBe(acme.id);
    const audit = (await prisma.auditEntry.findMany({ where: { shop, entityType: "Vendor" } })).sort((x, y) => (x.action < y.action ? -1 : 1));
    expect(audit.map((a) => [a.action, a.actor])).toEqual([
      ["vendor.import_updated", "staff:7"],
      ["vendor.imported", "staff:7"],
      ["vendor.imported", "staff:7"],
    ]);
    expect(audit[0].before).toMatchObject({ statedLeadTimeDays: 10, email: "old@acme.example" });

    // A re-export with the same suppliers changes nothing (a different file, so it is read again).
    const again = await importCsv(shop, { kind: "stocky-suppliers", fileName: "suppliers-2.csv" }, `${fixture("suppliers.csv")}\n`);
    expect(again).toMatchObject({ status: "imported", counts: { vendorsCreated: 0, vendorsUpdated: 0, vendorsUnchanged: 3 } });
    expect(await prisma.auditEntry.count({ where: { shop, entityType: "Vendor" } })).toBe(3);
  });

  it("names bad rows: missing name, bad email, bad lead time, the same supplier twice", async () => {
    const { shop } = await seedShop("stocky-sup-bad");
    const csv = "name,E-mail,Lead time\nAcme Outdoor,not-an-email,5\n,x@y.example,5\nBirch,,two weeks\nacme outdoor,,4\n";
    const result = await importCsv(shop, { kind: "stocky-suppliers", fileName: "s.csv" }, csv);
    expect(result).toMatchObject({
      status: "failed",
      errors: [
        { line: 2, message: "Email: is not an email address" },
        { line: 3, message: "Name: is empty: every supplier needs a name" },
        { line: 4, message: "Lead time: must be a whole number of days, like 14" },
      ],
    });
    const dup = await importCsv(shop, { kind: "stocky-suppliers", fileName: "s.csv" }, "Supplier\nBirch\nbirch\n");
    expect(dup).toMatchObject({ status: "failed", errors: [{ line: 3, message: 'Name: supplier "birch" already appears on line 2' }] });
    expect(await prisma.vendor.count({ where: { shop } })).toBe(1);
  });
});

describe("Stocky import — purchase orders", () => {
  it("creates POs with source stocky, mapped statuses, received quantities, expected dates, and missing suppliers as vendors", async () => {
    const { shop, warehouse, floor, variants } = await seedShop("stocky-po");
    await importCsv(shop, { kind: "stocky-suppliers", fileName: "suppliers.csv" }, fixture("suppliers.csv"));
    const result = await importCsv(shop, { kind: "stocky-purchase-orders", fileName: "purchase_orders.csv" }, fixture("purchase-orders.csv"));
    expect(result).toMatchObject({
      status: "imported",
      rowCount: 7,
      written: 7,
      counts: { vendorsCreated: 1, vendorsUpdated: 0, purchaseOrdersCreated: 5, purchaseOrdersUpdated: 0, purchaseOrdersUnchanged: 0 },
    });
    const line = (sku: string, ordered: number, received: number, unitCost: string) => ({ variantId: variants[sku], ordered, received, unitCost });
    const base = { source: "stocky", cancelled: false };
    expect(await purchaseOrders(shop)).toEqual([
      { ...base, number: "STOCKY-1001", externalRef: "1001", vendor: "Acme Outdoor", destinationLocationId: warehouse.id, status: "sent", currency: "USD", expectedAt: "2026-12-01", sentAt: "2026-11-01", lines: sortLines([line("SKU-1", 10, 0, "12.5"), line("SKU-2", 5, 0, "1299")]) },
      { ...base, number: "STOCKY-1002", externalRef: "1002", vendor: "Birch & Co", destinationLocationId: floor.id, status: "partially_received", currency: "CAD", expectedAt: "2026-11-30", sentAt: "2026-10-15", lines: sortLines([line("SKU-1", 20, 8, "11"), line("SKU-3", 4, 4, "3.25")]) },
      { ...base, number: "STOCKY-1003", externalRef: "1003", vendor: "Dune Traders", destinationLocationId: warehouse.id, status: "received", currency: "USD", expectedAt: "2026-10-20", sentAt: "2026-10-01", lines: [line("SKU-3", 6, 6, "3")] },
      { ...base, number: "STOCKY-1004", externalRef: "1004", vendor: "Acme Outdoor", destinationLocationId: warehouse.id, status: "cancelled", currency: "USD", expectedAt: null, sentAt: "2026-09-01", cancelled: true, lines: [line("SKU-2", 3, 0, "2")] },
      // No location: the shop's default location; no ordered date and a draft: not sent.
      { ...base, number: "STOCKY-1005", externalRef: "1005", vendor: "Acme Outdoor", destinationLocationId: warehouse.id, status: "draft", currency: "USD", expectedAt: "2026-12-05", sentAt: null, lines: [line("SKU-1", 12, 0, "12.5")] },
    ]);
    const dune = await prisma.vendor.findFirstOrThrow({ where: { shop, name: "Dune Traders" } });
    expect(dune.statedLeadTimeDays).toBe(14);
    // The PO screens say where each PO came from (a "From Stocky" badge).
    const list = await getPurchaseOrderList(shop, { page: 1, pageSize: 25 });
    expect(list.rows.map((r) => r.source)).toEqual(Array(5).fill("stocky"));
    const audit = await prisma.auditEntry.findMany({ where: { shop, entityType: "PurchaseOrder" } });
    expect(audit).toHaveLength(5);
    expect(audit.every((a) => a.action === "purchase_order.imported" && a.actor === "csv-import")).toBe(true);
  });

  it("imports nothing from a file with bad rows and names every line", async () => {
    const { shop } = await seedShop("stocky-po-bad");
    const result = await importCsv(shop, { kind: "stocky-purchase-orders", fileName: "bad.csv" }, fixture("purchase-orders-bad.csv"));
    expect(result).toEqual({
      status: "failed",
      batchId: expect.any(String),
      rowCount: 4,
      errors: [
        { line: 3, message: 'SKU: "SKU-404" matches no product variant' },
        { line: 4, message: 'Location: "Basement" is not one of the shop\'s locations' },
        { line: 5, message: 'Status: "Shipped?" is not a purchase-order status (draft, ordered, partially received, received, closed or cancelled)' },
      ],
    });
    expect(await prisma.purchaseOrder.count({ where: { shop } })).toBe(0);
    expect(await prisma.vendor.count({ where: { shop } })).toBe(1); // Birch & Co was not created either
    expect(await prisma.auditEntry.count({ where: { shop } })).toBe(0);
  });

  it("refuses rows of one PO that disagree, more received than ordered, and a SKU twice", async () => {
    const { shop } = await seedShop("stocky-po-rules");
    const csv = [
      "PO Number,Vendor,Status,SKU,Quantity,Received",
      "7,Acme Outdoor,Ordered,SKU-1,5,0",
      "7,Birch & Co,Ordered,SKU-2,5,0",
      "8,Acme Outdoor,Ordered,SKU-1,5,6",
      "9,Acme Outdoor,Ordered,SKU-1,5,0",
      "9,Acme Outdoor,Ordered,SKU-1,2,0",
      "10,,,SKU-1,1,0",
    ].join("\n");
    const result = await importCsv(shop, { kind: "stocky-purchase-orders", fileName: "r.csv" }, csv);
    expect(result).toMatchObject({
      status: "failed",
      errors: [
        { line: 3, message: 'Supplier: "Birch & Co" differs from "Acme Outdoor" on line 2; every line of PO 7 must agree' },
        { line: 4, message: "Quantity received: 6 is more than the 5 ordered" },
        { line: 6, message: 'SKU: "SKU-1" is already on line 5 of PO 9; put each SKU on one line' },
        { line: 7, message: "Supplier: PO 10 names no supplier" },
        { line: 7, message: "Status: PO 10 has no status" },
      ],
    });
    const missing = await importCsv(shop, { kind: "stocky-purchase-orders", fileName: "m.csv" }, "PO Number,SKU\n1,SKU-1\n");
    expect(missing).toMatchObject({ status: "failed", errors: [{ line: 1, message: 'missing columns "Supplier", "Quantity ordered"' }] });
  });

  it("is idempotent: the same file is a duplicate, a later export updates its POs in place", async () => {
    const { shop, variants } = await seedShop("stocky-po-again");
    const first = await importCsv(shop, { kind: "stocky-purchase-orders", fileName: "po.csv" }, fixture("purchase-orders.csv"));
    const before = await purchaseOrders(shop);
    const same = await importCsv(shop, { kind: "stocky-purchase-orders", fileName: "po-copy.csv" }, fixture("purchase-orders.csv"));
    expect(same).toEqual({ status: "duplicate", batchId: first.batchId });
    expect(await purchaseOrders(shop)).toEqual(before);

    const later = await importCsv(shop, { kind: "stocky-purchase-orders", fileName: "po-later.csv" }, fixture("purchase-orders-updated.csv"));
    expect(later).toMatchObject({ status: "imported", counts: { purchaseOrdersCreated: 0, purchaseOrdersUpdated: 1, purchaseOrdersUnchanged: 1, vendorsCreated: 0 } });
    const after = await purchaseOrders(shop);
    expect(after).toHaveLength(5);
    // PO 1001: now partly received (status follows), new expected date, and SKU-2 no longer on it.
    expect(after[0]).toMatchObject({
      number: "STOCKY-1001",
      status: "partially_received",
      expectedAt: "2026-12-08",
      lines: [{ variantId: variants["SKU-1"], ordered: 10, received: 4, unitCost: "12.5" }],
    });
    expect(after.slice(1)).toEqual(before.slice(1));
    const po = await prisma.purchaseOrder.findFirstOrThrow({ where: { shop, number: "STOCKY-1001" } });
    expect(po.version).toBe(2);
    const audit = await prisma.auditEntry.findFirstOrThrow({ where: { shop, entityId: po.id, action: "purchase_order.import_updated" } });
    expect(audit.before).toMatchObject({ status: "sent", expectedAt: "2026-12-01T00:00:00.000Z" });
    expect(audit.after).toMatchObject({ status: "partially_received", expectedAt: "2026-12-08T00:00:00.000Z" });
  });

  it("stops updating a PO once Stockcast has received it", async () => {
    const { shop } = await seedShop("stocky-po-recv");
    await importCsv(shop, { kind: "stocky-purchase-orders", fileName: "po.csv" }, fixture("purchase-orders.csv"));
    const po = await prisma.purchaseOrder.findFirstOrThrow({ where: { shop, number: "STOCKY-1001" } });
    await prisma.receipt.create({ data: { shop, purchaseOrderId: po.id, idempotencyKey: "k1", receivedBy: "staff:1" } });
    const later = await importCsv(shop, { kind: "stocky-purchase-orders", fileName: "po-later.csv" }, fixture("purchase-orders-updated.csv"));
    expect(later).toMatchObject({
      status: "failed",
      errors: [{ line: 2, message: "PO number: PO 1001 has been received in Stockcast since it was imported, so Stocky's copy can no longer change it; remove its rows from the file" }],
    });
  });

  it("keeps shops apart: the same export in two shops makes two sets of POs and vendors", async () => {
    const a = await seedShop("stocky-iso-a");
    const b = await seedShop("stocky-iso-b");
    await importCsv(a.shop, { kind: "stocky-purchase-orders", fileName: "po.csv" }, fixture("purchase-orders.csv"));
    const aBefore = await purchaseOrders(a.shop);
    const inB = await importCsv(b.shop, { kind: "stocky-purchase-orders", fileName: "po.csv" }, fixture("purchase-orders.csv"));
    // Same bytes, other shop: imported there, not a duplicate of shop A's batch.
    expect(inB).toMatchObject({ status: "imported", counts: { purchaseOrdersCreated: 5, vendorsCreated: 2 } });
    const bPos = await prisma.purchaseOrder.findMany({ where: { shop: b.shop }, include: { vendor: true, lines: true } });
    expect(bPos).toHaveLength(5);
    for (const po of bPos) {
      expect(po.vendor.shop).toBe(b.shop);
      expect([b.warehouse.id, b.floor.id]).toContain(po.destinationLocationId);
      for (const l of po.lines) expect(Object.values(b.variants)).toContain(l.variantId);
    }
    expect(await purchaseOrders(a.shop)).toEqual(aBefore);
    expect(await prisma.vendor.count({ where: { shop: a.shop } })).toBe(3);
  });
});

describe("Stocky import through Settings › Import", () => {
  it("uploads a Stocky PO export through the real action; its job creates the POs and stores the counts", async () => {
    const name = `stocky-route-${crypto.randomUUID().slice(0, 8)}`;
    const { shop } = await seedShop("stocky-route", `${name}.myshopify.com`);
    await storeAdminSession(shop);
    const headers = await sessionTokenHeaders(shop, "42");
    const form = new FormData();
    form.set("intent", "import");
    form.set("kind", "stocky-purchase-orders");
    form.set("file", new File([fixture("purchase-orders.csv")], "stocky-pos.csv", { type: "text/csv" }));
    const request = new Request("https://stockcast.example/app/settings", { method: "POST", headers, body: form });
    const response = (await action({ request, params: {}, context: {} })) as Response;
    // Queued at once; the import job then reads and writes it.
    expect(response.status).toBe(202);
    const body = (await response.json()) as { result: { batchId: string } };
    expect(body).toMatchObject({ intent: "import", ok: true, fileName: "stocky-pos.csv", result: { status: "queued" } });
    expect(await prisma.purchaseOrder.count({ where: { shop, source: "stocky" } })).toBe(0);
    const batch = await runImportJob(shop, body.result.batchId);
    expect(batch).toMatchObject({ status: "completed", result: { counts: { purchaseOrdersCreated: 5, vendorsCreated: 2 } } });
    expect(await prisma.purchaseOrder.count({ where: { shop, source: "stocky" } })).toBe(5);
    // Audited as the signed-in staff member (the session token's subject).
    const actors = await prisma.auditEntry.findMany({ where: { shop }, select: { actor: true }, distinct: ["actor"] });
    expect(actors).toEqual([{ actor: "42" }]);
  });
});
