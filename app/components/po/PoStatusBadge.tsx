import { Badge } from "@shopify/polaris";
import { PO_STATUS_TONE, poStatusLabel } from "./format";

export function PoStatusBadge({ status }: { status: string }) {
  return <Badge tone={PO_STATUS_TONE[status]}>{poStatusLabel(status)}</Badge>;
}
