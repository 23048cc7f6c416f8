import { z } from "zod";
import type { AdminClient } from "./admin-client.server";
import { MappingError, type InventoryLevelRecord } from "./mappers";
import { INVENTORY_ITEM_QUANTITIES } from "./queries/inventory-item-quantities";

/** One inventory level as the Admin API reports it now (shopifyUpdatedAt null when it reports none). */
export type LiveLevelRecord = InventoryLevelRecord;

export interface LiveQuantities {
  levels: LiveLevelRecord[];
  /** Items Shopify no longer knows (deleted): nothing to refresh. */
  missing: string[];
  /** Items stocked at more locations than were asked for: their further levels were not read. */
  truncated: string[];
}

const gid = (type: string) => z.string().regex(new RegExp(`^gid://shopify/${type}/\\d+$`), `expected a ${type} GID`);
const itemNode = z.object({
  id: gid("InventoryItem"),
  inventoryLevels: z.object({
    pageInfo: z.object({ hasNextPage: z.boolean() }),
    nodes: z.array(
      z.object({
        updatedAt: z.string().datetime({ offset: true }).nullable(),
        location: z.object({ id: gid("Location") }),
        quantities: z.array(z.object({ name: z.string(), quantity: z.number().int() })),
      }),
    ),
  }),
});

/**
 * Reads the five quantities of each level of these inventory items in ONE request (the caller sizes the batch
 * with itemsPerQuantitiesRequest). Throttling and retries are the client's (createAdminClient paces on the
 * reported throttleStatus and waits out THROTTLED). A node of an unexpected shape throws MappingError.
 */
export async function fetchInventoryItemQuantities(client: AdminClient, inventoryItemIds: readonly string[], levelsPerItem: number): Promise<LiveQuantities> {
  const data = await client.request(INVENTORY_ITEM_QUANTITIES, { ids: [...inventoryItemIds], levels: levelsPerItem });
  const result: LiveQuantities = { levels: [], missing: [], truncated: [] };
  data.nodes.forEach((node, i) => {
    if (node === null || !("id" in node)) {
      result.missing.push(inventoryItemIds[i]);
      return;
    }
    const parsed = itemNode.safeParse(node);
    if (!parsed.success) throw new MappingError(`inventory item ${inventoryItemIds[i]} has an unexpected shape — ${parsed.error.issues[0]?.message ?? "invalid"}`);
    const item = parsed.data;
    if (item.inventoryLevels.pageInfo.hasNextPage) result.truncated.push(item.id);
    for (const level of item.inventoryLevels.nodes) {
      const q = (name: string) => level.quantities.find((x) => x.name === name)?.quantity ?? 0;
      result.levels.push({
        inventoryItemId: item.id,
        locationShopifyId: level.location.id,
        available: q("available"),
        onHand: q("on_hand"),
        committed: q("committed"),
        incoming: q("incoming"),
        reserved: q("reserved"),
        shopifyUpdatedAt: level.updatedAt ? new Date(level.updatedAt) : null,
      });
    }
  });
  return result;
}
