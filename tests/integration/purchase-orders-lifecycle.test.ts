import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { createDraftPurchaseOrders } from "~/services/purchase-orders/create-drafts.server";
import { CONFLICT_MESSAGE, PurchaseOrderError } from "~/services/purchase-orders/errors";
import { approve, cancel, cancelRemainder, close, closeShort, markSent, reject, submitForApproval } from "~/services/purchase-orders/lifecycle.server";
import { updateDates, updateDraftLines } from "~/services/purchase-orders/edits.server";
import { demoStaffFromCookieHeader, demoStaffSetCookie, resolveActor, type PoActor } from "~/services/purchase-orders/permissions.server";
import { getPurchaseOrderDetail, getPurchaseOrderList } from "~/services/purchase-orders/queries.server";
import { expectPoError } from "../setup/po-errors";

const uniqueShop = (label: string) => `po-${label}-${crypto.randomUUID().slice(0, 8)}.myshopify.com`;
const OWNER: PoActor = { staffId: "gid://shopify/StaffMember/1" };
const APPROVER: PoActor = { staffId: "gid://shopify/StaffMember/2" };
const VIEWER: PoActor = { staffId: "gid://shopify/StaffMember/3" };
const CLERK: PoActor = { staffId: "gid://shopify/StaffMember/4" }; // no StaffRole row
const SHOP_OWNER: PoActor = { staffId: "gid://shopify/StaffMember/99", isOwner: true }; // no row, owner flag

/** A shop with staff roles, two vendors, two locations, three variants and a complete plan with four lines. */
async function seedShop(label: string) {
  const shop = uniqueShop(label);
  await prisma.shop.create({ data: { shop, name: label, currencyCode: "USD", ianaTimezone: "America/Los_Angeles" } });
  await prisma.staffRole.createMany({
    data: [
      { shop, staffId: OWNER.staffId, name: "Olive Owner", role: "owner" },
      { shop, staffId: APPROVER.staffId, name: "Avery Approver", role: "approver" },
      { shop, staffId: VIEWER.staffId, name: "Vic Viewer", role: "viewer" },
    ],
  });
  const acme = await prisma.vendor.create({ data: { shop, name: "Acme", currency: "USD", statedLeadTimeDays: 10 } });
  const bolt = await prisma.vendor.create({ data: { shop, name: "Bolt", currency: "EUR", statedLeadTimeDays: 21 } });
  const east = await prisma.location.create({ data: { shop, shopifyId: "gid://shopify/Location/1", name: "East" } });
  const west = await prisma.location.create({ data: { shop, shopifyId: "gid://shopify/Location/2", name: "West" } });
  const product = await prisma.product.create({ data: { shop, shopifyId: "gid://shopify/Product/1", title: "Tent", vendorId: acme.id } });
  const variant = (n: number, unitCost: string | null) =>
    prisma.variant.create({ data: { shop, shopifyId: `gid://shopify/ProductVariant/${n}`, productId: product.id, title: `V${n}`, sku: `SKU-${n}`, unitCost } });
  const [v1, v2, v3] = [await variant(1, "12.50"), await variant(2, "0.335"), await variant(3, null)];
  // An older, superseded plan whose lines must not be orderable.
  const old = await prisma.planRun.create({ data: { shop, status: "superseded", asOfDate: "2026-11-01", finishedAt: new Date("2026-11-01T00:00:00Z") } });
  const run = await prisma.planRun.create({ data: { shop, status: "complete", asOfDate: "2026-11-20", finishedAt: new Date("2026-11-20T06:00:00Z") } });
  const line = (planRunId: string, variantId: string, locationId: string, vendorId: string | null, suggestedQty: number, editedQty: number | null = null) =>
    prisma.replenishmentLine.create({
      data: {
        shop, planRunId, variantId, locationId, vendorId, suggestedQty, editedQty,
        onHand: 1, available: 1, committed: 0, incoming: 0, onOrder: 0, inventoryPosition: 1, avgDailyDemand: 1, leadTimeDays: 10,
        leadTimeDemand: 10, safetyStock: 2, reorderPoint: 12, eoq: 20, orderUpTo: 30, serviceLevel: 0.95, urgency: "high", reason: "below ROP",
        unitCost: "9.99",
      },
    });
  const lines = {
    acmeEast1: await line(run.id, v1.id, east.id, acme.id, 10, 12),
    acmeEast2: await line(run.id, v2.id, east.id, acme.id, 3),
    acmeWest: await line(run.id, v1.id, west.id, acme.id, 5),
    boltEast: await line(run.id, v3.id, east.id, bolt.id, 7),
    zero: await line(run.id, v2.id, west.id, acme.id, 0),
    noVendor: await line(run.id, v3.id, west.id, null, 4),
    stale: await line(old.id, v3.id, west.id, acme.id, 4),
  };
  return { shop, acme, bolt, east, west, v1, v2, v3, run, lines };
}

type Seeded = Awaited<ReturnType<typeof seedShop>>;

/** Creates one draft PO (Acme → East, two lines) and returns its id. */
async function oneDraft(s: Seeded) {
  const [po] = await createDraftPurchaseOrders(s.shop, OWNER, [s.lines.acmeEast1.id, s.lines.acmeEast2.id]);
  return po.id;
}

const snapshot = async (shop: string, id: string) => {
  const po = await prisma.purchaseOrder.findFirstOrThrow({ where: { shop, id }, include: { lines: { orderBy: { id: "asc" } } } });
  const audits = await prisma.auditEntry.count({ where: { shop, entityId: id } });
  return { po: { ...po, updatedAt: null }, audits };
};

describe("drafting purchase orders from the plan", () => {
  it("groups the chosen lines by vendor × destination location", async () => {
    const s = await seedShop("group");
    const created = await createDraftPurchaseOrders(
      s.shop,
      APPROVER,
      [s.lines.acmeEast1.id, s.lines.acmeEast2.id, s.lines.acmeWest.id, s.lines.boltEast.id, s.lines.zero.id],
      { now: new Date("2026-11-21T05:00:00Z") }, // still Nov 20 in Los Angeles
    );
    expect(created.map((c) => c.number)).toEqual(["PO-1001", "PO-1002", "PO-1003"]);
    const pos = await prisma.purchaseOrder.findMany({ where: { shop: s.shop }, include: { lines: true }, orderBy: { number: "asc" } });
    const summary = pos.map((po) => ({
      number: po.number,
      vendorId: po.vendorId,
      locationId: po.destinationLocationId,
      status: po.status,
      version: po.version,
      currency: po.currency,
      createdBy: po.createdBy,
      expectedAt: po.expectedAt?.toISOString(),
      lines: po.lines
        .map((l) => ({ variantId: l.variantId, qty: l.quantityOrdered, unitCost: l.unitCost.toFixed() }))
        .sort((a, b) => a.qty - b.qty),
    }));
    expect(summary).toEqual([
      {
        number: "PO-1001", vendorId: s.acme.id, locationId: s.east.id, status: "draft", version: 1, currency: "USD", createdBy: APPROVER.staffId,
        expectedAt: "2026-11-30T00:00:00.000Z",
        lines: [{ variantId: s.v2.id, qty: 3, unitCost: "0.335" }, { variantId: s.v1.id, qty: 12, unitCost: "12.5" }],
      },
      {
        number: "PO-1002", vendorId: s.acme.id, locationId: s.west.id, status: "draft", version: 1, currency: "USD", createdBy: APPROVER.staffId,
        expectedAt: "2026-11-30T00:00:00.000Z",
        lines: [{ variantId: s.v1.id, qty: 5, unitCost: "12.5" }],
      },
      {
        // An EUR vendor, but variant costs are in the shop's currency, and so is the PO.
        number: "PO-1003", vendorId: s.bolt.id, locationId: s.east.id, status: "draft", version: 1, currency: "USD", createdBy: APPROVER.staffId,
        expectedAt: "2026-12-11T00:00:00.000Z",
        // no variant cost: the plan line's cost
        lines: [{ variantId: s.v3.id, qty: 7, unitCost: "9.99" }],
      },
    ]);
    const audit = await prisma.auditEntry.findMany({ where: { shop: s.shop, action: "purchase_order.created" } });
    expect(audit).toHaveLength(3);
    const first = audit.find((a) => a.entityId === pos[0].id)!;
    expect(first.actor).toBe(APPROVER.staffId);
    expect(first.before).toBeNull();
    expect(first.after).toMatchObject({ number: "PO-1001", status: "draft", total: "151.01" }); // 12 × 12.50 + 3 × 0.335 = 150 + 1.005 → 1.01

    const list = await getPurchaseOrderList(s.shop, { status: "draft", page: 1, pageSize: 2 });
    expect(list.total).toBe(3);
    expect(list.rows).toHaveLength(2);
    expect(list.statusCounts).toEqual({ draft: 3 });
    const detail = await getPurchaseOrderDetail(s.shop, APPROVER, pos[0].id);
    expect(detail.po.total).toBe("151.01");
    expect(detail.po.units).toBe(15);
    expect(detail.po.createdBy).toBe("Avery Approver");
    expect(detail.lines.map((l) => [l.sku, l.unitCost, l.lineTotal]).sort()).toEqual([["SKU-1", "12.50", "150.00"], ["SKU-2", "0.335", "1.01"]]);
  });

  it("adds to the open draft of the same vendor × destination, unless separate POs are asked for", async () => {
    const s = await seedShop("merge");
    const [first] = await createDraftPurchaseOrders(s.shop, APPROVER, [s.lines.acmeEast1.id]);
    expect(first).toMatchObject({ number: "PO-1001", merged: false, lineCount: 1 });
    // The same line again plus another of that vendor × destination: into PO-1001, quantities added.
    const [merged] = await createDraftPurchaseOrders(s.shop, APPROVER, [s.lines.acmeEast1.id, s.lines.acmeEast2.id]);
    expect(merged).toMatchObject({ id: first.id, number: "PO-1001", merged: true, lineCount: 2 });
    const po = await prisma.purchaseOrder.findUniqueOrThrow({ where: { id: first.id }, include: { lines: true } });
    expect(po).toMatchObject({ status: "draft", version: 2 });
    expect(po.lines.map((l) => [l.variantId, l.quantityOrdered]).sort()).toEqual([[s.v1.id, 24], [s.v2.id, 3]].sort());
    const audit = await prisma.auditEntry.findFirstOrThrow({ where: { shop: s.shop, action: "purchase_order.lines_merged" } });
    expect(audit).toMatchObject({ entityId: first.id, actor: APPROVER.staffId, before: { version: 1, lines: [{ variantId: s.v1.id, quantity: 12 }] } });
    // Asked for separately: a new PO, the open draft untouched.
    const [separate] = await createDraftPurchaseOrders(s.shop, APPROVER, [s.lines.acmeEast2.id], { separate: true });
    expect(separate).toMatchObject({ number: "PO-1002", merged: false });
    expect((await prisma.purchaseOrder.findUniqueOrThrow({ where: { id: first.id } })).version).toBe(2);
    // A draft submitted for approval is no longer added to: its approver sees what was submitted.
    await prisma.purchaseOrder.updateMany({ where: { shop: s.shop }, data: { status: "pending_approval" } });
    const [fresh] = await createDraftPurchaseOrders(s.shop, APPROVER, [s.lines.acmeEast1.id]);
    expect(fresh).toMatchObject({ number: "PO-1003", merged: false });
    expect(await prisma.purchaseOrder.count({ where: { shop: s.shop } })).toBe(3);
  });

  it("continues the shop's numbering, and concurrent drafts get distinct numbers", async () => {
    const s = await seedShop("numbers");
    await prisma.purchaseOrder.create({ data: { shop: s.shop, number: "PO-1041", vendorId: s.acme.id, destinationLocationId: s.east.id, createdBy: "x" } });
    const other = await seedShop("numbers-other"); // another shop's numbers don't count
    await prisma.purchaseOrder.create({ data: { shop: other.shop, number: "PO-5000", vendorId: other.acme.id, destinationLocationId: other.east.id, createdBy: "x" } });
    const [a, b] = await Promise.all([
      createDraftPurchaseOrders(s.shop, OWNER, [s.lines.acmeWest.id]),
      createDraftPurchaseOrders(s.shop, OWNER, [s.lines.boltEast.id]),
    ]);
    expect([a[0].number, b[0].number].sort()).toEqual(["PO-1042", "PO-1043"]);
  });

  it("refuses lines of an older plan, lines without a vendor, nothing to order, and viewers", async () => {
    const s = await seedShop("refuse");
    await expectPoError(createDraftPurchaseOrders(s.shop, OWNER, [s.lines.stale.id]), "invalid", "Some selected lines are no longer in the latest plan — reload and select again");
    await expectPoError(createDraftPurchaseOrders(s.shop, OWNER, [s.lines.noVendor.id, s.lines.acmeWest.id]), "invalid", "1 selected line has no vendor — set the product's vendor first");
    await expectPoError(createDraftPurchaseOrders(s.shop, OWNER, [s.lines.zero.id]), "invalid", "Nothing to order: the selected lines are all at 0 units");
    await expectPoError(createDraftPurchaseOrders(s.shop, OWNER, []), "invalid", "Select at least one line to order");
    await expectPoError(createDraftPurchaseOrders(s.shop, VIEWER, [s.lines.acmeWest.id]), "forbidden", /^Viewers can look at purchase orders but not change them/);
    const other = await seedShop("refuse-other");
    await expectPoError(createDraftPurchaseOrders(other.shop, OWNER, [s.lines.acmeWest.id]), "invalid", /no longer in the latest plan/);
    expect(await prisma.purchaseOrder.count({ where: { shop: { in: [s.shop, other.shop] } } })).toBe(0);
    expect(await prisma.auditEntry.count({ where: { shop: { in: [s.shop, other.shop] } } })).toBe(0);
  });
});

describe("purchase-order lifecycle", () => {
  it("walks the legal path with versions, stamps and an audit entry per step", async () => {
    const s = await seedShop("path");
    const id = await oneDraft(s);
    const draft = await prisma.purchaseOrder.findFirstOrThrow({ where: { id }, include: { lines: { orderBy: { quantityOrdered: "asc" } } } });
    expect(await updateDraftLines(s.shop, CLERK, id, 1, [{ lineId: draft.lines[0].id, quantity: 0 }, { lineId: draft.lines[1].id, quantity: 20 }])).toEqual({ id, status: "draft", version: 2, backToApproval: false });
    expect(await submitForApproval(s.shop, CLERK, id, 2)).toEqual({ id, status: "pending_approval", version: 3 });
    expect(await reject(s.shop, APPROVER, id, 3, "  Too many tents  ")).toEqual({ id, status: "draft", version: 4 });
    const rejected = await getPurchaseOrderDetail(s.shop, CLERK, id);
    expect(rejected.rejection).toMatchObject({ reason: "Too many tents", by: "Avery Approver" });
    // The edit says what changed, old → new per line, naming the removed line too.
    const edit = rejected.history.find((h) => h.action === "purchase_order.lines_updated")!;
    expect(edit.detail!.split(" · ").sort()).toEqual(["Tent — V1 12 → 20", "Tent — V2 3 → 0 (removed)"]);
    expect(await submitForApproval(s.shop, CLERK, id, 4)).toMatchObject({ status: "pending_approval", version: 5 });
    expect(await approve(s.shop, APPROVER, id, 5)).toMatchObject({ status: "approved", version: 6 });
    expect(await markSent(s.shop, CLERK, id, 6)).toMatchObject({ status: "sent", version: 7 });
    // Receiving is a later slice: stand in for it, then close.
    await prisma.purchaseOrder.update({ where: { id }, data: { status: "received", version: 8 } });
    expect(await close(s.shop, OWNER, id, 8)).toMatchObject({ status: "closed", version: 9 });

    const po = await prisma.purchaseOrder.findFirstOrThrow({ where: { id }, include: { lines: true } });
    expect(po.lines.map((l) => l.quantityOrdered)).toEqual([20]);
    expect(po.approvedBy).toBe(APPROVER.staffId);
    expect(po.approvedAt).toBeInstanceOf(Date);
    expect(po.sentAt).toBeInstanceOf(Date);
    expect(po.sentTo).toBe("manual");
    expect(po.rejectedReason).toBe("Too many tents");
    expect(po.closedAt).toBeInstanceOf(Date);

    const audit = await prisma.auditEntry.findMany({ where: { shop: s.shop, entityId: id }, orderBy: [{ at: "asc" }, { id: "asc" }] });
    const steps = audit.map((a) => [a.action, a.actor, a.before, a.after]);
    expect(steps.slice(1)).toEqual([
      [
        "purchase_order.lines_updated",
        CLERK.staffId,
        { status: "draft", version: 1, lines: [{ variantId: s.v2.id, quantity: 3, unitCost: "0.335" }, { variantId: s.v1.id, quantity: 12, unitCost: "12.50" }].sort(byVariant(draft.lines)) },
        { status: "draft", version: 2, lines: [{ variantId: s.v2.id, quantity: 0, unitCost: "0.335" }, { variantId: s.v1.id, quantity: 20, unitCost: "12.50" }].sort(byVariant(draft.lines)) },
      ],
      ["purchase_order.submitted", CLERK.staffId, { status: "draft", version: 2 }, { status: "pending_approval", version: 3 }],
      ["purchase_order.rejected", APPROVER.staffId, { status: "pending_approval", version: 3 }, { status: "draft", version: 4, reason: "Too many tents" }],
      ["purchase_order.submitted", CLERK.staffId, { status: "draft", version: 4 }, { status: "pending_approval", version: 5 }],
      ["purchase_order.approved", APPROVER.staffId, { status: "pending_approval", version: 5 }, { status: "approved", version: 6 }],
      ["purchase_order.sent", CLERK.staffId, { status: "approved", version: 6 }, { status: "sent", version: 7, sentTo: "manual" }],
      ["purchase_order.closed", OWNER.staffId, { status: "received", version: 8 }, { status: "closed", version: 9 }],
    ]);
    const detail = await getPurchaseOrderDetail(s.shop, OWNER, id);
    expect(detail.history.map((h) => h.action)[0]).toBe("purchase_order.closed");
    expect(detail.actions).toEqual([]);
  });

  it.each(["draft", "pending_approval", "approved", "sent"])("cancels from %s", async (status) => {
    const s = await seedShop(`cancel-${status}`);
    const id = await oneDraft(s);
    await prisma.purchaseOrder.update({ where: { id }, data: { status } });
    expect(await cancel(s.shop, CLERK, id, 1, "Vendor out of stock")).toMatchObject({ status: "cancelled", version: 2 });
    const entry = await prisma.auditEntry.findFirstOrThrow({ where: { shop: s.shop, entityId: id, action: "purchase_order.cancelled" } });
    expect(entry.after).toEqual({ status: "cancelled", version: 2, reason: "Vendor out of stock" });
    const cancelled = await prisma.purchaseOrder.findUniqueOrThrow({ where: { id } });
    expect(cancelled.cancelledAt).toBeInstanceOf(Date);
    expect(cancelled.cancelReason).toBe("Vendor out of stock");
  });

  const ILLEGAL: [string, string, (shop: string, id: string) => Promise<unknown>, string][] = [
    ["sent", "approve", (shop, id) => approve(shop, OWNER, id, 1), "A sent purchase order can't be approved"],
    ["draft", "approve", (shop, id) => approve(shop, OWNER, id, 1), "A draft purchase order can't be approved"],
    ["approved", "approve", (shop, id) => approve(shop, OWNER, id, 1), "An approved purchase order can't be approved"],
    ["draft", "reject", (shop, id) => reject(shop, OWNER, id, 1, "no"), "A draft purchase order can't be rejected"],
    ["approved", "reject", (shop, id) => reject(shop, OWNER, id, 1, "no"), "An approved purchase order can't be rejected"],
    ["pending_approval", "submit", (shop, id) => submitForApproval(shop, OWNER, id, 1), "A purchase order awaiting approval can't be submitted for approval"],
    ["sent", "submit", (shop, id) => submitForApproval(shop, OWNER, id, 1), "A sent purchase order can't be submitted for approval"],
    ["draft", "send", (shop, id) => markSent(shop, OWNER, id, 1), "A draft purchase order can't be marked as sent"],
    ["pending_approval", "send", (shop, id) => markSent(shop, OWNER, id, 1), "A purchase order awaiting approval can't be marked as sent"],
    ["sent", "send", (shop, id) => markSent(shop, OWNER, id, 1), "A sent purchase order can't be marked as sent"],
    ["partially_received", "cancel", (shop, id) => cancel(shop, OWNER, id, 1), "A partially received purchase order can't be cancelled"],
    ["received", "cancel", (shop, id) => cancel(shop, OWNER, id, 1), "A received purchase order can't be cancelled"],
    ["closed", "cancel", (shop, id) => cancel(shop, OWNER, id, 1), "A closed purchase order can't be cancelled"],
    ["cancelled", "cancel", (shop, id) => cancel(shop, OWNER, id, 1), "A cancelled purchase order can't be cancelled"],
    ["cancelled", "submit", (shop, id) => submitForApproval(shop, OWNER, id, 1), "A cancelled purchase order can't be submitted for approval"],
    ["sent", "close", (shop, id) => close(shop, OWNER, id, 1), "A sent purchase order can't be closed"],
    ["closed", "close", (shop, id) => close(shop, OWNER, id, 1), "A closed purchase order can't be closed"],
    ["sent", "edit lines", (shop, id) => updateDraftLines(shop, OWNER, id, 1, []), "A sent purchase order can't be edited — only its dates can change, or close it short"],
    ["partially_received", "edit lines", (shop, id) => updateDraftLines(shop, OWNER, id, 1, []), "A partially received purchase order can't be edited — only its dates can change, or close it short"],
    ["received", "edit lines", (shop, id) => updateDraftLines(shop, OWNER, id, 1, []), "A received purchase order can't be edited"],
    ["sent", "close short", (shop, id) => closeShort(shop, OWNER, id, 1), "A sent purchase order can't be closed short"],
    ["received", "close short", (shop, id) => closeShort(shop, OWNER, id, 1), "A received purchase order can't be closed short"],
    ["approved", "cancel the remainder", (shop, id) => cancelRemainder(shop, OWNER, id, 1, "no"), "An approved purchase order can't have its remainder cancelled"],
    ["cancelled", "change dates", (shop, id) => updateDates(shop, OWNER, id, 1, { expectedDate: "2026-12-20", confirmedEta: null }), "A cancelled purchase order is finished: its dates can't change"],
  ];

  it.each(ILLEGAL)("refuses %s → %s and changes nothing", async (status, _action, run, message) => {
    const s = await seedShop("illegal");
    const id = await oneDraft(s);
    await prisma.purchaseOrder.update({ where: { id }, data: { status } });
    const before = await snapshot(s.shop, id);
    await expectPoError(run(s.shop, id), "illegal_transition", message);
    expect(await snapshot(s.shop, id)).toEqual(before);
  });

  it("validates draft edits and rejection reasons, changing nothing", async () => {
    const s = await seedShop("validate");
    const id = await oneDraft(s);
    const lines = await prisma.purchaseOrderLine.findMany({ where: { purchaseOrderId: id } });
    const before = await snapshot(s.shop, id);
    await expectPoError(updateDraftLines(s.shop, OWNER, id, 1, [{ lineId: lines[0].id, quantity: -1 }]), "invalid", "Quantities must be whole numbers between 0 and 1,000,000");
    await expectPoError(updateDraftLines(s.shop, OWNER, id, 1, [{ lineId: lines[0].id, quantity: 1.5 }]), "invalid", "Quantities must be whole numbers between 0 and 1,000,000");
    await expectPoError(updateDraftLines(s.shop, OWNER, id, 1, lines.map((l) => ({ lineId: l.id, quantity: 0 }))), "invalid", "A purchase order needs at least one line — cancel it instead");
    await expectPoError(updateDraftLines(s.shop, OWNER, id, 1, [{ lineId: "nope", quantity: 3 }]), "invalid", "That line isn't on this purchase order — reload to see the latest");
    await submitForApproval(s.shop, OWNER, id, 1);
    const submitted = await snapshot(s.shop, id);
    expect(submitted.audits).toBe(before.audits + 1);
    await expectPoError(reject(s.shop, OWNER, id, 2, "   "), "invalid", "Say why the purchase order is rejected, so whoever drafted it can fix it");
    expect(await snapshot(s.shop, id)).toEqual(submitted);
  });
});

describe("purchase-order permissions", () => {
  it("lets approvers, owners and the shop owner approve and reject; nobody else", async () => {
    const s = await seedShop("roles");
    // The owner approves their own submissions here: segregation of duties is off (tests/integration/approval-rules.test.ts).
    await prisma.shop.update({ where: { shop: s.shop }, data: { blockSelfApproval: false } });
    const ids = await Promise.all([1, 2, 3, 4].map(async () => (await createDraftPurchaseOrders(s.shop, OWNER, [s.lines.acmeWest.id], { separate: true }))[0].id));
    for (const id of ids) await submitForApproval(s.shop, OWNER, id, 1);
    const before = await snapshot(s.shop, ids[0]);
    await expectPoError(approve(s.shop, VIEWER, ids[0], 2), "forbidden", "Only the owner and managers who approve purchase orders can approve them");
    await expectPoError(approve(s.shop, CLERK, ids[0], 2), "forbidden", "Only the owner and managers who approve purchase orders can approve them");
    await expectPoError(reject(s.shop, VIEWER, ids[0], 2, "no"), "forbidden", "Only the owner and managers who approve purchase orders can reject them");
    await expectPoError(reject(s.shop, CLERK, ids[0], 2, "no"), "forbidden", "Only the owner and managers who approve purchase orders can reject them");
    expect(await snapshot(s.shop, ids[0])).toEqual(before);
    expect(await approve(s.shop, OWNER, ids[0], 2)).toMatchObject({ status: "approved" });
    expect(await approve(s.shop, APPROVER, ids[1], 2)).toMatchObject({ status: "approved" });
    expect(await approve(s.shop, SHOP_OWNER, ids[2], 2)).toMatchObject({ status: "approved" });
    expect(await reject(s.shop, SHOP_OWNER, ids[3], 2, "later")).toMatchObject({ status: "draft" });
    // A role in another shop grants nothing here.
    const other = await seedShop("roles-other");
    await prisma.staffRole.create({ data: { shop: other.shop, staffId: CLERK.staffId, name: "Clerk elsewhere", role: "approver" } });
    await submitForApproval(s.shop, OWNER, ids[3], 3);
    await expectPoError(approve(s.shop, CLERK, ids[3], 4), "forbidden", "Only the owner and managers who approve purchase orders can approve them");
  });

  it("lets viewers look but not change anything", async () => {
    const s = await seedShop("viewer");
    const id = await oneDraft(s);
    const before = await snapshot(s.shop, id);
    const viewerMessage = /^Viewers can look at purchase orders but not change them/;
    await expectPoError(submitForApproval(s.shop, VIEWER, id, 1), "forbidden", viewerMessage);
    await expectPoError(cancel(s.shop, VIEWER, id, 1), "forbidden", viewerMessage);
    await expectPoError(updateDraftLines(s.shop, VIEWER, id, 1, []), "forbidden", viewerMessage);
    await expectPoError(updateDates(s.shop, VIEWER, id, 1, { expectedDate: "2026-12-20", confirmedEta: null }), "forbidden", viewerMessage);
    await expectPoError(closeShort(s.shop, VIEWER, id, 1), "forbidden", viewerMessage);
    await expectPoError(cancelRemainder(s.shop, VIEWER, id, 1, "No"), "forbidden", viewerMessage);
    expect(await snapshot(s.shop, id)).toEqual(before);
    const detail = await getPurchaseOrderDetail(s.shop, VIEWER, id);
    expect(detail.actions).toEqual([]);
    expect(detail.canEditLines).toBe(false);
    expect(detail.canEditDates).toBe(false);
    expect((await getPurchaseOrderDetail(s.shop, CLERK, id)).actions).toEqual(["submit", "cancel"]);
    await submitForApproval(s.shop, CLERK, id, 1);
    expect((await getPurchaseOrderDetail(s.shop, CLERK, id)).actions).toEqual(["cancel"]);
    expect((await getPurchaseOrderDetail(s.shop, APPROVER, id)).actions).toEqual(["approve", "reject", "cancel"]);
  });
});

describe("demo role switcher", () => {
  it("acts as the cookie's staff member in demo mode only, defaulting to the owner row", async () => {
    const s = await seedShop("demo");
    const demo = { mode: "demo" as const, staffId: "demo-owner" };
    const cookie = demoStaffSetCookie(VIEWER.staffId).split(";")[0];
    expect(demoStaffFromCookieHeader(`a=1; ${cookie}; b=2`)).toBe(VIEWER.staffId);
    expect(demoStaffFromCookieHeader("a=1")).toBeNull();
    expect(demoStaffFromCookieHeader("stockcast_demo_staff=%E0%A4%A")).toBeNull();

    const asViewer = await resolveActor(s.shop, demo, VIEWER.staffId);
    expect(asViewer.actor).toEqual({ staffId: VIEWER.staffId, isOwner: false });
    expect(asViewer.personas.map((p) => p.role)).toEqual(["owner", "approver", "viewer"]);
    expect((await resolveActor(s.shop, demo, null)).actor).toEqual({ staffId: OWNER.staffId, isOwner: true });
    expect((await resolveActor(s.shop, demo, "gid://shopify/StaffMember/404")).actor).toEqual({ staffId: OWNER.staffId, isOwner: true });
    expect(await resolveActor(s.shop, { mode: "shopify", staffId: "77" }, VIEWER.staffId)).toEqual({ actor: { staffId: "77" }, personas: [] });
    expect(await resolveActor(uniqueShop("no-staff"), demo, null)).toEqual({ actor: { staffId: "demo-owner", isOwner: true }, personas: [] });
  });
});

describe("purchase-order concurrency and isolation", () => {
  it("lets exactly one of two concurrent approvals win", async () => {
    const s = await seedShop("race");
    await prisma.shop.update({ where: { shop: s.shop }, data: { blockSelfApproval: false } }); // both may approve
    const id = await oneDraft(s);
    await submitForApproval(s.shop, OWNER, id, 1);
    const results = await Promise.allSettled([approve(s.shop, OWNER, id, 2), approve(s.shop, APPROVER, id, 2)]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0].reason).toBeInstanceOf(PurchaseOrderError);
    expect(lost[0].reason.code).toBe("conflict");
    expect(lost[0].reason.message).toBe(CONFLICT_MESSAGE);
    const po = await prisma.purchaseOrder.findUniqueOrThrow({ where: { id } });
    expect(po).toMatchObject({ status: "approved", version: 3 });
    expect(await prisma.auditEntry.count({ where: { shop: s.shop, entityId: id, action: "purchase_order.approved" } })).toBe(1);
  });

  it("rejects a stale version with the conflict message and changes nothing", async () => {
    const s = await seedShop("stale");
    const id = await oneDraft(s);
    await submitForApproval(s.shop, OWNER, id, 1);
    const before = await snapshot(s.shop, id);
    await expectPoError(approve(s.shop, OWNER, id, 1), "conflict", CONFLICT_MESSAGE);
    await expectPoError(updateDraftLines(s.shop, OWNER, id, 1, []), "conflict", CONFLICT_MESSAGE);
    expect(await snapshot(s.shop, id)).toEqual(before);
  });

  it("keeps shop A out of shop B's purchase orders", async () => {
    const a = await seedShop("iso-a");
    const b = await seedShop("iso-b");
    const id = await oneDraft(b);
    const line = await prisma.purchaseOrderLine.findFirstOrThrow({ where: { purchaseOrderId: id } });
    const before = await snapshot(b.shop, id);
    await expectPoError(getPurchaseOrderDetail(a.shop, OWNER, id), "not_found", "Purchase order not found");
    for (const attempt of [
      () => submitForApproval(a.shop, OWNER, id, 1),
      () => approve(a.shop, OWNER, id, 1),
      () => reject(a.shop, OWNER, id, 1, "x"),
      () => markSent(a.shop, OWNER, id, 1),
      () => cancel(a.shop, OWNER, id, 1),
      () => updateDraftLines(a.shop, OWNER, id, 1, [{ lineId: line.id, quantity: 99 }]),
    ]) {
      await expectPoError(attempt(), "not_found", "Purchase order not found");
    }
    expect(await snapshot(b.shop, id)).toEqual(before);
    expect((await getPurchaseOrderList(a.shop, { page: 1, pageSize: 50 })).total).toBe(0);
    expect(await prisma.auditEntry.count({ where: { shop: a.shop } })).toBe(0);
  });
});

/** Orders audit line snapshots the way the service writes them: by the PO line id order. */
function byVariant(lines: { id: string; variantId: string }[]) {
  const rank = new Map([...lines].sort((x, y) => x.id.localeCompare(y.id)).map((l, i) => [l.variantId, i]));
  return (x: { variantId: string }, y: { variantId: string }) => rank.get(x.variantId)! - rank.get(y.variantId)!;
}
