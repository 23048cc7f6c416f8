import { useEffect, useState } from "react";
import { Banner, BlockStack, Button, Card, Checkbox, InlineStack, Text } from "@shopify/polaris";
import { plural } from "~/utils/plural";

export type ApprovalRulesActionResult =
  | { intent: "save-approval-rules"; ok: true; changed: boolean }
  | { intent: "save-approval-rules"; ok: false; message: string };

interface Props {
  rules: { blockSelfApproval: boolean; automatic: boolean; approvers: number };
  saving: boolean;
  result: ApprovalRulesActionResult | null;
  onSave: (values: { blockSelfApproval: "true" | "false" }) => void;
}

/** Segregation of duties: one checkbox, saved on its own (owners only; the server checks). */
export function ApprovalRulesCard({ rules, saving, result, onSave }: Props) {
  const [checked, setChecked] = useState(rules.blockSelfApproval);
  useEffect(() => setChecked(rules.blockSelfApproval), [rules.blockSelfApproval, rules.automatic]);
  const dirty = checked !== rules.blockSelfApproval || rules.automatic;
  return (
    <Card>
      <BlockStack gap="300">
        <Checkbox
          label="Whoever submits a purchase order cannot approve it"
          checked={checked}
          onChange={setChecked}
          helpText={
            rules.automatic
              ? `Not chosen yet: on when two or more staff can approve (now ${plural(rules.approvers, "approver")}). Save to keep your choice.`
              : `Your choice. ${plural(rules.approvers, "staff member")} can approve purchase orders.`
          }
        />
        {result && !result.ok && <Banner tone="critical">{result.message}</Banner>}
        {result?.ok && <Text as="p" tone="success">{result.changed ? "Approval rule saved." : "Nothing changed."}</Text>}
        <InlineStack align="end">
          <Button variant="primary" loading={saving} disabled={!dirty && !saving} onClick={() => onSave({ blockSelfApproval: checked ? "true" : "false" })}>
            Save approval rule
          </Button>
        </InlineStack>
      </BlockStack>
    </Card>
  );
}
