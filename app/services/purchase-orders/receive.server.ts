// Receiving purchase orders. One transaction records the receipt (idempotent per shop on a client-chosen key),
// raises the lines' received counts, moves the PO to partially_received / received, bumps its version, writes
// the audit entry and adds the units to the local inventory level at the destination. After the commit the
// receipt is pushed to Shopify (inventoryAdjustQuantities, "available", reason "received") with the receipt's
// idempotency key, so a retry — of the push or of the whole submit — never adjusts Shopify twice, and never
// re-applies the local increment.
import { randomUUID } from "node:crypto";
import { isUniqueViolation } from "~/db.server";
import { findPurchaseOrder, updatePurchaseOrderIfVersion } from "~/models/purchase-orders.server";
import {
  addReceivedInventory,
  createReceipt,
  findReceipt,
  findReceiptByKey,
  incrementQuantityReceived,
  listReceipts,
  lookupPushTargets,
  setReceiptPushOutcome,
  type PushStatus,
} from "~/models/receipts.server";
import { listStaffRoles } from "~/models/staff.server";
import { inTransaction } from "~/models/transaction.server";
import { AdminUserErrors, createAdminClient, type AdminClientOptions, type AdminGraphql } from "~/shopify/admin-client.server";
import { INVENTORY_ADJUST_QUANTITIES } from "~/shopify/queries/inventory-adjust-quantities";
import { toGid } from "~/services/sync/ids";
import { logger } from "~/utils/logger.server";
import { CONFLICT_MESSAGE, NOT_FOUND_MESSAGE, PurchaseOrderError } from "./errors";
import { recordLandedCostsOnReceipt, writeBackLandedCosts } from "./landed-cost.server";
import { recordPoStatusChange } from "./lifecycle.server";
import { assertPermission, roleOf, type PoActor } from "./permissions.server";
import { OverReceiptError, planReceipt, validateReceiveInput, type ReceiveLineInput } from "./receive-plan";
import { transition } from "./state-machine";
import { staffNamer } from "~/utils/staff-names";

export { isOverReceiptError, OverReceiptError, planReceipt, validateReceiveInput } from "./receive-plan";
export type { OverReceivedLine, ReceiveLineInput } from "./receive-plan";

// ---------------------------------------------------------------------------------------------------------
// Receiving

export interface ReceiveOptions {
  /** The merchant confirmed receiving more than ordered. */
  confirmOverReceipt?: boolean;
  /** Chosen when the receive form is shown; the same key on a resubmit returns the first receipt. */
  idempotencyKey: string;
  /** Admin GraphQL of the request; null in demo mode (the receipt is applied locally only). */
  admin: AdminGraphql | null;
  /** Admin client tuning (tests inject sleep). */
  client?: AdminClientOptions;
}

export interface ReceiptDto {
  id: string;
  idempotencyKey: string;
  receivedBy: string;
  receivedAt: string;
  pushStatus: PushStatus;
  pushError: string | null;
  pushedAt: string | null;
  lines: { purchaseOrderLineId: string; quantity: number }[];
  units: number;
}

export interface ReceiveResult {
  po: { id: string; status: string; version: number };
  receipt: ReceiptDto;
  /** True when the key had already been used: nothing new was recorded. */
  replayed: boolean;
}

type ReceiptRow = NonNullable<Awaited<ReturnType<typeof findReceipt>>>;

function toDto(r: ReceiptRow): ReceiptDto {
  return {
    id: r.id,
    idempotencyKey: r.idempotencyKey,
    receivedBy: r.receivedBy,
    receivedAt: r.receivedAt.toISOString(),
    pushStatus: r.pushStatus as PushStatus,
    pushError: r.pushError,
    pushedAt: r.pushedAt?.toISOString() ?? null,
    lines: r.lines.map((l) => ({ purchaseOrderLineId: l.purchaseOrderLineId, quantity: l.quantity })),
    units: r.lines.reduce((s, l) => s + l.quantity, 0),
  };
}

function validateKey(key: string): string {
  const trimmed = key.trim();
  if (!/^[\w.:-]{8,100}$/.test(trimmed)) throw new PurchaseOrderError("invalid", "The receive form is out of date — reload the page and try again");
  return trimmed;
}

/** The result of a resubmit with a key already used: the receipt it created, and the PO as it is now. */
async function replay(shop: string, poId: string, key: string): Promise<ReceiveResult | null> {
  const existing = await findReceiptByKey(shop, key);
  if (!existing) return null;
  if (existing.purchaseOrderId !== poId) throw new PurchaseOrderError("invalid", "The receive form is out of date — reload the page and try again");
  const po = await findPurchaseOrder(shop, poId);
  if (!po) throw new PurchaseOrderError("not_found", NOT_FOUND_MESSAGE);
  return { po: { id: po.id, status: po.status, version: po.version }, receipt: toDto(existing), replayed: true };
}

/**
 * Receives units against a sent or partially received PO, then pushes them to Shopify (or marks them local in
 * demo mode). A resubmit with the same idempotency key returns the first receipt, pushing it if it hasn't
 * reached Shopify yet. Over-receiving needs `confirmOverReceipt`.
 */
export async function receivePurchaseOrder(
  shop: string,
  actor: PoActor,
  poId: string,
  expectedVersion: number,
  lines: ReceiveLineInput[],
  options: ReceiveOptions,
): Promise<ReceiveResult> {
  const key = validateKey(options.idempotencyKey);
  validateReceiveInput(lines);
  let result: ReceiveResult;
  let landedVariantIds: string[] = [];
  try {
    result = await inTransaction(async (tx) => {
      const po = await findPurchaseOrder(shop, poId, tx);
      if (!po) throw new PurchaseOrderError("not_found", NOT_FOUND_MESSAGE);
      await assertPermission(shop, actor, "edit", "receive", tx);
      const existing = await findReceiptByKey(shop, key, tx);
      if (existing) {
        if (existing.purchaseOrderId !== po.id) throw new PurchaseOrderError("invalid", "The receive form is out of date — reload the page and try again");
        return { po: { id: po.id, status: po.status, version: po.version }, receipt: toDto(existing), replayed: true };
      }
      if (po.version !== expectedVersion) throw new PurchaseOrderError("conflict", CONFLICT_MESSAGE);
      const plan = planReceipt(po.lines, lines);
      const next = transition(po.status, plan.complete ? "receive_full" : "receive_partial");
      if (!next.ok) throw new PurchaseOrderError("illegal_transition", next.message);
      if (plan.overReceived.length && !options.confirmOverReceipt) throw new OverReceiptError(plan.overReceived);

      const changed = await updatePurchaseOrderIfVersion(shop, po.id, expectedVersion, { status: next.to }, tx);
      if (changed === 0) throw new PurchaseOrderError("conflict", CONFLICT_MESSAGE);
      const receipt = await createReceipt(
        shop,
        { purchaseOrderId: po.id, idempotencyKey: key, receivedBy: actor.staffId, lines: lines.map((l) => ({ purchaseOrderLineId: l.lineId, quantity: l.quantity })) },
        tx,
      );
      const variantOf = new Map(po.lines.map((l) => [l.id, l.variantId]));
      for (const l of lines) {
        await incrementQuantityReceived(shop, l.lineId, l.quantity, tx);
        await addReceivedInventory(shop, variantOf.get(l.lineId)!, po.destinationLocationId, l.quantity, tx);
      }
      landedVariantIds = await recordLandedCostsOnReceipt(shop, po, lines.map((l) => l.lineId), tx);
      const byId = new Map(po.lines.map((l) => [l.id, l]));
      await recordPoStatusChange(
        shop,
        actor,
        "purchase_order.received",
        po,
        next.to,
        {
          receiptId: receipt.id,
          lines: lines.map((l) => ({
            variantId: variantOf.get(l.lineId)!,
            quantity: l.quantity,
            receivedBefore: byId.get(l.lineId)!.quantityReceived,
            receivedAfter: plan.receivedAfter.get(l.lineId)!,
            ordered: byId.get(l.lineId)!.quantityOrdered,
          })),
          ...(plan.overReceived.length ? { overReceipt: true } : {}),
        },
        tx,
      );
      return { po: { id: po.id, status: next.to, version: po.version + 1 }, receipt: toDto(receipt), replayed: false };
    });
  } catch (error) {
    // A concurrent submit with the same key won the race (unique key, or it bumped the version first).
    const lostRace = isUniqueViolation(error) || (error instanceof PurchaseOrderError && error.code === "conflict");
    const earlier = lostRace ? await replay(shop, poId, key) : null;
    if (!earlier) throw error;
    result = earlier;
  }
  if (result.receipt.pushStatus === "pending" || result.receipt.pushStatus === "failed") {
    result = { ...result, receipt: await pushReceipt(shop, result.receipt.id, options.admin, options.client) };
  }
  if (!result.replayed) await writeBackLandedCosts(shop, landedVariantIds, options.admin, options.client);
  return result;
}

// ---------------------------------------------------------------------------------------------------------
// Pushing to Shopify

/**
 * In an admin request the Remix library throws a Response for an expired or invalid session (401 with App
 * Bridge's retry header, or a redirect to auth): Remix must see it. Other thrown Responses carry Shopify's
 * HTTP errors (5xx…) and are push failures like any other.
 */
function isSessionResponse(error: unknown): error is Response {
  return error instanceof Response && (error.status === 401 || (error.status >= 300 && error.status < 400) || error.headers.has("X-Shopify-Retry-Invalid-Session-Request"));
}

function describePushError(error: unknown): string {
  if (error instanceof AdminUserErrors) return `Shopify refused the adjustment: ${error.userErrors.map((e) => e.message).join("; ")}`;
  if (isSessionResponse(error)) return `Your Shopify session expired (HTTP ${error.status}) — reload the page and retry`;
  if (error instanceof Response) return `Shopify couldn't be reached: HTTP ${error.status}`;
  const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
  return `Shopify couldn't be reached: ${message}`;
}

/**
 * Sends a receipt's units to Shopify with the receipt's idempotency key, and records the outcome. A receipt
 * already pushed (or local) is returned unchanged; without `admin` (demo) it is marked local. Never throws for
 * Shopify failures: they are stored on the receipt (pushStatus failed) for the merchant to retry.
 */
export async function pushReceipt(shop: string, receiptId: string, admin: AdminGraphql | null, clientOptions: AdminClientOptions = {}): Promise<ReceiptDto> {
  const receipt = await findReceipt(shop, receiptId);
  if (!receipt) throw new PurchaseOrderError("not_found", "Receipt not found");
  if (receipt.pushStatus === "pushed" || receipt.pushStatus === "local") return toDto(receipt);
  if (!admin) {
    await setReceiptPushOutcome(shop, receipt.id, { pushStatus: "local" });
    return toDto((await findReceipt(shop, receipt.id))!);
  }
  const po = await findPurchaseOrder(shop, receipt.purchaseOrderId);
  if (!po) throw new PurchaseOrderError("not_found", NOT_FOUND_MESSAGE);
  const variantOf = new Map(po.lines.map((l) => [l.id, l.variantId]));
  const targets = await lookupPushTargets(shop, [...new Set(receipt.lines.map((l) => variantOf.get(l.purchaseOrderLineId)!))], po.destinationLocationId);

  let outcome: Parameters<typeof setReceiptPushOutcome>[2];
  let rethrow: unknown = null;
  try {
    const changes = buildChanges(receipt.lines, variantOf, targets);
    await createAdminClient(admin, { maxRetries: 2, ...clientOptions }).mutate(
      INVENTORY_ADJUST_QUANTITIES,
      {
        key: receipt.idempotencyKey,
        input: { name: "available", reason: "received", referenceDocumentUri: `gid://stockcast/Receipt/${receipt.id}`, changes },
      },
      (d) => d.inventoryAdjustQuantities,
    );
    outcome = { pushStatus: "pushed", pushedAt: new Date() };
  } catch (error) {
    if (isSessionResponse(error)) rethrow = error;
    outcome = { pushStatus: "failed", pushError: error instanceof PurchaseOrderError ? error.message : describePushError(error) };
    logger.warn({ kind: "receipt-push", shop, receiptId: receipt.id, outcome: "failed", error: outcome.pushError });
  }
  await setReceiptPushOutcome(shop, receipt.id, outcome);
  if (rethrow) throw rethrow;
  return toDto((await findReceipt(shop, receipt.id))!);
}

function buildChanges(
  lines: { purchaseOrderLineId: string; quantity: number }[],
  variantOf: Map<string, string>,
  targets: Awaited<ReturnType<typeof lookupPushTargets>>,
) {
  if (!targets.location) throw new PurchaseOrderError("invalid", "The destination location no longer exists in Stockcast — sync locations, then retry");
  const locationId = toGid("Location", targets.location.shopifyId);
  const deltas = new Map<string, number>();
  for (const l of lines) {
    const variant = targets.variants.get(variantOf.get(l.purchaseOrderLineId) ?? "");
    if (!variant?.inventoryItemId) {
      const name = variant ? [variant.product.title, variant.title].filter(Boolean).join(" ") : "A received variant";
      throw new PurchaseOrderError("invalid", `${name} has no Shopify inventory item yet — sync the catalog, then retry`);
    }
    const item = toGid("InventoryItem", variant.inventoryItemId);
    deltas.set(item, (deltas.get(item) ?? 0) + l.quantity);
  }
  return [...deltas].map(([inventoryItemId, delta]) => ({ inventoryItemId, locationId, delta, changeFromQuantity: null }));
}

/** The Retry button: re-sends a failed (or stuck pending) receipt with the SAME idempotency key. */
export async function retryReceiptPush(
  shop: string,
  actor: PoActor,
  poId: string,
  receiptId: string,
  admin: AdminGraphql | null,
  clientOptions?: AdminClientOptions,
): Promise<ReceiptDto> {
  await assertPermission(shop, actor, "edit", "receive");
  const receipt = await findReceipt(shop, receiptId);
  if (!receipt || receipt.purchaseOrderId !== poId) throw new PurchaseOrderError("not_found", "Receipt not found");
  return pushReceipt(shop, receipt.id, admin, clientOptions);
}

// ---------------------------------------------------------------------------------------------------------
// Read side for the PO page

export interface ReceivingView {
  /** The PO can be received now by this actor. */
  canReceive: boolean;
  /** Whether this actor may retry pushes. */
  canRetry: boolean;
  /** A fresh key for the receive form: a resubmit of the same form reuses it. */
  receiveKey: string;
  receipts: ReceiptDto[];
}

export async function getReceivingView(shop: string, actor: PoActor, poId: string, status: string): Promise<ReceivingView> {
  const [receipts, role, staff] = await Promise.all([listReceipts(shop, poId), roleOf(shop, actor), listStaffRoles(shop)]);
  const who = staffNamer(staff);
  return {
    canReceive: role.canEdit && transition(status, "receive_partial").ok,
    canRetry: role.canEdit,
    receiveKey: randomUUID(),
    receipts: receipts.map((r) => ({ ...toDto(r), receivedBy: who(r.receivedBy) })),
  };
}
