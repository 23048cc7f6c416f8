// Shared generators for the fuzz tests (fast-check): a valid webhook payload per topic, and mutations that
// break one part of a valid value at a time (the inputs most likely to slip past a schema and reach code).
import { readFileSync } from "node:fs";
import fc from "fast-check";
import type { WebhookTopic } from "~/shopify/webhook-topics";

const fixture = (name: string): Record<string, unknown> => JSON.parse(readFileSync(`tests/fixtures/webhooks/${name}.json`, "utf8")) as Record<string, unknown>;

/** A payload Shopify could send for each topic (the fixtures where we have them). */
export function samplePayloads(): Record<WebhookTopic, Record<string, unknown>> {
  const level = fixture("inventory_levels_update");
  const item = fixture("inventory_items_update");
  const location = fixture("locations_create");
  return {
    "orders/create": fixture("orders_create"),
    "orders/updated": fixture("orders_updated"),
    "orders/cancelled": fixture("orders_cancelled"),
    "refunds/create": fixture("refunds_create"),
    "products/create": fixture("products_create"),
    "products/update": fixture("products_create"),
    "products/delete": { id: 8100000000001 },
    "inventory_levels/update": level,
    "inventory_levels/connect": level,
    "inventory_levels/disconnect": { inventory_item_id: level.inventory_item_id, location_id: level.location_id },
    "inventory_items/create": item,
    "inventory_items/update": item,
    "inventory_items/delete": { id: item.id },
    "locations/create": location,
    "locations/update": location,
    "locations/delete": { id: location.id },
    "app/uninstalled": fixture("app_uninstalled"),
    "app/scopes_update": { id: 1, previous: ["read_products"], current: ["read_products", "read_orders"], updated_at: "2026-11-20T10:00:00-05:00" },
    "bulk_operations/finish": { admin_graphql_api_id: "gid://shopify/BulkOperation/1", completed_at: "2026-11-20T10:00:00-05:00", created_at: "2026-11-20T09:59:00-05:00", error_code: null, status: "completed", type: "query" },
    "customers/data_request": { shop_id: 1, shop_domain: "x.myshopify.com", customer: { id: 7300000000001, email: "jo@example.com" }, orders_requested: [6100000000001], data_request: { id: 9 } },
    "customers/redact": { shop_id: 1, shop_domain: "x.myshopify.com", customer: { id: 7300000000001, email: "jo@example.com" }, orders_to_redact: [6100000000001] },
    "shop/redact": { shop_id: 1, shop_domain: "x.myshopify.com" },
  };
}

type Json = unknown;

/** Every path (object keys and array indexes) inside `value`, the root excluded. */
export function pathsOf(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => [[...prefix, i], ...pathsOf(v, [...prefix, i])]);
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...pathsOf(v, [...prefix, k])]);
  return [];
}

/** `value` with the thing at `path` replaced (or removed when `replacement` is the DELETE marker). */
export const DELETE = Symbol("delete");
export function withPath(value: Json, path: (string | number)[], replacement: Json | typeof DELETE): Json {
  if (path.length === 0) return replacement === DELETE ? undefined : replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    if (rest.length === 0 && replacement === DELETE) copy.splice(Number(head), 1);
    else copy[Number(head)] = withPath(copy[Number(head)], rest, replacement);
    return copy;
  }
  const copy = { ...(value as Record<string, unknown>) };
  if (rest.length === 0 && replacement === DELETE) delete copy[head as string];
  else copy[head as string] = withPath(copy[head as string], rest, replacement);
  return copy;
}

/** Values that have broken parsers before: wrong types, edge numbers, huge ids, odd strings. */
export const nastyJson: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, -0, 1e308, Number.MAX_SAFE_INTEGER, "", " ", "0", "-1", "1e309", "NaN", "null", "9007199254740993", "2026-02-30T25:61:00Z", "gid://shopify/Order/", "gid://shopify/Order/abc", "\u0000", "=HYPERLINK(\"x\")", "😀".repeat(50), [], {}),
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.jsonValue({ maxDepth: 3 }),
);

/** A valid `sample` with one part broken: removed, or replaced with a nasty value. */
export function mutated(sample: Json, maxMutations = 3): fc.Arbitrary<Json> {
  const paths = pathsOf(sample);
  const one = fc.tuple(fc.constantFrom(...paths), fc.oneof(fc.constant<typeof DELETE>(DELETE), nastyJson));
  return fc.array(one, { minLength: 1, maxLength: maxMutations }).map((edits) => edits.reduce<Json>((v, [path, to]) => withPath(v, path, to), sample));
}
