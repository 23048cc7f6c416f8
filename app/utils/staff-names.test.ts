import { describe, expect, it } from "vitest";
import { staffNamer, staffNumber } from "./staff-names";

describe("staffNamer", () => {
  const who = staffNamer([
    { staffId: "gid://shopify/StaffMember/101", name: "Alex Owner", email: "alex@example.com" },
    { staffId: "102", name: " ", email: "jordan@example.com" },
    { staffId: "103", name: "", email: null },
  ]);

  it("names staff by name, else email, else 'Staff member', whichever id form was stored", () => {
    expect(who("gid://shopify/StaffMember/101")).toBe("Alex Owner");
    expect(who("101")).toBe("Alex Owner");
    expect(who("gid://shopify/StaffMember/102")).toBe("jordan@example.com");
    expect(who("103")).toBe("Staff member");
  });

  it("never shows a gid or id: unknown staff are 'Staff member', Stockcast's own actors have names", () => {
    expect(who("gid://shopify/StaffMember/999")).toBe("Staff member");
    expect(who("999")).toBe("Staff member");
    expect(who("system")).toBe("Stockcast");
    expect(who("shopify")).toBe("Shopify");
    expect(staffNumber("gid://shopify/StaffMember/42")).toBe("42");
  });
});
