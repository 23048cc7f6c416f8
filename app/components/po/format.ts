// Client-safe display helpers for purchase orders.
import type { BadgeProps } from "@shopify/polaris";

export const PO_STATUS_TABS = [
  { id: "draft", label: "Draft" },
  { id: "pending_approval", label: "Pending approval" },
  { id: "approved", label: "Approved" },
  { id: "sent", label: "Sent" },
  { id: "partially_received", label: "Partially received" },
  { id: "received", label: "Received" },
  { id: "closed", label: "Closed" },
  { id: "cancelled", label: "Cancelled" },
] as const;

const LABEL: Record<string, string> = Object.fromEntries(PO_STATUS_TABS.map((t) => [t.id, t.label]));

export const PO_STATUS_TONE: Record<string, BadgeProps["tone"]> = {
  draft: undefined,
  pending_approval: "attention",
  approved: "info",
  sent: "info",
  partially_received: "warning",
  received: "success",
  closed: undefined,
  cancelled: "critical",
};

export function poStatusLabel(status: string): string {
  return LABEL[status] ?? status;
}

/**
 * A Decimal string in the PO's currency: ("1234.5", "USD") → "$1,234.50". Intl formats the string exactly
 * (no float conversion); an unknown currency code falls back to "1,234.50 XYZ".
 */
export function formatMoney(amount: string, currency: string): string {
  try {
    return new Intl.NumberFormat("en-US", { style: "currency", currency, maximumFractionDigits: 4 }).format(amount as unknown as number);
  } catch {
    return `${amount} ${currency}`;
  }
}

const AUDIT_LABEL: Record<string, string> = {
  "purchase_order.created": "Drafted",
  "purchase_order.lines_updated": "Lines changed",
  "purchase_order.dates_changed": "Dates changed",
  "purchase_order.charges_changed": "Charges changed",
  "purchase_order.submitted": "Submitted for approval",
  "purchase_order.approved": "Approved",
  "purchase_order.rejected": "Rejected",
  "purchase_order.sent": "Sent to vendor",
  "purchase_order.resent": "Sent to vendor again",
  "purchase_order.received": "Received",
  "purchase_order.closed": "Closed",
  "purchase_order.closed_short": "Closed short",
  "purchase_order.remainder_cancelled": "Remainder cancelled",
  "purchase_order.cancelled": "Cancelled",
  "vendor.terms_updated": "Vendor SKUs and prices changed",
};

export function auditLabel(action: string): string {
  return AUDIT_LABEL[action] ?? action;
}
