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

export const PO_ACTIONS = ["submit", "approve", "reject", "send", "receive_partial", "receive_full", "close", "cancel"] as const;
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
  return { ok: false, message: `${SUBJECT[from]} can't be ${VERB[action]}` };
}

/** The actions a PO in `status` allows, in the order a screen would offer them. */
export function allowedActions(status: string): PoAction[] {
  return PO_ACTIONS.filter((a) => transition(status, a).ok);
}

/** Draft lines are editable; nothing else is. */
export function linesEditable(status: string): boolean {
  return status === "draft";
}

/** Why the lines of a PO in `status` can't be edited, or null when they can. */
export function editLinesError(status: string): string | null {
  if (linesEditable(status)) return null;
  if (!isPoStatus(status)) return `This purchase order has an unknown status ("${status}") and can't be changed`;
  return `${SUBJECT[status]} can't be edited${status === "pending_approval" ? " — reject it back to draft first" : ""}`;
}
