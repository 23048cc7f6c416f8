import { describe, expect, it } from "vitest";
import { STAFF_ROLES, staffRoleFromStored, staffRoleLabel, staffRoleRank, storedStaffRole } from "./staff-roles";

describe("staff roles", () => {
  it("maps every role and approval flag to a stored value and back", () => {
    for (const role of STAFF_ROLES)
      for (const approves of [false, true]) {
        const back = staffRoleFromStored(storedStaffRole(role, approves));
        expect(back.role).toBe(role);
        expect(back.approvesPurchaseOrders).toBe(role === "owner" || (role === "manager" && approves));
      }
    expect(storedStaffRole("manager", true)).toBe("approver");
  });

  it("labels the stored approver a manager, never an approver, and ranks owners first", () => {
    expect(staffRoleLabel("approver")).toBe("Manager who approves purchase orders");
    expect(["viewer", "manager", "owner", "approver"].map(staffRoleLabel)).toEqual(["Viewer", "Manager", "Owner", "Manager who approves purchase orders"]);
    expect(["viewer", "manager", "owner", "approver"].sort((a, b) => staffRoleRank(a) - staffRoleRank(b))).toEqual(["owner", "approver", "manager", "viewer"]);
  });
});
