// Who may change what in Stockcast: the one role check every mutating admin action calls before it does
// anything. Roles are StaffRole rows, named in utils/staff-roles.ts (owner, manager — who may approve POs —
// and viewer); staff without a row may change things, as they always could on purchase orders.
import { findStaffRole, listStaffRoles } from "~/models/staff.server";
import { defaultDb, type Db } from "~/models/transaction.server";
import { storedRoleApproves } from "~/utils/staff-roles";

/** Who is acting: a Shopify staff id (or demo persona) and whether they own the shop. */
export interface Actor {
  staffId: string;
  /** The shop owner is always an approver, with or without a StaffRole row. */
  isOwner?: boolean;
}

export interface ActorRole {
  role: string | null;
  canEdit: boolean;
  canApprove: boolean;
}

/** What a viewer is told when they try to change anything, on any screen. */
export const VIEWER_MESSAGE = "Viewers can look but not change anything — ask the shop owner for a role";

/**
 * An actor's Stockcast role (the stored value): owners (and the shop owner) and managers who approve may approve and reject; viewers
 * may only look; everyone else (managers, staff without a role row) may change things.
 */
export async function roleOf(shop: string, actor: Actor, db: Db = defaultDb): Promise<ActorRole> {
  const row = await findStaffRole(shop, actor.staffId, db);
  const role = actor.isOwner ? "owner" : (row?.role ?? null);
  const canApprove = role !== null && storedRoleApproves(role);
  return { role, canApprove, canEdit: canApprove || role !== "viewer" };
}

/** The check every mutating action makes: null if `actor` may change this shop's data, else the message to show. */
export async function refusalFor(shop: string, actor: Actor, db: Db = defaultDb): Promise<string | null> {
  return (await roleOf(shop, actor, db)).canEdit ? null : VIEWER_MESSAGE;
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
): Promise<{ actor: Actor; personas: DemoPersona[] }> {
  if (ctx.mode !== "demo") return { actor: { staffId: ctx.staffId }, personas: [] };
  const personas = (await listStaffRoles(shop)).map((r) => ({ staffId: r.staffId, name: r.name, role: r.role }));
  const chosen = personas.find((p) => p.staffId === demoStaffCookie) ?? personas.find((p) => p.role === "owner");
  if (chosen) return { actor: { staffId: chosen.staffId, isOwner: chosen.role === "owner" }, personas };
  return { actor: { staffId: ctx.staffId, isOwner: true }, personas };
}

/**
 * For a route action: who acts (the demo persona in demo mode) and, for a viewer, the refusal to answer with
 * 403. Routes call it before reading anything else of the request.
 */
export async function guardChange(ctx: { shop: string; mode: "shopify" | "demo"; staffId: string }, request: Request): Promise<{ actor: Actor; refusal: string | null }> {
  const { actor } = await resolveActor(ctx.shop, ctx, demoStaffFromCookieHeader(request.headers.get("Cookie")));
  return { actor, refusal: await refusalFor(ctx.shop, actor) };
}

/** For a loader: whether the screen should offer changes (the server checks again on every action). */
export async function canChange(ctx: { shop: string; mode: "shopify" | "demo"; staffId: string }, request: Request): Promise<boolean> {
  return (await guardChange(ctx, request)).refusal === null;
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
