// Shopify ids as GIDs. Webhook payloads are REST-shaped: numeric ids, sometimes with an
// `admin_graphql_api_id` beside them. We prefer the GID; a bare numeric id is turned into one from its
// exact decimal digits (the route parses bodies losslessly, so ids above 2^53 arrive as strings).

export type GidType = "Order" | "LineItem" | "ProductVariant" | "Product" | "Location" | "InventoryItem" | "Refund";

/** "gid://shopify/<type>/<digits>" from a numeric id (number or decimal string) or an existing GID. */
export function toGid(type: GidType, id: number | string): string {
  if (typeof id === "string") {
    if (id.startsWith("gid://")) {
      const match = new RegExp(`^gid://shopify/${type}/(\\d+)$`).exec(id);
      if (!match) throw new RangeError(`expected a ${type} GID, got ${id}`);
      return id;
    }
    if (!/^\d+$/.test(id)) throw new RangeError(`expected a numeric ${type} id, got ${id}`);
    return `gid://shopify/${type}/${id}`;
  }
  if (!Number.isSafeInteger(id) || id < 0) throw new RangeError(`${type} id ${id} is not an exact integer`);
  return `gid://shopify/${type}/${id}`;
}

/** toGid for optional ids: null/undefined stay null. */
export function toGidOrNull(type: GidType, id: number | string | null | undefined): string | null {
  return id === null || id === undefined ? null : toGid(type, id);
}

/** The numeric tail of a GID as a BigInt (for a stable "lowest id" ordering). */
export function gidNumber(gid: string): bigint {
  const digits = /(\d+)$/.exec(gid)?.[1];
  return digits ? BigInt(digits) : 0n;
}
