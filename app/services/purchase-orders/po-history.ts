// What a PO history entry says beyond its label: old → new quantities per line for an edit of the lines.
import { z } from "zod";

/** The before/after of a "purchase_order.lines_updated" audit entry (see updateDraftLines). */
const linesSnapshot = z.object({ lines: z.array(z.object({ variantId: z.string(), quantity: z.number() })) });

/** The variants named in a lines edit's before and after, to look their titles up. */
export function linesChangeVariantIds(action: string, after: unknown): string[] {
  if (action !== "purchase_order.lines_updated") return [];
  const parsed = linesSnapshot.safeParse(after);
  return parsed.success ? parsed.data.lines.map((l) => l.variantId) : [];
}

/**
 * "Tent — Green 12 → 20 · Tent — Blue 3 → 0 (removed)" from a lines edit's before and after; null for any
 * other entry, or one written before the snapshot held lines.
 */
export function linesChangeDetail(action: string, before: unknown, after: unknown, titleOf: (variantId: string) => string): string | null {
  if (action !== "purchase_order.lines_updated") return null;
  const b = linesSnapshot.safeParse(before);
  const a = linesSnapshot.safeParse(after);
  if (!b.success || !a.success) return null;
  const old = new Map(b.data.lines.map((l) => [l.variantId, l.quantity]));
  const changes = a.data.lines.map((l) => {
    const was = old.get(l.variantId);
    return `${titleOf(l.variantId)} ${was === undefined ? "—" : was.toLocaleString("en-US")} → ${l.quantity.toLocaleString("en-US")}${l.quantity === 0 ? " (removed)" : ""}`;
  });
  return changes.length ? changes.join(" · ") : null;
}
