import { z } from "zod";
import { dropCsvLinesOfOrders, orderNamesWithCsvLines } from "~/models/backfill.server";
import { inIdChunks } from "~/models/id-chunks.server";
import { findLocationIdsByGids, findVariantByGid, findVariantIdsByGids } from "~/models/catalog.server";
import {
  addRefundToLine,
  applyOrderLine,
  deleteOrderLinesOfOrder,
  insertNewOrderLines,
  findOrderLinesByGid,
  refundsOfLines,
  type DemandKeyRow,
} from "~/models/orders.server";
import type { Db } from "~/models/transaction.server";
import type { WebhookPayload } from "~/shopify/webhook-topics";
import { rederiveDemandDays } from "./demand.server";
import { toGid, toGidOrNull } from "./ids";
import { localDate } from "~/lib/time";
import { resolveOrderLocation } from "./locations.server";

type OrderPayload = WebhookPayload<"orders/create">;
type RefundPayload = WebhookPayload<"refunds/create">;

// Fields the shared schema passes through untyped; read defensively here.
const extras = z
  .object({
    processed_at: z.string().datetime({ offset: true }).nullable().optional(),
    refunds: z
      .array(
        z
          .object({
            refund_line_items: z
              .array(
                z
                  .object({
                    line_item_id: z.union([z.number(), z.string()]).optional(),
                    quantity: z.number().int().nonnegative(),
                    line_item: z.object({ admin_graphql_api_id: z.string() }).passthrough().optional(),
                  })
                  .passthrough(),
              )
              .default([]),
          })
          .passthrough(),
      )
      .default([]),
  })
  .passthrough();

function refundLineGid(item: { line_item_id?: number | string; line_item?: { admin_graphql_api_id: string } }): string {
  if (item.line_item?.admin_graphql_api_id) return toGid("LineItem", item.line_item.admin_graphql_api_id);
  if (item.line_item_id === undefined) throw new Error("refund line without line_item_id");
  return toGid("LineItem", item.line_item_id);
}

/**
 * orders/create|updated|cancelled: one OrderLine per line item keyed on (shop, lineItemGid).
 * - The order payload is authoritative as of its `updated_at`; an older delivery is ignored line by line.
 * - refundedQuantity = Σ the refunds the payload lists for the line (absolute, so redelivery is harmless);
 *   currentQuantity = Shopify's `current_quantity` (after edits and removals) + that refunded quantity,
 *   i.e. the quantity after edits only, so demand = currentQuantity − refundedQuantity counts a refund once.
 * - The demand date is the local date (shop time zone) of `processed_at` (else `created_at`).
 * - Test orders are not demand: their lines are removed if present and never stored.
 * Then DemandDay is re-derived for every key the lines had before and have now.
 */
/**
 * What a drain reads once for a group of order events (app/services/sync/process-webhook.server.ts,
 * applyGroup) instead of once per order or line: a burst of orders costs a few reads per group. Valid only for a
 * group of orders/* events alone, which create no location, variant or refund; lines the group writes are added
 * to `written` as it goes.
 */
export interface OrderLookups {
  locations: Map<string, string>;
  variants: Map<string, string>;
  /** Stored lines by line item GID with their demand keys, as before the group. */
  lines: Map<string, DemandKeyRow>;
  written: Set<string>;
  refunds: Map<string, { refundedAt: Date; quantity: number }[]>;
  csvNames: Set<string>;
}

export async function prefetchOrderLookups(shop: string, orders: readonly OrderPayload[], tx: Db): Promise<OrderLookups> {
  const lineGids = orders.flatMap((o) => o.line_items.map((li) => li.admin_graphql_api_id));
  const locationGids = orders.flatMap((o) => toGidOrNull("Location", o.location_id) ?? []);
  const variantGids = orders.flatMap((o) => o.line_items.flatMap((li) => toGidOrNull("ProductVariant", li.variant_id) ?? []));
  // One after the other: a transaction is one connection.
  const locations = await findLocationIdsByGids(shop, locationGids, tx);
  const variants = await findVariantIdsByGids(shop, variantGids, tx);
  // In slices: a group of large orders can hold more line ids than a statement may bind.
  const stored = await inIdChunks([...new Set(lineGids)], (gids) => findOrderLinesByGid(shop, gids, tx));
  const refunds = await refundsOfLines(shop, lineGids, tx);
  const csvNames = await orderNamesWithCsvLines(shop, orders.flatMap((o) => (o.name ? [o.name] : [])), tx);
  return { locations, variants, lines: new Map(stored.map((l) => [l.lineItemGid, l])), written: new Set(), refunds, csvNames };
}

export async function applyOrder(
  shop: string,
  topic: "orders/create" | "orders/updated" | "orders/cancelled",
  order: OrderPayload,
  timeZone: string,
  tx: Db,
  /** Collects the touched demand days instead of re-deriving them (a drain re-derives once per group). */
  deferDemand?: DemandKeyRow[],
  lookups?: OrderLookups,
): Promise<{ lines: number; stale: number }> {
  const rederive = async (rows: readonly DemandKeyRow[]) => {
    if (deferDemand) deferDemand.push(...rows);
    else await rederiveDemandDays(shop, rows, tx);
  };
  const orderGid = order.admin_graphql_api_id;
  if (order.test) {
    await rederive(await deleteOrderLinesOfOrder(shop, orderGid, tx));
    return { lines: 0, stale: 0 };
  }
  const more = extras.parse(order);
  const updatedAt = new Date(order.updated_at);
  const placedAt = new Date(more.processed_at ?? order.created_at);
  const date = localDate(placedAt, timeZone);
  const cancelledAt = order.cancelled_at ? new Date(order.cancelled_at) : topic === "orders/cancelled" ? updatedAt : null;
  const locationGid = toGidOrNull("Location", order.location_id);
  const locationId = (locationGid && lookups?.locations.get(locationGid)) || (await resolveOrderLocation(shop, locationGid, tx));

  const refunded = new Map<string, number>();
  for (const refund of more.refunds)
    for (const item of refund.refund_line_items) {
      const gid = refundLineGid(item);
      refunded.set(gid, (refunded.get(gid) ?? 0) + item.quantity);
    }

  const gids = order.line_items.map((li) => li.admin_graphql_api_id);
  const touched: DemandKeyRow[] = lookups ? gids.flatMap((g) => lookups.lines.get(g) ?? []) : await findOrderLinesByGid(shop, gids, tx);
  // The same order imported earlier from a CSV export: Shopify's own lines replace the CSV copies.
  if (order.name && (!lookups || lookups.csvNames.has(order.name))) {
    touched.push(...(await dropCsvLinesOfOrders(shop, [order.name], tx)));
    lookups?.csvNames.delete(order.name);
  }
  let stale = 0;
  // Lines the group knows are new go in one INSERT after the loop (a burst of new orders: one statement an order).
  const fresh: Parameters<typeof insertNewOrderLines>[1][number][] = [];
  for (const li of order.line_items) {
    const variantGid = toGidOrNull("ProductVariant", li.variant_id);
    const variantId = variantGid ? (lookups ? (lookups.variants.get(variantGid) ?? null) : ((await findVariantByGid(shop, variantGid, tx))?.id ?? null)) : null;
    const gid = li.admin_graphql_api_id;
    const known = lookups ? { stored: lookups.lines.has(gid) || lookups.written.has(gid), refunds: lookups.refunds.get(gid) ?? [] } : undefined;
    const refundedQuantity = refunded.get(li.admin_graphql_api_id) ?? 0;
    const currentQuantity = li.current_quantity !== undefined ? li.current_quantity + refundedQuantity : li.quantity;
    const line = {
      orderGid,
      lineItemGid: li.admin_graphql_api_id,
      orderName: order.name ?? null,
      variantGid,
      variantId,
      locationGid,
      locationId,
      quantity: li.quantity,
      currentQuantity,
      refundedQuantity,
      unitPrice: li.price ?? "0",
      orderCreatedAt: placedAt,
      localDate: date,
      cancelledAt,
      shopifyUpdatedAt: updatedAt,
    };
    const isNew = known !== undefined && !known.stored;
    if (isNew) fresh.push({ line, known });
    const applied = isNew || (await applyOrderLine(shop, line, tx, known));
    lookups?.written.add(gid);
    if (applied) touched.push({ variantId, locationId, localDate: date });
    else stale++;
  }
  if (fresh.length > 0) await insertNewOrderLines(shop, fresh, tx);
  await rederive(touched);
  return { lines: order.line_items.length, stale };
}

/**
 * refunds/create: adds each refunded quantity to its line once per refund id, unless the line's stored
 * state (from an orders/* payload at or after the refund's `created_at`) already includes it; then
 * re-derives the line's own demand day (the order's local date — a refund corrects the day the units were
 * sold). Two partial refunds count twice, in whatever order they arrive.
 * A refund for a line not stored yet throws: the job retries after the order arrives.
 */
export async function applyRefund(shop: string, refund: RefundPayload, tx: Db, deferDemand?: DemandKeyRow[]): Promise<{ lines: number; applied: number }> {
  const refundedAt = new Date(refund.created_at);
  // Shopify always sends the id; a payload without one is keyed on its time, as before.
  const refundGid = refund.admin_graphql_api_id ?? (refund.id !== undefined ? toGid("Refund", refund.id) : `created_at:${refund.created_at}`);
  const byLine = new Map<string, number>();
  for (const item of refund.refund_line_items) {
    const gid = refundLineGid(item);
    byLine.set(gid, (byLine.get(gid) ?? 0) + item.quantity);
  }
  const touched: DemandKeyRow[] = [];
  for (const [gid, quantity] of byLine) {
    const key = await addRefundToLine(shop, { lineItemGid: gid, refundGid, quantity, refundedAt }, tx);
    if (key) touched.push(key);
  }
  if (deferDemand) deferDemand.push(...touched);
  else await rederiveDemandDays(shop, touched, tx);
  return { lines: byLine.size, applied: touched.length };
}
