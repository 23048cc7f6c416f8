import { useState } from "react";
import { Banner, BlockStack, Box, Button, Card, Checkbox, DataTable, InlineStack, Text, TextField } from "@shopify/polaris";
import type { ReceivableLine } from "~/utils/purchase-order-dto";
import { LineName } from "./LineName";
import { overReceivedLines, receiveDefaults } from "./receive-form";
import { CardTitle } from "~/components/CardTitle";

export interface ReceivePanelProps {
  lines: ReceivableLine[];
  loading: boolean;
  /** Lines the server refused as over-received (the merchant hadn't confirmed). */
  serverOverReceipt: boolean;
  onReceive: (lines: { lineId: string; quantity: string }[], confirmOverReceipt: boolean) => void;
}

/**
 * The receive form: one quantity per line, defaulting to what is still outstanding. Receiving more than was
 * ordered needs an explicit confirmation. Remount it (key) after each receipt to reset it.
 */
export function ReceivePanel({ lines, loading, serverOverReceipt, onReceive }: ReceivePanelProps) {
  const [quantities, setQuantities] = useState<Record<string, string>>(() => receiveDefaults(lines));
  const [confirmed, setConfirmed] = useState(false);
  const over = overReceivedLines(lines, quantities);
  const invalid = lines.some((l) => !/^\d{1,7}$/.test((quantities[l.id] ?? "").trim()));
  const total = invalid ? 0 : lines.reduce((s, l) => s + Number(quantities[l.id]), 0);
  const needsConfirmation = over.length > 0 || serverOverReceipt;

  const rows = lines.map((l) => [
    <LineName key={`${l.id}-name`} product={l.product} variant={l.variant} sku={l.sku} />,
    l.quantityOrdered.toLocaleString("en-US"),
    l.quantityReceived.toLocaleString("en-US"),
    Math.max(0, l.quantityOrdered - l.quantityReceived).toLocaleString("en-US"),
    <div style={{ maxWidth: 110, marginLeft: "auto" }} key={`${l.id}-qty`}>
      <TextField
        label={`Units of ${l.product} ${l.variant} received now`}
        labelHidden
        type="number"
        min={0}
        autoComplete="off"
        value={quantities[l.id] ?? ""}
        error={/^\d{0,7}$/.test((quantities[l.id] ?? "").trim()) ? undefined : "Whole number"}
        onChange={(v) => setQuantities((q) => ({ ...q, [l.id]: v }))}
      />
    </div>,
  ]);

  return (
    <Card padding="0">
      <Box padding="300">
        <BlockStack gap="100">
          <CardTitle>Receive items</CardTitle>
          <Text as="p" variant="bodySm" tone="subdued">
            Enter what arrived. Quantities start at what is still outstanding; set a line to 0 if nothing came for it.
          </Text>
        </BlockStack>
      </Box>
      <DataTable
        columnContentTypes={["text", "numeric", "numeric", "numeric", "numeric"]}
        headings={["Variant", "Ordered", "Received", "Outstanding", "Receive now"]}
        rows={rows}
      />
      <Box padding="300">
        <BlockStack gap="300">
          {needsConfirmation && (
            <Banner tone="warning" title="More than ordered">
              <BlockStack gap="200">
                {over.length > 0 ? (
                  <BlockStack gap="100">
                    {over.map((o) => (
                      <Text as="p" key={o.line.id}>
                        {o.line.product} {o.line.variant}: receiving {o.receiving.toLocaleString("en-US")} brings it to{" "}
                        {o.after.toLocaleString("en-US")} of {o.line.quantityOrdered.toLocaleString("en-US")} ordered ({o.excess.toLocaleString("en-US")} extra).
                      </Text>
                    ))}
                  </BlockStack>
                ) : (
                  <Text as="p">This receipt would take a line past the quantity ordered.</Text>
                )}
                <Checkbox
                  label="Yes, the vendor sent more than ordered — record the extra units and add them to inventory"
                  checked={confirmed}
                  onChange={setConfirmed}
                />
              </BlockStack>
            </Banner>
          )}
          <InlineStack align="end" gap="200" blockAlign="center">
            <Text as="span" variant="bodySm" tone="subdued">
              {total.toLocaleString("en-US")} unit{total === 1 ? "" : "s"}
            </Text>
            <Button
              variant="primary"
              loading={loading}
              disabled={invalid || total === 0 || (needsConfirmation && !confirmed)}
              onClick={() =>
                onReceive(
                  lines.map((l) => ({ lineId: l.id, quantity: quantities[l.id].trim() })),
                  needsConfirmation && confirmed,
                )
              }
            >
              Receive
            </Button>
          </InlineStack>
        </BlockStack>
      </Box>
    </Card>
  );
}
