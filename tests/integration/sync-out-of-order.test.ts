// Deliveries that arrive out of order (issue 15, finding 9): two partial refunds both count, whichever
// arrives first, and never twice; an inventory update without `updated_at` does not let an older delivery
// win. HMAC-signed webhooks through the real routes and the job queue, on both databases.
import crypto from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { reprocessWebhookEvent } from "~/services/sync/process-webhook.server";
import { deliverWebhook } from "../setup/deliver-webhook";
import { stopTestQueues } from "../setup/test-queues";

const uniqueShop = (label: string) => `${label}-${crypto.randomUUID().slice(0, 8)}.myshopify.com`;
const fixture = (name: string) => JSON.parse(readFileSync(`tests/fixtures/webhooks/${name}.json`, "utf8")) as Record<string, unknown>;
const LINE = "gid://shopify/LineItem/16100000000001";
const VARIANT = "gid://shopify/ProductVariant/45210000000037";
const LOCATION = "gid://shopify/Location/78412305521";

afterAll(stopTestQueues);

async function installShop(label: string) {
  const shop = uniqueShop(label);
  await prisma.shop.create({ data: { shop, name: shop, ianaTimezone: "America/Los_Angeles" } });
  await deliverWebhook("locations/create", shop, fixture("locations_create"));
  await deliverWebhook("products/create", shop, fixture("products_create"));
  return shop;
}

/** A partial refund of one unit of the fixture order's line, with its own id and time. */
function partialRefund(id: number, createdAt: string): Record<string, unknown> {
  return { ...fixture("refunds_create"), id, admin_graphql_api_id: `gid://shopify/Refund/${id}`, created_at: createdAt, processed_at: createdAt };
}

async function lineState(shop: string) {
  const line = await prisma.orderLine.findUniqueOrThrow({ where: { shop_lineItemGid: { shop, lineItemGid: LINE } } });
  const days = await prisma.demandDay.findMany({ where: { shop } });
  return { refunded: line.refundedQuantity, units: days.map((d) => d.units) };
}

describe("refunds out of order", () => {
  const first = partialRefund(930000000011, "2026-11-23T10:00:00-05:00");
  const second = partialRefund(930000000012, "2026-11-24T10:00:00-05:00");

  it("counts two partial refunds that arrive newest first, each once", async () => {
    const shop = await installShop("refund-order");
    await deliverWebhook("orders/create", shop, fixture("orders_create")); // 3 units
    await deliverWebhook("refunds/create", shop, second);
    const secondWebhookId = crypto.randomUUID();
    await deliverWebhook("refunds/create", shop, first, secondWebhookId);
    expect(await lineState(shop)).toEqual({ refunded: 2, units: [1] });
    // Re-sent under new delivery ids, redelivered, and re-processed from Settings → Sync: still once each.
    await deliverWebhook("refunds/create", shop, first);
    await deliverWebhook("refunds/create", shop, second);
    await deliverWebhook("refunds/create", shop, first, secondWebhookId);
    const event = await prisma.webhookEvent.findUniqueOrThrow({ where: { shop_webhookId: { shop, webhookId: secondWebhookId } } });
    expect((await reprocessWebhookEvent(shop, event.id)).outcome).toBe("processed");
    expect(await lineState(shop)).toEqual({ refunded: 2, units: [1] });
  });

  it("adds a refund newer than an order snapshot to it, and not one the snapshot lists", async () => {
    const shop = await installShop("refund-snapshot");
    await deliverWebhook("orders/create", shop, fixture("orders_create"));
    await deliverWebhook("refunds/create", shop, second);
    // The orders/updated of the first refund (between the two) lists only the first: 1 + the second = 2.
    const between: Record<string, unknown> = { ...fixture("orders_create"), updated_at: "2026-11-23T10:00:30-05:00" };
    between.line_items = (between.line_items as Record<string, unknown>[]).map((li) => ({ ...li, current_quantity: 2 }));
    between.refunds = [{ id: first.id, created_at: first.created_at, refund_line_items: first.refund_line_items }];
    await deliverWebhook("orders/updated", shop, between);
    expect(await lineState(shop)).toEqual({ refunded: 2, units: [1] });
    // The first refund's own webhook, arriving last, is already in that snapshot.
    await deliverWebhook("refunds/create", shop, first);
    expect(await lineState(shop)).toEqual({ refunded: 2, units: [1] });
    // The latest order state lists both: still 2.
    const listed = (refund: Record<string, unknown>) => ({ id: refund.id, created_at: refund.created_at, refund_line_items: refund.refund_line_items });
    const after: Record<string, unknown> = { ...between, updated_at: "2026-11-24T10:00:30-05:00", refunds: [listed(first), listed(second)] };
    after.line_items = (between.line_items as Record<string, unknown>[]).map((li) => ({ ...li, current_quantity: 1 }));
    await deliverWebhook("orders/updated", shop, after);
    expect(await lineState(shop)).toEqual({ refunded: 2, units: [1] });
  });
});

describe("inventory level without updated_at", () => {
  async function available(shop: string) {
    const variant = await prisma.variant.findUniqueOrThrow({ where: { shop_shopifyId: { shop, shopifyId: VARIANT } } });
    const location = await prisma.location.findUniqueOrThrow({ where: { shop_shopifyId: { shop, shopifyId: LOCATION } } });
    const level = await prisma.inventoryLevel.findUniqueOrThrow({ where: { shop_variantId_locationId: { shop, variantId: variant.id, locationId: location.id } } });
    return level.available;
  }
  const level = (value: number, updatedAt?: string) => {
    const { updated_at: _dropped, ...rest } = fixture("inventory_levels_update");
    return { ...rest, available: value, ...(updatedAt ? { updated_at: updatedAt } : {}) };
  };

  it("is dated by its receipt: an older delivery arriving after it does not win", async () => {
    const shop = await installShop("undated-level");
    await deliverWebhook("inventory_levels/update", shop, level(7, "2026-11-21T18:50:00-05:00"));
    await deliverWebhook("inventory_levels/update", shop, level(5)); // received now: newer than the stored state
    expect(await available(shop)).toBe(5);
    await deliverWebhook("inventory_levels/update", shop, level(3, "2026-11-21T18:40:00-05:00")); // older, arrives later
    expect(await available(shop)).toBe(5);
  });

  it("does not overwrite a state dated after its receipt", async () => {
    const shop = await installShop("undated-after");
    const later = new Date(Date.now() + 3600_000).toISOString();
    await deliverWebhook("inventory_levels/update", shop, level(9, later));
    await deliverWebhook("inventory_levels/update", shop, level(4));
    expect(await available(shop)).toBe(9);
  });
});
