import { Prisma } from "@prisma/client";
import { deleteDemandDay, lockDemandDays, upsertDemandDay, type DemandDayKey } from "~/models/demand.server";
import { findLinesForDemandDay, type DemandKeyRow } from "~/models/orders.server";
import type { Db } from "~/models/transaction.server";

/** Distinct, complete demand keys (lines without a variant or location yet have no demand day). */
export function demandKeys(rows: readonly DemandKeyRow[]): DemandDayKey[] {
  const seen = new Map<string, DemandDayKey>();
  for (const r of rows) {
    if (!r.variantId || !r.locationId) continue;
    seen.set(`${r.variantId}|${r.locationId}|${r.localDate}`, { variantId: r.variantId, locationId: r.locationId, date: r.localDate });
  }
  return [...seen.values()];
}

/**
 * Re-derives DemandDay for the touched variant × location × local dates from OrderLine, the source of
 * truth: units = Σ max(0, currentQuantity − refundedQuantity) over the day's non-cancelled lines;
 * revenue = Σ unitPrice × those units (decimal); orders = distinct orders contributing units.
 * A day left with no units is deleted, so re-running is idempotent and a cancellation removes demand.
 * (Test orders are never stored as lines.) Concurrent derivations of one day are serialised by a lock.
 */
export async function rederiveDemandDays(shop: string, rows: readonly DemandKeyRow[], tx: Db): Promise<number> {
  const keys = demandKeys(rows);
  await lockDemandDays(shop, keys, tx);
  for (const key of keys) {
    const lines = await findLinesForDemandDay(shop, key, tx);
    let units = 0;
    let revenue = new Prisma.Decimal(0);
    const orders = new Set<string>();
    for (const line of lines) {
      if (line.cancelledAt) continue;
      const net = Math.max(0, line.currentQuantity - line.refundedQuantity);
      if (net === 0) continue;
      units += net;
      revenue = revenue.plus(new Prisma.Decimal(line.unitPrice.toString()).times(net));
      orders.add(line.orderGid);
    }
    if (units === 0) await deleteDemandDay(shop, key, tx);
    else await upsertDemandDay(shop, key, { units, revenue: revenue.toFixed(), orders: orders.size }, tx);
  }
  return keys.length;
}
