// Bundle explosion end to end, on both databases: the bulk catalogue stores a kit's components (Shopify's
// productVariantComponents, answered by the fake from the real 2026-10 schema), a kit sale becomes its
// components' demand on the same local day and location, the plan has lines for the components and none for
// the kit, a re-delivered order never counts twice, and products/update re-reads the components.
import { fakeShop, server, conn } from "../setup/shopify-fake";
import crypto from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { createOfflineSession, uniqueShop } from "../factories";
import * as detailRoute from "~/routes/app.forecasts.$variantId";
import { getJobQueue } from "~/jobs/index.server";
import { runBackfill } from "~/services/backfill.server";
import { planShop } from "~/services/planning/plan-shop.server";
import { unauthenticated } from "~/shopify.server";
import { createAdminClient } from "~/shopify/admin-client.server";
import { ORDER_NODES, VARIANTS, storeFixture } from "../fixtures/bulk/store";
import { getAsStaff } from "../setup/admin-request";
import { deliverWebhook } from "../setup/deliver-webhook";

afterAll(async () => {
  await getJobQueue().stop();
  server.close();
});

const KIT = "gid://shopify/ProductVariant/600";
const KIT_PRODUCT = "gid://shopify/Product/360";
const SOCKS = "gid://shopify/ProductVariant/504"; // "Wool socks" S, $14.50
const TOTE = "gid://shopify/ProductVariant/506"; // "Canvas tote", $16.50; sold only in kits here (its own order is a test order)
const WAREHOUSE = "gid://shopify/Location/1";
const component = (n: number, variant: string, quantity: number) => ({ id: `gid://shopify/ProductVariantComponent/${n}`, quantity, productVariant: { id: variant } });

/** The kit, listed before its components (so the backfill must store its components after theirs). */
const kitVariant = {
  ...VARIANTS[5],
  id: KIT,
  title: "Default Title",
  sku: "KIT-1",
  barcode: null,
  price: "30.00",
  product: { ...VARIANTS[5].product, id: KIT_PRODUCT, title: "Camp kit" },
  inventoryItem: { id: "gid://shopify/InventoryItem/760", tracked: false, unitCost: null, updatedAt: VARIANTS[5].inventoryItem.updatedAt, inventoryLevels: conn<(typeof VARIANTS)[number]["inventoryItem"]["inventoryLevels"]["nodes"][number]>([]) },
  productVariantComponents: conn([component(1, SOCKS, 2), component(2, TOTE, 1)]),
};

/** #1100: 3 kits at $30.00, 10:00 on 5 Nov in Los Angeles, at the warehouse's point of sale. */
const kitOrder = {
  ...ORDER_NODES[0],
  id: "gid://shopify/Order/9100",
  name: "#1100",
  createdAt: "2026-11-05T18:00:00Z",
  processedAt: "2026-11-05T18:00:00Z",
  updatedAt: "2026-11-05T18:00:00Z",
  retailLocation: { id: WAREHOUSE },
  refunds: [],
  lineItems: conn([{ ...ORDER_NODES[0].lineItems.nodes[0], id: "gid://shopify/LineItem/99001", quantity: 3, currentQuantity: 3, sku: "KIT-1", variant: { id: KIT }, originalUnitPriceSet: { shopMoney: { amount: "30.00", currencyCode: "EUR" }, presentmentMoney: { amount: "30.00", currencyCode: "EUR" } } }]),
  fulfillmentOrders: conn([]),
};

async function setUp(label: string) {
  const shop = uniqueShop(label);
  await createOfflineSession(shop);
  const store = storeFixture();
  const fake = fakeShop(shop, { ...store, productVariants: conn([kitVariant, ...VARIANTS]), orders: conn([...ORDER_NODES, kitOrder]) });
  // Alerts raised after a plan fire the Flow trigger.
  fake.roots.set("FlowTriggerReceive", () => ({ flowTriggerReceive: { userErrors: [] } }));
  const { admin } = await unauthenticated.admin(shop);
  const client = createAdminClient(admin, { sleep: async () => {}, random: () => 0.5 });
  await runBackfill(shop, client, { sleep: async () => {}, batchSize: 4, now: () => new Date("2026-11-11T00:00:00Z") });
  const id = async (gid: string) => (await prisma.variant.findUniqueOrThrow({ where: { shop_shopifyId: { shop, shopifyId: gid } } })).id;
  const warehouse = (await prisma.location.findUniqueOrThrow({ where: { shop_shopifyId: { shop, shopifyId: WAREHOUSE } } })).id;
  return { shop, fake, kit: await id(KIT), socks: await id(SOCKS), tote: await id(TOTE), warehouse };
}

type Ids = Awaited<ReturnType<typeof setUp>>;

/** Demand days of the kit and its components as "variant date units revenue orders". */
async function demand({ shop, kit, socks, tote, warehouse }: Ids) {
  const names = new Map([
    [kit, "kit"],
    [socks, "socks"],
    [tote, "tote"],
  ]);
  const rows = await prisma.demandDay.findMany({ where: { shop, variantId: { in: [...names.keys()] }, locationId: warehouse }, orderBy: [{ date: "asc" }, { variantId: "asc" }] });
  return rows.map((r) => `${names.get(r.variantId)} ${r.date} ${r.units} ${Number(r.revenue.toString()).toFixed(3)} ${r.orders}`).sort();
}

async function components({ shop, kit }: Ids) {
  const rows = await prisma.bundleComponent.findMany({ where: { shop, bundleVariantId: kit } });
  const gids = new Map((await prisma.variant.findMany({ where: { shop, id: { in: rows.map((r) => r.componentVariantId) } } })).map((v) => [v.id, v.shopifyId]));
  return rows.map((r) => `${gids.get(r.componentVariantId)} ×${r.quantity}`).sort();
}

const fixture = (name: string) => JSON.parse(readFileSync(`tests/fixtures/webhooks/${name}.json`, "utf8")) as Record<string, unknown>;

/** orders/create for one kit at $30.00 on 6 Nov (Los Angeles) at the warehouse. */
function kitOrderWebhook() {
  const base = fixture("orders_create");
  const line = (base.line_items as Record<string, unknown>[])[0];
  return {
    ...base,
    id: 9200,
    admin_graphql_api_id: "gid://shopify/Order/9200",
    name: "#1200",
    created_at: "2026-11-06T10:00:00-08:00",
    processed_at: "2026-11-06T10:00:00-08:00",
    updated_at: "2026-11-06T10:00:02-08:00",
    location_id: 1,
    refunds: [],
    line_items: [{ ...line, id: 99002, admin_graphql_api_id: "gid://shopify/LineItem/99002", variant_id: 600, product_id: 360, sku: "KIT-1", quantity: 1, current_quantity: 1, fulfillable_quantity: 1, price: "30.00" }],
  };
}

/** products/update for the kit (the payload lists its variant, not its components). */
function kitProductWebhook() {
  const base = fixture("products_create");
  const variant = (base.variants as Record<string, unknown>[])[0];
  return {
    ...base,
    id: 360,
    admin_graphql_api_id: KIT_PRODUCT,
    title: "Camp kit",
    vendor: "Bagworks",
    updated_at: "2026-11-12T08:00:00-08:00",
    variants: [{ ...variant, id: 600, admin_graphql_api_id: KIT, product_id: 360, sku: "KIT-1", title: "Default Title", price: "30.00", inventory_item_id: 760, barcode: null }],
  };
}

describe("bundle explosion", () => {
  it("stores a kit's components from the bulk catalogue and counts its sales as component demand, never its own", async () => {
    const ids = await setUp("bulk");
    expect(await components(ids)).toEqual([`${SOCKS} ×2`, `${TOTE} ×1`]);
    // 3 kits: socks 3 × 2 = 6, tote 3 × 1 = 3 on 5 Nov at the warehouse. $90.00 split by standalone price:
    // socks 2 × 14.50 = 29.00, tote 16.50 → 90 × 29 / 45.5 = 57.3626… → 57.363 (the odd thousandth), tote 32.637.
    // (Socks also sold on their own on 1 Nov: #1002's 3 pairs at $14.50.)
    expect(await demand(ids)).toEqual(["socks 2026-11-01 3 43.500 1", "socks 2026-11-05 6 57.363 1", "tote 2026-11-05 3 32.637 1"]);

    // The plan: the components are planned with the kit's demand (the tote sells only in kits); the kit is not.
    const summary = await planShop(ids.shop, { now: new Date("2026-11-11T12:00:00Z"), threads: 0 });
    const lines = await prisma.replenishmentLine.findMany({ where: { shop: ids.shop, planRunId: summary.planRunId, variantId: { in: [ids.kit, ids.socks, ids.tote] } } });
    expect(lines.filter((l) => l.variantId === ids.kit)).toEqual([]);
    expect(await prisma.forecast.count({ where: { shop: ids.shop, variantId: ids.kit } })).toBe(0);
    expect(await prisma.alert.count({ where: { shop: ids.shop, entityId: { startsWith: ids.kit } } })).toBe(0);
    const tote = lines.find((l) => l.variantId === ids.tote && l.locationId === ids.warehouse);
    expect(tote?.avgDailyDemand).toBeGreaterThan(0);
    expect(lines.some((l) => l.variantId === ids.socks && l.locationId === ids.warehouse)).toBe(true);

    // The variant pages: a component names its bundles, a bundle (no forecast of its own) its components.
    const page = async (variantId: string) => {
      const response = await getAsStaff(detailRoute.loader, `/app/forecasts/${variantId}`, ids.shop, "6101", { variantId });
      expect(response.status).toBe(200);
      return (await response.json()) as Record<string, unknown>;
    };
    expect((await page(ids.tote)).bundles).toEqual({ partOf: [{ variantId: ids.kit, name: "Camp kit", quantity: 1 }], components: [] });
    expect((await page(ids.socks)).bundles).toEqual({ partOf: [{ variantId: ids.kit, name: "Camp kit", quantity: 2 }], components: [] });
    expect(await page(ids.kit)).toEqual({
      kind: "bundle",
      bundle: {
        product: "Camp kit",
        variant: "Default Title",
        sku: "KIT-1",
        partOf: [],
        components: [
          { variantId: ids.tote, name: "Canvas tote", quantity: 1 },
          { variantId: ids.socks, name: "Wool socks — S", quantity: 2 },
        ],
      },
    });
  });

  it("counts a re-delivered kit order once, and re-reads the components when the kit's product changes", async () => {
    const ids = await setUp("webhooks");
    const order = kitOrderWebhook();
    const webhookId = crypto.randomUUID();
    await deliverWebhook("orders/create", ids.shop, order, webhookId);
    await deliverWebhook("orders/create", ids.shop, order, webhookId); // Shopify's retry of the same delivery
    await deliverWebhook("orders/updated", ids.shop, order, crypto.randomUUID()); // the same order again, as an update
    expect(await demand(ids)).toEqual([
      "socks 2026-11-01 3 43.500 1",
      "socks 2026-11-05 6 57.363 1",
      // 1 kit on 6 Nov: $30.00 → socks 30 × 29 / 45.5 = 19.1208… → 19.121, tote 10.879.
      "socks 2026-11-06 2 19.121 1",
      "tote 2026-11-05 3 32.637 1",
      "tote 2026-11-06 1 10.879 1",
    ]);

    // The kit is now 2 totes and no socks: products/update carries no components, so the job reads them.
    ids.fake.roots.set("ProductVariantComponents", (variables) => ({
      product:
        variables.id === KIT_PRODUCT
          ? { id: KIT_PRODUCT, variants: conn([{ id: KIT, productVariantComponents: conn([component(3, TOTE, 2)]) }]) }
          : null,
    }));
    await deliverWebhook("products/update", ids.shop, kitProductWebhook(), crypto.randomUUID());
    expect(ids.fake.calls.filter((c) => c.operationName === "ProductVariantComponents").map((c) => c.variables.id)).toEqual([KIT_PRODUCT]);
    expect(await components(ids)).toEqual([`${TOTE} ×2`]);
    // Every day the kit sold is derived again: the socks lose the kit's units, the tote gets 2 per kit and all the revenue.
    expect(await demand(ids)).toEqual(["socks 2026-11-01 3 43.500 1", "tote 2026-11-05 6 90.000 1", "tote 2026-11-06 2 30.000 1"]);
    expect(await prisma.variant.count({ where: { shop: ids.shop, shopifyId: KIT, deletedAt: null } })).toBe(1);
  });
});
