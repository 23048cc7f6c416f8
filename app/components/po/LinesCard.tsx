import { useEffect, useState } from "react";
import { Banner, BlockStack, Box, Button, Card, DataTable, InlineStack, Text, TextField } from "@shopify/polaris";
import { AddLine, type AddLineValues } from "./AddLine";
import type { PurchaseOrderLineDto as PoLine } from "~/utils/purchase-order-dto";
import { formatMoney } from "./format";
import { LineName } from "./LineName";


export interface LineEdit {
  lineId: string;
  quantity: string;
  unitCost: string;
}

export interface LinesCardProps {
  poId: string;
  /** Bumps after every saved change: edits reset. */
  version: number;
  status: string;
  currency: string;
  units: number;
  total: string;
  lines: PoLine[];
  editable: boolean;
  saving: boolean;
  adding: boolean;
  onSave: (edits: LineEdit[]) => void;
  onAdd: (values: AddLineValues) => void;
  /** Told whether there are unsaved edits (the page holds its status actions until they are saved). */
  onDirtyChange?: (dirty: boolean) => void;
}

/**
 * The PO's lines. Before it is sent (draft, pending approval, approved) quantities and unit costs are
 * editable and lines can be added; an approved PO says that saving sends it back for approval.
 */
export function LinesCard({ poId, version, status, currency, units, total, lines, editable, saving, adding, onSave, onAdd, onDirtyChange }: LinesCardProps) {
  const [edits, setEdits] = useState<Record<string, { quantity?: string; unitCost?: string }>>({});
  useEffect(() => setEdits({}), [version]);
  const valueOf = (l: PoLine) => ({ quantity: edits[l.id]?.quantity ?? String(l.quantityOrdered), unitCost: edits[l.id]?.unitCost ?? l.unitCost });
  const dirty = lines.filter((l) => {
    const v = valueOf(l);
    return v.quantity !== String(l.quantityOrdered) || v.unitCost !== l.unitCost;
  });
  const isDirty = dirty.length > 0;
  useEffect(() => onDirtyChange?.(isDirty), [isDirty, onDirtyChange]);
  const set = (id: string, field: "quantity" | "unitCost") => (value: string) => setEdits((e) => ({ ...e, [id]: { ...e[id], [field]: value } }));

  const rows = lines.map((l) => {
    const v = valueOf(l);
    return [
      <LineName key={`${l.id}-name`} product={l.product} variant={l.variant} sku={l.sku} />,
      editable ? (
        <div style={{ maxWidth: 110, marginLeft: "auto" }} key={`${l.id}-qty`}>
          <TextField label={`Quantity of ${l.product} ${l.variant}`} labelHidden type="number" min={0} autoComplete="off" value={v.quantity} onChange={set(l.id, "quantity")} />
        </div>
      ) : (
        l.quantityOrdered.toLocaleString("en-US")
      ),
      l.quantityReceived.toLocaleString("en-US"),
      editable ? (
        <div style={{ maxWidth: 120, marginLeft: "auto" }} key={`${l.id}-cost`}>
          <TextField label={`Unit cost of ${l.product} ${l.variant}`} labelHidden inputMode="decimal" autoComplete="off" value={v.unitCost} onChange={set(l.id, "unitCost")} />
        </div>
      ) : (
        formatMoney(l.unitCost, currency)
      ),
      formatMoney(l.lineTotal, currency),
    ];
  });

  return (
    <Card padding="0">
      <DataTable
        columnContentTypes={["text", "numeric", "numeric", "numeric", "numeric"]}
        headings={["Variant", "Ordered", "Received", "Unit cost", "Line total"]}
        rows={rows}
        totals={["", units.toLocaleString("en-US"), "", "", formatMoney(total, currency)]}
        showTotalsInFooter
      />
      {editable && (
        <Box padding="300">
          <BlockStack gap="300">
            {status === "approved" && (
              <Banner tone="warning">This purchase order is approved. Saving changes to its lines sends it back for approval before it can be sent.</Banner>
            )}
            <InlineStack align="space-between" blockAlign="center">
              <Text as="span" variant="bodySm" tone="subdued">
                Set a quantity to 0 to remove the line.
              </Text>
              <InlineStack gap="200">
                <Button disabled={dirty.length === 0} onClick={() => setEdits({})}>
                  Discard
                </Button>
                <Button
                  variant="primary"
                  disabled={dirty.length === 0}
                  loading={saving}
                  onClick={() => onSave(dirty.map((l) => ({ lineId: l.id, ...valueOf(l) })))}
                >
                  Save changes
                </Button>
              </InlineStack>
            </InlineStack>
            <AddLine key={`add-${version}`} poId={poId} loading={adding} onAdd={onAdd} />
          </BlockStack>
        </Box>
      )}
    </Card>
  );
}
