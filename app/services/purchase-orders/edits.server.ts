// Editing a PO after drafting: its lines (quantities, unit costs, added and removed lines) before it is sent,
// and its expected date and vendor-confirmed ETA while it is open. Each edit runs in one transaction, checks the
// staff role and the version the merchant saw, and writes one audit entry (the PO page's history).
import { recordAudit } from "~/models/audit.server";
import { findVendorVariants, searchVendorVariants, setPurchaseOrderLine } from "~/models/purchase-order-edits.server";
import { addPurchaseOrderLine, deletePurchaseOrderLines, findPurchaseOrder } from "~/models/purchase-orders.server";
import { inTransaction } from "~/models/transaction.server";
import { NOT_FOUND_MESSAGE, PurchaseOrderError } from "./errors";
import { bumpOrConflict, loadForChange, PO_ENTITY, type PoChangeResult } from "./lifecycle.server";
import { normaliseUnitCost, toTenThousandths } from "./money";
import { assertPermission, type PoActor } from "./permissions.server";
import { lineTitle } from "./po-document";
import { afterLineEdit, editDatesError, linesEditable } from "./state-machine";

const MAX_QUANTITY = 1_000_000;
const QUANTITY_MESSAGE = "Quantities must be whole numbers between 0 and 1,000,000";
const COST_MESSAGE = "Unit costs must be amounts like 12.50, with at most 4 decimals";
export const BACK_TO_APPROVAL_MESSAGE =
  "Changes saved. This purchase order was approved before them, so it is back in Pending approval: it must be approved again before it is sent.";

export interface DraftLineEdit {
  lineId: string;
  /** New quantity ordered; 0 removes the line. */
  quantity: number;
  /** New unit cost as a decimal string; unchanged when absent. */
  unitCost?: string;
}

export interface NewLine {
  variantId: string;
  quantity: number;
  /** The variant's unit cost when absent. */
  unitCost?: string;
}

export interface LinesEditResult extends PoChangeResult {
  /** An approved PO went back to pending approval. */
  backToApproval: boolean;
}

function checkQuantity(q: number, min: number) {
  if (!Number.isInteger(q) || q < min || q > MAX_QUANTITY) throw new PurchaseOrderError("invalid", min === 0 ? QUANTITY_MESSAGE : "Quantities of new lines must be whole numbers between 1 and 1,000,000");
}

function checkCost(cost: string | undefined) {
  if (cost !== undefined && !/^\d{1,9}(\.\d{1,4})?$/.test(cost.trim())) throw new PurchaseOrderError("invalid", COST_MESSAGE);
}

const sameCost = (a: string, b: string) => toTenThousandths(a) === toTenThousandths(b);

/**
 * Changes quantities and unit costs (quantity 0 removes a line) and adds lines of the PO's vendor, while the
 * PO is a draft, pending approval or approved. An approved PO goes back to pending approval (afterLineEdit):
 * what was approved is no longer what would be sent. At least one line must remain.
 */
export async function updateDraftLines(shop: string, actor: PoActor, poId: string, expectedVersion: number, edits: DraftLineEdit[], add: NewLine[] = []): Promise<LinesEditResult> {
  for (const e of edits) {
    checkQuantity(e.quantity, 0);
    checkCost(e.unitCost);
  }
  for (const a of add) {
    checkQuantity(a.quantity, 1);
    checkCost(a.unitCost);
  }
  if (new Set(add.map((a) => a.variantId)).size !== add.length) throw new PurchaseOrderError("invalid", "Add each variant once");
  return inTransaction(async (tx) => {
    const po = await loadForChange(shop, actor, poId, expectedVersion, "edit", "edit", tx);
    const next = afterLineEdit(po.status);
    if (!next.ok) throw new PurchaseOrderError("illegal_transition", next.message);
    const byId = new Map(po.lines.map((l) => [l.id, l]));
    const final = new Map(po.lines.map((l) => [l.id, { quantity: l.quantityOrdered, unitCost: l.unitCost.toFixed() }]));
    for (const e of edits) {
      const line = final.get(e.lineId);
      if (!line) throw new PurchaseOrderError("invalid", "That line isn't on this purchase order — reload to see the latest");
      final.set(e.lineId, { quantity: e.quantity, unitCost: e.unitCost?.trim() ?? line.unitCost });
    }
    const changed = [...final].filter(([id, l]) => byId.get(id)!.quantityOrdered !== l.quantity || !sameCost(byId.get(id)!.unitCost.toFixed(), l.unitCost));
    const onPo = new Set(po.lines.map((l) => l.variantId));
    const duplicate = add.find((a) => onPo.has(a.variantId));
    if (duplicate) throw new PurchaseOrderError("invalid", "That variant is already on this purchase order — change its quantity instead");
    const variants = add.length ? new Map((await findVendorVariants(shop, po.vendorId, add.map((a) => a.variantId), tx)).map((v) => [v.id, v])) : new Map();
    if (add.some((a) => !variants.has(a.variantId))) throw new PurchaseOrderError("invalid", `Only variants of ${po.vendor.name} can be added to this purchase order`);
    const added = add.map((a) => ({ variantId: a.variantId, quantityOrdered: a.quantity, unitCost: a.unitCost?.trim() ?? variants.get(a.variantId)?.unitCost?.toFixed() ?? "0" }));
    if (changed.length === 0 && added.length === 0) throw new PurchaseOrderError("invalid", "Nothing changed — edit a quantity or a cost, or add a line");
    if (![...final.values()].some((l) => l.quantity > 0) && added.length === 0) {
      throw new PurchaseOrderError("invalid", "A purchase order needs at least one line — cancel it instead");
    }
    const now = new Date();
    const status = next.backToApproval
      ? { status: next.to, approvedBy: null, approvedAt: null, submittedAt: now, submittedBy: actor.staffId }
      : {};
    await bumpOrConflict(shop, poId, expectedVersion, status, tx);
    const removed = changed.filter(([, l]) => l.quantity === 0).map(([id]) => id);
    if (removed.length) await deletePurchaseOrderLines(shop, removed, tx);
    for (const [id, l] of changed) if (l.quantity > 0) await setPurchaseOrderLine(shop, id, { quantityOrdered: l.quantity, unitCost: l.unitCost }, tx);
    for (const a of added) await addPurchaseOrderLine(shop, po.id, a, tx);
    const before = changed.map(([id]) => {
      const l = byId.get(id)!;
      return { variantId: l.variantId, quantity: l.quantityOrdered, unitCost: normaliseUnitCost(l.unitCost.toFixed()) };
    });
    const after = [
      ...changed.map(([id, l]) => ({ variantId: byId.get(id)!.variantId, quantity: l.quantity, unitCost: normaliseUnitCost(l.unitCost) })),
      ...added.map((a) => ({ variantId: a.variantId, quantity: a.quantityOrdered, unitCost: normaliseUnitCost(a.unitCost) })),
    ];
    await recordAudit(
      shop,
      {
        actor: actor.staffId,
        action: "purchase_order.lines_updated",
        entityType: PO_ENTITY,
        entityId: po.id,
        before: { status: po.status, version: po.version, lines: before },
        after: { status: next.to, version: po.version + 1, lines: after, ...(next.backToApproval ? { backToApproval: true } : {}) },
      },
      tx,
    );
    return { id: po.id, status: next.to, version: po.version + 1, backToApproval: next.backToApproval };
  });
}

export interface PoDates {
  /** "YYYY-MM-DD", the shop's calendar day. */
  expectedDate: string;
  /** "YYYY-MM-DD", or null when the vendor has not confirmed one (clears it). */
  confirmedEta: string | null;
}

/** "2026-12-20" → that day at 00:00 UTC (how PO dates are stored); throws for anything that isn't a real day. */
function dayToDate(day: string, what: string): Date {
  const date = new Date(`${day}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day) {
    throw new PurchaseOrderError("invalid", `Enter the ${what} as a date, like 2026-12-20`);
  }
  const year = date.getUTCFullYear();
  if (year < 2000 || year > 2100) throw new PurchaseOrderError("invalid", `The ${what} must be between the years 2000 and 2100`);
  return date;
}

const dayOf = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;

/**
 * Changes the expected date and the vendor-confirmed ETA of an open PO (every status before received, closed or
 * cancelled). Planning reads the ETA when there is one, else the expected date (arrivalDay), so a change moves
 * the PO's arrival in the plan once the caller re-plans. The audit entry keeps both dates before and after.
 */
export async function updateDates(shop: string, actor: PoActor, poId: string, expectedVersion: number, dates: PoDates): Promise<PoChangeResult> {
  const expectedAt = dayToDate(dates.expectedDate, "expected date");
  const confirmedEta = dates.confirmedEta ? dayToDate(dates.confirmedEta, "vendor-confirmed ETA") : null;
  return inTransaction(async (tx) => {
    const po = await loadForChange(shop, actor, poId, expectedVersion, "edit", "change the dates of", tx);
    const notEditable = editDatesError(po.status);
    if (notEditable) throw new PurchaseOrderError("illegal_transition", notEditable);
    const before = { expectedAt: dayOf(po.expectedAt), confirmedEta: dayOf(po.confirmedEta) };
    const after = { expectedAt: dayOf(expectedAt), confirmedEta: dayOf(confirmedEta) };
    if (before.expectedAt === after.expectedAt && before.confirmedEta === after.confirmedEta) {
      throw new PurchaseOrderError("invalid", "The dates are unchanged");
    }
    await bumpOrConflict(shop, poId, expectedVersion, { expectedAt, confirmedEta }, tx);
    await recordAudit(
      shop,
      {
        actor: actor.staffId,
        action: "purchase_order.dates_changed",
        entityType: PO_ENTITY,
        entityId: po.id,
        before: { version: po.version, ...before },
        after: { version: po.version + 1, ...after },
      },
      tx,
    );
    return { id: po.id, status: po.status, version: po.version + 1 };
  });
}

export interface VariantOptionDto {
  id: string;
  title: string;
  sku: string | null;
  /** Decimal string; "0.00" when the variant has no cost. */
  unitCost: string;
}

/**
 * Variants of the PO's vendor matching `query` that are not on the PO yet (at most 20), for "Add a line".
 * Empty when the PO's lines can't be edited or the query is blank.
 */
export async function searchVariantsToAdd(shop: string, actor: PoActor, poId: string, query: string): Promise<VariantOptionDto[]> {
  const po = await findPurchaseOrder(shop, poId);
  if (!po) throw new PurchaseOrderError("not_found", NOT_FOUND_MESSAGE);
  await assertPermission(shop, actor, "edit", "edit");
  const search = query.trim();
  if (!search || !linesEditable(po.status)) return [];
  const onPo = new Set(po.lines.map((l) => l.variantId));
  const rows = await searchVendorVariants(shop, po.vendorId, search, 20 + onPo.size);
  return rows
    .filter((v) => !onPo.has(v.id))
    .slice(0, 20)
    .map((v) => ({ id: v.id, title: lineTitle(v.product.title, v.title), sku: v.sku, unitCost: normaliseUnitCost(v.unitCost?.toFixed() ?? "0") }));
}
