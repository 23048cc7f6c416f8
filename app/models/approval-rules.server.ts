import { defaultDb, type Db } from "./transaction.server";

// The approval-rules column of Shop: blockSelfApproval true/false as the merchant set it, null = automatic.

/** The stored setting: true, false, null (automatic), or undefined when the shop never installed. */
export async function findBlockSelfApproval(shop: string, db: Db = defaultDb): Promise<boolean | null | undefined> {
  const row = await db.shop.findUnique({ where: { shop }, select: { blockSelfApproval: true } });
  return row ? row.blockSelfApproval : undefined;
}

export async function setBlockSelfApproval(shop: string, value: boolean | null, db: Db = defaultDb): Promise<void> {
  await db.shop.updateMany({ where: { shop }, data: { blockSelfApproval: value } });
}
