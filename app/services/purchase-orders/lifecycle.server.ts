// Purchase-order use cases after drafting: submit, approve, reject, mark sent, cancel, close, close short,
// cancel the remainder (line and date edits: edits.server.ts).
// Each runs in one transaction: load (shop-scoped) → permission → version → state machine → versioned update
// → audit entry. A stale version or a lost race is a conflict; nothing is written unless everything is.
import type { Prisma } from "@prisma/client";
import { recordAudit } from "~/models/audit.server";
import { findPurchaseOrder, updatePurchaseOrderIfVersion } from "~/models/purchase-orders.server";
import { inTransaction, type Db } from "~/models/transaction.server";
import { isRefusedSelfApproval, SELF_APPROVAL_MESSAGE } from "~/services/approval-rules.server";
import { CONFLICT_MESSAGE, NOT_FOUND_MESSAGE, PurchaseOrderError } from "./errors";
import { assertPermission, type PoActor, type PoPermission } from "./permissions.server";
import { transition, type PoAction } from "./state-machine";

export const PO_ENTITY = "PurchaseOrder";
/** `sentTo` of a PO marked as sent outside Stockcast (vendor portal, phone…) rather than emailed. */
export const MANUAL_SENT_TO = "manual";

/** Audits a PO's move from its loaded status and version to `to` (version + 1), with what else the change says. */
export function recordPoStatusChange(
  shop: string,
  actor: PoActor,
  action: string,
  po: { id: string; status: string; version: number },
  to: string,
  extra: Prisma.JsonObject,
  tx: Db,
) {
  return recordAudit(shop, { actor: actor.staffId, action, entityType: PO_ENTITY, entityId: po.id, before: { status: po.status, version: po.version }, after: { status: to, version: po.version + 1, ...extra } }, tx);
}

export interface PoChangeResult {
  id: string;
  status: string;
  version: number;
}

/** Loads a PO for a change (shop-scoped), checks the role and the version the merchant saw. */
export async function loadForChange(shop: string, actor: PoActor, poId: string, expectedVersion: number, permission: PoPermission, verb: string, tx: Db) {
  const po = await findPurchaseOrder(shop, poId, tx);
  if (!po) throw new PurchaseOrderError("not_found", NOT_FOUND_MESSAGE);
  await assertPermission(shop, actor, permission, verb, tx);
  if (po.version !== expectedVersion) throw new PurchaseOrderError("conflict", CONFLICT_MESSAGE);
  return po;
}

/** Bumps the version with `data`, or throws a conflict when someone else changed the PO first. */
export async function bumpOrConflict(shop: string, poId: string, expectedVersion: number, data: Prisma.PurchaseOrderUpdateManyMutationInput, tx: Db) {
  const changed = await updatePurchaseOrderIfVersion(shop, poId, expectedVersion, data, tx);
  if (changed === 0) throw new PurchaseOrderError("conflict", CONFLICT_MESSAGE);
}

interface TransitionSpec {
  action: PoAction;
  auditAction: string;
  permission: PoPermission;
  verb: string;
  stamps: (actor: PoActor, now: Date, reason: string | undefined) => Prisma.PurchaseOrderUpdateManyMutationInput;
  /** A further check after the role check, e.g. segregation of duties; throws to refuse. */
  check?: (shop: string, actor: PoActor, po: { submittedBy: string | null; createdBy: string }, tx: Db) => Promise<void>;
  /** More for the audit entry's `after`, from the PO as it was (e.g. the units no longer on order). */
  auditExtra?: (po: { lines: { variantId: string; quantityOrdered: number; quantityReceived: number }[] }) => Record<string, unknown>;
}

/** The units of each line not yet received: what closing short or cancelling the remainder takes off order. */
function outstandingOf(po: { lines: { variantId: string; quantityOrdered: number; quantityReceived: number }[] }) {
  const lines = po.lines.map((l) => ({ variantId: l.variantId, units: Math.max(0, l.quantityOrdered - l.quantityReceived) })).filter((l) => l.units > 0);
  return { unitsNoLongerOnOrder: lines.reduce((s, l) => s + l.units, 0), outstanding: lines };
}

async function applyTransition(shop: string, actor: PoActor, poId: string, expectedVersion: number, spec: TransitionSpec, reason?: string): Promise<PoChangeResult> {
  return inTransaction(async (tx) => {
    const po = await loadForChange(shop, actor, poId, expectedVersion, spec.permission, spec.verb, tx);
    const next = transition(po.status, spec.action);
    if (!next.ok) throw new PurchaseOrderError("illegal_transition", next.message);
    await spec.check?.(shop, actor, po, tx);
    await bumpOrConflict(shop, poId, expectedVersion, { status: next.to, ...spec.stamps(actor, new Date(), reason) }, tx);
    await recordPoStatusChange(
      shop,
      actor,
      spec.auditAction,
      po,
      next.to,
      {
        ...(reason ? { reason } : {}),
        ...(spec.action === "send" ? { sentTo: MANUAL_SENT_TO } : {}),
        ...spec.auditExtra?.(po),
      },
      tx,
    );
    return { id: po.id, status: next.to, version: po.version + 1 };
  });
}

const SPECS = {
  submit: { action: "submit", auditAction: "purchase_order.submitted", permission: "edit", verb: "submit", stamps: (a, now) => ({ submittedAt: now, submittedBy: a.staffId }) },
  approve: {
    action: "approve",
    auditAction: "purchase_order.approved",
    permission: "approve",
    verb: "approve",
    stamps: (a, now) => ({ approvedBy: a.staffId, approvedAt: now }),
    // A PO submitted before submittedBy was recorded counts as submitted by its creator.
    check: async (shop, actor, po, tx) => {
      if (await isRefusedSelfApproval(shop, actor, po.submittedBy ?? po.createdBy, tx)) throw new PurchaseOrderError("forbidden", SELF_APPROVAL_MESSAGE);
    },
  },
  reject: {
    action: "reject",
    auditAction: "purchase_order.rejected",
    permission: "approve",
    verb: "reject",
    stamps: (_a, _now, reason) => ({ submittedAt: null, submittedBy: null, approvedBy: null, approvedAt: null, rejectedReason: reason ?? null }),
  },
  send: { action: "send", auditAction: "purchase_order.sent", permission: "edit", verb: "send", stamps: (_a, now) => ({ sentAt: now, sentTo: MANUAL_SENT_TO }) },
  cancel: {
    action: "cancel",
    auditAction: "purchase_order.cancelled",
    permission: "edit",
    verb: "cancel",
    stamps: (_a, now, reason) => ({ cancelledAt: now, cancelReason: reason ?? null }),
  },
  close: { action: "close", auditAction: "purchase_order.closed", permission: "edit", verb: "close", stamps: (_a, now) => ({ closedAt: now }) },
  closeShort: {
    action: "close_short",
    auditAction: "purchase_order.closed_short",
    permission: "edit",
    verb: "close short",
    stamps: (_a, now) => ({ closedAt: now }),
    auditExtra: outstandingOf,
  },
  cancelRemainder: {
    action: "cancel_remainder",
    auditAction: "purchase_order.remainder_cancelled",
    permission: "edit",
    verb: "cancel the remainder of",
    stamps: (_a, now, reason) => ({ closedAt: now, cancelReason: reason ?? null }),
    auditExtra: outstandingOf,
  },
} satisfies Record<string, TransitionSpec>;

/** draft → pending_approval. */
export function submitForApproval(shop: string, actor: PoActor, poId: string, expectedVersion: number) {
  return applyTransition(shop, actor, poId, expectedVersion, SPECS.submit);
}

/** pending_approval → approved; approvers and the shop owner only, and not the submitter when the shop's approval rules say so. */
export function approve(shop: string, actor: PoActor, poId: string, expectedVersion: number) {
  return applyTransition(shop, actor, poId, expectedVersion, SPECS.approve);
}

/** pending_approval → draft with a reason (rejectedReason and the audit entry); approvers and the shop owner only. */
export async function reject(shop: string, actor: PoActor, poId: string, expectedVersion: number, reason: string): Promise<PoChangeResult> {
  const trimmed = reason.trim();
  if (!trimmed) throw new PurchaseOrderError("invalid", "Say why the purchase order is rejected, so whoever drafted it can fix it");
  return applyTransition(shop, actor, poId, expectedVersion, SPECS.reject, trimmed);
}

/** approved → sent without email (the merchant sent it outside Stockcast): sentTo = "manual". */
export function markSent(shop: string, actor: PoActor, poId: string, expectedVersion: number) {
  return applyTransition(shop, actor, poId, expectedVersion, SPECS.send);
}

/** draft | pending_approval | approved | sent → cancelled, with an optional reason (cancelReason and the audit entry). */
export function cancel(shop: string, actor: PoActor, poId: string, expectedVersion: number, reason?: string) {
  return applyTransition(shop, actor, poId, expectedVersion, SPECS.cancel, reason?.trim() || undefined);
}

/** received → closed. */
export function close(shop: string, actor: PoActor, poId: string, expectedVersion: number) {
  return applyTransition(shop, actor, poId, expectedVersion, SPECS.close);
}

/**
 * partially_received → closed: the vendor will not ship the rest. The units not yet received leave on order
 * (closed POs are not open, docs/on-order.md); the audit entry lists them.
 */
export function closeShort(shop: string, actor: PoActor, poId: string, expectedVersion: number) {
  return applyTransition(shop, actor, poId, expectedVersion, SPECS.closeShort);
}

/**
 * partially_received → closed with a required reason (cancelReason and the audit entry): the merchant no
 * longer wants the rest. As closeShort, the units not yet received leave on order.
 */
export async function cancelRemainder(shop: string, actor: PoActor, poId: string, expectedVersion: number, reason: string): Promise<PoChangeResult> {
  const trimmed = reason.trim();
  if (!trimmed) throw new PurchaseOrderError("invalid", "Say why the rest of the order is cancelled, so the vendor and your team know");
  return applyTransition(shop, actor, poId, expectedVersion, SPECS.cancelRemainder, trimmed);
}
