import { defaultDb, type Db } from "~/models/transaction.server";

export function findStaffRole(shop: string, staffId: string, db: Db = defaultDb) {
  return db.staffRole.findUnique({ where: { shop_staffId: { shop, staffId } } });
}

/** The shop's staff with a Stockcast role, owners first, then by name. */
export async function listStaffRoles(shop: string, db: Db = defaultDb) {
  const rows = await db.staffRole.findMany({ where: { shop }, orderBy: [{ name: "asc" }] });
  const rank = (role: string) => (role === "owner" ? 0 : role === "approver" ? 1 : 2);
  return rows.sort((a, b) => rank(a.role) - rank(b.role));
}
