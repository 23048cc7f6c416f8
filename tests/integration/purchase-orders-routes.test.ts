// The purchase-order screens' loaders and actions, through Shopify's real session-token auth.
import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import * as detailRoute from "~/routes/app.purchase-orders_.$id";
import * as listRoute from "~/routes/app.purchase-orders";
import { APP, callRoute, getAsStaff, postAsStaff, sessionTokenHeaders, createShopWithSession } from "../setup/admin-request";

const CLERK = "4101";
const APPROVER = "4102";

async function seedShop(label: string) {
  const { store, shop } = await createShopWithSession(`po-${label}`, { name: label, currencyCode: "CAD" });
  await prisma.staffRole.create({ data: { shop, staffId: APPROVER, name: "Avery Approver", role: "approver" } });
  const vendor = await prisma.vendor.create({ data: { shop, name: "Acme" } });
  const location = await prisma.location.create({ data: { shop, shopifyId: "gid://shopify/Location/1", name: "Warehouse" } });
  const product = await prisma.product.create({ data: { shop, shopifyId: "gid://shopify/Product/1", title: "Tent", vendorId: vendor.id } });
  const variant = await prisma.variant.create({ data: { shop, shopifyId: "gid://shopify/ProductVariant/1", productId: product.id, title: "Green", sku: "T-G" } });
  const po = await prisma.purchaseOrder.create({
    data: {
      shop, number: "PO-1001", vendorId: vendor.id, destinationLocationId: location.id, currency: "CAD", createdBy: CLERK,
      expectedAt: new Date("2026-12-01T00:00:00Z"),
      lines: { create: [{ shop, variantId: variant.id, quantityOrdered: 3, unitCost: "19.99" }] },
    },
    include: { lines: true },
  });
  return { store, shop, po };
}

const getDetail = (store: string, staff: string, id: string) => getAsStaff(detailRoute.loader, `/app/purchase-orders/${id}`, store, staff, { id });
const postDetail = (store: string, staff: string, id: string, fields: Record<string, string>) =>
  postAsStaff(detailRoute.action, `/app/purchase-orders/${id}`, store, staff, fields, { id });

describe("purchase-order routes", () => {
  it("lists the shop's POs as a flat DTO, filtered by status", async () => {
    const a = await seedShop("list");
    const request = new Request(`${APP}/app/purchase-orders?status=draft`, { headers: await sessionTokenHeaders(a.store, CLERK) });
    const response = await callRoute(() => listRoute.loader({ request, params: {}, context: {} }));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.rows).toEqual([
      expect.objectContaining({ id: a.po.id, number: "PO-1001", vendor: "Acme", destination: "Warehouse", status: "draft", currency: "CAD", expectedAt: "2026-12-01T00:00:00.000Z", lineCount: 1, units: 3, total: "59.97" }),
    ]);
    expect(body.statusCounts).toEqual({ draft: 1 });
    const bad = new Request(`${APP}/app/purchase-orders?status=lost`, { headers: await sessionTokenHeaders(a.store, CLERK) });
    expect((await callRoute(() => listRoute.loader({ request: bad, params: {}, context: {} }))).status).toBe(400);
  });

  it("answers 404 for another shop's PO, to read or to change", async () => {
    const a = await seedShop("iso-a");
    const b = await seedShop("iso-b");
    expect((await getDetail(a.store, CLERK, b.po.id)).status).toBe(404);
    expect((await postDetail(a.store, APPROVER, b.po.id, { intent: "submit", version: "1" })).status).toBe(404);
    expect((await prisma.purchaseOrder.findUniqueOrThrow({ where: { id: b.po.id } })).status).toBe("draft");
    expect((await getDetail(b.store, CLERK, b.po.id)).status).toBe(200);
  });

  it("runs submit → approve through the actions, with permission and conflict errors as JSON", async () => {
    const a = await seedShop("flow");
    const detail = await (await getDetail(a.store, CLERK, a.po.id)).json();
    expect(detail.po).toMatchObject({ number: "PO-1001", status: "draft", version: 1, total: "59.97", currency: "CAD", createdBy: "Staff member" });
    expect(detail.lines).toEqual([expect.objectContaining({ sku: "T-G", quantityOrdered: 3, unitCost: "19.99", lineTotal: "59.97" })]);
    expect(detail.actions).toEqual(["submit", "cancel"]);

    const blank = await postDetail(a.store, CLERK, a.po.id, { intent: "update_lines", version: "1", lineId: a.po.lines[0].id, quantity: "" });
    expect(blank.status).toBe(400);
    expect((await blank.json()).error).toBe("Quantities must be whole numbers between 0 and 1,000,000");
    const edited = await postDetail(a.store, CLERK, a.po.id, { intent: "update_lines", version: "1", lineId: a.po.lines[0].id, quantity: "5" });
    expect(edited.status).toBe(200);
    expect((await postDetail(a.store, CLERK, a.po.id, { intent: "submit", version: "2" })).status).toBe(200);

    const forbidden = await postDetail(a.store, CLERK, a.po.id, { intent: "approve", version: "3" });
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toEqual({ error: "Only the owner and managers who approve purchase orders can approve them", code: "forbidden" });

    const noReason = await postDetail(a.store, APPROVER, a.po.id, { intent: "reject", version: "3", reason: "  " });
    expect(noReason.status).toBe(400);
    expect((await noReason.json()).error).toBe("Say why the purchase order is rejected");

    expect((await postDetail(a.store, APPROVER, a.po.id, { intent: "approve", version: "3" })).status).toBe(200);
    const stale = await postDetail(a.store, APPROVER, a.po.id, { intent: "send", version: "3" });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toEqual({ error: "This purchase order was changed by someone else — reload to see the latest", code: "conflict" });

    const illegal = await postDetail(a.store, APPROVER, a.po.id, { intent: "submit", version: "4" });
    expect(illegal.status).toBe(409);
    expect(await illegal.json()).toEqual({ error: "An approved purchase order can't be submitted for approval", code: "illegal_transition" });

    const after = await (await getDetail(a.store, APPROVER, a.po.id)).json();
    expect(after.po).toMatchObject({ status: "approved", version: 4, approvedBy: "Avery Approver", total: "99.95" });
    expect(after.history.map((h: { action: string }) => h.action)).toEqual(["purchase_order.approved", "purchase_order.submitted", "purchase_order.lines_updated"]);
  });

  it("reports drafting problems from the list action as JSON", async () => {
    const a = await seedShop("draft");
    const request = new Request(`${APP}/app/purchase-orders`, { method: "POST", headers: await sessionTokenHeaders(a.store, CLERK), body: new URLSearchParams({ intent: "create_from_plan", lineId: "nope" }) });
    const response = await callRoute(() => listRoute.action({ request, params: {}, context: {} }));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "There is no plan yet — run planning first" });
  });
});
