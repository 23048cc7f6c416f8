import { Badge, Banner, BlockStack, Button, Card, Divider, InlineStack, Text } from "@shopify/polaris";
import { useShopTime } from "~/components/shop-time";
import { plural } from "~/utils/plural";
import { PUSH_STATUS } from "./receive-form";
import { CardTitle } from "~/components/CardTitle";

export interface ReceiptEntry {
  id: string;
  receivedAt: string;
  receivedBy: string;
  pushStatus: string;
  pushError: string | null;
  pushedAt: string | null;
  units: number;
  lines: { purchaseOrderLineId: string; quantity: number }[];
}

export interface ReceiptsCardProps {
  receipts: ReceiptEntry[];
  /** Display name of a PO line, by line id. */
  lineName: (lineId: string) => string;
  canRetry: boolean;
  /** The receipt whose retry is in flight. */
  retrying: string | null;
  onRetry: (receiptId: string) => void;
}

/** A PO's receipts, newest first, with whether each reached Shopify and a Retry for those that didn't. */
export function ReceiptsCard({ receipts, lineName, canRetry, retrying, onRetry }: ReceiptsCardProps) {
  const time = useShopTime();
  if (receipts.length === 0) return null;
  return (
    <Card>
      <BlockStack gap="300">
        <CardTitle>Receipts</CardTitle>
        {receipts.map((r, i) => {
          const status = PUSH_STATUS[r.pushStatus] ?? { label: r.pushStatus, tone: undefined };
          const retryable = r.pushStatus === "failed" || r.pushStatus === "pending";
          return (
            <BlockStack gap="200" key={r.id}>
              {i > 0 && <Divider />}
              <InlineStack align="space-between" blockAlign="center" gap="200">
                <Text as="span" fontWeight="semibold">
                  {plural(r.units, "unit")} received {time(r.receivedAt)}
                </Text>
                <Badge tone={status.tone}>{status.label}</Badge>
              </InlineStack>
              <Text as="span" variant="bodySm" tone="subdued">
                by {r.receivedBy} · {r.lines.map((l) => `${lineName(l.purchaseOrderLineId)} × ${l.quantity.toLocaleString("en-US")}`).join(", ")}
              </Text>
              {r.pushStatus === "failed" && (
                <Banner tone="critical" title="Shopify's inventory wasn't adjusted for this receipt">
                  <p>{r.pushError ?? "Shopify couldn't be reached."} Stockcast's own counts already include it; retrying adjusts Shopify once.</p>
                </Banner>
              )}
              {retryable && canRetry && (
                <InlineStack align="end">
                  <Button loading={retrying === r.id} onClick={() => onRetry(r.id)}>
                    Retry
                  </Button>
                </InlineStack>
              )}
            </BlockStack>
          );
        })}
      </BlockStack>
    </Card>
  );
}
