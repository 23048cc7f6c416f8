// Optional access scopes the app reads from the shop's granted list (Shop.scopes, kept by each sign-in and
// the app/scopes_update webhook).

/** Shopify's own purchase orders, read-only (docs/on-order.md). Optional: nothing changes without it. */
export const NATIVE_PURCHASE_ORDERS_SCOPE = "read_inventory_purchase_orders";

/** True when the comma-separated granted list holds `scope`. */
export function grantsScope(granted: string | null | undefined, scope: string): boolean {
  return (granted ?? "").split(",").some((s) => s.trim() === scope);
}
