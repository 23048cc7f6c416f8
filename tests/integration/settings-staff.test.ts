// Settings → Staff roles through the real route (session-token auth, zod in the action): bad input saves
// nothing and names the field; saves are audited; only owners manage roles (the store's account owner is
// recognised through Shopify's token exchange, faked at the HTTP boundary); the last owner stays; and the
// roles drive purchase-order permissions (owner and approving managers approve).
import { fakeStaffAccounts, server, type FakeStaffAccount } from "../setup/shopify-fake";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { loader } from "~/routes/app.settings.staff/route";
import { postSettings } from "../setup/settings-sections";
import { roleOf } from "~/services/purchase-orders/permissions.server";
import { APP, createSignedInShop, sessionTokenHeaders } from "../setup/admin-request";

afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** Shopify's accounts of the store: 101 owns it, 303 is staff. */
const ACCOUNTS: FakeStaffAccount[] = [
  { id: 101, first_name: "Olive", last_name: "Owner", email: "olive@example.com", account_owner: true },
  { id: 303, first_name: "Casey", last_name: "Park", email: "casey@example.com", account_owner: false },
];

/** A shop with a stored offline session; `as(staffId)` gives request headers for that staff member. */
async function signedInShop(label: string) {
  const { shop } = await createSignedInShop(label, { currencyCode: "CAD" });
  fakeStaffAccounts(shop, ACCOUNTS);
  const as = (staffId: string) => sessionTokenHeaders(shop, staffId);
  return { shop, as };
}

const post = (headers: Record<string, string>, fields: Record<string, string>) => postSettings(headers, fields);

async function staffOf(headers: Record<string, string>) {
  const response = (await loader({ request: new Request(`${APP}/app/settings`, { headers }), params: {}, context: {} })) as Response;
  return (await response.json()).staff;
}

describe("Settings → Staff roles", () => {
  it("rejects bad input with one message per field and saves nothing", async () => {
    const { shop, as } = await signedInShop("staff-invalid");
    const headers = await as("101");
    const bad = await post(headers, { intent: "save-staff", staffId: "Jordan", name: " ", email: "nope", role: "boss" });
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({
      intent: "save-staff",
      ok: false,
      fieldErrors: {
        staffId: "The staff ID is the number at the end of the staff member's page in Shopify admin (Settings → Users), like 104857602.",
        name: "Enter the staff member's name.",
        email: "Enter a valid email address, or leave it empty.",
        role: "Choose owner, manager or viewer.",
      },
    });
    const viewerApproves = await post(headers, { intent: "save-staff", staffId: "7", name: "Vic", role: "viewer", approvesPurchaseOrders: "true" });
    expect(viewerApproves.body.fieldErrors).toEqual({ approvesPurchaseOrders: "Viewers cannot approve purchase orders. Make them a manager first." });
    expect(await prisma.staffRole.count({ where: { shop } })).toBe(0);
    expect(await prisma.auditEntry.count({ where: { shop } })).toBe(0);
  });

  it("adds, edits and removes staff with audit entries; roles drive purchase-order approval", async () => {
    const { shop, as } = await signedInShop("staff-crud");
    const owner = await as("101");
    expect(await staffOf(owner)).toEqual([]);

    // The account owner's first change makes them the owner, named as Shopify names them.
    // A gid is accepted and stored as the number Shopify's session token carries.
    const added = await post(owner, { intent: "save-staff", staffId: "gid://shopify/StaffMember/202", name: "Jordan Ops", role: "manager", approvesPurchaseOrders: "true" });
    expect(added.body).toMatchObject({ ok: true });
    const jordanId = added.body.staffRoleId as string;
    await post(owner, { intent: "save-staff", staffId: "303", name: "Casey Park", role: "viewer" });

    const list = await staffOf(owner);
    expect(list.map((s: { name: string; role: string; approvesPurchaseOrders: boolean; staffId: string }) => [s.name, s.staffId, s.role, s.approvesPurchaseOrders])).toEqual([
      ["Olive Owner", "101", "owner", true],
      ["Jordan Ops", "202", "manager", true],
      ["Casey Park", "303", "viewer", false],
    ]);
    expect(await roleOf(shop, { staffId: "202" })).toEqual({ role: "approver", canApprove: true, canEdit: true });
    expect(await roleOf(shop, { staffId: "303" })).toEqual({ role: "viewer", canApprove: false, canEdit: false });

    const duplicate = await post(owner, { intent: "save-staff", staffId: "202", name: "Someone else", role: "viewer" });
    expect(duplicate).toMatchObject({ status: 400, body: { fieldErrors: { staffId: "Jordan Ops already has staff ID 202. Edit that row instead." } } });

    const edited = await post(owner, { intent: "save-staff", id: jordanId, staffId: "202", name: "Jordan Ops", email: "jordan@example.com", role: "manager" });
    expect(edited.body).toMatchObject({ ok: true, message: "Jordan Ops's role saved." });
    expect(await roleOf(shop, { staffId: "202" })).toEqual({ role: "manager", canApprove: false, canEdit: true });

    expect((await post(owner, { intent: "delete-staff", id: jordanId })).body).toMatchObject({ ok: true });
    expect(await prisma.staffRole.count({ where: { shop } })).toBe(2);

    const audit = await prisma.auditEntry.findMany({ where: { shop, entityType: "StaffRole" }, orderBy: [{ at: "asc" }, { id: "asc" }] });
    expect(audit.map((a) => [a.action, a.actor])).toEqual([
      ["staff_role.created", "shopify"],
      ["staff_role.created", "101"],
      ["staff_role.created", "101"],
      ["staff_role.updated", "101"],
      ["staff_role.deleted", "101"],
    ]);
    const update = audit[3];
    expect(update.before).toMatchObject({ role: "approver", email: null });
    expect(update.after).toMatchObject({ role: "manager", email: "jordan@example.com" });
  });

  it("lets only owners change roles once there is an owner, and always keeps one owner", async () => {
    const { shop, as } = await signedInShop("staff-guard");
    const owner = await as("101");
    const viewer = await as("303");
    await post(owner, { intent: "save-staff", staffId: "303", name: "Casey Park", role: "viewer" });
    const ownerRow = await prisma.staffRole.findFirstOrThrow({ where: { shop, staffId: "101" } });

    const promoted = await post(viewer, { intent: "save-staff", staffId: "404", name: "Mallory", role: "owner" });
    expect(promoted).toMatchObject({ status: 403, body: { ok: false, fieldErrors: { form: "Only an owner can change staff roles. Ask the shop owner." } } });
    expect(await post(viewer, { intent: "delete-staff", id: ownerRow.id })).toMatchObject({ status: 403 });
    // Viewers cannot change notification channels either.
    expect(await post(viewer, { intent: "save-channel", kind: "email", target: "x@example.com", minSeverity: "info" })).toMatchObject({ status: 403 });

    const demote = await post(owner, { intent: "save-staff", id: ownerRow.id, staffId: "101", name: "Olive Owner", role: "manager" });
    expect(demote).toMatchObject({ status: 400, body: { fieldErrors: { role: "Keep at least one owner: make someone else an owner first." } } });
    expect(await post(owner, { intent: "delete-staff", id: ownerRow.id })).toMatchObject({
      status: 400,
      body: { fieldErrors: { form: "Keep at least one owner: make someone else an owner before removing this one." } },
    });
    expect(await prisma.staffRole.findMany({ where: { shop }, orderBy: { staffId: "asc" } })).toMatchObject([
      { staffId: "101", role: "owner" },
      { staffId: "303", role: "viewer" },
    ]);
  });

  it("never shows or changes another shop's staff", async () => {
    const a = await signedInShop("staff-a");
    const b = await signedInShop("staff-b");
    const ownerA = await a.as("101");
    const added = await post(ownerA, { intent: "save-staff", staffId: "303", name: "Casey Park", role: "viewer" });
    const id = added.body.staffRoleId as string;
    const ownerB = await b.as("101");
    expect(await staffOf(ownerB)).toEqual([]);
    expect(await post(ownerB, { intent: "delete-staff", id })).toMatchObject({ status: 404 });
    expect(await post(ownerB, { intent: "save-staff", id, staffId: "303", name: "Hijacked", role: "owner" })).toMatchObject({ status: 404 });
    expect(await prisma.staffRole.findUniqueOrThrow({ where: { id } })).toMatchObject({ shop: a.shop, name: "Casey Park" });
  });
});
