// CSV history import: Shopify's orders and inventory exports and the simple sku,date,qty format, read as
// streams, validated per row, written all-or-nothing, idempotent per file.
import crypto from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { createLocation, createProduct, createShop, createVariant } from "../factories";
import { importCsv } from "~/services/csv-import/import.server";
import { queueImport } from "~/services/csv-import/queue-import.server";
import { runImport } from "~/services/csv-import/run-import.server";
import { processWebhookEvent } from "~/services/sync/process-webhook.server";

const fixture = (name: string) => readFileSync(`tests/fixtures/csv/${name}`, "utf8");

/** A shop in New York with two locations and five SKUs (plus one SKU shared by two variants). */
async function seedShop(label: string) {
  const shop = await createShop(label, { ianaTimezone: "America/New_York" });
  const warehouse = await createLocation(shop);
  const floor = await createLocation(shop, 2, { name: "Shop floor" });
  const product = await createProduct(shop, { title: "Everything" });
  const variants: Record<string, string> = {};
  const skus = ["SKU-1-1", "SKU-1-2", "SKU-2-1", "SKU-2-2", "SKU-3-1", "DUP", "DUP"];
  for (const [i, sku] of skus.entries()) variants[sku] = (await createVariant(shop, product.id, i + 1, { title: sku, sku })).id;
  return { shop, warehouse, floor, variants };
}

/** The file as a stream of 7-byte chunks, cut mid-line and mid-character where it falls. */
async function* trickle(text: string) {
  const bytes = new TextEncoder().encode(text);
  for (let i = 0; i < bytes.length; i += 7) yield bytes.slice(i, i + 7);
}

describe("CSV history, then Shopify's webhooks for the same orders", () => {
  it("an orders/updated webhook for an imported order replaces its CSV lines: the order counts once", async () => {
    const { shop, warehouse, variants } = await seedShop("csv-then-webhook");
    await importCsv(shop, { kind: "shopify-orders", fileName: "orders_export.csv" }, fixture("orders-export.csv"));
    const unitsOn = async (date: string) =>
      (await prisma.demandDay.aggregate({ where: { shop, variantId: variants["SKU-1-1"], locationId: warehouse.id, date }, _sum: { units: true } }))._sum.units;
    expect(await unitsOn("2026-03-01")).toBe(2);
    const order = {
      id: 5001,
      admin_graphql_api_id: "gid://shopify/Order/5001",
      name: "#1001",
      created_at: "2026-03-01T09:59:58-05:00",
      processed_at: "2026-03-01T10:00:00-05:00",
      updated_at: "2026-03-05T08:00:00-05:00",
      cancelled_at: null,
      test: false,
      location_id: 1,
      line_items: [
        { id: 1, admin_graphql_api_id: "gid://shopify/LineItem/1", variant_id: 1, quantity: 2, current_quantity: 2, price: "15.00" },
        { id: 2, admin_graphql_api_id: "gid://shopify/LineItem/2", variant_id: 3, quantity: 1, current_quantity: 1, price: "10.00" },
      ],
      refunds: [],
    };
    const event = await prisma.webhookEvent.create({ data: { shop, webhookId: crypto.randomUUID(), topic: "orders/updated", payload: JSON.stringify(order) } });
    expect(await processWebhookEvent(shop, event.id)).toBe("processed");
    expect(await unitsOn("2026-03-01")).toBe(2);
    const lines = await prisma.orderLine.findMany({ where: { shop, orderName: "#1001" }, select: { source: true } });
    expect(lines.map((l) => l.source)).toEqual(["webhook", "webhook"]);
  });
});

describe("CSV import — Shopify orders export", () => {
  it("stores one order line per stocked line item, with local dates, locations, cancellations and refunds", async () => {
    const { shop, warehouse, floor, variants } = await seedShop("orders");
    const result = await importCsv(shop, { kind: "shopify-orders", fileName: "orders_export.csv" }, trickle(fixture("orders-export.csv")));

    expect(result).toMatchObject({ status: "imported", rowCount: 6, written: 5, skipped: 1 });
    const lines = await prisma.orderLine.findMany({ where: { shop }, orderBy: { lineItemGid: "asc" } });
    expect(lines.map((l) => [l.orderName, l.variantId, l.quantity, l.refundedQuantity, l.localDate, l.locationId, l.cancelledAt?.toISOString() ?? null, l.unitPrice.toString(), l.source])).toEqual([
      ["#1001", variants["SKU-1-1"], 2, 0, "2026-03-01", warehouse.id, null, "15", "csv"],
      ["#1001", variants["SKU-2-1"], 1, 0, "2026-03-01", warehouse.id, null, "10", "csv"],
      // 23:30 in New York on 2 March is 3 March in UTC: the demand day is the shop's.
      ["#1002", variants["SKU-3-1"], 1, 1, "2026-03-02", floor.id, null, "20", "csv"],
      // No Location column value: the shop's default location (lowest Shopify id), as for webhooks.
      ["#1003", variants["SKU-1-2"], 3, 0, "2026-03-03", warehouse.id, "2026-03-03T14:00:00.000Z", "15", "csv"],
      ["#1004", variants["SKU-2-2"], 1, 0, "2026-03-04", warehouse.id, null, "10", "csv"],
    ]);
    expect(lines[0].orderGid).toBe("gid://shopify/Order/5001");
    // Demand days derived: #1002 is fully refunded and #1003 cancelled, so they add no demand.
    const days = await prisma.demandDay.findMany({ where: { shop }, orderBy: [{ date: "asc" }, { units: "asc" }] });
    expect(days.map((d) => [d.date, d.variantId, d.units, d.revenue.toString()])).toEqual([
      ["2026-03-01", expect.any(String), 1, "10"],
      ["2026-03-01", expect.any(String), 2, "30"],
      ["2026-03-04", variants["SKU-2-2"], 1, "10"],
    ]);
    const batch = await prisma.importBatch.findFirstOrThrow({ where: { shop } });
    expect(batch).toMatchObject({ kind: "shopify-orders", fileName: "orders_export.csv", status: "completed", rowCount: 6 });
  });

  it("imports the same file once: a second import is a duplicate and changes nothing", async () => {
    const { shop } = await seedShop("again");
    const first = await importCsv(shop, { kind: "shopify-orders", fileName: "a.csv" }, fixture("orders-export.csv"));
    const before = await prisma.orderLine.findMany({ where: { shop }, orderBy: { lineItemGid: "asc" } });
    const second = await importCsv(shop, { kind: "shopify-orders", fileName: "renamed.csv" }, trickle(fixture("orders-export.csv")));
    expect(second).toEqual({ status: "duplicate", batchId: first.batchId });
    expect(await prisma.orderLine.findMany({ where: { shop }, orderBy: { lineItemGid: "asc" } })).toEqual(before);
    expect(await prisma.importBatch.count({ where: { shop } })).toBe(1);
  });

  it("imports nothing from a file with one bad row and names its line; the fixed file then imports", async () => {
    const { shop } = await seedShop("badrow");
    const result = await importCsv(shop, { kind: "shopify-orders", fileName: "bad.csv" }, fixture("orders-export-bad-row.csv"));
    // Line 8: the quoted two-line Notes field of #1002 (lines 4–5) is counted.
    expect(result).toEqual({ status: "failed", batchId: expect.any(String), rowCount: 6, errors: [{ line: 8, message: "Lineitem quantity: must be a whole number of units" }] });
    expect(await prisma.orderLine.count({ where: { shop } })).toBe(0);
    expect(await prisma.importBatch.findFirstOrThrow({ where: { shop } })).toMatchObject({ status: "failed", errors: [{ line: 8, message: "Lineitem quantity: must be a whole number of units" }] });

    const retry = await importCsv(shop, { kind: "shopify-orders", fileName: "fixed.csv" }, fixture("orders-export.csv"));
    expect(retry).toMatchObject({ status: "imported", written: 5 });
    // Retrying the bad file again still fails (it is not a "duplicate" of anything completed).
    expect((await importCsv(shop, { kind: "shopify-orders", fileName: "bad.csv" }, fixture("orders-export-bad-row.csv"))).status).toBe("failed");
    expect(await prisma.orderLine.count({ where: { shop } })).toBe(5);
  });

  it("rejects unknown and ambiguous SKUs and unknown locations, line by line, writing nothing", async () => {
    const { shop } = await seedShop("unknown");
    const csv = [
      "Name,Created at,Lineitem quantity,Lineitem sku,Location",
      "#1,2026-03-01 10:00:00 -0500,1,SKU-1-1,Warehouse",
      "#2,2026-03-01 10:00:00 -0500,1,NOPE,Warehouse",
      "#3,2026-03-01 10:00:00 -0500,1,DUP,",
      "#4,2026-03-01 10:00:00 -0500,1,SKU-1-1,Attic",
      "#5,,1,SKU-1-1,",
      "#6,1 March 2026,1,SKU-1-1,",
    ].join("\n");
    const result = await importCsv(shop, { kind: "shopify-orders", fileName: "x.csv" }, csv);
    expect(result.status).toBe("failed");
    expect(result.status === "failed" && result.errors).toEqual([
      { line: 3, message: 'Lineitem sku: SKU "NOPE" matches no product variant' },
      { line: 4, message: 'Lineitem sku: SKU "DUP" matches 2 variants; make SKUs unique first' },
      { line: 5, message: 'Location: location "Attic" is not one of the shop\'s locations' },
      { line: 6, message: "Created at: required on the first row of order #5" },
      { line: 7, message: 'Created at: "1 March 2026" is not a timestamp with an offset like 2026-05-01 10:00:00 -0700' },
    ]);
    expect(await prisma.orderLine.count({ where: { shop } })).toBe(0);
  });

  it("writes a small file in one transaction: a failure while writing leaves no row and no completed batch, and the job's retry imports it", async () => {
    const { shop } = await seedShop("atomic");
    const queued = await queueImport(shop, { kind: "shopify-orders", fileName: "x.csv" }, new TextEncoder().encode(fixture("orders-export.csv")));
    if (queued.status !== "queued") throw new Error("not queued");
    const failing = runImport(shop, queued.batchId, {
      rederiveDemand: async (_shop, keys, tx) => {
        expect(await tx.orderLine.count({ where: { shop } })).toBe(5); // written inside the transaction…
        expect(keys).toHaveLength(5);
        throw new Error("demand derivation failed");
      },
    });
    await expect(failing).rejects.toThrow("demand derivation failed");
    expect(await prisma.orderLine.count({ where: { shop } })).toBe(0); // …and rolled back with it
    expect(await prisma.importBatch.findFirstOrThrow({ where: { shop } })).toMatchObject({ status: "running", rowsWritten: 0 });
    // The queue retries the job: it reads the stored file again and imports it.
    expect(await runImport(shop, queued.batchId)).toMatchObject({ status: "imported", written: 5 });
    expect(await prisma.orderLine.count({ where: { shop } })).toBe(5);
    expect(await prisma.importUpload.count({ where: { shop } })).toBe(0); // the stored file is dropped once done
  });

  it("names missing columns on line 1", async () => {
    const { shop } = await seedShop("columns");
    const result = await importCsv(shop, { kind: "shopify-orders", fileName: "x.csv" }, "Name,Created at,Quantity\n#1,2026-03-01 10:00:00 -0500,1\n");
    expect(result).toMatchObject({ status: "failed", errors: [{ line: 1, message: 'missing columns "Lineitem quantity", "Lineitem sku"' }] });
  });

  it("leaves orders Shopify already gave us alone", async () => {
    const { shop, variants } = await seedShop("shopify");
    await prisma.orderLine.create({
      data: {
        shop,
        orderGid: "gid://shopify/Order/5001",
        lineItemGid: "gid://shopify/LineItem/1",
        orderName: "#1001",
        variantId: variants["SKU-1-1"],
        quantity: 2,
        currentQuantity: 2,
        orderCreatedAt: new Date("2026-03-01T14:59:58Z"),
        localDate: "2026-03-01",
        shopifyUpdatedAt: new Date("2026-03-01T15:00:00Z"),
        source: "backfill",
      },
    });
    const result = await importCsv(shop, { kind: "shopify-orders", fileName: "x.csv" }, fixture("orders-export.csv"));
    expect(result).toMatchObject({ status: "imported", written: 3, skipped: 3 });
    expect(await prisma.orderLine.count({ where: { shop, orderName: "#1001" } })).toBe(1);
  });
});

describe("CSV import — simple sku,date,qty[,location]", () => {
  it("adds up rows of the same day and re-importing a corrected file replaces, never duplicates", async () => {
    const { shop, warehouse, floor, variants } = await seedShop("demand");
    const first = await importCsv(shop, { kind: "demand", fileName: "d.csv" }, fixture("demand.csv"));
    expect(first).toMatchObject({ status: "imported", rowCount: 4, written: 3 });
    const rows = async () =>
      (await prisma.orderLine.findMany({ where: { shop }, orderBy: { localDate: "asc" } })).map((l) => [l.variantId, l.locationId, l.localDate, l.quantity]);
    expect(await rows()).toEqual([
      [variants["SKU-1-1"], warehouse.id, "2026-02-01", 5],
      [variants["SKU-2-1"], warehouse.id, "2026-02-02", 1],
      [variants["SKU-3-1"], floor.id, "2026-02-03", 0],
    ]);
    const corrected = await importCsv(shop, { kind: "demand", fileName: "d2.csv" }, fixture("demand-corrected.csv"));
    expect(corrected).toMatchObject({ status: "imported", written: 3 });
    expect(await rows()).toEqual([
      [variants["SKU-1-1"], warehouse.id, "2026-02-01", 4],
      [variants["SKU-2-1"], warehouse.id, "2026-02-02", 1],
      [variants["SKU-3-1"], floor.id, "2026-02-03", 0],
    ]);
    const day = await prisma.demandDay.findFirstOrThrow({ where: { shop, variantId: variants["SKU-1-1"], date: "2026-02-01" } });
    expect(day.units).toBe(4);
    expect(await prisma.importBatch.count({ where: { shop, status: "completed" } })).toBe(2);
  });

  it("reports bad dates, quantities and SKUs with their lines", async () => {
    const { shop } = await seedShop("demandbad");
    const csv = "sku,date,qty\nSKU-1-1,2026-02-30,1\nSKU-1-1,2026-02-01,-1\nSKU-9,2026-02-01,1\nSKU-1-1,2026-02-01,2\n";
    const result = await importCsv(shop, { kind: "demand", fileName: "d.csv" }, csv);
    expect(result).toMatchObject({
      status: "failed",
      rowCount: 4,
      errors: [
        { line: 2, message: "date: is not a calendar date" },
        { line: 3, message: "qty: must be a whole number of units" },
        { line: 4, message: 'sku: SKU "SKU-9" matches no product variant' },
      ],
    });
    expect(await prisma.orderLine.count({ where: { shop } })).toBe(0);
  });

  it("refuses quantities too large for a real order line, and days whose rows add up past what a column holds", async () => {
    const { shop } = await seedShop("demandhuge");
    const rows = ["sku,date,qty", "SKU-1-1,2026-02-01,99999999999999999999", "SKU-1-1,2026-02-01,1000001", ...Array.from({ length: 1001 }, () => "SKU-2-1,2026-02-02,1000000")];
    const result = await importCsv(shop, { kind: "demand", fileName: "d.csv" }, rows.join("\n") + "\n");
    expect(result).toMatchObject({
      status: "failed",
      errors: [
        { line: 2, message: "qty: must be at most 1,000,000" },
        { line: 3, message: "qty: must be at most 1,000,000" },
        { line: 1004, message: "qty: rows for this SKU, location and day add up to more than 1,000,000,000 units" },
      ],
    });
    expect(await prisma.orderLine.count({ where: { shop } })).toBe(0);
  });
});

describe("CSV import — Shopify inventory export", () => {
  it("stores the export as that day's end-of-day snapshots, skipping unstocked and SKU-less rows", async () => {
    const { shop, warehouse, floor, variants } = await seedShop("inventory");
    // As a route would pass an uploaded file: File.stream().
    const file = new File([fixture("inventory-export.csv")], "inventory_export.csv", { type: "text/csv" });
    const result = await importCsv(shop, { kind: "shopify-inventory", fileName: file.name, snapshotDate: "2026-03-31" }, file.stream());
    expect(result).toMatchObject({ status: "imported", rowCount: 5, written: 3, skipped: 2 });
    const snapshots = await prisma.inventorySnapshot.findMany({ where: { shop }, orderBy: [{ variantId: "asc" }, { locationId: "asc" }] });
    const expected = [
      { variantId: variants["SKU-1-1"], locationId: warehouse.id, date: "2026-03-31", available: 7, stockedOut: false },
      { variantId: variants["SKU-1-1"], locationId: floor.id, date: "2026-03-31", available: 0, stockedOut: true },
      { variantId: variants["SKU-1-2"], locationId: warehouse.id, date: "2026-03-31", available: 3, stockedOut: false },
    ].sort((a, b) => (a.variantId + a.locationId < b.variantId + b.locationId ? -1 : 1));
    expect(snapshots.map(({ variantId, locationId, date, available, stockedOut }) => ({ variantId, locationId, date, available, stockedOut }))).toEqual(expected);
  });

  it("refuses a request without the snapshot date", async () => {
    const { shop } = await seedShop("nodate");
    await expect(importCsv(shop, { kind: "shopify-inventory", fileName: "x.csv" } as never, fixture("inventory-export.csv"))).rejects.toThrow(/snapshotDate/);
  });
});
