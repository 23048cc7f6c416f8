// Purchase-order permissions on top of the app-wide role check (../permissions.server.ts): viewers look only,
// staff without a role row may draft, submit, send and cancel; owners and managers who approve also approve and reject.
import { roleOf, type Actor } from "~/services/permissions.server";
import { defaultDb, type Db } from "~/models/transaction.server";
import { PurchaseOrderError } from "./errors";
import { approveRefusal } from "~/utils/staff-roles";

export { demoStaffFromCookieHeader, demoStaffSetCookie, resolveActor, roleOf, DEMO_STAFF_COOKIE } from "~/services/permissions.server";
export type { ActorRole, DemoPersona } from "~/services/permissions.server";

export type PoActor = Actor;

export type PoPermission = "view" | "edit" | "approve";

/** Throws a permission error the merchant understands unless `actor` may do `what`. */
export async function assertPermission(shop: string, actor: PoActor, what: PoPermission, verb: string, db: Db = defaultDb) {
  if (what === "view") return;
  const role = await roleOf(shop, actor, db);
  if (what === "approve" && !role.canApprove) {
    throw new PurchaseOrderError("forbidden", approveRefusal(verb));
  }
  if (what === "edit" && !role.canEdit) {
    throw new PurchaseOrderError("forbidden", "Viewers can look at purchase orders but not change them — ask the shop owner for a role");
  }
}
