// The PO page's landed-cost card: freight, duty and other charges, how they are spread, and each line's
// share and landed unit cost. Props in, JSX out; the route posts the "update_charges" intent.
import { useState } from "react";
import { Banner, BlockStack, Box, Button, Card, DataTable, InlineGrid, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import { formatMoney } from "~/components/po/format";
import { CardTitle } from "~/components/CardTitle";

export interface LandedCostLine {
  lineId: string;
  product: string;
  variant: string;
  sku: string | null;
  vendorSku: string | null;
  quantity: number;
  unitCost: string;
  share: string;
  landedUnitCost: string;
}

export interface LandedCostCardProps {
  currency: string;
  canEdit: boolean;
  lockedReason: string | null;
  allocation: "value" | "quantity";
  freight: string;
  duty: string;
  other: string;
  total: string;
  foreignCurrency: boolean;
  lines: LandedCostLine[];
  loading: boolean;
  onSave: (fields: { freight: string; duty: string; other: string; allocation: string }) => void;
}

const ALLOCATION_OPTIONS = [
  { label: "By value (line cost)", value: "value" },
  { label: "By quantity (units)", value: "quantity" },
];

/** "0.00" shows as an empty field so the merchant types over nothing. */
const editable = (amount: string) => (Number(amount) === 0 ? "" : amount);

export function LandedCostCard(props: LandedCostCardProps) {
  const initial = { freight: editable(props.freight), duty: editable(props.duty), other: editable(props.other), allocation: props.allocation as string };
  const [form, setForm] = useState(initial);
  const dirty = (Object.keys(initial) as (keyof typeof initial)[]).some((k) => form[k] !== initial[k]);
  const field = (key: "freight" | "duty" | "other", label: string) => (
    <TextField
      label={label}
      type="text"
      inputMode="decimal"
      autoComplete="off"
      prefix={props.currency}
      placeholder="0.00"
      value={form[key]}
      disabled={!props.canEdit}
      onChange={(v) => setForm((f) => ({ ...f, [key]: v }))}
    />
  );
  const rows = props.lines.map((l) => [
    <BlockStack gap="050" key={`${l.lineId}-name`}>
      <Text as="span">{[l.product, l.variant].filter(Boolean).join(" · ")}</Text>
      {l.sku && (
        <Text as="span" variant="bodySm" tone="subdued">
          {l.sku}
        </Text>
      )}
    </BlockStack>,
    l.vendorSku ?? "—",
    l.quantity.toLocaleString("en-US"),
    formatMoney(l.unitCost, props.currency),
    formatMoney(l.share, props.currency),
    <Text as="span" fontWeight="semibold" key={`${l.lineId}-landed`}>
      {formatMoney(l.landedUnitCost, props.currency)}
    </Text>,
  ]);

  return (
    <Card padding="0">
      <Box padding="400">
        <BlockStack gap="300">
          <CardTitle>Landed cost</CardTitle>
          <Text as="p" tone="subdued">
            Freight, duty and other charges are spread over the lines; each line&apos;s landed unit cost is its unit cost plus its share per unit. On
            receipt it becomes the variant&apos;s landed cost, used for planning and stock value.
          </Text>
          <InlineGrid columns={{ xs: 1, sm: 4 }} gap="300">
            {field("freight", "Freight")}
            {field("duty", "Duty")}
            {field("other", "Other charges")}
            <Select label="Spread charges" options={ALLOCATION_OPTIONS} value={form.allocation} disabled={!props.canEdit} onChange={(v) => setForm((f) => ({ ...f, allocation: v }))} />
          </InlineGrid>
          {props.canEdit && (
            <InlineStack align="end" gap="200">
              <Button disabled={!dirty} onClick={() => setForm(initial)}>
                Discard
              </Button>
              <Button variant="primary" disabled={!dirty} loading={props.loading} onClick={() => props.onSave(form)}>
                Save charges
              </Button>
            </InlineStack>
          )}
          {props.lockedReason && (
            <Text as="p" variant="bodySm" tone="subdued">
              {props.lockedReason}
            </Text>
          )}
          {props.foreignCurrency && (
            <Banner tone="info">This purchase order is in {props.currency}, not the shop&apos;s currency: its landed costs are shown here but not stored on the variants.</Banner>
          )}
        </BlockStack>
      </Box>
      {rows.length === 0 ? (
        <Box padding="400">
          <Text as="p" tone="subdued">
            No lines with units yet: add lines to see landed unit costs.
          </Text>
        </Box>
      ) : (
        <DataTable
          columnContentTypes={["text", "text", "numeric", "numeric", "numeric", "numeric"]}
          headings={["Variant", "Vendor SKU", "Units", "Unit cost", "Share of charges", "Landed unit cost"]}
          rows={rows}
          totals={["", "", "", "", formatMoney(props.total, props.currency), ""]}
          showTotalsInFooter
        />
      )}
    </Card>
  );
}
