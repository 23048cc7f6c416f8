// The vendor page's "Vendor SKUs and prices" card: one row per variant the vendor supplies, the vendor's own
// SKU and price editable. Props in, JSX out; the route posts the "save_vendor_terms" intent.
import { useState } from "react";
import { Banner, BlockStack, Box, Button, Card, DataTable, InlineStack, Text, TextField } from "@shopify/polaris";
import type { VendorTermsRow } from "~/utils/vendor-terms-dto";
import { CardTitle } from "~/components/CardTitle";

interface Props {
  rows: VendorTermsRow[];
  total: number;
  currency: string;
  canChange: boolean;
  saving: boolean;
  error: string | null;
  /** The last save succeeded (shown until the merchant edits again). */
  saved: boolean;
  onSave: (rows: { variantId: string; vendorSku: string; vendorPrice: string }[]) => void;
}

export function VendorTermsCard({ rows, total, currency, canChange, saving, error, saved, onSave }: Props) {
  const [edits, setEdits] = useState<Record<string, { vendorSku: string; vendorPrice: string }>>({});
  const valueOf = (r: VendorTermsRow) => edits[r.variantId] ?? { vendorSku: r.vendorSku, vendorPrice: r.vendorPrice };
  const changed = rows.filter((r) => {
    const v = valueOf(r);
    return v.vendorSku !== r.vendorSku || v.vendorPrice !== r.vendorPrice;
  });
  const set = (r: VendorTermsRow, key: "vendorSku" | "vendorPrice", value: string) => setEdits((e) => ({ ...e, [r.variantId]: { ...valueOf(r), [key]: value } }));
  const name = (r: VendorTermsRow) => [r.product, r.variant].filter(Boolean).join(" · ");
  const table = rows.map((r) => [
    <BlockStack gap="050" key={`${r.variantId}-name`}>
      <Text as="span">{name(r)}</Text>
      {r.sku && (
        <Text as="span" variant="bodySm" tone="subdued">
          {r.sku}
        </Text>
      )}
    </BlockStack>,
    <TextField key={`${r.variantId}-sku`} label={`Vendor SKU of ${name(r)}`} labelHidden autoComplete="off" maxLength={100} disabled={!canChange} value={valueOf(r).vendorSku} onChange={(v) => set(r, "vendorSku", v)} />,
    <TextField
      key={`${r.variantId}-price`}
      label={`Vendor price of ${name(r)}`}
      labelHidden
      autoComplete="off"
      inputMode="decimal"
      prefix={currency}
      disabled={!canChange}
      value={valueOf(r).vendorPrice}
      onChange={(v) => set(r, "vendorPrice", v)}
    />,
  ]);
  return (
    <Card padding="0">
      <Box padding="400">
        <BlockStack gap="200">
          <CardTitle>Vendor SKUs and prices</CardTitle>
          <Text as="p" tone="subdued">
            The vendor&apos;s own code and price for each variant. Vendor SKUs print on purchase orders (page, PDF and CSV). Clear both to remove a row.
          </Text>
          {error && <Banner tone="critical">{error}</Banner>}
          {saved && !saving && changed.length === 0 && <Banner tone="success">Vendor SKUs and prices saved.</Banner>}
        </BlockStack>
      </Box>
      {rows.length === 0 ? (
        <Box padding="400">
          <Text as="p" tone="subdued">
            No products from this vendor yet.
          </Text>
        </Box>
      ) : (
        <DataTable columnContentTypes={["text", "text", "text"]} headings={["Variant", "Vendor SKU", `Vendor price (${currency})`]} rows={table} />
      )}
      {(total > rows.length || canChange) && (
        <Box padding="300">
          <InlineStack align="space-between" blockAlign="center">
            <Text as="span" variant="bodySm" tone="subdued">
              {total > rows.length ? `Showing the first ${rows.length} of ${total} variants; import a Stocky supplier-SKU column for the rest.` : ""}
            </Text>
            {canChange && (
              <InlineStack gap="200">
                <Button disabled={changed.length === 0 || saving} onClick={() => setEdits({})}>
                  Discard
                </Button>
                <Button variant="primary" disabled={changed.length === 0} loading={saving} onClick={() => onSave(changed.map((r) => ({ variantId: r.variantId, ...valueOf(r) })))}>
                  Save vendor SKUs
                </Button>
              </InlineStack>
            )}
          </InlineStack>
        </Box>
      )}
    </Card>
  );
}
