// Stockcast's staff roles in the merchant's words — owner, manager, viewer, and "approves purchase orders"
// as a flag on managers — and the one place they map to stored StaffRole.role values. The stored "approver"
// (a manager who approves) predates the flag; rows keep it, so no data migration, and nothing else reads it.

export const STAFF_ROLES = ["owner", "manager", "viewer"] as const;
export type StaffRoleName = (typeof STAFF_ROLES)[number];

/** What StaffRole.role holds. */
export type StoredStaffRole = "owner" | "approver" | "manager" | "viewer";

/** A stored role → the merchant's role and approval flag (an unknown value reads as a manager who does not approve). */
export function staffRoleFromStored(stored: string): { role: StaffRoleName; approvesPurchaseOrders: boolean } {
  if (stored === "owner") return { role: "owner", approvesPurchaseOrders: true };
  if (stored === "viewer") return { role: "viewer", approvesPurchaseOrders: false };
  return { role: "manager", approvesPurchaseOrders: stored === "approver" };
}

/** The merchant's role and approval flag → the stored role (owners always approve, viewers never). */
export function storedStaffRole(role: StaffRoleName, approvesPurchaseOrders: boolean): StoredStaffRole {
  return role === "manager" && approvesPurchaseOrders ? "approver" : role;
}

export const STAFF_ROLE_LABEL: Record<StaffRoleName, string> = { owner: "Owner", manager: "Manager", viewer: "Viewer" };

/** "Owner", "Manager who approves purchase orders", "Manager", "Viewer" from a stored role. */
export function staffRoleLabel(stored: string): string {
  const { role, approvesPurchaseOrders } = staffRoleFromStored(stored);
  return role === "manager" && approvesPurchaseOrders ? "Manager who approves purchase orders" : STAFF_ROLE_LABEL[role];
}

/** Sort key for lists of staff: owners, then managers who approve, then managers, then viewers. */
export function staffRoleRank(stored: string): number {
  const { role, approvesPurchaseOrders } = staffRoleFromStored(stored);
  return role === "owner" ? 0 : role === "viewer" ? 3 : approvesPurchaseOrders ? 1 : 2;
}

/** Whether a stored role may approve and reject purchase orders. */
export const storedRoleApproves = (stored: string) => staffRoleFromStored(stored).approvesPurchaseOrders;

/** Refused approvals and rejections, in the words Settings uses. */
export const approveRefusal = (verb: string) => `Only the owner and managers who approve purchase orders can ${verb} them`;
