// The backfill over a store a few hundred objects deep: many batches, every row accounted for once.
import { conn, fakeShop, server } from "../setup/shopify-fake";
import { afterAll, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { createOfflineSession, uniqueShop } from "../factories";
import { runBackfill } from "~/services/backfill.server";
import { unauthenticated } from "~/shopify.server";
import { createAdminClient } from "~/shopify/admin-client.server";
import { LOCATIONS, ORDER_NODES, VARIANTS } from "../fixtures/bulk/store";

afterAll(() => server.close());

const VARIANT_COUNT = 150;
const ORDER_COUNT = 200;

function bigStore() {
  const variants = Array.from({ length: VARIANT_COUNT }, (_, i) => {
    const base = VARIANTS[i % VARIANTS.length];
    const id = 10_000 + i;
    return {
      ...base,
      id: `gid://shopify/ProductVariant/${id}`,
      sku: `BIG-${i}`,
      product: { ...base.product, id: `gid://shopify/Product/${20_000 + Math.floor(i / 4)}` },
      inventoryItem: {
        ...base.inventoryItem,
        id: `gid://shopify/InventoryItem/${id}`,
        inventoryLevels: conn(base.inventoryItem.inventoryLevels.nodes.map((l) => ({ ...l, id: `${l.id}-${id}`, item: { id: `gid://shopify/InventoryItem/${id}` } }))),
      },
    };
  });
  const orders = Array.from({ length: ORDER_COUNT }, (_, i) => {
    const base = ORDER_NODES[i % ORDER_NODES.length];
    const id = 50_000 + i;
    return {
      ...base,
      id: `gid://shopify/Order/${id}`,
      name: `#B${id}`,
      test: false,
      refunds: [],
      lineItems: conn(
        [0, 1].map((k) => ({
          ...base.lineItems.nodes[0],
          id: `gid://shopify/LineItem/${id * 10 + k}`,
          variant: { id: variants[(i * 2 + k) % VARIANT_COUNT].id },
        })),
      ),
      fulfillmentOrders: conn([]),
    };
  });
  return {
    shop: { name: "Big", ianaTimezone: "UTC", currencyCode: "EUR" },
    locations: conn(LOCATIONS),
    productVariants: conn(variants),
    orders: conn(orders),
  };
}

describe("install backfill at scale", () => {
  it("stores every object of a few thousand JSONL lines exactly once", async () => {
    const shop = uniqueShop("big");
    await createOfflineSession(shop, null);
    const store = bigStore();
    fakeShop(shop, store);
    const { admin } = await unauthenticated.admin(shop);
    const summary = await runBackfill(shop, createAdminClient(admin, { sleep: async () => {} }), { sleep: async () => {}, batchSize: 500 });
    const levels = store.productVariants.nodes.reduce((n, v) => n + v.inventoryItem.inventoryLevels.nodes.length, 0);
    expect(await prisma.variant.count({ where: { shop } })).toBe(VARIANT_COUNT);
    expect(await prisma.inventoryLevel.count({ where: { shop } })).toBe(levels);
    expect(await prisma.orderLine.count({ where: { shop } })).toBe(ORDER_COUNT * 2);
    expect(await prisma.demandDay.count({ where: { shop } })).toBeGreaterThan(0);
    expect(await prisma.backfillRun.findFirstOrThrow({ where: { shop } })).toMatchObject({ status: "completed" });
    // Every JSONL line was read once: variants + levels; orders + line items.
    expect(summary.stages).toEqual({ locations: { objects: LOCATIONS.length }, catalog: { objects: VARIANT_COUNT + levels }, orders: { objects: ORDER_COUNT * 3 } });
  });
});
