// Segregation of duties on purchase orders (issue 17), through the real PO and Settings routes: on by default
// once two staff can approve, a self-approval refused in plain words, the staff role still checked, the
// setting owners-only and audited, and one shop's rule never applying to another.
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import * as poRoute from "~/routes/app.purchase-orders_.$id";
import * as settingsRoute from "~/routes/app.settings.purchase-orders/route";
import { SELF_APPROVAL_MESSAGE } from "~/services/approval-rules.server";
import { approveRefusal } from "~/utils/staff-roles";
import { getAsStaff, postAsStaff, storeAdminSession } from "../setup/admin-request";

const OWNER = "6101";
const APPROVER = "6102";
const MANAGER = "6103"; // a manager who does not approve

async function seedShop(label: string, roles: [string, string][]) {
  const store = `sod-${label}-${crypto.randomUUID().slice(0, 8)}`;
  const shop = `${store}.myshopify.com`;
  await storeAdminSession(shop);
  await prisma.shop.create({ data: { shop, name: label } });
  await prisma.staffRole.createMany({ data: roles.map(([staffId, role]) => ({ shop, staffId, role, name: `Staff ${staffId}` })) });
  const vendor = await prisma.vendor.create({ data: { shop, name: "Acme" } });
  const location = await prisma.location.create({ data: { shop, shopifyId: "gid://shopify/Location/1", name: "Warehouse" } });
  const product = await prisma.product.create({ data: { shop, shopifyId: "gid://shopify/Product/1", title: "Tent", vendorId: vendor.id } });
  const variant = await prisma.variant.create({ data: { shop, shopifyId: "gid://shopify/ProductVariant/1", productId: product.id, title: "Green" } });
  const newPo = (number: string, createdBy: string) =>
    prisma.purchaseOrder.create({
      data: { shop, number, vendorId: vendor.id, destinationLocationId: location.id, createdBy, lines: { create: [{ shop, variantId: variant.id, quantityOrdered: 3, unitCost: "19.99" }] } },
    });
  return { store, shop, newPo };
}

const post = (store: string, staff: string, id: string, fields: Record<string, string>) => postAsStaff(poRoute.action, `/app/purchase-orders/${id}`, store, staff, fields, { id });
const saveRule = (store: string, staff: string, on: boolean) => postAsStaff(settingsRoute.action, "/app/settings", store, staff, { intent: "save-approval-rules", blockSelfApproval: String(on) });
const rules = async (store: string, staff = OWNER) => (await (await getAsStaff(settingsRoute.loader, "/app/settings", store, staff)).json()).approvalRules;

/** Submits `po` as `submitter`, then tries to approve it as `approver`: the approve response. */
async function submitThenApprove(store: string, po: { id: string }, submitter: string, approver: string) {
  expect((await post(store, submitter, po.id, { intent: "submit", version: "1" })).status).toBeLessThan(400);
  return post(store, approver, po.id, { intent: "approve", version: "2" });
}

describe("segregation of duties", () => {
  it("is on by default with two approvers: the submitter is refused in plain words, another approver approves", async () => {
    const a = await seedShop("two", [[OWNER, "owner"], [APPROVER, "approver"], [MANAGER, "manager"]]);
    expect(await rules(a.store)).toEqual({ blockSelfApproval: true, automatic: true, approvers: 2 });
    const po = await a.newPo("PO-1", OWNER);
    const refused = await submitThenApprove(a.store, po, OWNER, OWNER);
    expect(refused.status).toBe(403);
    expect((await refused.json()).error).toBe(SELF_APPROVAL_MESSAGE);
    expect(await prisma.purchaseOrder.findUniqueOrThrow({ where: { id: po.id } })).toMatchObject({ status: "pending_approval", submittedBy: OWNER, approvedBy: null, version: 2 });
    expect((await post(a.store, APPROVER, po.id, { intent: "approve", version: "2" })).status).toBeLessThan(400);
    expect(await prisma.purchaseOrder.findUniqueOrThrow({ where: { id: po.id } })).toMatchObject({ status: "approved", approvedBy: APPROVER });
  });

  it("is off by default with one approver, so a lone owner can still approve their own PO", async () => {
    const a = await seedShop("one", [[OWNER, "owner"], [MANAGER, "manager"]]);
    expect(await rules(a.store)).toEqual({ blockSelfApproval: false, automatic: true, approvers: 1 });
    const po = await a.newPo("PO-1", OWNER);
    expect((await submitThenApprove(a.store, po, OWNER, OWNER)).status).toBeLessThan(400);
    expect((await prisma.purchaseOrder.findUniqueOrThrow({ where: { id: po.id } })).status).toBe("approved");
  });

  it("still checks the staff role: a manager who does not approve is refused even on someone else's PO", async () => {
    const a = await seedShop("role", [[OWNER, "owner"], [APPROVER, "approver"], [MANAGER, "manager"]]);
    const po = await a.newPo("PO-1", APPROVER);
    const refused = await submitThenApprove(a.store, po, APPROVER, MANAGER);
    expect(refused.status).toBe(403);
    expect((await refused.json()).error).toBe(approveRefusal("approve"));
    // The submitter who may approve in general is still refused their own.
    expect((await (await post(a.store, APPROVER, po.id, { intent: "approve", version: "2" })).json()).error).toBe(SELF_APPROVAL_MESSAGE);
  });

  it("lets an owner turn the rule off (audited), not a manager; the choice stays per shop", async () => {
    const a = await seedShop("set", [[OWNER, "owner"], [APPROVER, "approver"], [MANAGER, "manager"]]);
    const b = await seedShop("other", [[OWNER, "owner"], [APPROVER, "approver"]]);
    const byManager = await saveRule(a.store, APPROVER, false);
    expect(byManager.status).toBe(403);
    expect(await byManager.json()).toMatchObject({ ok: false, message: "Only an owner can change approval rules. Ask the shop owner." });
    expect(await rules(a.store)).toMatchObject({ blockSelfApproval: true, automatic: true });

    expect(await (await saveRule(a.store, OWNER, false)).json()).toEqual({ intent: "save-approval-rules", ok: true, changed: true });
    expect(await rules(a.store)).toEqual({ blockSelfApproval: false, automatic: false, approvers: 2 });
    const audit = await prisma.auditEntry.findFirstOrThrow({ where: { shop: a.shop, action: "settings.approval_rules_updated" } });
    expect(audit).toMatchObject({ actor: OWNER, before: { blockSelfApproval: null }, after: { blockSelfApproval: false } });
    const po = await a.newPo("PO-1", OWNER);
    expect((await submitThenApprove(a.store, po, OWNER, OWNER)).status).toBeLessThan(400);

    // Shop B kept the default: its owner is still refused their own PO.
    expect(await rules(b.store)).toMatchObject({ blockSelfApproval: true, automatic: true });
    const poB = await b.newPo("PO-1", OWNER);
    expect((await submitThenApprove(b.store, poB, OWNER, OWNER)).status).toBe(403);
  });
});
