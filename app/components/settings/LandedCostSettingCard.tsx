import { useEffect, useState } from "react";
import { Banner, BlockStack, Button, Card, Checkbox, InlineStack, Text } from "@shopify/polaris";

export type LandedCostActionResult = { intent: "save-landed-cost"; ok: true; changed: boolean } | { intent: "save-landed-cost"; ok: false; message: string };

interface Props {
  setting: { writeBack: boolean; currency: string };
  saving: boolean;
  result: LandedCostActionResult | null;
  onSave: (values: { landedCostToShopify: "true" | "false" }) => void;
}

/** One checkbox, off by default: write received landed costs to Shopify's "Cost per item". */
export function LandedCostSettingCard({ setting, saving, result, onSave }: Props) {
  const [checked, setChecked] = useState(setting.writeBack);
  useEffect(() => setChecked(setting.writeBack), [setting.writeBack]);
  return (
    <Card>
      <BlockStack gap="300">
        <Checkbox
          label="Write landed cost to Shopify's cost per item when a purchase order is received"
          checked={checked}
          onChange={setChecked}
          helpText={`Off: Stockcast keeps the landed cost for planning and stock value, and Shopify's cost stays as you set it. On: each received variant's cost in Shopify becomes its landed cost (${setting.currency} purchase orders only).`}
        />
        {result && !result.ok && <Banner tone="critical">{result.message}</Banner>}
        {result?.ok && <Text as="p" tone="success">{result.changed ? "Landed cost setting saved." : "Nothing changed."}</Text>}
        <InlineStack align="end">
          <Button variant="primary" loading={saving} disabled={checked === setting.writeBack && !saving} onClick={() => onSave({ landedCostToShopify: checked ? "true" : "false" })}>
            Save landed cost setting
          </Button>
        </InlineStack>
      </BlockStack>
    </Card>
  );
}
