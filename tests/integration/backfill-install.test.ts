// Install backfill end to end: Shopify's real client library → msw fake (answers executed against the real
// 2026-10 schema, bulk results flattened to JSONL) → streaming parser → models → database.
import { fakeShop, server } from "../setup/shopify-fake";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { createOfflineSession, uniqueShop } from "../factories";
import { getBackfillProgress, isAwaitedBulkOperation, runBackfill, type BackfillOptions } from "~/services/backfill.server";
import { unauthenticated } from "~/shopify.server";
import { createAdminClient } from "~/shopify/admin-client.server";
import { EXPECTED, storeFixture } from "../fixtures/bulk/store";
import { backfilledCounts } from "../setup/backfill-counts";

afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const OPTIONS: BackfillOptions = { sleep: async () => {}, batchSize: 4, now: () => new Date("2026-11-11T00:00:00Z") };

async function setUp(label: string) {
  const shop = uniqueShop(label);
  await createOfflineSession(shop);
  const fake = fakeShop(shop, storeFixture());
  const { admin } = await unauthenticated.admin(shop);
  return { shop, fake, client: createAdminClient(admin, { sleep: async () => {}, random: () => 0.5 }) };
}

const counts = backfilledCounts;

/** Everything the backfill stored, without local ids: equal for two shops backfilled from the same store. */
async function contents(shop: string) {
  const levels = await prisma.inventoryLevel.findMany({ where: { shop }, include: { variant: true, location: true } });
  const lines = await prisma.orderLine.findMany({ where: { shop } });
  const variants = new Map((await prisma.variant.findMany({ where: { shop } })).map((v) => [v.id, v.shopifyId]));
  const locations = new Map((await prisma.location.findMany({ where: { shop } })).map((l) => [l.id, l.shopifyId]));
  return {
    levels: levels
      .map((l) => `${l.variant.shopifyId}@${l.location.shopifyId}:${l.available}/${l.onHand}/${l.committed}/${l.incoming}`)
      .sort(),
    lines: lines
      .map((l) => [l.lineItemGid, l.orderName, l.variantId && variants.get(l.variantId), l.locationId && locations.get(l.locationId), l.quantity, l.currentQuantity, l.refundedQuantity, l.localDate, l.cancelledAt?.toISOString() ?? null].join("|"))
      .sort(),
  };
}

describe("install backfill", () => {
  it("stores locations, catalog with quantities and costs, and orders with cancellations and refunds", async () => {
    const { shop, fake, client } = await setUp("full");
    const summary = await runBackfill(shop, client, OPTIONS);

    expect(summary.resumed).toBe(false);
    expect(await counts(shop)).toEqual({
      locations: EXPECTED.locations,
      vendors: EXPECTED.vendors,
      products: EXPECTED.products,
      variants: EXPECTED.variants,
      inventoryLevels: EXPECTED.inventoryLevels,
      orderLines: EXPECTED.orderLines,
    });
    const run = await prisma.backfillRun.findFirstOrThrow({ where: { shop } });
    expect(run).toMatchObject({ status: "completed", stage: "done", error: null });
    expect(await getBackfillProgress(shop)).toMatchObject({ status: "completed", stage: "done", finishedAt: expect.any(String) });
    expect(await getBackfillProgress("never-installed.myshopify.com")).toMatchObject({ status: "none", stage: null });

    const shopRow = await prisma.shop.findUniqueOrThrow({ where: { shop } });
    expect(shopRow).toMatchObject({ name: "Fixture Outfitters", ianaTimezone: "America/Los_Angeles", currencyCode: "EUR" });

    // Three bulk queries, the orders one limited to 60 days before "now".
    const started = fake.calls.filter((c) => c.operationName === "BulkOperationRunQuery").map((c) => String(c.variables.query));
    expect(started).toHaveLength(3);
    expect(started[2]).toContain('orders(query: "created_at:>=2026-09-12 status:any"');

    const oldDepot = await prisma.location.findFirstOrThrow({ where: { shop, shopifyId: "gid://shopify/Location/3" } });
    expect(oldDepot).toMatchObject({ name: "Old depot", active: false });

    const shirtS = await prisma.variant.findFirstOrThrow({ where: { shop, shopifyId: "gid://shopify/ProductVariant/501" }, include: { product: { include: { vendor: true } }, inventoryLevels: { include: { location: true } } } });
    expect(shirtS).toMatchObject({ sku: "SKU-1-1", title: "S", tracked: true, inventoryItemId: "gid://shopify/InventoryItem/701" });
    expect(shirtS.price.toString()).toBe("11.5");
    expect(shirtS.unitCost?.toString()).toBe("5.25");
    expect(shirtS.product.vendor?.name).toBe("Acme Textiles");
    // seed 11 at the warehouse: on hand (11·7) mod 23 = 8, committed 11 mod 3 = 2, available 6, incoming 0.
    const warehouse = shirtS.inventoryLevels.find((l) => l.location.name === "Warehouse");
    expect(warehouse).toMatchObject({ available: 6, onHand: 8, committed: 2, incoming: 0 });

    const giftCard = await prisma.variant.findFirstOrThrow({ where: { shop, shopifyId: "gid://shopify/ProductVariant/507" }, include: { product: true } });
    expect(giftCard).toMatchObject({ sku: null, tracked: false, unitCost: null });
    expect(giftCard.product.vendorId).toBeNull();

    const line = (gid: string) => prisma.orderLine.findFirstOrThrow({ where: { shop, lineItemGid: gid } });
    // 03:30 UTC on 2 Nov is the evening of 1 Nov in Los Angeles.
    expect(await line("gid://shopify/LineItem/200")).toMatchObject({ orderName: "#1002", localDate: "2026-11-01", source: "backfill" });
    expect((await line("gid://shopify/LineItem/300")).cancelledAt?.toISOString()).toBe("2026-11-03T12:00:00.000Z");
    // Stored as OrderLine keeps it: currentQuantity before refunds (Shopify's 3 + the 1 refunded).
    expect(await line("gid://shopify/LineItem/400")).toMatchObject({ quantity: 4, currentQuantity: 4, refundedQuantity: 1 });
    expect(await line("gid://shopify/LineItem/401")).toMatchObject({ quantity: 2, currentQuantity: 2, refundedQuantity: 2 });
    // The demand date is the processing date (an order imported into Shopify keeps its original date).
    expect(await line("gid://shopify/LineItem/900")).toMatchObject({ localDate: "2026-10-20" });
    expect(await prisma.orderLine.count({ where: { shop, orderGid: "gid://shopify/Order/9005" } })).toBe(0); // test order
    // Locations follow the webhook rule: the point-of-sale location, else the shop's default location.
    const floor = await prisma.location.findFirstOrThrow({ where: { shop, shopifyId: "gid://shopify/Location/2" } });
    const warehouseRow = await prisma.location.findFirstOrThrow({ where: { shop, shopifyId: "gid://shopify/Location/1" } });
    expect(await line("gid://shopify/LineItem/600")).toMatchObject({ locationGid: "gid://shopify/Location/2", locationId: floor.id });
    expect(await line("gid://shopify/LineItem/700")).toMatchObject({ locationGid: null, locationId: warehouseRow.id });

    // Demand days are derived from the stored lines (net of refunds, cancelled orders excluded).
    const shirt = (await prisma.variant.findFirstOrThrow({ where: { shop, shopifyId: "gid://shopify/ProductVariant/501" } })).id;
    const days = await prisma.demandDay.findMany({ where: { shop, variantId: shirt }, orderBy: { date: "asc" } });
    // #1001: 2 on 1 Nov (01:00 LA on 1 Nov); #1004: 4 − 1 refunded on 4 Nov; #1007: 1 on 7 Nov.
    expect(days.map((d) => [d.date, d.units, d.locationId])).toEqual([
      ["2026-11-01", 2, warehouseRow.id],
      ["2026-11-04", 3, warehouseRow.id],
      ["2026-11-07", 1, warehouseRow.id],
    ]);
    const cancelledVariant = (await prisma.variant.findFirstOrThrow({ where: { shop, shopifyId: "gid://shopify/ProductVariant/503" } })).id;
    expect(await prisma.demandDay.count({ where: { shop, variantId: cancelledVariant, date: "2026-11-03" } })).toBe(0);
    expect(await line("gid://shopify/LineItem/800")).toMatchObject({ variantGid: null, variantId: null, unitPrice: expect.anything() });
    expect(await line("gid://shopify/LineItem/801")).toMatchObject({ quantity: 2, currentQuantity: 1, variantId: expect.any(String) });
  });

  for (const [stage, breakAfter] of [
    ["catalog", 13],
    ["orders", 17],
  ] as const) {
    it(`resumes a backfill killed mid-download in the ${stage} stage and ends with the same rows, no duplicates`, async () => {
      const reference = await setUp("ref");
      await runBackfill(reference.shop, reference.client, OPTIONS);

      const { shop, fake, client } = await setUp(`resume-${stage}`);
      // When this stage's bulk operation starts, arm the fake to break its download after `breakAfter`
      // lines (several batches of 4 lines are stored by then).
      const stageIndex = { catalog: 1, orders: 2 }[stage];
      fake.onBulkStart = (index) => {
        if (index === stageIndex) fake.breakNextDownloadAfter = breakAfter;
      };
      await expect(runBackfill(shop, client, OPTIONS)).rejects.toThrow(/connection reset/);

      const failed = await prisma.backfillRun.findFirstOrThrow({ where: { shop } });
      expect(failed).toMatchObject({ status: "failed", stage });
      expect(await getBackfillProgress(shop)).toMatchObject({ status: "failed", stage, objectsDone: failed.objectsDone, objectsTotal: failed.objectsTotal, finishedAt: null });
      // bulk_operations/finish for the stage's operation (it has finished) tells the job to resume.
      expect(await isAwaitedBulkOperation(shop, failed.bulkOperationId!)).toBe(true);
      expect(await isAwaitedBulkOperation(shop, "gid://shopify/BulkOperation/999")).toBe(false);
      expect(failed.error).toMatch(/connection reset/);
      expect(Number(failed.resumeCursor)).toBeGreaterThan(0);
      expect(Number(failed.resumeCursor)).toBeLessThan(breakAfter + 1);
      expect(failed.objectsDone).toBe(Number(failed.resumeCursor));
      expect(failed.objectsDone).toBeLessThan(failed.objectsTotal);
      const partial = await counts(shop);
      expect(partial).not.toEqual(await counts(reference.shop));

      const summary = await runBackfill(shop, client, OPTIONS);
      expect(summary).toMatchObject({ resumed: true, runId: failed.id });
      expect(await prisma.backfillRun.count({ where: { shop } })).toBe(1);
      expect(await prisma.backfillRun.findFirstOrThrow({ where: { shop } })).toMatchObject({ status: "completed", stage: "done" });
      // The stage's bulk operation was reused, not started again; only its file was downloaded again.
      expect(fake.calls.filter((c) => c.operationName === "BulkOperationRunQuery")).toHaveLength(3);
      expect(fake.downloads).toBe(4);
      // Only the lines after the cursor were stored by the resumed run.
      expect(summary.stages[stage]?.objects).toBe(failed.objectsTotal - Number(failed.resumeCursor));

      expect(await counts(shop)).toEqual(await counts(reference.shop));
      expect(await contents(shop)).toEqual(await contents(reference.shop));
    });
  }

  it("replaces order lines imported from a CSV export with Shopify's own lines for the same order", async () => {
    const { shop, client } = await setUp("csv");
    await prisma.orderLine.create({
      data: {
        shop,
        orderGid: "gid://stockcast/CsvOrder/%231001",
        lineItemGid: "gid://stockcast/CsvOrderLine/%231001/1",
        orderName: "#1001",
        quantity: 2,
        currentQuantity: 2,
        orderCreatedAt: new Date("2026-11-01T09:00:00Z"),
        localDate: "2026-11-01",
        shopifyUpdatedAt: new Date("2026-11-01T09:00:00Z"),
        source: "csv",
      },
    });
    await runBackfill(shop, client, OPTIONS);
    expect(await prisma.orderLine.findMany({ where: { shop, orderName: "#1001" }, select: { lineItemGid: true, source: true } })).toEqual([
      { lineItemGid: "gid://shopify/LineItem/100", source: "backfill" },
    ]);
    expect(await prisma.orderLine.count({ where: { shop } })).toBe(EXPECTED.orderLines);
  });

  it("is idempotent: a second full backfill of the same store changes nothing", async () => {
    const { shop, client } = await setUp("twice");
    await runBackfill(shop, client, OPTIONS);
    const first = { counts: await counts(shop), contents: await contents(shop) };
    const again = await runBackfill(shop, client, OPTIONS);
    expect(again.resumed).toBe(false);
    expect({ counts: await counts(shop), contents: await contents(shop) }).toEqual(first);
    expect(await prisma.backfillRun.count({ where: { shop, status: "completed" } })).toBe(2);
  });

  it("marks the run failed when a bulk operation fails, and starts that stage afresh next time", async () => {
    const { shop, fake, client } = await setUp("bulkfail");
    fake.onBulkStart = (index, op) => {
      if (index === 0) op.status = "FAILED";
    };
    await expect(runBackfill(shop, client, OPTIONS)).rejects.toThrow(/ended FAILED/);
    expect(await prisma.backfillRun.findFirstOrThrow({ where: { shop } })).toMatchObject({ status: "failed", stage: "locations", bulkOperationId: null });
    fake.onBulkStart = null;
    await runBackfill(shop, client, OPTIONS);
    expect(fake.calls.filter((c) => c.operationName === "BulkOperationRunQuery")).toHaveLength(4);
    expect(await counts(shop)).toMatchObject({ locations: EXPECTED.locations, orderLines: EXPECTED.orderLines });
  });

  it("runs a stage's bulk query again when its result file has expired", async () => {
    const { shop, fake, client } = await setUp("expired");
    fake.failNextDownloadWith = 403;
    await expect(runBackfill(shop, client, OPTIONS)).rejects.toThrow("bulk result is no longer available (HTTP 403)");
    expect(await prisma.backfillRun.findFirstOrThrow({ where: { shop } })).toMatchObject({ status: "failed", stage: "locations", bulkOperationId: null });
    await runBackfill(shop, client, OPTIONS);
    expect(fake.calls.filter((c) => c.operationName === "BulkOperationRunQuery")).toHaveLength(4);
    expect(await counts(shop)).toMatchObject({ locations: EXPECTED.locations, variants: EXPECTED.variants, orderLines: EXPECTED.orderLines });
  });
});
