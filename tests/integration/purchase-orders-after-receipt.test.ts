// Issue 17, part 1 "Lifecycle": a way out after a partial receipt (close short, cancel the remainder), dates that
// can change while a PO is open, line edits before sending (an approved PO goes back for approval), and overdue
// POs on the list. Real routes, services, plan runs and the job queue on the test database.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fakeFlowTriggers, server } from "../setup/shopify-fake";
import prisma from "~/db.server";
import { getJobQueue, JOB } from "~/jobs/index.server";
import { PLAN_TOUCHED_DELAY_MS } from "~/jobs/planning.server";
import { listJobSummaries } from "~/models/jobs.server";
import { listOpenPurchaseOrderLines } from "~/models/planning-inputs.server";
import * as poRoute from "~/routes/app.purchase-orders_.$id";
import * as variantsRoute from "~/routes/app.purchase-orders_.$id.variants";
import * as listRoute from "~/routes/app.purchase-orders";
import { evaluateAlerts } from "~/services/alerts/evaluate.server";
import { planShop } from "~/services/planning/plan-shop.server";
import { searchVariantsToAdd, updateDates, updateDraftLines } from "~/services/purchase-orders/edits.server";
import { PurchaseOrderError } from "~/services/purchase-orders/errors";
import { approve, cancelRemainder, closeShort, submitForApproval } from "~/services/purchase-orders/lifecycle.server";
import { getPurchaseOrderDetail, getPurchaseOrderList } from "~/services/purchase-orders/queries.server";
import { addDays, localDate } from "~/lib/time";
import { useSmtpServer } from "~/utils/mailer.server";
import { startSmtpCapture, type SmtpCapture } from "../../scripts/mail/smtp-capture";
import { getAsStaff, postAsStaff, storeAdminSession } from "../setup/admin-request";

const CLERK = "7101"; // no role row: may edit, not approve
const APPROVER = "7102";
const VIEWER = "7103";
const DAY = 86_400_000;

/**
 * A shop (UTC) selling 3 a day of each of three variants (two of Acme, one of Bolt) with 30 available, and one
 * PO of Acme for 40 of the first variant in `status`, 12 received when partially received, due in 5 days.
 */
async function seedShop(label: string, status = "partially_received") {
  const store = `after-${label}-${crypto.randomUUID().slice(0, 8)}`;
  const shop = `${store}.myshopify.com`;
  await storeAdminSession(shop);
  fakeFlowTriggers(shop);
  await prisma.shop.create({ data: { shop, name: label, ianaTimezone: "UTC", orderingCost: "0" } });
  await prisma.staffRole.createMany({
    data: [
      { shop, staffId: APPROVER, name: "Avery Approver", role: "approver" },
      { shop, staffId: VIEWER, name: "Vic Viewer", role: "viewer" },
    ],
  });
  const location = await prisma.location.create({ data: { shop, shopifyId: "gid://shopify/Location/1", name: "Warehouse" } });
  const acme = await prisma.vendor.create({ data: { shop, name: "Acme", statedLeadTimeDays: 10 } });
  const bolt = await prisma.vendor.create({ data: { shop, name: "Bolt", statedLeadTimeDays: 10 } });
  const mug = await prisma.product.create({ data: { shop, shopifyId: "gid://shopify/Product/1", title: "Mug", vendorId: acme.id } });
  const lamp = await prisma.product.create({ data: { shop, shopifyId: "gid://shopify/Product/2", title: "Lamp", vendorId: bolt.id } });
  const today = localDate(new Date(), "UTC");
  const variants = [];
  for (const [n, productId, sku] of [[1, mug.id, "MUG-1"], [2, mug.id, "MUG-2"], [3, lamp.id, "LAMP-1"]] as const) {
    const v = await prisma.variant.create({ data: { shop, shopifyId: `gid://shopify/ProductVariant/${n}`, productId, title: `V${n}`, sku, unitCost: "4.00", price: "12" } });
    await prisma.inventoryLevel.create({ data: { shop, variantId: v.id, locationId: location.id, available: 30, onHand: 30 } });
    await prisma.demandDay.createMany({ data: Array.from({ length: 120 }, (_, i) => ({ shop, variantId: v.id, locationId: location.id, date: addDays(today, -i - 1), units: 3, revenue: "36" })) });
    variants.push(v);
  }
  const received = status === "partially_received" ? 12 : 0;
  const po = await prisma.purchaseOrder.create({
    data: {
      shop, number: "PO-1001", vendorId: acme.id, destinationLocationId: location.id, currency: "USD", createdBy: CLERK, status,
      sentAt: status === "partially_received" || status === "sent" ? new Date(Date.now() - 10 * DAY) : null,
      expectedAt: new Date(`${addDays(today, 5)}T00:00:00Z`),
      lines: { create: [{ shop, variantId: variants[0].id, quantityOrdered: 40, quantityReceived: received, unitCost: "4.00" }] },
    },
    include: { lines: true },
  });
  return { store, shop, acme, bolt, variants, po, location, today };
}

let smtp: SmtpCapture;
beforeAll(async () => {
  smtp = await startSmtpCapture();
  useSmtpServer(smtp.url);
});
afterAll(async () => {
  server.close();
  useSmtpServer(undefined);
  await smtp?.close();
});

const lineOf = (shop: string, variantId: string) => prisma.replenishmentLine.findFirstOrThrow({ where: { shop, variantId } });
const jobsOf = async (shop: string) => (await listJobSummaries(shop)).filter((j) => j.name === JOB.planTouched).map((j) => j.status);
const runReplan = () => getJobQueue().runDue({ includeDelayed: true, now: new Date(Date.now() + PLAN_TOUCHED_DELAY_MS + 1000) });
const post = (s: { store: string; po: { id: string } }, staff: string, fields: Record<string, string>) =>
  postAsStaff(poRoute.action, `/app/purchase-orders/${s.po.id}`, s.store, staff, fields, { id: s.po.id });

async function poError(promise: Promise<unknown>): Promise<PurchaseOrderError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PurchaseOrderError);
  return error as PurchaseOrderError;
}

describe("after a partial receipt", () => {
  it.each([
    ["close_short", {}, "purchase_order.closed_short", null],
    ["cancel_remainder", { reason: "Found a cheaper vendor" }, "purchase_order.remainder_cancelled", "Found a cheaper vendor"],
  ] as const)("%s takes the 28 unreceived units off order and the plan follows through the queue", async (intent, extra, auditAction, reason) => {
    const s = await seedShop(intent);
    await planShop(s.shop);
    const before = await lineOf(s.shop, s.variants[0].id);
    expect(before.onOrder).toBe(28);

    const response = await post(s, CLERK, { intent, version: "1", ...extra });
    expect(response.status).toBe(200);
    const po = await prisma.purchaseOrder.findUniqueOrThrow({ where: { id: s.po.id }, include: { lines: true } });
    expect(po).toMatchObject({ status: "closed", version: 2, cancelReason: reason, cancelledAt: null });
    expect(po.closedAt).toBeInstanceOf(Date);
    expect(po.lines[0]).toMatchObject({ quantityOrdered: 40, quantityReceived: 12 }); // what came stays received
    expect(await listOpenPurchaseOrderLines(s.shop, [s.variants[0].id])).toEqual([]);

    // The re-plan is queued by the action and runs without anyone pressing Re-plan.
    expect(await jobsOf(s.shop)).toEqual(["queued"]);
    await runReplan();
    const after = await lineOf(s.shop, s.variants[0].id);
    expect(after.onOrder).toBe(0);
    expect(after.inventoryPosition).toBe(before.inventoryPosition - 28);
    expect(after.suggestedQty).toBeGreaterThan(before.suggestedQty);

    const entry = await prisma.auditEntry.findFirstOrThrow({ where: { shop: s.shop, entityId: s.po.id, action: auditAction } });
    expect(entry.actor).toBe(CLERK);
    expect(entry.after).toEqual({
      status: "closed",
      version: 2,
      ...(reason ? { reason } : {}),
      unitsNoLongerOnOrder: 28,
      outstanding: [{ variantId: s.variants[0].id, units: 28 }],
    });
    const detail = await getPurchaseOrderDetail(s.shop, { staffId: CLERK }, s.po.id);
    expect(detail.history[0]).toMatchObject({ action: auditAction, detail: "28 units no longer on order", reason });
    expect(detail.actions).toEqual([]);
    expect(detail.outstandingUnits).toBe(28);
  });

  it("'Send update to vendor' emails a partly received PO again and keeps its status and first sending time", async () => {
    const s = await seedShop("update");
    const sentAt = (await prisma.purchaseOrder.findUniqueOrThrow({ where: { id: s.po.id } })).sentAt;
    expect((await getPurchaseOrderDetail(s.shop, { staffId: CLERK }, s.po.id)).canSend).toBe(true);
    const response = await post(s, CLERK, { intent: "send_email", version: "1", to: "orders@acme.test", message: "New ETA", attachPdf: "true", attachCsv: "false" });
    expect(response.status).toBe(200);
    expect(smtp.messages.at(-1)!.attachments.map((f) => f.filename)).toEqual(["PO-1001.pdf"]);
    const po = await prisma.purchaseOrder.findUniqueOrThrow({ where: { id: s.po.id } });
    expect(po).toMatchObject({ status: "partially_received", version: 2, sentTo: "orders@acme.test", sentAt }); // lead time still counts from the first send
  });

  it("cancelling the remainder needs a reason; both refuse any other status, viewers and other shops", async () => {
    const s = await seedShop("rules");
    const other = await seedShop("rules-other");
    const noReason = await post(s, CLERK, { intent: "cancel_remainder", version: "1", reason: "  " });
    expect(noReason.status).toBe(400);
    expect((await noReason.json()).error).toBe("Say why the rest of the order is cancelled");
    expect((await poError(cancelRemainder(s.shop, { staffId: CLERK }, s.po.id, 1, " "))).code).toBe("invalid");
    expect(await poError(closeShort(s.shop, { staffId: VIEWER }, s.po.id, 1))).toMatchObject({ code: "forbidden" });
    expect(await poError(cancelRemainder(s.shop, { staffId: VIEWER }, s.po.id, 1, "No"))).toMatchObject({ code: "forbidden" });
    expect((await post(s, VIEWER, { intent: "close_short", version: "1" })).status).toBe(403);
    // Another shop's PO id is not found here, and nothing of either shop changes.
    expect(await poError(closeShort(s.shop, { staffId: CLERK }, other.po.id, 1))).toMatchObject({ code: "not_found" });
    expect(await poError(cancelRemainder(other.shop, { staffId: CLERK }, s.po.id, 1, "No"))).toMatchObject({ code: "not_found" });
    expect(await poError(closeShort(s.shop, { staffId: CLERK }, s.po.id, 7))).toMatchObject({ code: "conflict" });
    expect((await prisma.purchaseOrder.findMany({ where: { id: { in: [s.po.id, other.po.id] } } })).map((p) => [p.status, p.version])).toEqual([
      ["partially_received", 1],
      ["partially_received", 1],
    ]);
    for (const status of ["sent", "received", "closed"]) {
      const t = await seedShop(`illegal-${status}`, status);
      expect(await poError(closeShort(t.shop, { staffId: CLERK }, t.po.id, 1))).toMatchObject({ code: "illegal_transition", message: `A ${status} purchase order can't be closed short` });
      expect(await poError(cancelRemainder(t.shop, { staffId: CLERK }, t.po.id, 1, "No"))).toMatchObject({
        code: "illegal_transition",
        message: `A ${status} purchase order can't have its remainder cancelled`,
      });
    }
    expect(await prisma.auditEntry.count({ where: { shop: { in: [s.shop, other.shop] } } })).toBe(0);
  });
});

describe("dates while a PO is open", () => {
  it("a vendor-confirmed ETA moves the arrival in the plan, with history; closed POs keep their dates", async () => {
    const s = await seedShop("eta", "sent");
    await planShop(s.shop);
    const before = await lineOf(s.shop, s.variants[0].id);
    // 30 available at 3 a day runs out on day 10; the 40 arriving on day 5 carry it to about day 23.
    expect(before.projectedStockoutDate! > addDays(s.today, 20)).toBe(true);

    const eta = addDays(s.today, 15);
    const response = await post(s, CLERK, { intent: "update_dates", version: "1", expectedDate: addDays(s.today, 5), confirmedEta: eta });
    expect(response.status).toBe(200);
    expect(await jobsOf(s.shop)).toEqual(["queued"]);
    await runReplan();
    const after = await lineOf(s.shop, s.variants[0].id);
    expect(after.projectedStockoutDate! < before.projectedStockoutDate!).toBe(true);
    expect(after.projectedStockoutDate! <= addDays(s.today, 11)).toBe(true);

    const detail = await getPurchaseOrderDetail(s.shop, { staffId: CLERK }, s.po.id);
    expect(detail.po.confirmedEta).toBe(`${eta}T00:00:00.000Z`);
    expect(detail.canEditDates).toBe(true);
    expect(detail.history[0]).toMatchObject({ action: "purchase_order.dates_changed", actor: "Staff member" });
    expect(detail.history[0].detail).toMatch(/^Vendor ETA none → /);

    // The expected date alone moves a PO without an ETA; clearing the ETA puts the expected date back in charge.
    await updateDates(s.shop, { staffId: CLERK }, s.po.id, 2, { expectedDate: addDays(s.today, 2), confirmedEta: null });
    expect((await listOpenPurchaseOrderLines(s.shop, [s.variants[0].id]))[0].expectedAt?.toISOString().slice(0, 10)).toBe(addDays(s.today, 2));

    expect(await poError(updateDates(s.shop, { staffId: CLERK }, s.po.id, 3, { expectedDate: "2026-02-30", confirmedEta: null }))).toMatchObject({
      code: "invalid",
      message: "Enter the expected date as a date, like 2026-12-20",
    });
    expect(await poError(updateDates(s.shop, { staffId: CLERK }, s.po.id, 3, { expectedDate: addDays(s.today, 2), confirmedEta: null }))).toMatchObject({ message: "The dates are unchanged" });
    expect(await poError(updateDates(s.shop, { staffId: VIEWER }, s.po.id, 3, { expectedDate: addDays(s.today, 9), confirmedEta: null }))).toMatchObject({ code: "forbidden" });
    const closed = await seedShop("eta-closed", "closed");
    expect(await poError(updateDates(closed.shop, { staffId: CLERK }, closed.po.id, 1, { expectedDate: addDays(s.today, 9), confirmedEta: null }))).toMatchObject({
      code: "illegal_transition",
      message: "A closed purchase order is finished: its dates can't change",
    });
    expect(await poError(updateDates(closed.shop, { staffId: CLERK }, s.po.id, 3, { expectedDate: addDays(s.today, 9), confirmedEta: null }))).toMatchObject({ code: "not_found" });
  });
});

describe("line edits before sending", () => {
  it("adds a line of the PO's vendor, changes costs, and sends an approved PO back for approval", async () => {
    const s = await seedShop("edit", "draft");
    const actor = { staffId: CLERK };
    // Search finds the vendor's variants not on the PO: not Bolt's lamp, not the mug already ordered.
    expect((await searchVariantsToAdd(s.shop, actor, s.po.id, "mug")).map((v) => v.sku)).toEqual(["MUG-2"]);
    expect(await searchVariantsToAdd(s.shop, actor, s.po.id, "lamp")).toEqual([]);
    const found = await getAsStaff(variantsRoute.loader, `/app/purchase-orders/${s.po.id}/variants?q=v2`, s.store, CLERK, { id: s.po.id });
    expect((await found.json()).variants).toEqual([{ id: s.variants[1].id, title: "Mug — V2", sku: "MUG-2", unitCost: "4.00" }]);
    expect((await getAsStaff(variantsRoute.loader, `/app/purchase-orders/${s.po.id}/variants?q=v2`, s.store, VIEWER, { id: s.po.id })).status).toBe(403);

    const added = await post(s, CLERK, { intent: "add_line", version: "1", variantId: s.variants[1].id, addQuantity: "6" });
    expect(added.status).toBe(200);
    const lines = await prisma.purchaseOrderLine.findMany({ where: { purchaseOrderId: s.po.id }, orderBy: { quantityOrdered: "asc" } });
    expect(lines.map((l) => [l.variantId, l.quantityOrdered, l.unitCost.toFixed(2)])).toEqual([
      [s.variants[1].id, 6, "4.00"],
      [s.variants[0].id, 40, "4.00"],
    ]);
    expect(await poError(updateDraftLines(s.shop, actor, s.po.id, 2, [], [{ variantId: s.variants[2].id, quantity: 1 }]))).toMatchObject({ message: "Only variants of Acme can be added to this purchase order" });
    expect(await poError(updateDraftLines(s.shop, actor, s.po.id, 2, [], [{ variantId: s.variants[1].id, quantity: 1 }]))).toMatchObject({ message: "That variant is already on this purchase order — change its quantity instead" });
    expect(await poError(updateDraftLines(s.shop, actor, s.po.id, 2, [{ lineId: lines[0].id, quantity: 6, unitCost: "3.999999" }]))).toMatchObject({ code: "invalid" });

    // Pending approval: still editable, stays pending.
    await submitForApproval(s.shop, actor, s.po.id, 2);
    expect(await updateDraftLines(s.shop, actor, s.po.id, 3, [{ lineId: lines[0].id, quantity: 8, unitCost: "3.75" }])).toEqual({ id: s.po.id, status: "pending_approval", version: 4, backToApproval: false });
    await approve(s.shop, { staffId: APPROVER }, s.po.id, 4);

    // Approved: the edit sends it back, through the route with the merchant's message.
    const edited = await post(s, CLERK, { intent: "update_lines", version: "5", lineId: lines[1].id, quantity: "30", unitCost: "4.00" });
    expect(edited.status).toBe(200);
    expect((await edited.json()).notice).toMatch(/back in Pending approval: it must be approved again before it is sent/);
    const po = await prisma.purchaseOrder.findUniqueOrThrow({ where: { id: s.po.id }, include: { lines: { orderBy: { quantityOrdered: "asc" } } } });
    expect(po).toMatchObject({ status: "pending_approval", version: 6, approvedBy: null, approvedAt: null, submittedBy: CLERK });
    expect(po.lines.map((l) => [l.quantityOrdered, l.unitCost.toFixed(2)])).toEqual([
      [8, "3.75"],
      [30, "4.00"],
    ]);
    const detail = await getPurchaseOrderDetail(s.shop, actor, s.po.id);
    expect(detail.history[0].detail).toBe("Mug — V1 40 → 30 · Back to pending approval");
    expect(detail.history.find((h) => h.detail?.includes("added"))?.detail).toBe("Mug — V2 added: 6 at 4.00");
    expect(detail.history.find((h) => h.detail?.includes("unit cost"))?.detail).toBe("Mug — V2 6 → 8, unit cost 4.00 → 3.75");

    // Sent: lines are fixed; viewers and other shops can't edit.
    await prisma.purchaseOrder.update({ where: { id: s.po.id }, data: { status: "sent" } });
    expect(await poError(updateDraftLines(s.shop, actor, s.po.id, 6, [{ lineId: lines[0].id, quantity: 1 }]))).toMatchObject({
      code: "illegal_transition",
      message: "A sent purchase order can't be edited — only its dates can change, or close it short",
    });
    expect(await searchVariantsToAdd(s.shop, actor, s.po.id, "mug")).toEqual([]);
    expect(await poError(updateDraftLines(s.shop, { staffId: VIEWER }, s.po.id, 6, [{ lineId: lines[0].id, quantity: 1 }]))).toMatchObject({ code: "forbidden" });
    const other = await seedShop("edit-other", "draft");
    expect(await poError(updateDraftLines(other.shop, actor, s.po.id, 6, [{ lineId: lines[0].id, quantity: 1 }]))).toMatchObject({ code: "not_found" });
    expect(await poError(searchVariantsToAdd(other.shop, actor, s.po.id, "mug"))).toMatchObject({ code: "not_found" });
  });
});

describe("line edits re-plan", () => {
  it("a line removed from an approved PO leaves on order for its variant, through the queue", async () => {
    const s = await seedShop("remove", "approved");
    const second = await prisma.purchaseOrderLine.create({ data: { shop: s.shop, purchaseOrderId: s.po.id, variantId: s.variants[1].id, quantityOrdered: 20, unitCost: "4.00" } });
    await planShop(s.shop);
    expect((await lineOf(s.shop, s.variants[1].id)).onOrder).toBe(20);
    const response = await post(s, CLERK, { intent: "update_lines", version: "1", lineId: second.id, quantity: "0", unitCost: "4.00" });
    expect(response.status).toBe(200);
    await runReplan();
    // Back for approval, nothing of it is on order; the removed line's variant is re-planned too.
    expect((await lineOf(s.shop, s.variants[1].id)).onOrder).toBe(0);
    expect(await lineOf(s.shop, s.variants[0].id)).toMatchObject({ onOrder: 0, draftedUnits: 40 });
  });
});

describe("overdue purchase orders", () => {
  it("shows days late on the shop's calendar, filters overdue ones and sorts by expected date", async () => {
    const s = await seedShop("overdue", "sent");
    const now = new Date(`${s.today}T12:00:00Z`);
    await prisma.purchaseOrder.update({ where: { id: s.po.id }, data: { expectedAt: new Date(`${addDays(s.today, -13)}T00:00:00Z`) } });
    const base = { shop: s.shop, vendorId: s.acme.id, destinationLocationId: s.location.id, currency: "USD", createdBy: CLERK };
    await prisma.purchaseOrder.create({ data: { ...base, number: "PO-1002", status: "sent", expectedAt: new Date(`${addDays(s.today, 3)}T00:00:00Z`) } });
    // Late by its expected date, but the vendor confirmed a later ETA: not overdue.
    await prisma.purchaseOrder.create({ data: { ...base, number: "PO-1003", status: "sent", expectedAt: new Date(`${addDays(s.today, -4)}T00:00:00Z`), confirmedEta: new Date(`${addDays(s.today, 2)}T00:00:00Z`) } });
    // Past due but not yet sent: the vendor owes nothing yet.
    await prisma.purchaseOrder.create({ data: { ...base, number: "PO-1004", status: "approved", expectedAt: new Date(`${addDays(s.today, -20)}T00:00:00Z`) } });
    const other = await seedShop("overdue-other", "sent");
    await prisma.purchaseOrder.update({ where: { id: other.po.id }, data: { expectedAt: new Date(`${addDays(s.today, -30)}T00:00:00Z`) } });

    const all = await getPurchaseOrderList(s.shop, { page: 1, pageSize: 25, sort: "expected_asc" }, now);
    expect(all.rows.map((r) => [r.number, r.daysLate])).toEqual([
      ["PO-1004", null],
      ["PO-1001", 13],
      ["PO-1003", null],
      ["PO-1002", null],
    ]);
    expect(all.overdueCount).toBe(1);
    const overdue = await getPurchaseOrderList(s.shop, { page: 1, pageSize: 25, overdue: true }, now);
    expect(overdue.rows.map((r) => r.number)).toEqual(["PO-1001"]);
    expect(overdue.total).toBe(1);
    const desc = await getPurchaseOrderList(s.shop, { page: 1, pageSize: 25, sort: "expected_desc" }, now);
    expect(desc.rows.map((r) => r.number)).toEqual(["PO-1002", "PO-1003", "PO-1001", "PO-1004"]);
    const detail = await getPurchaseOrderDetail(s.shop, { staffId: CLERK }, s.po.id, now);
    expect(detail.po.daysLate).toBe(13);
    // The list screen's loader reads the same filter and sort from the URL.
    const screen = await getAsStaff(listRoute.loader, "/app/purchase-orders?overdue=true&sort=expected_asc", s.store, CLERK);
    expect((await screen.json()).rows.map((r: { number: string; daysLate: number | null }) => [r.number, typeof r.daysLate])).toEqual([["PO-1001", "number"]]);
    expect((await getAsStaff(listRoute.loader, "/app/purchase-orders?sort=cheapest", s.store, CLERK)).status).toBe(400);
    // Alerts agree with the badge: the same PO, the same days, and none for the PO with a later ETA.
    await evaluateAlerts(s.shop, now);
    const alerts = await prisma.alert.findMany({ where: { shop: s.shop, type: "po_overdue" } });
    expect(alerts.map((a) => a.message)).toEqual([`PO-1001 from Acme is 13 days overdue (expected ${addDays(s.today, -13)}).`]);
  });
});
