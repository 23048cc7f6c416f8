import { CheckboxSettingCard, type CheckboxSettingActionResult } from "./CheckboxSettingCard";

export type LandedCostActionResult = CheckboxSettingActionResult<"save-landed-cost">;

interface Props {
  setting: { writeBack: boolean; currency: string };
  saving: boolean;
  result: LandedCostActionResult | null;
  onSave: (values: { landedCostToShopify: "true" | "false" }) => void;
}

/** One checkbox, off by default: write received landed costs to Shopify's "Cost per item". */
export function LandedCostSettingCard({ setting, saving, result, onSave }: Props) {
  return (
    <CheckboxSettingCard
      label="Write landed cost to Shopify's cost per item when a purchase order is received"
      helpText={`Off: Stockcast keeps the landed cost for planning and stock value, and Shopify's cost stays as you set it. On: each received variant's cost in Shopify becomes its landed cost (${setting.currency} purchase orders only).`}
      stored={setting.writeBack}
      saveLabel="Save landed cost setting"
      savedMessage="Landed cost setting saved."
      saving={saving}
      result={result}
      onSave={(checked) => onSave({ landedCostToShopify: checked })}
    />
  );
}
