import { isUniqueViolation } from "~/db.server";
import { defaultDb, type Db } from "./transaction.server";

/** The lease row of a shop's action as it stands (why a start was refused). */
export interface ActionLeaseState {
  /** A holder has it and has not finished (false: finished, cooling down). */
  running: boolean;
  busyUntil: Date;
}

/**
 * Takes the (shop, action) lease for `holder` until `busyUntil`, unless another holder's lease is still
 * ahead of `now`. One conditional UPDATE (a lapsed row) or one INSERT (no row yet): two racers never both
 * win — PostgreSQL re-checks the UPDATE's condition after the winner's commit, the unique (shop, action)
 * refuses the second INSERT, and SQLite runs one writer at a time. Returns null when taken, else the
 * state that refused it.
 */
export async function takeActionLease(
  shop: string,
  action: string,
  lease: { holder: string; now: Date; busyUntil: Date },
  db: Db = defaultDb,
): Promise<ActionLeaseState | null> {
  const data = { holder: lease.holder, startedAt: lease.now, finishedAt: null, busyUntil: lease.busyUntil };
  const lapsed = await db.actionLease.updateMany({ where: { shop, action, busyUntil: { lte: lease.now } }, data });
  if (lapsed.count > 0) return null;
  try {
    await db.actionLease.create({ data: { shop, action, ...data } });
    return null;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  const row = await db.actionLease.findUnique({ where: { shop_action: { shop, action } }, select: { finishedAt: true, busyUntil: true } });
  // Gone between the two statements (shop/redact): refuse this once rather than loop.
  return { running: row ? row.finishedAt === null : true, busyUntil: row?.busyUntil ?? lease.busyUntil };
}

/** Ends `holder`'s lease at `finishedAt`; the action stays refused until `busyUntil` (its cool-down). */
export function finishActionLease(shop: string, action: string, holder: string, at: { finishedAt: Date; busyUntil: Date }, db: Db = defaultDb) {
  return db.actionLease.updateMany({ where: { shop, action, holder }, data: at });
}
