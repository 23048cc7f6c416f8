import { Badge } from "@shopify/polaris";

/** "13 days late" on a PO past its arrival day (days counted in the shop's time zone by the server). */
export function OverdueBadge({ daysLate }: { daysLate: number | null }) {
  if (daysLate === null) return null;
  return <Badge tone="critical">{`${daysLate} day${daysLate === 1 ? "" : "s"} late`}</Badge>;
}
