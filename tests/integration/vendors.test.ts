// The vendor detail screen's loader and action, through Shopify's real session-token auth: scorecard,
// monthly trend, open POs, validated and audited edits, lost-update protection and shop isolation.
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import * as detailRoute from "~/routes/app.vendors_.$id";
import * as listRoute from "~/routes/app.vendors";
import { APP, callRoute, getAsStaff, postAsStaff, sessionTokenHeaders, storeAdminSession } from "../setup/admin-request";

const STAFF = "5101";
const DAY = 86_400_000;

async function seedShop(label: string) {
  const store = `ven-${label}-${crypto.randomUUID().slice(0, 8)}`;
  const shop = `${store}.myshopify.com`;
  await storeAdminSession(shop);
  await prisma.shop.create({ data: { shop, name: label, currencyCode: "CAD" } });
  const vendor = await prisma.vendor.create({ data: { shop, name: "Acme Outdoor", statedLeadTimeDays: 10, currency: "CAD" } });
  const location = await prisma.location.create({ data: { shop, shopifyId: "gid://shopify/Location/1", name: "Warehouse" } });
  const product = await prisma.product.create({ data: { shop, shopifyId: "gid://shopify/Product/1", title: "Tent", vendorId: vendor.id } });
  const variant = await prisma.variant.create({ data: { shop, shopifyId: "gid://shopify/ProductVariant/1", productId: product.id, title: "Green", sku: "T-G" } });
  const now = Date.now();
  // Received 40 days ago after 12 days (promised 10: late), 8 of 10 units.
  const received = await prisma.purchaseOrder.create({
    data: {
      shop, number: "PO-1001", vendorId: vendor.id, destinationLocationId: location.id, currency: "CAD", createdBy: STAFF, status: "received",
      sentAt: new Date(now - 52 * DAY), expectedAt: new Date(now - 42 * DAY),
      lines: { create: [{ shop, variantId: variant.id, quantityOrdered: 10, quantityReceived: 8, unitCost: "20.00" }] },
    },
  });
  await prisma.receipt.create({ data: { shop, purchaseOrderId: received.id, idempotencyKey: `r-${received.id}`, receivedBy: STAFF, receivedAt: new Date(now - 40 * DAY) } });
  // Open: 5 units at 20.00 outstanding, expected in 5 days.
  const open = await prisma.purchaseOrder.create({
    data: {
      shop, number: "PO-1002", vendorId: vendor.id, destinationLocationId: location.id, currency: "CAD", createdBy: STAFF, status: "sent",
      sentAt: new Date(now - 5 * DAY), expectedAt: new Date(now + 5 * DAY),
      lines: { create: [{ shop, variantId: variant.id, quantityOrdered: 5, unitCost: "20.00" }] },
    },
  });
  return { store, shop, vendor, received, open };
}

const getDetail = (store: string, id: string) => getAsStaff(detailRoute.loader, `/app/vendors/${id}`, store, STAFF, { id });
const postDetail = (store: string, id: string, fields: Record<string, string>) => postAsStaff(detailRoute.action, `/app/vendors/${id}`, store, STAFF, fields, { id });

const validForm = (updatedAt: string, extra: Record<string, string> = {}) => ({
  intent: "update",
  updatedAt,
  contactName: "Dana Reyes",
  email: "orders@acme.example",
  phone: "+1 (604) 555-0199",
  currency: "cad",
  statedLeadTimeDays: "21",
  moq: "50",
  notes: "Ships Tuesdays.",
  ...extra,
});

describe("vendor detail", () => {
  it("shows the scorecard, the 12-month trend and open POs as a flat DTO, linked from the list", async () => {
    const a = await seedShop("read");
    const list = await callRoute(async () => listRoute.loader({ request: new Request(`${APP}/app/vendors`, { headers: await sessionTokenHeaders(a.store, STAFF) }), params: {}, context: {} }));
    expect((await list.json()).vendors).toEqual([expect.objectContaining({ id: a.vendor.id, name: "Acme Outdoor", openPoValueCents: 10_000 })]);
    const response = await getDetail(a.store, a.vendor.id);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.vendor).toMatchObject({ id: a.vendor.id, name: "Acme Outdoor", statedLeadTimeDays: 10, currency: "CAD", products: 1, moq: null });
    // One delivery: each figure says how many it rests on, and none is a number yet (fewer than 3).
    expect(body.scorecard).toMatchObject({ deliveries: 1, onTimeRate: null, onTimeObservations: 1, fillRate: null, fillObservations: 1, score: null, openPoValueCents: 10_000 });
    expect(body.scorecard).toMatchObject({ leadTimeMeanDays: null, leadTimeObservations: 1 });
    expect(body.trend).toHaveLength(12);
    const month = new Date(Date.now() - 40 * DAY).toISOString().slice(0, 7);
    expect(body.trend.find((p: { month: string }) => p.month === month)).toMatchObject({ deliveries: 1, onTimeRate: 0, fillRate: 0.8, leadTimeMeanDays: 12 });
    expect(body.trend.filter((p: { deliveries: number }) => p.deliveries === 0).every((p: { onTimeRate: null }) => p.onTimeRate === null)).toBe(true);
    expect(body.openPurchaseOrders).toEqual([expect.objectContaining({ id: a.open.id, number: "PO-1002", status: "sent", openValueCents: 10_000, daysLate: null })]);
    expect(body.history).toEqual([]);
  });

  it("counts an open PO's days late as the PO list does: from the vendor-confirmed ETA when there is one", async () => {
    const a = await seedShop("late");
    const daysAgo = (n: number) => new Date(`${new Date(Date.now() - n * DAY).toISOString().slice(0, 10)}T00:00:00Z`);
    await prisma.purchaseOrder.update({ where: { id: a.open.id }, data: { expectedAt: daysAgo(5) } });
    const late = await (await getDetail(a.store, a.vendor.id)).json();
    expect(late.openPurchaseOrders).toEqual([expect.objectContaining({ id: a.open.id, daysLate: 5 })]);
    await prisma.purchaseOrder.update({ where: { id: a.open.id }, data: { confirmedEta: daysAgo(-3) } });
    const confirmed = await (await getDetail(a.store, a.vendor.id)).json();
    expect(confirmed.openPurchaseOrders).toEqual([expect.objectContaining({ id: a.open.id, daysLate: null })]);
  });

  it("saves a valid edit with an audit entry (who, before, after) and shows it in the history", async () => {
    const a = await seedShop("edit");
    const before = await (await getDetail(a.store, a.vendor.id)).json();
    const saved = await postDetail(a.store, a.vendor.id, validForm(before.vendor.updatedAt));
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ ok: true, changed: true });
    const row = await prisma.vendor.findUniqueOrThrow({ where: { id: a.vendor.id } });
    expect(row).toMatchObject({ contactName: "Dana Reyes", email: "orders@acme.example", phone: "+1 (604) 555-0199", currency: "CAD", statedLeadTimeDays: 21, moq: 50, notes: "Ships Tuesdays." });
    const audit = await prisma.auditEntry.findMany({ where: { shop: a.shop, entityType: "Vendor", entityId: a.vendor.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: STAFF, action: "vendor.updated" });
    expect(audit[0].before).toEqual({ contactName: null, email: null, phone: null, statedLeadTimeDays: 10, moq: null, notes: null });
    expect(audit[0].after).toEqual({ contactName: "Dana Reyes", email: "orders@acme.example", phone: "+1 (604) 555-0199", statedLeadTimeDays: 21, moq: 50, notes: "Ships Tuesdays." });

    const after = await (await getDetail(a.store, a.vendor.id)).json();
    // The actor by name, else email, else "Staff member" — never the stored id or gid.
    expect(after.history).toEqual([expect.objectContaining({ actor: "Staff member", action: expect.stringContaining("Stated lead time 10 days → 21 days") })]);
    expect(after.history[0].action).toContain("Minimum order quantity — → 50");
    const role = await prisma.staffRole.create({ data: { shop: a.shop, staffId: `gid://shopify/StaffMember/${STAFF}`, name: "", email: "robin@example.com", role: "manager" } });
    expect((await (await getDetail(a.store, a.vendor.id)).json()).history[0].actor).toBe("robin@example.com");
    await prisma.staffRole.update({ where: { id: role.id }, data: { name: "Robin Buyer" } });
    expect((await (await getDetail(a.store, a.vendor.id)).json()).history[0].actor).toBe("Robin Buyer");

    // Saving the same values again writes nothing.
    const same = await postDetail(a.store, a.vendor.id, validForm(after.vendor.updatedAt, { currency: "CAD" }));
    expect(await same.json()).toMatchObject({ ok: true, changed: false });
    expect(await prisma.auditEntry.count({ where: { shop: a.shop, entityType: "Vendor" } })).toBe(1);
  });

  it("refuses invalid fields with one clear message per field and writes nothing", async () => {
    const a = await seedShop("invalid");
    const { vendor } = await (await getDetail(a.store, a.vendor.id)).json();
    const bad = await postDetail(a.store, a.vendor.id, validForm(vendor.updatedAt, { email: "not-an-email", currency: "DOLLARS", statedLeadTimeDays: "0", moq: "2.5", phone: "call me" }));
    expect(bad.status).toBe(400);
    const body = await bad.json();
    expect(body.ok).toBe(false);
    expect(body.fieldErrors).toEqual({
      email: "Enter an email address like orders@vendor.com.",
      phone: "Enter a phone number using digits, spaces, + ( ) - or x for an extension.",
      currency: "Currency must be a 3-letter ISO 4217 code, like USD or EUR.",
      statedLeadTimeDays: "Stated lead time must be a whole number from 1 to 365.",
      moq: "Minimum order quantity must be a whole number from 1 to 1,000,000.",
    });
    const tooLong = await postDetail(a.store, a.vendor.id, validForm(vendor.updatedAt, { statedLeadTimeDays: "366", currency: "XQZ" }));
    expect((await tooLong.json()).fieldErrors).toEqual({
      statedLeadTimeDays: "Stated lead time must be a whole number from 1 to 365.",
      currency: "This is not a currency code we know. Use an ISO 4217 code, like USD or EUR.",
    });
    expect(await prisma.vendor.findUniqueOrThrow({ where: { id: a.vendor.id } })).toMatchObject({ statedLeadTimeDays: 10, email: null, currency: "CAD" });
    expect(await prisma.auditEntry.count({ where: { shop: a.shop } })).toBe(0);
  });

  it("refuses a stale edit instead of overwriting someone else's change", async () => {
    const a = await seedShop("stale");
    const { vendor } = await (await getDetail(a.store, a.vendor.id)).json();
    expect((await postDetail(a.store, a.vendor.id, validForm(vendor.updatedAt, { statedLeadTimeDays: "30" }))).status).toBe(200);
    const stale = await postDetail(a.store, a.vendor.id, validForm(vendor.updatedAt, { statedLeadTimeDays: "5" }));
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ ok: false, code: "conflict", error: expect.stringContaining("Someone else changed this vendor") });
    expect((await prisma.vendor.findUniqueOrThrow({ where: { id: a.vendor.id } })).statedLeadTimeDays).toBe(30);
  });

  it("answers 404 when shop B reads or edits shop A's vendor", async () => {
    const a = await seedShop("iso-a");
    const b = await seedShop("iso-b");
    const { vendor } = await (await getDetail(a.store, a.vendor.id)).json();
    expect((await getDetail(b.store, a.vendor.id)).status).toBe(404);
    expect((await postDetail(b.store, a.vendor.id, validForm(vendor.updatedAt))).status).toBe(404);
    expect(await prisma.vendor.findUniqueOrThrow({ where: { id: a.vendor.id } })).toMatchObject({ statedLeadTimeDays: 10, contactName: null });
    expect(await prisma.auditEntry.count({ where: { shop: { in: [a.shop, b.shop] } } })).toBe(0);
  });
});
