import { Badge } from "@shopify/polaris";
import { PO_STATUS_TONE, poStatusLabel } from "./format";

export function PoStatusBadge({ status }: { status: string }) {
  return <Badge tone={PO_STATUS_TONE[status]}>{poStatusLabel(status)}</Badge>;
}

/** Marks a PO imported from Stocky (its number and history come from there). */
export function PoSourceBadge({ source }: { source: string }) {
  return source === "stocky" ? <Badge tone="info">From Stocky</Badge> : null;
}
