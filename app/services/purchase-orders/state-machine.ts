// The purchase-order lifecycle as a pure table: which action may move a PO from which status, and the message a
// merchant reads when it may not. No I/O; the services apply the result inside a transaction.

export const PO_STATUSES = [
  "draft",
  "pending_approval",
  "approved",
  "sent",
  "partially_received",
  "received",
  "closed",
  "cancelled",
] as const;
export type PoStatus = (typeof PO_STATUSES)[number];

export const PO_ACTIONS = [
  "submit",
  "approve",
  "reject",
  "send",
  "receive_partial",
  "receive_full",
  "close",
  "close_short",
  "cancel_remainder",
  "cancel",
] as const;
export type PoAction = (typeof PO_ACTIONS)[number];

/** Merchant-facing names, used in messages and badges. */
export const STATUS_LABEL: Record<PoStatus, string> = {
  draft: "Draft",
  pending_approval: "Pending approval",
  approved: "Approved",
  sent: "Sent",
  partially_received: "Partially received",
  received: "Received",
  closed: "Closed",
  cancelled: "Cancelled",
};

/** Action → (from status → to status). Anything not listed is illegal. */
const TRANSITIONS: Record<PoAction, Partial<Record<PoStatus, PoStatus>>> = {
  submit: { draft: "pending_approval" },
  approve: { pending_approval: "approved" },
  reject: { pending_approval: "draft" },
  send: { approved: "sent" },
  receive_partial: { sent: "partially_received", partially_received: "partially_received" },
  receive_full: { sent: "received", partially_received: "received" },
  close: { received: "closed" },
  // After a partial receipt: the vendor won't ship the rest (close short) or the merchant no longer wants it
  // (cancel the remainder). Both file the PO as closed: it was partly delivered, so it isn't "cancelled".
  close_short: { partially_received: "closed" },
  cancel_remainder: { partially_received: "closed" },
  cancel: { draft: "cancelled", pending_approval: "cancelled", approved: "cancelled", sent: "cancelled" },
};

const VERB: Record<PoAction, string> = {
  submit: "submitted for approval",
  approve: "approved",
  reject: "rejected",
  send: "marked as sent",
  receive_partial: "received",
  receive_full: "received",
  close: "closed",
  close_short: "closed short",
  cancel_remainder: "cancelled",
  cancel: "cancelled",
};

const SUBJECT: Record<PoStatus, string> = {
  draft: "A draft purchase order",
  pending_approval: "A purchase order awaiting approval",
  approved: "An approved purchase order",
  sent: "A sent purchase order",
  partially_received: "A partially received purchase order",
  received: "A received purchase order",
  closed: "A closed purchase order",
  cancelled: "A cancelled purchase order",
};

export type TransitionResult = { ok: true; to: PoStatus } | { ok: false; message: string };

export function isPoStatus(value: string): value is PoStatus {
  return (PO_STATUSES as readonly string[]).includes(value);
}

/**
 * Where `action` takes a PO in status `from`, or why it can't: "A sent purchase order can't be approved".
 * An unknown stored status is reported rather than guessed at.
 */
export function transition(from: string, action: PoAction): TransitionResult {
  if (!isPoStatus(from)) return { ok: false, message: `This purchase order has an unknown status ("${from}") and can't be changed` };
  const to = TRANSITIONS[action][from];
  if (to) return { ok: true, to };
  if (action === "cancel_remainder") return { ok: false, message: `${SUBJECT[from]} can't have its remainder cancelled` };
  return { ok: false, message: `${SUBJECT[from]} can't be ${VERB[action]}` };
}

/** The actions a PO in `status` allows, in the order a screen would offer them. */
export function allowedActions(status: string): PoAction[] {
  return PO_ACTIONS.filter((a) => transition(status, a).ok);
}

/** Statuses whose lines (variants, quantities, unit costs) may be edited: nothing has gone to the vendor yet. */
const LINE_EDIT_STATUSES: readonly PoStatus[] = ["draft", "pending_approval", "approved"];
/** Statuses whose expected date and vendor-confirmed ETA may change: every open one. */
const DATE_EDIT_STATUSES: readonly PoStatus[] = ["draft", "pending_approval", "approved", "sent", "partially_received"];

/** Lines are editable before the PO is sent (draft, pending approval, approved). */
export function linesEditable(status: string): boolean {
  return (LINE_EDIT_STATUSES as readonly string[]).includes(status);
}

/**
 * Where a PO in `status` goes when its lines are edited: it stays where it is, except an approved PO, which
 * goes back for approval (what was approved is no longer what would be sent).
 */
export function afterLineEdit(status: string): { ok: true; to: PoStatus; backToApproval: boolean } | { ok: false; message: string } {
  if (!isPoStatus(status)) return { ok: false, message: `This purchase order has an unknown status ("${status}") and can't be changed` };
  if (!linesEditable(status)) {
    const sentHint = status === "sent" || status === "partially_received" ? " — only its dates can change, or close it short" : "";
    return { ok: false, message: `${SUBJECT[status]} can't be edited${sentHint}` };
  }
  return status === "approved" ? { ok: true, to: "pending_approval", backToApproval: true } : { ok: true, to: status, backToApproval: false };
}

/** Why the lines of a PO in `status` can't be edited, or null when they can. */
export function editLinesError(status: string): string | null {
  const r = afterLineEdit(status);
  return r.ok ? null : r.message;
}

/** Whether the expected date and the vendor-confirmed ETA of a PO in `status` may change (every open status). */
export function datesEditable(status: string): boolean {
  return (DATE_EDIT_STATUSES as readonly string[]).includes(status);
}

/** Why the dates of a PO in `status` can't change, or null when they can. */
export function editDatesError(status: string): string | null {
  if (datesEditable(status)) return null;
  if (!isPoStatus(status)) return `This purchase order has an unknown status ("${status}") and can't be changed`;
  return `${SUBJECT[status]} is finished: its dates can't change`;
}
