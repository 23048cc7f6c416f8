import { Prisma } from "@prisma/client";
import { explodeBundleDemand, type BomRow } from "~/lib/replenishment";
import { findBundleRowsOf, findDemandKeysOfVariants, findBundleBoms, touchVariants } from "~/models/bundles.server";
import {
  createDemandDays,
  deleteDemandDay,
  deleteDemandDaysById,
  findDemandDaysByKeys,
  lockDemandDays,
  updateDemandDaysById,
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

/** Revenue of bundle lines is split across components in thousandths of the currency unit (exact for every ISO currency). */
const MINOR_PER_UNIT = 1000;

/** The bundles involving these variants (as bundle or component), as the lib's bill of materials. */
interface ExplodingBoms {
  bom: BomRow[];
  /** Component standalone prices in thousandths. */
  prices: Record<string, number>;
  /** Bundle ids by component id. */
  bundlesOf: Map<string, string[]>;
  bundles: Set<string>;
}

async function explodingBoms(shop: string, variantIds: readonly string[], tx: Db): Promise<ExplodingBoms> {
  const touching = await findBundleRowsOf(shop, variantIds, tx);
  const rows = await findBundleBoms(shop, touching.map((r) => r.bundleVariantId), tx);
  // Shopify does not nest bundles; should a component be a bundle itself, its parent is not exploded.
  const exploding = new Set(rows.map((r) => r.bundleVariantId));
  const nested = new Set(rows.filter((r) => exploding.has(r.componentVariantId)).map((r) => r.bundleVariantId));
  const kept = rows.filter((r) => !nested.has(r.bundleVariantId));
  const bundlesOf = new Map<string, string[]>();
  for (const r of kept) bundlesOf.set(r.componentVariantId, [...(bundlesOf.get(r.componentVariantId) ?? []), r.bundleVariantId]);
  return {
    bom: kept.map((r) => ({ bundleId: r.bundleVariantId, componentId: r.componentVariantId, quantity: r.quantity })),
    prices: Object.fromEntries(kept.map((r) => [r.componentVariantId, Math.round(Number(r.componentPrice) * MINOR_PER_UNIT)])),
    bundlesOf,
    bundles: new Set(kept.map((r) => r.bundleVariantId)),
  };
}

/**
 * Re-derives DemandDay for the touched variant × location × local dates from OrderLine, the source of
 * truth: units = Σ max(0, currentQuantity − refundedQuantity) over the day's non-cancelled lines;
 * revenue = Σ unitPrice × those units (decimal); orders = distinct orders contributing units.
 * A day left with no units is deleted, so re-running is idempotent and a cancellation removes demand.
 * (Test orders are never stored as lines.) Concurrent derivations of one day are serialised by a lock.
 *
 * A bundle (a variant with components, BundleComponent) has no inventory of its own: Shopify derives it from
 * the components'. Its lines count as component demand on the same local day and location
 * (explodeBundleDemand: units × component quantity, revenue split by standalone price) and make no demand
 * day of their own, so every unit counts once. A touched bundle day therefore re-derives its components' days.
 * (Shopify's own bundles sell as component lines grouped under the bundle, which count as they are: the
 * bundle variant then has no line of its own, so nothing is exploded and nothing counted twice.)
 */
export async function rederiveDemandDays(shop: string, rows: readonly DemandKeyRow[], tx: Db): Promise<number> {
  const touched = demandKeys(rows);
  if (touched.length === 0) return 0;
  const boms = await explodingBoms(shop, touched.map((k) => k.variantId), tx);
  const keys = new Map(touched.map((k) => [`${k.variantId}|${k.locationId}|${k.date}`, k]));
  for (const k of touched) {
    if (!boms.bundles.has(k.variantId)) continue;
    for (const row of boms.bom.filter((r) => r.bundleId === k.variantId)) keys.set(`${row.componentId}|${k.locationId}|${k.date}`, { ...k, variantId: row.componentId });
  }
  // A component added here may also be part of bundles no touched variant named: read the BOMs again for all.
  const all = [...keys.values()];
  const full = keys.size > touched.length ? await explodingBoms(shop, all.map((k) => k.variantId), tx) : boms;
  await lockDemandDays(shop, all, tx);
  for (const key of all) await deriveDay(shop, key, full, tx);
  return all.length;
}

async function deriveDay(shop: string, key: DemandDayKey, boms: ExplodingBoms, tx: Db) {
  // The variant's own lines (none count for an exploding bundle) and the lines of the bundles it is part of.
  const sources = [...(boms.bundles.has(key.variantId) ? [] : [key.variantId]), ...(boms.bundlesOf.get(key.variantId) ?? [])];
  const lines: { variantId: string; units: number; revenueMinor: number; orderGid: string; exact: Prisma.Decimal; source: string }[] = [];
  for (const source of sources) {
    for (const line of await findLinesForDemandDay(shop, { ...key, variantId: source }, tx)) {
      if (line.cancelledAt) continue;
      const net = Math.max(0, line.currentQuantity - line.refundedQuantity);
      if (net === 0) continue;
      const exact = new Prisma.Decimal(line.unitPrice.toString()).times(net);
      lines.push({ variantId: source, units: net, revenueMinor: Math.round(exact.times(MINOR_PER_UNIT).toNumber()), orderGid: line.orderGid, exact, source });
    }
  }
  let units = 0;
  let revenue = new Prisma.Decimal(0);
  const orders = new Set<string>();
  for (const line of explodeBundleDemand(lines, boms.bom, boms.prices)) {
    if (line.variantId !== key.variantId) continue;
    units += line.units;
    // A line of the variant itself keeps its exact decimal revenue; a bundle's share comes in thousandths.
    revenue = revenue.plus(line.source === key.variantId ? line.exact : new Prisma.Decimal(line.revenueMinor).div(MINOR_PER_UNIT));
    orders.add(line.orderGid);
  }
  if (units === 0) await deleteDemandDay(shop, key, tx);
  else await upsertDemandDay(shop, key, { units, revenue: revenue.toFixed(), orders: orders.size }, tx);
}

/**
 * After a bundle's components changed: re-derives every demand day its lines
 * made, for the bundle itself and for its components before and after the change, and marks those
 * variants changed so the next touched-variants plan re-plans them.
 */
export async function rederiveBundleHistory(shop: string, bundleVariantId: string, formerComponentIds: readonly string[], at: Date, tx: Db): Promise<number> {
  const current = (await findBundleRowsOf(shop, [bundleVariantId], tx)).filter((r) => r.bundleVariantId === bundleVariantId).map((r) => r.componentVariantId);
  const days = await findDemandKeysOfVariants(shop, [bundleVariantId], tx);
  const affected = [...new Set([bundleVariantId, ...formerComponentIds, ...current])];
  const rows: DemandKeyRow[] = days.flatMap((d) => affected.map((variantId) => ({ variantId, locationId: d.locationId, localDate: d.localDate })));
  await touchVariants(shop, affected, at, tx);
  return rows.length ? rederiveDemandDays(shop, rows, tx) : 0;
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
  const all = demandKeys(rows);
  if (all.length === 0) return 0;
  // Days of bundles and of their components follow the bundle rule: those go through rederiveDemandDays.
  const boms = await explodingBoms(shop, [...new Set(all.map((k) => k.variantId))], tx);
  const inBundles = (variantId: string) => boms.bundles.has(variantId) || boms.bundlesOf.has(variantId);
  const bundled = all.filter((k) => inBundles(k.variantId));
  const bundledCount = bundled.length ? await rederiveDemandDays(shop, bundled.map((k) => ({ variantId: k.variantId, locationId: k.locationId, localDate: k.date })), tx) : 0;
  const keys = all.filter((k) => !inBundles(k.variantId));
  if (keys.length === 0) return bundledCount;
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
  const changed: { id: string; units: number; revenue: string; orders: number }[] = [];
  for (const key of keys) {
    const value = demandOf(linesByKey.get(id(key)) ?? []);
    const day = stored.get(id(key));
    if (value.units === 0) {
      if (day) removed.push(day.id);
    } else if (!day) created.push({ ...key, ...value });
    else if (day.units !== value.units || day.orders !== value.orders || !new Prisma.Decimal(day.revenue.toString()).equals(value.revenue))
      changed.push({ id: day.id, ...value });
  }
  await updateDemandDaysById(shop, changed, tx);
  if (removed.length) await deleteDemandDaysById(shop, removed, tx);
  if (created.length) await createDemandDays(shop, created, tx);
  return keys.length + bundledCount;
}
