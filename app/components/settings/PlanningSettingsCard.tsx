import { useEffect, useMemo, useState } from "react";
import { Banner, BlockStack, Button, Card, Checkbox, FormLayout, InlineStack, TextField } from "@shopify/polaris";
import { PLANNING_FIELDS, PLANNING_FIELD_NAMES, rangeText, type PlanningFieldName } from "~/lib/settings";
import { MinorHeading } from "~/components/CardTitle";

export type PlanningValues = Record<PlanningFieldName, number | string>;

export type SaveActionResult =
  | { intent: "save-settings"; ok: true; changed: boolean }
  | { intent: "save-settings"; ok: false; fieldErrors: Partial<Record<string, string>> };

interface Props {
  settings: PlanningValues & { balanceServiceByCost?: boolean; serviceByVariability?: boolean };
  currencyCode: string;
  saving: boolean;
  result: SaveActionResult | null;
  onSave: (values: Record<PlanningFieldName, string> & { balanceServiceByCost: "true" | "false"; serviceByVariability: "true" | "false" }) => void;
}

const asText = (settings: PlanningValues) => Object.fromEntries(PLANNING_FIELD_NAMES.map((n) => [n, String(settings[n])])) as Record<PlanningFieldName, string>;

const GROUPS: { title: string; fields: PlanningFieldName[] }[] = [
  { title: "Service levels by ABC class", fields: ["serviceLevelA", "serviceLevelB", "serviceLevelC"] },
  { title: "Ordering", fields: ["reviewPeriodDays", "orderingCost", "holdingCostRatePercent", "forecastHorizonDays"] },
  { title: "Overstock and dead stock", fields: ["overstockCoverDays", "deadStockDays", "deadStockMinValue"] },
  { title: "Purchase budget", fields: ["planBudget"] },
];

/** Planning parameters form: edit, Save (or Discard); errors per field from the action. */
export function PlanningSettingsCard({ settings, currencyCode, saving, result, onSave }: Props) {
  // Keyed on the stored values, not the object: a revalidation with the same values keeps what is typed.
  const key = JSON.stringify(asText(settings));
  const initial = useMemo(() => JSON.parse(key) as Record<PlanningFieldName, string>, [key]);
  const [values, setValues] = useState(initial);
  useEffect(() => setValues(initial), [initial]);
  const initialBalance = settings.balanceServiceByCost ?? false;
  const [balance, setBalance] = useState(initialBalance);
  useEffect(() => setBalance(initialBalance), [initialBalance]);
  const initialSteps = settings.serviceByVariability ?? false;
  const [steps, setSteps] = useState(initialSteps);
  useEffect(() => setSteps(initialSteps), [initialSteps]);
  const dirty = balance !== initialBalance || steps !== initialSteps || PLANNING_FIELD_NAMES.some((n) => values[n] !== initial[n]);
  const errors = result && !result.ok ? result.fieldErrors : {};

  const suffix = (name: PlanningFieldName) => {
    const kind = PLANNING_FIELDS[name].kind;
    return kind === "percent" ? (name === "holdingCostRatePercent" ? "% / year" : "%") : kind === "days" ? "days" : currencyCode;
  };

  return (
    <Card>
      <BlockStack gap="400">
        {result?.ok && !dirty ? (
          <Banner tone="success" title={result.changed ? "Settings saved" : "Nothing to save"}>
            <p>{result.changed ? "The next plan uses the new parameters." : "The values were already stored."}</p>
          </Banner>
        ) : null}
        {result && !result.ok ? (
          <Banner tone="critical" title="Some values need fixing">
            <p>Nothing was saved. Correct the fields marked below and save again.</p>
          </Banner>
        ) : null}
        <form
          onSubmit={(event) => {
            event.preventDefault();
            onSave({ ...values, balanceServiceByCost: balance ? "true" : "false", serviceByVariability: steps ? "true" : "false" });
          }}
        >
          <BlockStack gap="500">
            {GROUPS.map((group) => (
              <BlockStack gap="200" key={group.title}>
                <MinorHeading>{group.title}</MinorHeading>
                <FormLayout>
                  <FormLayout.Group condensed={group.fields.length > 2}>
                    {group.fields.map((name) => {
                      const field = PLANNING_FIELDS[name];
                      return (
                        <TextField
                          key={name}
                          name={name}
                          label={field.label}
                          type="text"
                          inputMode="decimal"
                          autoComplete="off"
                          value={values[name]}
                          onChange={(v) => setValues((prev) => ({ ...prev, [name]: v }))}
                          suffix={suffix(name)}
                          helpText={`${field.help} Allowed: ${rangeText(field, currencyCode)}${field.optional ? ", or empty" : ""}.`}
                          error={errors[name]}
                        />
                      );
                    })}
                  </FormLayout.Group>
                  {group.fields.includes("serviceLevelA") ? (
                    <>
                      {[
                        {
                          name: "balanceServiceByCost" as const,
                          label: "Balance service levels by unit cost",
                          checked: balance,
                          onChange: setBalance,
                          helpText:
                            "Cheaper items get a higher service level and dearer ones a lower, each class keeping its level on average: the same money in stock then prevents more lost units. Leave off to weigh lost revenue rather than lost units.",
                        },
                        {
                          name: "serviceByVariability" as const,
                          label: "Lower service levels for variable demand",
                          checked: steps,
                          onChange: setSteps,
                          helpText:
                            "Items whose weekly sales swing a lot (XYZ class Y) or come in rare bursts (Z) get a lower service level than steady sellers of their class, as in the usual ABC × XYZ matrix (class A: 98%, 97%, 95%). Off by default: on our benchmark the same fill rate then needed more stock.",
                        },
                      ].map(({ name, label, checked, onChange, helpText }) => (
                        <Checkbox key={name} label={label} name={name} checked={checked} onChange={onChange} helpText={helpText} error={errors[name]} />
                      ))}
                    </>
                  ) : null}
                </FormLayout>
              </BlockStack>
            ))}
            <InlineStack gap="200" align="end">
              <Button
                disabled={!dirty || saving}
                onClick={() => {
                  setValues(initial);
                  setBalance(initialBalance);
                  setSteps(initialSteps);
                }}
              >
                Discard
              </Button>
              <Button variant="primary" submit disabled={!dirty} loading={saving}>
                Save
              </Button>
            </InlineStack>
          </BlockStack>
        </form>
      </BlockStack>
    </Card>
  );
}
