import { Form, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, Checkbox, FormLayout, InlineGrid, InlineStack, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { OVERRIDE_LABEL, OVERRIDE_LIMITS, type OverrideFieldName, type VariantOverrides } from "./override-forms";
import { ConflictBanner } from "~/components/ConflictBanner";
import { CardTitle } from "~/components/CardTitle";

export interface PlanningOverridesResult {
  ok: boolean;
  changed?: boolean;
  error: string | null;
  code?: string;
  fieldErrors: Partial<Record<string, string>>;
}

type TextKey = Exclude<OverrideFieldName, "doNotReorder">;

const HELP: Record<TextKey, (d: { statedLeadTimeDays: number | null; moq: number | null }) => string> = {
  leadTimeOverrideDays: (d) => `Days from ordering to receiving this variant. Empty = the vendor's (${d.statedLeadTimeDays === null ? "shop default 14" : `${d.statedLeadTimeDays} stated`}, blended with observed deliveries).`,
  moqOverride: (d) => `Smallest quantity the vendor accepts for this variant. Empty = the vendor's MOQ (${d.moq ?? "none"}).`,
  casePack: () => "Units per case: suggestions are rounded up to whole cases. Empty = single units.",
  minQty: () => "Your own smallest order for this variant; planning orders at least the larger of this and the MOQ.",
  maxQty: () => "Largest quantity to order at once; suggestions are capped (in whole cases).",
};

/** Per-variant planning overrides: lead time, MOQ, case pack, min/max per order, do not reorder. Audited. */
export function PlanningOverridesCard({
  overrides,
  vendorDefaults,
  result,
}: {
  overrides: VariantOverrides;
  vendorDefaults: { statedLeadTimeDays: number | null; moq: number | null };
  result: PlanningOverridesResult | undefined;
}) {
  const navigation = useNavigation();
  const initial = {
    leadTimeOverrideDays: overrides.leadTimeOverrideDays === null ? "" : String(overrides.leadTimeOverrideDays),
    moqOverride: overrides.moqOverride === null ? "" : String(overrides.moqOverride),
    casePack: overrides.casePack === null ? "" : String(overrides.casePack),
    minQty: overrides.minQty === null ? "" : String(overrides.minQty),
    maxQty: overrides.maxQty === null ? "" : String(overrides.maxQty),
  };
  const [values, setValues] = useState(initial);
  const [doNotReorder, setDoNotReorder] = useState(overrides.doNotReorder);
  const dirty = doNotReorder !== overrides.doNotReorder || (Object.keys(initial) as TextKey[]).some((k) => values[k] !== initial[k]);
  const saving = navigation.state === "submitting" && navigation.formData?.get("intent") === "save_overrides";
  const errors = result?.fieldErrors ?? {};
  const field = (name: TextKey, suffix?: string) => (
    <TextField
      label={OVERRIDE_LABEL[name]}
      name={name}
      type="number"
      min={OVERRIDE_LIMITS[name].min}
      max={OVERRIDE_LIMITS[name].max}
      suffix={suffix}
      value={values[name]}
      onChange={(v) => setValues((old) => ({ ...old, [name]: v }))}
      error={errors[name]}
      helpText={HELP[name](vendorDefaults)}
      autoComplete="off"
    />
  );
  return (
    <Card>
      <Form method="post">
        <BlockStack gap="300">
          <CardTitle>Planning overrides</CardTitle>
          {result && !result.ok && result.code === "conflict" && (
            <ConflictBanner title="Someone else changed these overrides" message={result.error} />
          )}
          {result?.ok && result.changed && !dirty && (
            <Banner tone="success">
              <p>Saved. The next plan run uses the new values.</p>
            </Banner>
          )}
          <input type="hidden" name="intent" value="save_overrides" />
          <input type="hidden" name="expected" value={JSON.stringify(overrides)} />
          <FormLayout>
            <InlineGrid columns={{ xs: 1, md: 2 }} gap="300">
              {field("leadTimeOverrideDays", "days")}
              {field("moqOverride", "units")}
              {field("casePack", "units")}
              {field("minQty", "units")}
              {field("maxQty", "units")}
            </InlineGrid>
            <Checkbox
              label="Do not reorder"
              checked={doNotReorder}
              onChange={setDoNotReorder}
              helpText="Keep forecasting this variant, but never suggest an order (for discontinued or sell-through items)."
            />
            {doNotReorder && <input type="hidden" name="doNotReorder" value="on" />}
          </FormLayout>
          <Text as="p" tone="subdued" variant="bodySm">
            Changes apply from the next plan run (nightly, or “Re-plan now” on Replenishment).
          </Text>
          <InlineStack align="end" gap="200">
            <Button
              disabled={!dirty || saving}
              onClick={() => {
                setValues(initial);
                setDoNotReorder(overrides.doNotReorder);
              }}
            >
              Discard
            </Button>
            <Button submit variant="primary" disabled={!dirty} loading={saving}>
              Save overrides
            </Button>
          </InlineStack>
        </BlockStack>
      </Form>
    </Card>
  );
}
