// The Admin client wrapper against Shopify's real client library (unauthenticated.admin), with Shopify's
// HTTP answers faked by msw and shaped by the real schema. Sleep and jitter are injected: no real waiting.
import { fakeShop, server, type ShopifyFake } from "../setup/shopify-fake";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { createOfflineSession, uniqueShop } from "../factories";
import { unauthenticated } from "~/shopify.server";
import { AdminApiError, AdminRetriesExhaustedError, AdminUserErrors, createAdminClient, type AdminClientOptions } from "~/shopify/admin-client.server";
import { INVENTORY_ADJUST_QUANTITIES } from "~/shopify/queries/inventory-adjust-quantities";
import { SHOP_INFO } from "~/shopify/queries/shop-info";

afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const STORE = { shop: { name: "Throttle Co", ianaTimezone: "Europe/Berlin", currencyCode: "EUR" } };

async function setUp(options: AdminClientOptions = {}) {
  const shop = uniqueShop("admin");
  await createOfflineSession(shop, "read_products,write_inventory");
  const fake: ShopifyFake = fakeShop(shop, STORE);
  const { admin } = await unauthenticated.admin(shop);
  const sleeps: number[] = [];
  const client = createAdminClient(admin, { sleep: async (ms) => void sleeps.push(ms), random: () => 0.5, ...options });
  return { fake, client, sleeps };
}

describe("Admin client", () => {
  it("returns typed data and remembers the throttle status Shopify reported", async () => {
    const { client, fake } = await setUp();
    const data = await client.request(SHOP_INFO);
    expect(data.shop).toEqual({ name: "Throttle Co", ianaTimezone: "Europe/Berlin", currencyCode: "EUR" });
    expect(client.throttleStatus).toEqual({ maximumAvailable: 2000, currentlyAvailable: 1995, restoreRate: 100 });
    expect(fake.calls.map((c) => c.operationName)).toEqual(["ShopInfo"]);
  });

  it("waits (requested − available) / restoreRate seconds after THROTTLED, then retries", async () => {
    const { client, fake, sleeps } = await setUp();
    fake.script({ kind: "throttled", requested: 500, available: 100, restoreRate: 50 });
    const data = await client.request(SHOP_INFO);
    expect(data.shop.name).toBe("Throttle Co");
    // (500 − 100) / 50 = 8 s, plus jitter of up to 250 ms (random() = 0.5 → 125 ms).
    expect(sleeps).toEqual([8125]);
    expect(fake.calls).toHaveLength(2);
  });

  it("paces itself when the bucket reported by the last answer cannot pay for another call like it", async () => {
    const { client, fake, sleeps } = await setUp();
    fake.cost = { requestedQueryCost: 300, actualQueryCost: 250, throttleStatus: { maximumAvailable: 1000, currentlyAvailable: 50, restoreRate: 50 } };
    await client.request(SHOP_INFO);
    expect(sleeps).toEqual([]);
    await client.request(SHOP_INFO);
    // The last call cost 250 and 50 are left: wait (250 − 50) / 50 = 4 s before the next one.
    expect(sleeps).toEqual([4000]);
  });

  it("retries 5xx answers and network failures with growing, jittered backoff", async () => {
    const { client, fake, sleeps } = await setUp({ baseDelayMs: 100 });
    fake.script({ kind: "http", status: 502 }, { kind: "network" }, { kind: "http", status: 503 });
    const data = await client.request(SHOP_INFO);
    expect(data.shop.currencyCode).toBe("EUR");
    // Equal jitter: cap/2 + random × cap/2 with cap = 100 × 2^attempt.
    expect(sleeps).toEqual([75, 150, 300]);
    expect(fake.calls).toHaveLength(4);
  });

  it("gives up after maxRetries with a readable error", async () => {
    const { client, fake } = await setUp({ maxRetries: 2 });
    fake.script({ kind: "http", status: 500 }, { kind: "http", status: 500 }, { kind: "http", status: 500 });
    await expect(client.request(SHOP_INFO)).rejects.toThrow(AdminRetriesExhaustedError);
    expect(fake.calls).toHaveLength(3);
  });

  it("does not retry GraphQL errors that are not throttling", async () => {
    const { client, fake } = await setUp();
    fake.script({ kind: "errors", message: "Access denied for shop field." });
    const error = await client.request(SHOP_INFO).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AdminApiError);
    expect((error as AdminApiError).message).toBe("Access denied for shop field.");
    expect(fake.calls).toHaveLength(1);
  });

  it("gives up on throttling that never clears, after waiting each time", async () => {
    const throttled = () =>
      new Response(
        JSON.stringify({
          errors: [{ message: "Throttled", extensions: { code: "THROTTLED" } }],
          extensions: { cost: { requestedQueryCost: 100, actualQueryCost: null, throttleStatus: { maximumAvailable: 1000, currentlyAvailable: 0, restoreRate: 50 } } },
        }),
        { status: 200, headers: { "content-type": "application/json" } },
      );
    const sleeps: number[] = [];
    const client = createAdminClient({ graphql: async () => throttled() }, { sleep: async (ms) => void sleeps.push(ms), random: () => 0, maxRetries: 3 });
    await expect(client.request(SHOP_INFO)).rejects.toThrow("ShopInfo: gave up after 4 attempts (still throttled)");
    expect(sleeps).toEqual([2000, 2000, 2000]);
  });

  it("lets a Response thrown by the library (expired session in an admin request) through untouched", async () => {
    const thrown = new Response(null, { status: 401, headers: { "X-Shopify-Retry-Invalid-Session-Request": "1" } });
    const client = createAdminClient({ graphql: async () => Promise.reject(thrown) }, { sleep: async () => {} });
    await expect(client.request(SHOP_INFO)).rejects.toBe(thrown);
  });

  it("sends inventory adjustments with an idempotency key and surfaces userErrors", async () => {
    const { client, fake } = await setUp();
    fake.roots.set("InventoryAdjustQuantities", () => ({
      inventoryAdjustQuantities: {
        inventoryAdjustmentGroup: null,
        userErrors: [{ field: ["input", "changes", "0", "locationId"], message: "The specified location could not be found.", code: "INVALID_LOCATION" }],
      },
    }));
    const variables = {
      key: "9b2f6f0e-receipt-1",
      input: {
        name: "available" as const,
        reason: "received",
        referenceDocumentUri: "gid://stockcast/PurchaseOrder/PO-2026-001",
        changes: [{ inventoryItemId: "gid://shopify/InventoryItem/1", locationId: "gid://shopify/Location/999", delta: 24, changeFromQuantity: null }],
      },
    };
    const error = await client.mutate(INVENTORY_ADJUST_QUANTITIES, variables, (d) => d.inventoryAdjustQuantities).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AdminUserErrors);
    expect((error as AdminUserErrors).message).toBe("InventoryAdjustQuantities: input.changes.0.locationId: The specified location could not be found.");
    expect((error as AdminUserErrors).userErrors[0].code).toBe("INVALID_LOCATION");
    const [call] = fake.calls;
    expect(call.query).toContain("@idempotent(key: $key)");
    expect(call.variables.key).toBe("9b2f6f0e-receipt-1");
  });

  it("returns the adjustment when Shopify applies it", async () => {
    const { client, fake } = await setUp();
    fake.roots.set("InventoryAdjustQuantities", (v) => {
      const input = v.input as { reason: string; referenceDocumentUri: string; changes: { inventoryItemId: string; locationId: string; delta: number }[] };
      return {
        inventoryAdjustQuantities: {
          inventoryAdjustmentGroup: {
            id: "gid://shopify/InventoryAdjustmentGroup/1",
            createdAt: "2026-11-23T00:00:00Z",
            reason: input.reason,
            referenceDocumentUri: input.referenceDocumentUri,
            changes: input.changes.map((c) => ({ name: "available", delta: c.delta, quantityAfterChange: null, item: { id: c.inventoryItemId }, location: { id: c.locationId } })),
          },
          userErrors: [],
        },
      };
    });
    const data = await client.mutate(
      INVENTORY_ADJUST_QUANTITIES,
      { key: "k-2", input: { name: "available", reason: "received", changes: [{ inventoryItemId: "gid://shopify/InventoryItem/1", locationId: "gid://shopify/Location/2", delta: 3, changeFromQuantity: null }] } },
      (d) => d.inventoryAdjustQuantities,
    );
    expect(data.inventoryAdjustQuantities?.inventoryAdjustmentGroup?.changes).toEqual([
      { name: "available", delta: 3, quantityAfterChange: null, item: { id: "gid://shopify/InventoryItem/1" }, location: { id: "gid://shopify/Location/2" } },
    ]);
  });
});
