import { defaultDb, type Db } from "~/models/transaction.server";

// The encrypted columns as stored (sealed or, before encryption, plaintext), for re-sealing them all under
// the current key (services/reseal-secrets.server.ts). Crosses shops by nature: a system task. Every write
// is a compare-and-swap on the stored value, so a token Shopify refreshed meanwhile is never overwritten.

export interface StoredSessionTokens {
  accessToken: string;
  refreshToken: string | null;
}

/** One page of sessions after `afterId`, in id order. */
export function listSessionTokens(afterId: string | null, take: number, db: Db = defaultDb) {
  return db.session.findMany({
    where: afterId === null ? {} : { id: { gt: afterId } },
    orderBy: { id: "asc" },
    take,
    select: { id: true, accessToken: true, refreshToken: true },
  });
}

/** Replaces both tokens if they still hold `from`; false when the row changed (or went) meanwhile. */
export async function swapSessionTokens(id: string, from: StoredSessionTokens, to: StoredSessionTokens, db: Db = defaultDb): Promise<boolean> {
  const result = await db.session.updateMany({ where: { id, accessToken: from.accessToken, refreshToken: from.refreshToken }, data: to });
  return result.count === 1;
}

/** One page of notification channels after `afterId`, in id order. */
export function listChannelTargets(afterId: string | null, take: number, db: Db = defaultDb) {
  return db.notificationChannel.findMany({
    where: afterId === null ? {} : { id: { gt: afterId } },
    orderBy: { id: "asc" },
    take,
    select: { id: true, shop: true, target: true },
  });
}

/** Replaces the channel's target if it still holds `from`. */
export async function swapChannelTarget(shop: string, id: string, from: string, to: string, db: Db = defaultDb): Promise<boolean> {
  const result = await db.notificationChannel.updateMany({ where: { shop, id, target: from }, data: { target: to } });
  return result.count === 1;
}
