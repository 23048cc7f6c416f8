// Issue 15 finding #4: the shop owner comes from Shopify, not from whoever asks first. Staff roles can only be
// set up by the store's account owner, recognised through Shopify's token exchange for an online token
// (`associated_user.account_owner`), faked at the HTTP boundary with Shopify's answer shape. Until then
// nobody may add roles, and a refusal writes nothing.
import { fakeStaffAccounts, server, type FakeStaffAccount } from "../setup/shopify-fake";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { action } from "~/routes/app.settings.staff/route";
import { roleOf } from "~/services/purchase-orders/permissions.server";
import { NO_OWNER_MESSAGE, OWNER_ONLY_MESSAGE } from "~/services/settings.server";
import { APP, createSignedInShop, sessionTokenHeaders } from "../setup/admin-request";

afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const OLIVE: FakeStaffAccount = { id: 101, first_name: "Olive", last_name: "Owner", email: "olive@example.com", account_owner: true };
const JORDAN: FakeStaffAccount = { id: 202, first_name: "Jordan", last_name: "Ops", email: "jordan@example.com", account_owner: false };
const AGENCY: FakeStaffAccount = { id: 909, first_name: "Dev", last_name: "Agency", email: "dev@agency.example", account_owner: false, collaborator: true };

async function shopWithAccounts(label: string, accounts: FakeStaffAccount[] = [OLIVE, JORDAN, AGENCY]) {
  const { shop } = await createSignedInShop(label);
  const exchange = fakeStaffAccounts(shop, accounts);
  return { shop, exchange };
}

async function post(shop: string, staffId: string, fields: Record<string, string>) {
  const headers = await sessionTokenHeaders(shop, staffId);
  const request = new Request(`${APP}/app/settings`, { method: "POST", headers, body: new URLSearchParams(fields) });
  const response = (await action({ request, params: {}, context: {} })) as Response;
  return { status: response.status, body: await response.json(), token: headers.Authorization.slice("Bearer ".length) };
}

const addSelfAsOwner = (staffId: string) => ({ intent: "save-staff", staffId, name: "Me", role: "owner" });

async function staffRows(shop: string) {
  return prisma.staffRole.findMany({ where: { shop }, orderBy: { staffId: "asc" }, select: { staffId: true, name: true, email: true, role: true } });
}

describe("staff roles: the owner is Shopify's account owner", () => {
  it("refuses everyone else while the shop has no owner, naming who can, and writes nothing", async () => {
    const { shop, exchange } = await shopWithAccounts("owner-none");
    for (const staffId of ["202", "909"]) {
      const refused = await post(shop, staffId, addSelfAsOwner(staffId));
      expect(refused, staffId).toMatchObject({ status: 403, body: { intent: "save-staff", ok: false, fieldErrors: { form: NO_OWNER_MESSAGE } } });
    }
    expect(NO_OWNER_MESSAGE).toContain("account owner");
    // Shopify was asked, the way Shopify's token exchange expects: the staff member's own session token.
    expect(exchange.requests).toHaveLength(2);
    const first = await post(shop, "202", addSelfAsOwner("202"));
    expect(exchange.requests[2]).toMatchObject({
      client_id: "test-api-key",
      grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
      subject_token: first.token,
      subject_token_type: "urn:ietf:params:oauth:token-type:id_token",
      requested_token_type: "urn:shopify:params:oauth:token-type:online-access-token",
    });
    expect(await staffRows(shop)).toEqual([]);
    expect(await prisma.auditEntry.count({ where: { shop } })).toBe(0);
  });

  it("refuses with a clear message when Shopify cannot say who is asking, and writes nothing", async () => {
    const { shop, exchange } = await shopWithAccounts("owner-unknown", [JORDAN]);
    // Shopify refuses the exchange (its OAuth error), then fails outright.
    const unknown = await post(shop, "555", addSelfAsOwner("555"));
    expect(unknown).toMatchObject({ status: 503, body: { ok: false, fieldErrors: { form: expect.stringMatching(/could not confirm with Shopify who you are \(Shopify refused to say who you are\)/) } } });
    exchange.failNext.push(500);
    const failed = await post(shop, "202", addSelfAsOwner("202"));
    expect(failed).toMatchObject({ status: 503, body: { ok: false, fieldErrors: { form: expect.stringMatching(/\(Shopify did not answer\)\. Try again in a minute\./) } } });
    expect(await staffRows(shop)).toEqual([]);
    expect(await prisma.auditEntry.count({ where: { shop } })).toBe(0);
  });

  it("makes the account owner the owner, named as Shopify names them, who can then delegate", async () => {
    const { shop, exchange } = await shopWithAccounts("owner-recognised");
    const added = await post(shop, "101", { intent: "save-staff", staffId: "202", name: "Jordan", role: "manager" });
    expect(added).toMatchObject({ status: 200, body: { ok: true, message: "Jordan added." } });
    expect(await staffRows(shop)).toEqual([
      { staffId: "101", name: "Olive Owner", email: "olive@example.com", role: "owner" },
      { staffId: "202", name: "Jordan", email: null, role: "manager" },
    ]);
    expect(await prisma.auditEntry.findMany({ where: { shop }, orderBy: [{ at: "asc" }, { id: "asc" }], select: { actor: true, action: true, after: true } })).toMatchObject([
      { actor: "shopify", action: "staff_role.created", after: { staffId: "101", role: "owner", reason: "Shopify account owner" } },
      { actor: "101", action: "staff_role.created", after: { staffId: "202", role: "manager" } },
    ]);
    // The owner row now stands for the account owner: approves purchase orders, no second call to Shopify.
    expect(await roleOf(shop, { staffId: "101" })).toMatchObject({ role: "owner", canApprove: true });
    expect(exchange.requests).toHaveLength(1);
    await post(shop, "101", { intent: "save-staff", staffId: "909", name: "Agency", role: "viewer" });
    expect(exchange.requests).toHaveLength(1);

    // A manager is not an owner; an owner the account owner appoints is.
    expect(await post(shop, "202", addSelfAsOwner("303"))).toMatchObject({ status: 403, body: { fieldErrors: { form: OWNER_ONLY_MESSAGE } } });
    const jordanRow = await prisma.staffRole.findFirstOrThrow({ where: { shop, staffId: "202" } });
    expect(await post(shop, "101", { intent: "save-staff", id: jordanRow.id, staffId: "202", name: "Jordan", role: "owner" })).toMatchObject({ status: 200 });
    expect(await post(shop, "202", { intent: "save-staff", staffId: "303", name: "Casey", role: "viewer" })).toMatchObject({ status: 200 });
  });

  it("recognises the account owner once when their first two changes arrive together", async () => {
    const { shop } = await shopWithAccounts("owner-race");
    const [a, b] = await Promise.all([
      post(shop, "101", { intent: "save-staff", staffId: "202", name: "Jordan", role: "manager" }),
      post(shop, "101", { intent: "save-staff", staffId: "909", name: "Agency", role: "viewer" }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect((await staffRows(shop)).map((r) => [r.staffId, r.role])).toEqual([
      ["101", "owner"],
      ["202", "manager"],
      ["909", "viewer"],
    ]);
  });

  it("turns the account owner's existing row into the owner, even where someone else took the owner role first", async () => {
    const { shop } = await shopWithAccounts("owner-takeover");
    // Rows from the open bootstrap: a collaborator made themselves owner and the account owner a viewer.
    await prisma.staffRole.createMany({
      data: [
        { shop, staffId: "909", name: "Dev Agency", role: "owner" },
        { shop, staffId: "101", name: "O.", role: "viewer" },
      ],
    });
    const removed = await post(shop, "101", { intent: "delete-staff", id: (await prisma.staffRole.findFirstOrThrow({ where: { shop, staffId: "909" } })).id });
    expect(removed).toMatchObject({ status: 200, body: { ok: true } });
    expect(await staffRows(shop)).toEqual([{ staffId: "101", name: "Olive Owner", email: "olive@example.com", role: "owner" }]);
    expect(await prisma.auditEntry.findFirstOrThrow({ where: { shop, actor: "shopify" } })).toMatchObject({
      action: "staff_role.updated",
      before: { role: "viewer", name: "O." },
      after: { role: "owner", name: "Olive Owner" },
    });
  });
});
