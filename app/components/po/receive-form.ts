// Client-safe logic of the receive form (defaults, over-receipt detection) and receipt push-status labels.
import type { BadgeProps } from "@shopify/polaris";
import type { ReceivableLine } from "~/utils/purchase-order-dto";

/** Each line's outstanding quantity (never below 0), as the form's starting values. */
export function receiveDefaults(lines: ReceivableLine[]): Record<string, string> {
  return Object.fromEntries(lines.map((l) => [l.id, String(Math.max(0, l.quantityOrdered - l.quantityReceived))]));
}

export interface OverReceivedEntry {
  line: ReceivableLine;
  receiving: number;
  after: number;
  excess: number;
}

/** Lines whose entered quantity takes them past the quantity ordered. Unparseable entries are ignored. */
export function overReceivedLines(lines: ReceivableLine[], quantities: Record<string, string>): OverReceivedEntry[] {
  return lines.flatMap((line) => {
    const text = (quantities[line.id] ?? "").trim();
    if (!/^\d{1,7}$/.test(text)) return [];
    const receiving = Number(text);
    const after = line.quantityReceived + receiving;
    if (receiving === 0 || after <= line.quantityOrdered) return [];
    return [{ line, receiving, after, excess: after - Math.max(line.quantityOrdered, line.quantityReceived) }];
  });
}

export const PUSH_STATUS: Record<string, { label: string; tone: BadgeProps["tone"] }> = {
  pushed: { label: "Sent to Shopify", tone: "success" },
  pending: { label: "Sending to Shopify", tone: "attention" },
  failed: { label: "Not sent to Shopify", tone: "critical" },
  local: { label: "Applied locally, not sent to Shopify", tone: "info" },
};
