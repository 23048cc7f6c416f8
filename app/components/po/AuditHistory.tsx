import { BlockStack, Card, InlineStack, Text } from "@shopify/polaris";
import { useShopTime } from "~/components/shop-time";
import { auditLabel } from "./format";
import { CardTitle } from "~/components/CardTitle";
import { DividedList } from "~/components/DividedList";

export interface AuditHistoryEntry {
  id: string;
  at: string;
  actor: string;
  action: string;
  reason: string | null;
  /** More about the entry, e.g. where a PO was emailed. */
  detail?: string | null;
}

/** A PO's audit trail, newest first. */
export function AuditHistory({ entries }: { entries: AuditHistoryEntry[] }) {
  const time = useShopTime();
  return (
    <Card>
      <BlockStack gap="300">
        <CardTitle>History</CardTitle>
        <DividedList items={entries} empty="No changes recorded yet.">
          {(e) => (
            <>
              <InlineStack align="space-between" blockAlign="center" gap="200">
                <Text as="span" fontWeight="semibold">
                  {auditLabel(e.action)}
                </Text>
                <Text as="span" variant="bodySm" tone="subdued">
                  {time(e.at)}
                </Text>
              </InlineStack>
              <Text as="span" variant="bodySm" tone="subdued">
                by {e.actor}
              </Text>
              {e.detail && (
                <Text as="p" variant="bodySm">
                  {e.detail}
                </Text>
              )}
              {e.reason && (
                <Text as="p" variant="bodySm">
                  “{e.reason}”
                </Text>
              )}
            </>
          )}
        </DividedList>
      </BlockStack>
    </Card>
  );
}
