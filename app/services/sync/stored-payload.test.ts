import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseWebhookPayload } from "~/shopify/webhook-topics";
import type { WebhookTopic } from "~/shopify/webhook-topics";
import { pickFields, storedPayload } from "./stored-payload";

const fixture = (name: string) => JSON.parse(readFileSync(`tests/fixtures/webhooks/${name}.json`, "utf8")) as Record<string, unknown>;

/** 200,000 levels of {"a": {"a": … }} (built without recursion). */
function deep(levels: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
}

describe("storedPayload", () => {
  it("keeps of an order only what processing reads: no customer, address, note, token or line-item property", () => {
    const order = fixture("orders_create");
    const lineItems = order.line_items as Record<string, unknown>[];
    const withPii = {
      ...order,
      note: "Leave with Jo",
      note_attributes: [{ name: "gift", value: "for Sam Lee" }],
      order_status_url: "https://shop.example/orders/abc/authenticate?key=secret",
      token: "c0ffee",
      customer_id: 7300000000001,
      billing_address: { name: "Jo Rivera", address1: "1 Main St" },
      line_items: [{ ...lineItems[0], properties: [{ name: "Engraving", value: "Jo Rivera" }], destination_location: { name: "Jo Rivera", address1: "1 Main St" } }],
    };
    const stored = storedPayload("orders/create", withPii)!;
    for (const text of ["Jo", "Rivera", "Main St", "example.com", "secret", "c0ffee", "7300000000001", "Sam Lee", "+1503"]) expect(stored).not.toContain(text);
    const kept = JSON.parse(stored) as Record<string, unknown>;
    expect(Object.keys(kept).sort()).toEqual(["admin_graphql_api_id", "cancelled_at", "created_at", "id", "line_items", "location_id", "name", "processed_at", "refunds", "test", "updated_at"]);
    expect(parseWebhookPayload("orders/create", kept).ok).toBe(true);
    expect(withPii.line_items[0].properties).toHaveLength(1); // input untouched
  });

  it("still parses every webhook fixture after the cut (processing loses nothing it reads)", () => {
    const topics: Record<string, WebhookTopic> = {
      inventory_items_update: "inventory_items/update",
      inventory_levels_update: "inventory_levels/update",
      locations_create: "locations/create",
      orders_cancelled: "orders/cancelled",
      orders_create: "orders/create",
      orders_updated: "orders/updated",
      products_create: "products/create",
      refunds_create: "refunds/create",
      app_uninstalled: "app/uninstalled",
    };
    for (const file of readdirSync("tests/fixtures/webhooks").map((f) => f.replace(/\.json$/, ""))) {
      const topic = topics[file];
      expect(topic, `fixture ${file} has a topic here`).toBeDefined();
      const original = parseWebhookPayload(topic, fixture(file));
      const cut = parseWebhookPayload(topic, JSON.parse(storedPayload(topic, fixture(file))!));
      expect(cut.ok, file).toBe(true);
      expect(original.ok, file).toBe(true);
    }
  });

  it("walks no deeper than the field list: a 200,000-level payload is cut, not a stack overflow", () => {
    const order = fixture("orders_create");
    const lineItems = order.line_items as Record<string, unknown>[];
    const payload = { ...order, junk: deep(200_000), line_items: [{ ...lineItems[0], price: deep(200_000), properties: deep(200_000) }] };
    const kept = JSON.parse(storedPayload("orders/create", payload)!) as { junk?: unknown; line_items: Record<string, unknown>[] };
    expect(kept.junk).toBeUndefined();
    expect(kept.line_items[0].price).toBeUndefined();
    expect(storedPayload("customers/redact", deep(200_000))).toBe("{}");
  });

  it("keeps scalars of the listed kind only, and nothing of an unsubscribed topic", () => {
    expect(pickFields({ a: [1, { b: 2 }, "x"], c: 3 }, { a: [true] })).toEqual({ a: [1, null, "x"] });
    expect(pickFields([1], { a: true })).toBeUndefined();
    expect(storedPayload(null, { anything: 1 })).toBeNull();
  });
});
