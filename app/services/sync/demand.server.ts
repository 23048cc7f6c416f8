import { Prisma } from "@prisma/client";
import {
  createDemandDays,
  deleteDemandDay,
  deleteDemandDaysById,
  findDemandDaysByKeys,
  lockDemandDays,
  updateDemandDayById,
  upsertDemandDay,
  type DemandDayKey,
} from "~/models/demand.server";
import { findLinesForDemandDay, findLinesForDemandDays, type DemandKeyRow } from "~/models/orders.server";
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
    const { units, revenue, orders } = demandOf(await findLinesForDemandDay(shop, key, tx));
    if (units === 0) await deleteDemandDay(shop, key, tx);
    else await upsertDemandDay(shop, key, { units, revenue, orders }, tx);
  }
  return keys.length;
}

type DemandLine = { orderGid: string; currentQuantity: number; refundedQuantity: number; unitPrice: { toString(): string }; cancelledAt: Date | null };

/** One day's demand from its lines (the rule above). */
function demandOf(lines: readonly DemandLine[]): { units: number; revenue: string; orders: number } {
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
  return { units, revenue: revenue.toFixed(), orders: orders.size };
}

/**
 * rederiveDemandDays for thousands of days at once (a CSV import's write step): the same rule, with the
 * lines and stored days read in a few multi-key statements and new days inserted in one, instead of two
 * statements per day. Same locks, same result.
 */
export async function rederiveDemandDaysInBulk(shop: string, rows: readonly DemandKeyRow[], tx: Db): Promise<number> {
  const keys = demandKeys(rows);
  if (keys.length === 0) return 0;
  await lockDemandDays(shop, keys, tx);
  const id = (k: { variantId: string | null; locationId: string | null; date?: string; localDate?: string }) => `${k.variantId}|${k.locationId}|${k.date ?? k.localDate}`;
  const linesByKey = new Map<string, DemandLine[]>();
  for (const line of await findLinesForDemandDays(shop, keys, tx)) {
    const list = linesByKey.get(id(line));
    if (list) list.push(line);
    else linesByKey.set(id(line), [line]);
  }
  const stored = new Map((await findDemandDaysByKeys(shop, keys, tx)).map((d) => [id(d), d]));
  const created: (DemandDayKey & { units: number; revenue: string; orders: number })[] = [];
  const removed: string[] = [];
  for (const key of keys) {
    const value = demandOf(linesByKey.get(id(key)) ?? []);
    const day = stored.get(id(key));
    if (value.units === 0) {
      if (day) removed.push(day.id);
    } else if (!day) created.push({ ...key, ...value });
    else if (day.units !== value.units || day.orders !== value.orders || !new Prisma.Decimal(day.revenue.toString()).equals(value.revenue))
      await updateDemandDayById(shop, day.id, value, tx);
  }
  if (removed.length) await deleteDemandDaysById(shop, removed, tx);
  if (created.length) await createDemandDays(shop, created, tx);
  return keys.length;
}
