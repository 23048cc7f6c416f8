import { defaultDb, type Db } from "~/models/transaction.server";
import { staffRoleRank } from "~/utils/staff-roles";

export function findStaffRole(shop: string, staffId: string, db: Db = defaultDb) {
  return db.staffRole.findUnique({ where: { shop_staffId: { shop, staffId } } });
}

/** The shop's staff with a Stockcast role, owners first (utils/staff-roles.ts), then by name. */
export async function listStaffRoles(shop: string, db: Db = defaultDb) {
  const rows = await db.staffRole.findMany({ where: { shop }, orderBy: [{ name: "asc" }] });
  return rows.sort((a, b) => staffRoleRank(a.role) - staffRoleRank(b.role));
}

export interface StaffRoleWrite {
  staffId: string;
  name: string;
  email: string | null;
  role: string;
}

export function findStaffRoleById(shop: string, id: string, db: Db = defaultDb) {
  return db.staffRole.findFirst({ where: { shop, id } });
}

export function createStaffRole(shop: string, data: StaffRoleWrite, db: Db = defaultDb) {
  return db.staffRole.create({ data: { shop, ...data } });
}

export function updateStaffRole(shop: string, id: string, data: StaffRoleWrite, db: Db = defaultDb) {
  return db.staffRole.update({ where: { id, shop }, data });
}

export async function deleteStaffRole(shop: string, id: string, db: Db = defaultDb) {
  await db.staffRole.deleteMany({ where: { shop, id } });
}

export function countOwners(shop: string, db: Db = defaultDb) {
  return db.staffRole.count({ where: { shop, role: "owner" } });
}

/** How many staff may approve purchase orders: owners and managers who approve (utils/staff-roles.ts). */
export function countApprovers(shop: string, db: Db = defaultDb) {
  return db.staffRole.count({ where: { shop, role: { in: ["owner", "approver"] } } });
}
