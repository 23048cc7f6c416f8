// Receiving purchase orders: the receipt transaction on the real database, and the push to Shopify through the
// real client library against the msw fake (documents executed against the real Admin schema). The fake's
// inventoryAdjustQuantities honours @idempotent(key:) like Shopify: a key already applied returns the first
// result and changes nothing.
import { adminUrl, fakeShop, server, type ShopifyFake } from "../setup/shopify-fake";
import crypto from "node:crypto";
import { http, HttpResponse } from "msw";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { expectPoError } from "../setup/po-errors";
import type { PoActor } from "~/services/purchase-orders/permissions.server";
import { OverReceiptError, receivePurchaseOrder, retryReceiptPush, type ReceiveLineInput } from "~/services/purchase-orders/receive.server";
import { unauthenticated } from "~/shopify.server";
import type { AdminGraphql } from "~/shopify/admin-client.server";
import * as detailRoute from "~/routes/app.purchase-orders_.$id";
import { getAsStaff, postAsStaff, storeAdminSession } from "../setup/admin-request";

afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const OWNER: PoActor = { staffId: "5001" };
const VIEWER: PoActor = { staffId: "5003" };
const CLERK: PoActor = { staffId: "5004" }; // no StaffRole row: may receive
const noSleep = { sleep: async () => {}, random: () => 0 };

interface Adjustment {
  key: string;
  changes: { inventoryItemId: string; locationId: string; delta: number }[];
}

/** Shopify's side: quantities per item × location, changed once per idempotency key. */
class FakeInventory {
  readonly applied = new Map<string, { id: string; createdAt: string; input: Record<string, unknown> }>();
  readonly quantities = new Map<string, number>();

  apply(key: string, input: { changes: Adjustment["changes"] } & Record<string, unknown>) {
    const earlier = this.applied.get(key);
    if (earlier) return earlier;
    for (const c of input.changes) {
      const at = `${c.inventoryItemId}@${c.locationId}`;
      this.quantities.set(at, (this.quantities.get(at) ?? 0) + c.delta);
    }
    const group = { id: `gid://shopify/InventoryAdjustmentGroup/${this.applied.size + 1}`, createdAt: new Date().toISOString(), input };
    this.applied.set(key, group);
    return group;
  }

  root(variables: Record<string, unknown>) {
    const input = variables.input as { name: string; reason: string; referenceDocumentUri?: string; changes: Adjustment["changes"] };
    const group = this.apply(String(variables.key), input);
    const applied = group.input as typeof input;
    return {
      inventoryAdjustQuantities: {
        inventoryAdjustmentGroup: {
          id: group.id,
          createdAt: group.createdAt,
          reason: applied.reason,
          referenceDocumentUri: applied.referenceDocumentUri ?? null,
          changes: applied.changes.map((c) => ({
            name: applied.name,
            delta: c.delta,
            quantityAfterChange: null,
            item: { id: c.inventoryItemId },
            location: { id: c.locationId },
          })),
        },
        userErrors: [],
      },
    };
  }
}

async function seedShop(label: string) {
  const store = `rcv-${label}-${crypto.randomUUID().slice(0, 8)}`;
  const shop = `${store}.myshopify.com`;
  await prisma.session.create({ data: { id: `offline_${shop}`, shop, state: "", accessToken: "shpat_test", scope: "read_products,write_inventory" } });
  await prisma.shop.create({ data: { shop, name: label, currencyCode: "USD" } });
  await prisma.staffRole.createMany({
    data: [
      { shop, staffId: OWNER.staffId, name: "Olive Owner", role: "owner" },
      { shop, staffId: VIEWER.staffId, name: "Vic Viewer", role: "viewer" },
    ],
  });
  const vendor = await prisma.vendor.create({ data: { shop, name: "Acme" } });
  const location = await prisma.location.create({ data: { shop, shopifyId: "gid://shopify/Location/71", name: "Warehouse" } });
  const product = await prisma.product.create({ data: { shop, shopifyId: "gid://shopify/Product/1", title: "Tent", vendorId: vendor.id } });
  const v1 = await prisma.variant.create({
    data: { shop, shopifyId: "gid://shopify/ProductVariant/11", productId: product.id, title: "Green", sku: "T-G", inventoryItemId: "gid://shopify/InventoryItem/111" },
  });
  // A numeric inventory item id (as some sync paths store it): sent as a GID.
  const v2 = await prisma.variant.create({ data: { shop, shopifyId: "gid://shopify/ProductVariant/12", productId: product.id, title: "Blue", sku: "T-B", inventoryItemId: "112" } });
  await prisma.inventoryLevel.create({ data: { shop, variantId: v1.id, locationId: location.id, available: 5, onHand: 7, committed: 2 } });
  let n = 1000;
  const po = async (status: string, lines: { variantId: string; quantityOrdered: number }[] = [
    { variantId: v1.id, quantityOrdered: 10 },
    { variantId: v2.id, quantityOrdered: 4 },
  ]) => {
    const created = await prisma.purchaseOrder.create({
      data: {
        shop, number: `PO-${++n}`, vendorId: vendor.id, destinationLocationId: location.id, status, createdBy: OWNER.staffId,
        lines: { create: lines.map((l) => ({ shop, ...l, unitCost: "2.50" })) },
      },
      include: { lines: { orderBy: { id: "asc" } } },
    });
    const byVariant = (variantId: string) => created.lines.find((l) => l.variantId === variantId)!.id;
    return { id: created.id, version: created.version, l1: byVariant(v1.id), l2: lines.length > 1 ? byVariant(v2.id) : "" };
  };
  const inventory = new FakeInventory();
  const fake: ShopifyFake = fakeShop(shop, { shop: { name: label, ianaTimezone: "UTC", currencyCode: "USD" } });
  fake.roots.set("InventoryAdjustQuantities", (v) => inventory.root(v));
  const { admin } = await unauthenticated.admin(shop);
  return { store, shop, vendor, location, v1, v2, po, inventory, fake, admin: admin as AdminGraphql };
}

type Seeded = Awaited<ReturnType<typeof seedShop>>;

const key = () => crypto.randomUUID();

const level = async (s: Seeded, variantId: string) => {
  const row = await prisma.inventoryLevel.findUnique({ where: { shop_variantId_locationId: { shop: s.shop, variantId, locationId: s.location.id } } });
  return row && { available: row.available, onHand: row.onHand, committed: row.committed };
};

const adjustCalls = (s: Seeded) => s.fake.calls.filter((c) => c.operationName === "InventoryAdjustQuantities");

function receive(s: Seeded, actor: PoActor, po: { id: string }, version: number, lines: ReceiveLineInput[], opts: { confirmOverReceipt?: boolean; idempotencyKey?: string; demo?: boolean } = {}) {
  return receivePurchaseOrder(s.shop, actor, po.id, version, lines, {
    confirmOverReceipt: opts.confirmOverReceipt,
    idempotencyKey: opts.idempotencyKey ?? key(),
    admin: opts.demo ? null : s.admin,
    client: noSleep,
  });
}

/** Everything a rejected receive must leave untouched. */
const snapshot = async (s: Seeded, poId: string) => ({
  po: await prisma.purchaseOrder.findUniqueOrThrow({ where: { id: poId }, select: { status: true, version: true, lines: { select: { quantityReceived: true }, orderBy: { id: "asc" } } } }),
  receipts: await prisma.receipt.count({ where: { purchaseOrderId: poId } }),
  audits: await prisma.auditEntry.count({ where: { entityId: poId } }),
  levels: await prisma.inventoryLevel.findMany({ where: { shop: s.shop }, select: { variantId: true, available: true, onHand: true }, orderBy: { variantId: "asc" } }),
  calls: s.fake.calls.length,
});

describe("receiving a purchase order", () => {
  it("receives partially, then fully: status, quantities, local inventory, audit and one Shopify adjustment per receipt", async () => {
    const s = await seedShop("full");
    const po = await s.po("sent");

    const first = await receive(s, CLERK, po, 1, [{ lineId: po.l1, quantity: 4 }], { idempotencyKey: "key-partial-0001" });
    expect(first.replayed).toBe(false);
    expect(first.po).toEqual({ id: po.id, status: "partially_received", version: 2 });
    expect(first.receipt).toMatchObject({ pushStatus: "pushed", pushError: null, receivedBy: CLERK.staffId, units: 4, idempotencyKey: "key-partial-0001" });
    expect(first.receipt.pushedAt).not.toBeNull();
    expect(await level(s, s.v1.id)).toEqual({ available: 9, onHand: 11, committed: 2 });
    expect(await level(s, s.v2.id)).toBeNull();

    const [call] = adjustCalls(s);
    expect(call.query).toContain("@idempotent(key: $key)");
    expect(call.variables).toEqual({
      key: "key-partial-0001",
      input: {
        name: "available",
        reason: "received",
        referenceDocumentUri: `gid://stockcast/Receipt/${first.receipt.id}`,
        changes: [{ inventoryItemId: "gid://shopify/InventoryItem/111", locationId: "gid://shopify/Location/71", delta: 4, changeFromQuantity: null }],
      },
    });

    const second = await receive(s, OWNER, po, 2, [
      { lineId: po.l1, quantity: 6 },
      { lineId: po.l2, quantity: 4 },
    ]);
    expect(second.po).toEqual({ id: po.id, status: "received", version: 3 });
    expect(second.receipt.pushStatus).toBe("pushed");
    const lines = await prisma.purchaseOrderLine.findMany({ where: { purchaseOrderId: po.id }, orderBy: { id: "asc" } });
    expect(Object.fromEntries(lines.map((l) => [l.id, l.quantityReceived]))).toEqual({ [po.l1]: 10, [po.l2]: 4 });
    expect(await level(s, s.v1.id)).toEqual({ available: 15, onHand: 17, committed: 2 });
    expect(await level(s, s.v2.id)).toEqual({ available: 4, onHand: 4, committed: 0 }); // not stocked there before
    expect(s.inventory.quantities).toEqual(
      new Map([
        ["gid://shopify/InventoryItem/111@gid://shopify/Location/71", 10],
        ["gid://shopify/InventoryItem/112@gid://shopify/Location/71", 4],
      ]),
    );
    expect(adjustCalls(s)).toHaveLength(2);

    const receipts = await prisma.receipt.findMany({ where: { shop: s.shop }, include: { lines: true }, orderBy: { receivedAt: "asc" } });
    expect(receipts.map((r) => r.lines.map((l) => l.quantity).sort())).toEqual([[4], [4, 6]]);
    const audit = await prisma.auditEntry.findMany({ where: { shop: s.shop, entityId: po.id }, orderBy: [{ at: "asc" }, { id: "asc" }] });
    expect(audit.map((a) => [a.action, a.actor, a.before, (a.after as { status: string }).status])).toEqual([
      ["purchase_order.received", CLERK.staffId, { status: "sent", version: 1 }, "partially_received"],
      ["purchase_order.received", OWNER.staffId, { status: "partially_received", version: 2 }, "received"],
    ]);
    expect(audit[0].after).toMatchObject({ receiptId: first.receipt.id, lines: [{ variantId: s.v1.id, quantity: 4, receivedBefore: 0, receivedAfter: 4, ordered: 10 }] });

    // A received PO takes no more receipts.
    await expectPoError(receive(s, OWNER, po, 3, [{ lineId: po.l1, quantity: 1 }], { confirmOverReceipt: true }), "illegal_transition", "A received purchase order can't be received");
  });

  it("rejects an over-receipt unless the merchant confirms it", async () => {
    const s = await seedShop("over");
    const po = await s.po("sent");
    await receive(s, CLERK, po, 1, [{ lineId: po.l1, quantity: 8 }]);
    const before = await snapshot(s, po.id);

    const error = await expectPoError(
      receive(s, CLERK, po, 2, [
        { lineId: po.l1, quantity: 5 },
        { lineId: po.l2, quantity: 4 },
      ]),
      "invalid",
      "This receives 3 more units than ordered on 1 line — confirm the over-receipt to record it",
    );
    expect(error).toBeInstanceOf(OverReceiptError);
    expect((error as OverReceiptError).lines).toEqual([{ lineId: po.l1, ordered: 10, alreadyReceived: 8, receiving: 5, excess: 3 }]);
    expect(await snapshot(s, po.id)).toEqual(before);

    const accepted = await receive(
      s,
      CLERK,
      po,
      2,
      [
        { lineId: po.l1, quantity: 5 },
        { lineId: po.l2, quantity: 4 },
      ],
      { confirmOverReceipt: true },
    );
    expect(accepted.po.status).toBe("received");
    const l1 = await prisma.purchaseOrderLine.findUniqueOrThrow({ where: { id: po.l1 } });
    expect(l1.quantityReceived).toBe(13);
    expect(await level(s, s.v1.id)).toEqual({ available: 18, onHand: 20, committed: 2 });
    const last = await prisma.auditEntry.findFirstOrThrow({ where: { entityId: po.id }, orderBy: [{ at: "desc" }, { id: "desc" }] });
    expect(last.after).toMatchObject({ overReceipt: true, status: "received" });
  });

  it("validates quantities and lines before writing anything", async () => {
    const s = await seedShop("invalid");
    const po = await s.po("sent");
    const other = await s.po("sent", [{ variantId: s.v1.id, quantityOrdered: 1 }]);
    const before = await snapshot(s, po.id);
    const whole = "Received quantities must be whole numbers between 1 and 1,000,000";
    await expectPoError(receive(s, CLERK, po, 1, []), "invalid", "Enter a quantity for at least one line to receive");
    await expectPoError(receive(s, CLERK, po, 1, [{ lineId: po.l1, quantity: 0 }]), "invalid", whole);
    await expectPoError(receive(s, CLERK, po, 1, [{ lineId: po.l1, quantity: -2 }]), "invalid", whole);
    await expectPoError(receive(s, CLERK, po, 1, [{ lineId: po.l1, quantity: 1.5 }]), "invalid", whole);
    await expectPoError(
      receive(s, CLERK, po, 1, [
        { lineId: po.l1, quantity: 1 },
        { lineId: po.l1, quantity: 1 },
      ]),
      "invalid",
      "Each line can only be received once per receipt",
    );
    await expectPoError(receive(s, CLERK, po, 1, [{ lineId: other.l1, quantity: 1 }]), "invalid", /isn't on this purchase order/);
    await expectPoError(receive(s, CLERK, po, 1, [{ lineId: po.l1, quantity: 1 }], { idempotencyKey: "short" }), "invalid", /reload the page/);
    await expectPoError(receive(s, CLERK, po, 7, [{ lineId: po.l1, quantity: 1 }]), "conflict", /changed by someone else/);
    await expectPoError(receive(s, VIEWER, po, 1, [{ lineId: po.l1, quantity: 1 }]), "forbidden", /Viewers can look/);
    expect(await snapshot(s, po.id)).toEqual(before);
  });

  it("rejects receiving a PO that was not sent (draft, approved, cancelled)", async () => {
    const s = await seedShop("illegal");
    for (const [status, subject] of [
      ["draft", "A draft purchase order"],
      ["approved", "An approved purchase order"],
      ["cancelled", "A cancelled purchase order"],
    ]) {
      const po = await s.po(status);
      const before = await snapshot(s, po.id);
      await expectPoError(receive(s, OWNER, po, 1, [{ lineId: po.l1, quantity: 1 }]), "illegal_transition", `${subject} can't be received`);
      expect(await snapshot(s, po.id)).toEqual(before);
    }
    expect(adjustCalls(s)).toHaveLength(0);
  });

  it("returns the first receipt when the same idempotency key is submitted again: inventory is added once", async () => {
    const s = await seedShop("idem");
    const po = await s.po("sent");
    const idempotencyKey = "double-submit-key-1";
    const first = await receive(s, CLERK, po, 1, [{ lineId: po.l1, quantity: 3 }], { idempotencyKey });
    // The resubmit carries the version the form was rendered with (now stale): still the same receipt.
    const again = await receive(s, CLERK, po, 1, [{ lineId: po.l1, quantity: 3 }], { idempotencyKey });
    expect(again.replayed).toBe(true);
    expect(again.receipt.id).toBe(first.receipt.id);
    expect(again.po).toEqual({ id: po.id, status: "partially_received", version: 2 });
    expect(await prisma.receipt.count({ where: { shop: s.shop } })).toBe(1);
    expect((await prisma.purchaseOrderLine.findUniqueOrThrow({ where: { id: po.l1 } })).quantityReceived).toBe(3);
    expect(await level(s, s.v1.id)).toEqual({ available: 8, onHand: 10, committed: 2 });
    expect(await prisma.auditEntry.count({ where: { entityId: po.id } })).toBe(1);
    expect(adjustCalls(s)).toHaveLength(1); // already pushed: not sent again
    expect(s.inventory.applied.size).toBe(1);

    // Concurrent double submit: one receipt, one increment.
    const twice = await Promise.allSettled([0, 1].map(() => receive(s, CLERK, po, 2, [{ lineId: po.l2, quantity: 1 }], { idempotencyKey: "concurrent-key-01" })));
    // The loser sees the winner's receipt (conflict or unique key), never an error or a second receipt.
    const ok = twice.map((r) => {
      if (r.status === "rejected") throw r.reason;
      return r.value;
    });
    expect(ok.map((r) => r.replayed).sort()).toEqual([false, true]);
    expect(new Set(ok.map((r) => r.receipt.id)).size).toBe(1);
    expect(await prisma.receipt.count({ where: { shop: s.shop } })).toBe(2);
    expect(await level(s, s.v2.id)).toEqual({ available: 1, onHand: 1, committed: 0 });

    // The key of another PO's receipt is refused rather than mixed up.
    const other = await s.po("sent");
    await expectPoError(receive(s, CLERK, other, 1, [{ lineId: other.l1, quantity: 1 }], { idempotencyKey }), "invalid", /reload the page/);
  });

  it("stores a receipt whose push failed (Shopify 5xx), and a retry re-sends the same key so Shopify adjusts exactly once", async () => {
    const s = await seedShop("retry");
    const po = await s.po("sent");
    s.fake.script({ kind: "http", status: 502 }, { kind: "http", status: 503 }, { kind: "http", status: 500 });
    const result = await receive(s, CLERK, po, 1, [{ lineId: po.l1, quantity: 6 }], { idempotencyKey: "flaky-shopify-key" });
    expect(result.po.status).toBe("partially_received");
    expect(result.receipt.pushStatus).toBe("failed");
    expect(result.receipt.pushError).toMatch(/^Shopify couldn't be reached: InventoryAdjustQuantities: gave up after 3 attempts/);
    expect(result.receipt.pushedAt).toBeNull();
    expect(await level(s, s.v1.id)).toEqual({ available: 11, onHand: 13, committed: 2 });
    expect(s.inventory.applied.size).toBe(0);

    const retried = await retryReceiptPush(s.shop, CLERK, po.id, result.receipt.id, s.admin, noSleep);
    expect(retried).toMatchObject({ id: result.receipt.id, pushStatus: "pushed", pushError: null });
    // A second retry of a pushed receipt sends nothing.
    await retryReceiptPush(s.shop, CLERK, po.id, result.receipt.id, s.admin, noSleep);

    const calls = adjustCalls(s);
    expect(calls).toHaveLength(4);
    expect(calls.every((c) => c.variables.key === "flaky-shopify-key")).toBe(true);
    expect([...s.inventory.applied.keys()]).toEqual(["flaky-shopify-key"]);
    expect(s.inventory.quantities.get("gid://shopify/InventoryItem/111@gid://shopify/Location/71")).toBe(6);
    // The local increment was applied once, at receive time, never by the retry.
    expect(await level(s, s.v1.id)).toEqual({ available: 11, onHand: 13, committed: 2 });
    expect((await prisma.purchaseOrderLine.findUniqueOrThrow({ where: { id: po.l1 } })).quantityReceived).toBe(6);
    expect(await prisma.receipt.count({ where: { shop: s.shop } })).toBe(1);
  });

  it("adjusts once when Shopify applied the change but the answer was lost", async () => {
    const s = await seedShop("lost");
    const po = await s.po("sent");
    let dropped = 0;
    // In front of the fake: the first request is applied by "Shopify", then the connection drops.
    server.use(
      http.post(adminUrl(s.shop), async ({ request }) => {
        if (dropped > 0) return undefined;
        dropped++;
        const body = (await request.clone().json()) as { variables: { key: string; input: { changes: Adjustment["changes"] } } };
        s.inventory.apply(body.variables.key, body.variables.input);
        return HttpResponse.error();
      }),
    );
    const result = await receive(s, CLERK, po, 1, [{ lineId: po.l2, quantity: 2 }], { idempotencyKey: "lost-answer-key-1" });
    expect(result.receipt.pushStatus).toBe("pushed");
    expect(dropped).toBe(1);
    expect(adjustCalls(s).map((c) => c.variables.key)).toEqual(["lost-answer-key-1"]); // the retry the fake answered
    expect(s.inventory.quantities.get("gid://shopify/InventoryItem/112@gid://shopify/Location/71")).toBe(2);
  });

  it("records a push failure Shopify reports (userErrors, missing inventory item) for the merchant to retry", async () => {
    const s = await seedShop("usererr");
    const po = await s.po("sent");
    s.fake.roots.set("InventoryAdjustQuantities", () => ({
      inventoryAdjustQuantities: { inventoryAdjustmentGroup: null, userErrors: [{ field: ["input", "changes", "0", "locationId"], message: "The specified location could not be found.", code: "INVALID_LOCATION" }] },
    }));
    const refused = await receive(s, CLERK, po, 1, [{ lineId: po.l1, quantity: 1 }]);
    expect(refused.receipt).toMatchObject({ pushStatus: "failed", pushError: "Shopify refused the adjustment: The specified location could not be found." });

    await prisma.variant.update({ where: { id: s.v2.id }, data: { inventoryItemId: null } });
    const callsBefore = adjustCalls(s).length;
    const missing = await receive(s, CLERK, po, 2, [{ lineId: po.l2, quantity: 1 }]);
    expect(missing.receipt).toMatchObject({ pushStatus: "failed", pushError: "Tent Blue has no Shopify inventory item yet — sync the catalog, then retry" });
    expect(adjustCalls(s)).toHaveLength(callsBefore);
    expect(await level(s, s.v2.id)).toEqual({ available: 1, onHand: 1, committed: 0 });
  });

  it("marks receipts local in demo mode (no Admin client) and sends nothing to Shopify", async () => {
    const s = await seedShop("demo");
    const po = await s.po("sent");
    const result = await receive(s, OWNER, po, 1, [{ lineId: po.l1, quantity: 10 }, { lineId: po.l2, quantity: 4 }], { demo: true });
    expect(result.po.status).toBe("received");
    expect(result.receipt).toMatchObject({ pushStatus: "local", pushError: null, pushedAt: null });
    expect(s.fake.calls).toHaveLength(0);
    expect(await level(s, s.v1.id)).toEqual({ available: 15, onHand: 17, committed: 2 });
  });

  it("keeps shops apart: another shop's PO or receipt is not found and left untouched", async () => {
    const a = await seedShop("iso-a");
    const b = await seedShop("iso-b");
    const poA = await a.po("sent");
    s_failNext(a);
    const receiptA = await receive(a, CLERK, poA, 1, [{ lineId: poA.l1, quantity: 2 }], { idempotencyKey: "shared-key-0001" });
    expect(receiptA.receipt.pushStatus).toBe("failed");
    const before = await snapshot(a, poA.id);

    await expectPoError(
      receivePurchaseOrder(b.shop, OWNER, poA.id, 2, [{ lineId: poA.l1, quantity: 1 }], { idempotencyKey: key(), admin: b.admin, client: noSleep }),
      "not_found",
      "Purchase order not found",
    );
    await expectPoError(retryReceiptPush(b.shop, OWNER, poA.id, receiptA.receipt.id, b.admin, noSleep), "not_found", "Receipt not found");
    expect(await snapshot(a, poA.id)).toEqual(before);
    expect(b.fake.calls).toHaveLength(0);

    // Keys are unique per shop: shop B may use the same key for its own receipt.
    const poB = await b.po("sent");
    const receiptB = await receive(b, CLERK, poB, 1, [{ lineId: poB.l1, quantity: 1 }], { idempotencyKey: "shared-key-0001" });
    expect(receiptB.replayed).toBe(false);
    expect(receiptB.receipt.id).not.toBe(receiptA.receipt.id);
    expect((await prisma.purchaseOrderLine.findUniqueOrThrow({ where: { id: poA.l1 } })).quantityReceived).toBe(2);
  });
});

/** Makes the shop's next push fail for good (every attempt the client makes answers 500). */
function s_failNext(s: Seeded) {
  s.fake.script({ kind: "http", status: 500 }, { kind: "http", status: 500 }, { kind: "http", status: 500 });
}

// ---------------------------------------------------------------------------------------------------------
// Through the detail route (session-token auth, the real action)

async function routeShop(label: string) {
  const s = await seedShop(label);
  await storeAdminSession(s.shop);
  return s;
}

const post = (s: Seeded, staff: string, id: string, fields: [string, string][]) => postAsStaff(detailRoute.action, `/app/purchase-orders/${id}`, s.store, staff, fields, { id });
const load = (s: Seeded, staff: string, id: string) => getAsStaff(detailRoute.loader, `/app/purchase-orders/${id}`, s.store, staff, { id });

describe("receiving through the purchase-order page", () => {
  it("offers receiving on a sent PO, asks to confirm an over-receipt, and retries a failed push", async () => {
    const s = await routeShop("route");
    const po = await s.po("sent");
    const page = await (await load(s, CLERK.staffId, po.id)).json();
    expect(page.receiving).toMatchObject({ canReceive: true, canRetry: true, receipts: [] });
    expect(page.receiving.receiveKey).toMatch(/^[0-9a-f-]{36}$/);

    const over = await post(s, CLERK.staffId, po.id, [
      ["intent", "receive"], ["version", "1"], ["idempotencyKey", page.receiving.receiveKey],
      ["lineId", po.l1], ["quantity", "11"], ["lineId", po.l2], ["quantity", "0"],
    ]);
    expect(over.status).toBe(400);
    expect(await over.json()).toEqual({
      error: "This receives 1 more unit than ordered on 1 line — confirm the over-receipt to record it",
      code: "over_receipt",
      overReceipt: [{ lineId: po.l1, ordered: 10, alreadyReceived: 0, receiving: 11, excess: 1 }],
    });

    // Shopify is down (HTTP 503, nothing applied) until `down` is cleared, however often the client retries.
    let down = true;
    const keysWhileDown: unknown[] = [];
    server.use(
      http.post(adminUrl(s.shop), async ({ request }) => {
        if (!down) return undefined;
        keysWhileDown.push(((await request.clone().json()) as { variables?: { key?: unknown } }).variables?.key);
        return HttpResponse.json({ errors: "Service Unavailable" }, { status: 503 });
      }),
    );
    const ok = await post(s, CLERK.staffId, po.id, [
      ["intent", "receive"], ["version", "1"], ["idempotencyKey", page.receiving.receiveKey], ["confirmOverReceipt", "true"],
      ["lineId", po.l1], ["quantity", "11"], ["lineId", po.l2], ["quantity", "0"],
    ]);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ error: null, code: null });

    const after = await (await load(s, CLERK.staffId, po.id)).json();
    expect(after.po).toMatchObject({ status: "partially_received", version: 2 });
    expect(after.lines.find((l: { id: string }) => l.id === po.l1).quantityReceived).toBe(11);
    expect(after.receiving.receiveKey).not.toBe(page.receiving.receiveKey);
    const [receipt] = after.receiving.receipts;
    expect(receipt).toMatchObject({ pushStatus: "failed", units: 11 });
    expect(receipt.pushError).toMatch(/^Shopify couldn't be reached: .*503/);
    expect(keysWhileDown.length).toBeGreaterThan(0);

    const viewer = await post(s, VIEWER.staffId, po.id, [["intent", "retry_push"], ["receiptId", receipt.id]]);
    expect(viewer.status).toBe(403);
    down = false;
    const retried = await post(s, CLERK.staffId, po.id, [["intent", "retry_push"], ["receiptId", receipt.id]]);
    expect(retried.status).toBe(200);
    expect((await prisma.receipt.findUniqueOrThrow({ where: { id: receipt.id } })).pushStatus).toBe("pushed");
    expect([...keysWhileDown, ...adjustCalls(s).map((c) => c.variables.key)].every((k) => k === page.receiving.receiveKey)).toBe(true);
    expect(adjustCalls(s)).toHaveLength(1);
    expect(s.inventory.applied.size).toBe(1);

    const blank = await post(s, CLERK.staffId, po.id, [["intent", "receive"], ["version", "2"], ["idempotencyKey", key()], ["lineId", po.l1], ["quantity", "x"]]);
    expect(blank.status).toBe(400);
    expect((await blank.json()).error).toBe("Received quantities must be whole numbers between 0 and 1,000,000");
  });
});
