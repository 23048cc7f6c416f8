import { BlockStack, Button, Card, InlineStack, Text } from "@shopify/polaris";
import { formatDate } from "~/components/format";
import { useShopTime } from "~/components/shop-time";
import { formatMoney } from "./format";
import { OverdueBadge } from "./OverdueBadge";
import { CardTitle } from "~/components/CardTitle";

export interface PoDetails {
  status: string;
  vendor: { name: string; email: string | null; contactName: string | null };
  destination: string;
  currency: string;
  total: string;
  expectedAt: string | null;
  confirmedEta: string | null;
  daysLate: number | null;
  createdAt: string;
  createdBy: string;
  submittedAt: string | null;
  approvedAt: string | null;
  approvedBy: string | null;
  sentAt: string | null;
  sentTo: string | null;
  closedAt: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  rejectedReason: string | null;
  notes: string | null;
}

/** The PO page's side card: vendor, destination, dates (editable while open), who did what and when. */
export function DetailsCard({ po, canEditDates, onEditDates }: { po: PoDetails; canEditDates: boolean; onEditDates: () => void }) {
  const time = useShopTime();
  // A closed PO with a cancel reason had its remainder cancelled after a partial receipt.
  const remainderCancelled = po.status === "closed" && !!po.cancelReason;
  return (
    <Card>
      <BlockStack gap="300">
        <CardTitle>Details</CardTitle>
        <Detail label="Vendor" value={[po.vendor.name, po.vendor.contactName, po.vendor.email].filter(Boolean).join(" · ")} />
        <Detail label="Ship to" value={po.destination} />
        <BlockStack gap="050">
          <InlineStack align="space-between" blockAlign="center">
            <Text as="span" variant="bodySm" tone="subdued">
              Expected
            </Text>
            {canEditDates && (
              <Button variant="plain" onClick={onEditDates}>
                Change dates
              </Button>
            )}
          </InlineStack>
          <InlineStack gap="200" blockAlign="center">
            <Text as="span">{po.expectedAt ? formatDate(po.expectedAt) : "—"}</Text>
            <OverdueBadge daysLate={po.daysLate} />
          </InlineStack>
        </BlockStack>
        <Detail label="Vendor-confirmed ETA" value={po.confirmedEta ? formatDate(po.confirmedEta) : "Not confirmed"} />
        <Detail label="Total" value={formatMoney(po.total, po.currency)} />
        <Detail label="Drafted" value={`${time(po.createdAt)} by ${po.createdBy}`} />
        {po.submittedAt && <Detail label="Submitted" value={time(po.submittedAt)} />}
        {po.approvedAt && <Detail label="Approved" value={`${time(po.approvedAt)}${po.approvedBy ? ` by ${po.approvedBy}` : ""}`} />}
        {po.sentAt && <Detail label="Sent" value={`${time(po.sentAt)}${po.sentTo === "manual" ? " · without email" : po.sentTo ? ` · to ${po.sentTo}` : ""}`} />}
        {po.closedAt && <Detail label={remainderCancelled ? "Remainder cancelled" : "Closed"} value={time(po.closedAt)} />}
        {po.cancelledAt && <Detail label="Cancelled" value={time(po.cancelledAt)} />}
        {po.cancelReason && <Detail label={remainderCancelled ? "Why the remainder was cancelled" : "Cancellation reason"} value={po.cancelReason} />}
        {po.rejectedReason && po.status !== "draft" && <Detail label="Last rejection reason" value={po.rejectedReason} />}
        {po.notes && <Detail label="Notes" value={po.notes} />}
      </BlockStack>
    </Card>
  );
}

function Detail({ label, value }: { label: string; value: string }) {
  return (
    <BlockStack gap="050">
      <Text as="span" variant="bodySm" tone="subdued">
        {label}
      </Text>
      <Text as="span">{value}</Text>
    </BlockStack>
  );
}
