import { plural } from "~/utils/plural";
import { CheckboxSettingCard, type CheckboxSettingActionResult } from "./CheckboxSettingCard";

export type ApprovalRulesActionResult = CheckboxSettingActionResult<"save-approval-rules">;

interface Props {
  rules: { blockSelfApproval: boolean; automatic: boolean; approvers: number };
  saving: boolean;
  result: ApprovalRulesActionResult | null;
  onSave: (values: { blockSelfApproval: "true" | "false" }) => void;
}

/** Segregation of duties: one checkbox, saved on its own (owners only; the server checks). */
export function ApprovalRulesCard({ rules, saving, result, onSave }: Props) {
  return (
    <CheckboxSettingCard
      label="Whoever submits a purchase order cannot approve it"
      helpText={
        rules.automatic
          ? `Not chosen yet: on when two or more staff can approve (now ${plural(rules.approvers, "approver")}). Save to keep your choice.`
          : `Your choice. ${plural(rules.approvers, "staff member")} can approve purchase orders.`
      }
      stored={rules.blockSelfApproval}
      unchosen={rules.automatic}
      saveLabel="Save approval rule"
      savedMessage="Approval rule saved."
      saving={saving}
      result={result}
      onSave={(checked) => onSave({ blockSelfApproval: checked })}
    />
  );
}
