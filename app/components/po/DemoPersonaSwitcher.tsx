import { Select } from "@shopify/polaris";
import { staffRoleLabel } from "~/utils/staff-roles";

export interface DemoPersonaOption {
  staffId: string;
  name: string;
  role: string;
}

/** Demo mode only: act as one of the demo shop's staff, to see approvals and permissions at work. */
export function DemoPersonaSwitcher({ personas, current, onChange }: { personas: DemoPersonaOption[]; current: string; onChange: (staffId: string) => void }) {
  if (personas.length === 0) return null;
  return (
    <Select
      label="Acting as (demo)"
      labelInline
      options={personas.map((p) => ({ label: `${p.name} — ${staffRoleLabel(p.role)}`, value: p.staffId }))}
      value={current}
      onChange={onChange}
    />
  );
}
