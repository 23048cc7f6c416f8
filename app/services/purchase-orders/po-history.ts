// What a PO history entry says beyond its label: old → new quantities and costs per line for an edit of the
// lines, old → new dates for a dates change, the units taken off order when a PO is closed short.
import { z } from "zod";

/** The before/after of a "purchase_order.lines_updated" audit entry (see updateDraftLines in edits.server.ts). */
const linesSnapshot = z.object({
  status: z.string().optional(),
  backToApproval: z.boolean().optional(),
  lines: z.array(z.object({ variantId: z.string(), quantity: z.number(), unitCost: z.string().optional() })),
});
const datesSnapshot = z.object({ expectedAt: z.string().nullable(), confirmedEta: z.string().nullable() });
const outstandingSnapshot = z.object({ unitsNoLongerOnOrder: z.number() });

const CLOSING_ACTIONS = ["purchase_order.closed_short", "purchase_order.remainder_cancelled"];

/** The variants named in a lines edit's snapshot (before or after), to look their titles up. */
export function linesChangeVariantIds(action: string, snapshot: unknown): string[] {
  if (action !== "purchase_order.lines_updated") return [];
  const parsed = linesSnapshot.safeParse(snapshot);
  return parsed.success ? parsed.data.lines.map((l) => l.variantId) : [];
}

/**
 * "Tent — Green 12 → 20 · Tent — Blue 3 → 0 (removed) · Lamp added: 5 at 4.20" from a lines edit's before and
 * after; null for any other entry, or one written before the snapshot held lines.
 */
export function linesChangeDetail(action: string, before: unknown, after: unknown, titleOf: (variantId: string) => string): string | null {
  if (action !== "purchase_order.lines_updated") return null;
  const b = linesSnapshot.safeParse(before);
  const a = linesSnapshot.safeParse(after);
  if (!b.success || !a.success) return null;
  const old = new Map(b.data.lines.map((l) => [l.variantId, l]));
  const changes = a.data.lines.map((l) => {
    const was = old.get(l.variantId);
    if (!was && l.unitCost !== undefined) return `${titleOf(l.variantId)} added: ${l.quantity.toLocaleString("en-US")} at ${l.unitCost}`;
    const qty = `${was === undefined ? "—" : was.quantity.toLocaleString("en-US")} → ${l.quantity.toLocaleString("en-US")}${l.quantity === 0 ? " (removed)" : ""}`;
    const costChanged = was?.unitCost !== undefined && l.unitCost !== undefined && was.unitCost !== l.unitCost && l.quantity > 0;
    const qtyChanged = was === undefined || was.quantity !== l.quantity;
    const cost = costChanged ? `unit cost ${was.unitCost} → ${l.unitCost}` : "";
    return `${titleOf(l.variantId)} ${[qtyChanged ? qty : "", cost].filter(Boolean).join(", ")}`;
  });
  if (a.data.backToApproval) changes.push("Back to pending approval");
  return changes.length ? changes.join(" · ") : null;
}

const formatDay = (day: string | null) =>
  day ? new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`)) : "none";

/** "Expected Dec 20, 2026 → Dec 27, 2026 · Vendor ETA none → Dec 29, 2026" for a dates change; null otherwise. */
export function datesChangeDetail(action: string, before: unknown, after: unknown): string | null {
  if (action !== "purchase_order.dates_changed") return null;
  const b = datesSnapshot.safeParse(before);
  const a = datesSnapshot.safeParse(after);
  if (!b.success || !a.success) return null;
  const parts: string[] = [];
  if (b.data.expectedAt !== a.data.expectedAt) parts.push(`Expected ${formatDay(b.data.expectedAt)} → ${formatDay(a.data.expectedAt)}`);
  if (b.data.confirmedEta !== a.data.confirmedEta) parts.push(`Vendor ETA ${formatDay(b.data.confirmedEta)} → ${formatDay(a.data.confirmedEta)}`);
  return parts.length ? parts.join(" · ") : null;
}

/** "12 units no longer on order" when a PO was closed short or had its remainder cancelled; null otherwise. */
export function closingDetail(action: string, after: unknown): string | null {
  if (!CLOSING_ACTIONS.includes(action)) return null;
  const a = outstandingSnapshot.safeParse(after);
  if (!a.success) return null;
  const n = a.data.unitsNoLongerOnOrder;
  return `${n.toLocaleString("en-US")} unit${n === 1 ? "" : "s"} no longer on order`;
}
