import { findStaffRole, listStaffRoles } from "~/models/staff.server";
import { defaultDb, type Db } from "~/models/transaction.server";
import { PurchaseOrderError } from "./errors";

/** Who is acting: a Shopify staff id (or demo persona) and whether they own the shop. */
export interface PoActor {
  staffId: string;
  /** The shop owner is always an approver, with or without a StaffRole row. */
  isOwner?: boolean;
}

export type PoPermission = "view" | "edit" | "approve";

export interface ActorRole {
  role: string | null;
  canEdit: boolean;
  canApprove: boolean;
}

const APPROVER_ROLES = new Set(["approver", "owner"]);

/**
 * An actor's Stockcast role: StaffRole "owner"/"approver" (or the shop owner) may approve and reject; "viewer"
 * may only look; staff without a role row may draft, submit, send and cancel.
 */
export async function roleOf(shop: string, actor: PoActor, db: Db = defaultDb): Promise<ActorRole> {
  const row = await findStaffRole(shop, actor.staffId, db);
  const role = actor.isOwner ? "owner" : (row?.role ?? null);
  const canApprove = role !== null && APPROVER_ROLES.has(role);
  return { role, canApprove, canEdit: canApprove || role !== "viewer" };
}

/** Throws a permission error the merchant understands unless `actor` may do `what`. */
export async function assertPermission(shop: string, actor: PoActor, what: PoPermission, verb: string, db: Db = defaultDb) {
  if (what === "view") return;
  const role = await roleOf(shop, actor, db);
  if (what === "approve" && !role.canApprove) {
    throw new PurchaseOrderError("forbidden", `Only staff with the approver role can ${verb} purchase orders`);
  }
  if (what === "edit" && !role.canEdit) {
    throw new PurchaseOrderError("forbidden", "Viewers can look at purchase orders but not change them — ask the shop owner for a role");
  }
}

export interface DemoPersona {
  staffId: string;
  name: string;
  role: string;
}

/**
 * The actor of a demo-mode request: the StaffRole row named by the demo cookie, else the shop's owner row,
 * else the demo persona as shop owner. Outside demo mode the cookie is ignored.
 */
export async function resolveActor(
  shop: string,
  ctx: { mode: "shopify" | "demo"; staffId: string },
  demoStaffCookie: string | null,
): Promise<{ actor: PoActor; personas: DemoPersona[] }> {
  if (ctx.mode !== "demo") return { actor: { staffId: ctx.staffId }, personas: [] };
  const personas = (await listStaffRoles(shop)).map((r) => ({ staffId: r.staffId, name: r.name, role: r.role }));
  const chosen = personas.find((p) => p.staffId === demoStaffCookie) ?? personas.find((p) => p.role === "owner");
  if (chosen) return { actor: { staffId: chosen.staffId, isOwner: chosen.role === "owner" }, personas };
  return { actor: { staffId: ctx.staffId, isOwner: true }, personas };
}

/** The demo role-switcher cookie: which demo StaffRole acts (demo mode only). */
export const DEMO_STAFF_COOKIE = "stockcast_demo_staff";

/** The demo staff id from a Cookie header, or null. */
export function demoStaffFromCookieHeader(header: string | null): string | null {
  for (const part of (header ?? "").split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === DEMO_STAFF_COOKIE) {
      try {
        return decodeURIComponent(rest.join("=")) || null;
      } catch {
        return null;
      }
    }
  }
  return null;
}

/** A Set-Cookie value choosing the demo staff member. */
export function demoStaffSetCookie(staffId: string): string {
  return `${DEMO_STAFF_COOKIE}=${encodeURIComponent(staffId)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=2592000`;
}
