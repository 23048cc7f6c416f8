import { useEffect, useState } from "react";
import { Banner, BlockStack, Button, Card, Checkbox, InlineStack, Text } from "@shopify/polaris";

export type CheckboxSettingResult = { ok: true; changed: boolean } | { ok: false; message: string };
/** What a section's action answers for the card posted with `intent`. */
export type CheckboxSettingActionResult<I extends string> = { intent: I } & CheckboxSettingResult;

interface Props {
  label: string;
  helpText: string;
  /** What is saved now; the box starts from it and follows it after a save. */
  stored: boolean;
  /** The stored value is only a default not chosen yet: Save stays enabled to keep it. */
  unchosen?: boolean;
  saveLabel: string;
  savedMessage: string;
  saving: boolean;
  result: CheckboxSettingResult | null;
  onSave: (checked: "true" | "false") => void;
}

/** A settings card of one checkbox saved on its own, with the save's error or outcome above its button. */
export function CheckboxSettingCard({ label, helpText, stored, unchosen = false, saveLabel, savedMessage, saving, result, onSave }: Props) {
  const [checked, setChecked] = useState(stored);
  useEffect(() => setChecked(stored), [stored, unchosen]);
  const dirty = checked !== stored || unchosen;
  return (
    <Card>
      <BlockStack gap="300">
        <Checkbox label={label} checked={checked} onChange={setChecked} helpText={helpText} />
        {result && !result.ok && <Banner tone="critical">{result.message}</Banner>}
        {result?.ok && <Text as="p" tone="success">{result.changed ? savedMessage : "Nothing changed."}</Text>}
        <InlineStack align="end">
          <Button variant="primary" loading={saving} disabled={!dirty && !saving} onClick={() => onSave(checked ? "true" : "false")}>
            {saveLabel}
          </Button>
        </InlineStack>
      </BlockStack>
    </Card>
  );
}
