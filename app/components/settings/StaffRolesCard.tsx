import { useEffect, useState } from "react";
import { Badge, Banner, BlockStack, Box, Button, Card, Checkbox, Divider, InlineStack, Modal, Select, Text, TextField } from "@shopify/polaris";
import { STAFF_ROLE_LABEL } from "~/utils/staff-roles";
import { staffNumber } from "~/utils/staff-names";
import { MinorHeading } from "~/components/CardTitle";

export interface StaffRoleView {
  id: string;
  staffId: string;
  name: string;
  email: string | null;
  role: "owner" | "manager" | "viewer";
  approvesPurchaseOrders: boolean;
  updatedAt: string;
}

type StaffIntent = "save-staff" | "delete-staff";
export type StaffActionResult =
  | { intent: StaffIntent; ok: true; staffRoleId: string; message: string }
  | { intent: StaffIntent; ok: false; message?: string; fieldErrors?: Partial<Record<string, string>> };

export interface StaffFormValues {
  id?: string;
  staffId: string;
  name: string;
  email: string;
  role: string;
  approvesPurchaseOrders: string;
}

interface Props {
  staff: StaffRoleView[];
  pending: string | null;
  result: StaffActionResult | null;
  onSave: (values: StaffFormValues) => void;
  onDelete: (id: string) => void;
}

const ROLE_OPTIONS = [
  { label: "Owner — everything, always approves purchase orders", value: "owner" },
  { label: "Manager — drafts, submits and sends purchase orders", value: "manager" },
  { label: "Viewer — looks only", value: "viewer" },
];

interface Draft {
  id?: string;
  staffId: string;
  name: string;
  email: string;
  role: string;
  approvesPurchaseOrders: boolean;
}

const NEW_DRAFT: Draft = { staffId: "", name: "", email: "", role: "manager", approvesPurchaseOrders: false };

/** Settings → Staff roles: who is owner, manager (optionally a PO approver) or viewer, by Shopify staff id. */
export function StaffRolesCard({ staff, pending, result, onSave, onDelete }: Props) {
  const [draft, setDraft] = useState<Draft | null>(null);
  const [removing, setRemoving] = useState<StaffRoleView | null>(null);
  const errors = result && !result.ok ? (result.fieldErrors ?? {}) : {};

  useEffect(() => {
    if (result?.ok && result.intent === "save-staff") setDraft(null);
    if (result?.ok && result.intent === "delete-staff") setRemoving(null);
    if (result && !result.ok && result.intent === "delete-staff") setRemoving(null);
  }, [result]);

  const banner = result && (result.ok || result.intent === "delete-staff" || (!draft && (result.fieldErrors?.form || result.message))) ? result : null;

  return (
    <Card>
      <BlockStack gap="400">
        <InlineStack align="space-between" blockAlign="center">
          <MinorHeading>Staff roles</MinorHeading>
          <Button onClick={() => setDraft({ ...NEW_DRAFT })}>Add staff member</Button>
        </InlineStack>
        {banner && (
          <Banner tone={banner.ok ? "success" : "critical"}>
            <p>{banner.ok ? banner.message : (banner.fieldErrors?.form ?? banner.message ?? "That did not work.")}</p>
          </Banner>
        )}
        {staff.length === 0 ? (
          <Box padding="400" background="bg-surface-secondary" borderRadius="200">
            <BlockStack gap="200">
              <Text as="p" variant="headingSm">
                No staff roles yet
              </Text>
              <Text as="p" tone="subdued">
                Without roles, every staff member may draft and send purchase orders, and nobody approves them. Only the store&apos;s
                account owner can add the first roles: Stockcast asks Shopify who they are and makes them the owner.
              </Text>
            </BlockStack>
          </Box>
        ) : (
          <BlockStack gap="300">
            {staff.map((s, i) => (
              <BlockStack gap="200" key={s.id}>
                {i > 0 && <Divider />}
                <InlineStack align="space-between" blockAlign="center" wrap={false} gap="300">
                  <BlockStack gap="100">
                    <InlineStack gap="200" align="start" blockAlign="center">
                      <Text as="span" fontWeight="semibold">
                        {s.name}
                      </Text>
                      <Badge tone={s.role === "owner" ? "info" : undefined}>{STAFF_ROLE_LABEL[s.role]}</Badge>
                      {s.approvesPurchaseOrders && <Badge tone="success">Approves POs</Badge>}
                    </InlineStack>
                    <Text as="p" tone="subdued">
                      Staff ID {staffNumber(s.staffId)}
                      {s.email ? ` · ${s.email}` : ""}
                    </Text>
                  </BlockStack>
                  <InlineStack gap="200" wrap={false}>
                    <Button
                      onClick={() => setDraft({ id: s.id, staffId: staffNumber(s.staffId), name: s.name, email: s.email ?? "", role: s.role, approvesPurchaseOrders: s.approvesPurchaseOrders })}
                    >
                      Edit
                    </Button>
                    <Button tone="critical" variant="plain" onClick={() => setRemoving(s)} accessibilityLabel={`Remove ${s.name}`}>
                      Remove
                    </Button>
                  </InlineStack>
                </InlineStack>
              </BlockStack>
            ))}
          </BlockStack>
        )}
      </BlockStack>
      {draft && <StaffModal draft={draft} errors={errors} saving={pending === "save-staff"} onClose={() => setDraft(null)} onSave={onSave} />}
      <Modal
        open={removing !== null}
        onClose={() => setRemoving(null)}
        title="Remove this staff member's role?"
        primaryAction={{ content: "Remove role", destructive: true, loading: pending === "delete-staff", onAction: () => removing && onDelete(removing.id) }}
        secondaryActions={[{ content: "Keep", onAction: () => setRemoving(null) }]}
      >
        <Modal.Section>
          <Text as="p">{removing ? `${removing.name} keeps their Shopify account but loses their Stockcast role: they can then draft and send purchase orders but not approve them.` : ""}</Text>
        </Modal.Section>
      </Modal>
    </Card>
  );
}

function StaffModal({ draft, errors, saving, onClose, onSave }: { draft: Draft; errors: Partial<Record<string, string>>; saving: boolean; onClose: () => void; onSave: (v: StaffFormValues) => void }) {
  const [d, setD] = useState(draft);
  const set = <K extends keyof Draft>(key: K) => (value: Draft[K]) => setD((prev) => ({ ...prev, [key]: value }));
  const submit = () =>
    onSave({
      ...(d.id ? { id: d.id } : {}),
      staffId: d.staffId,
      name: d.name,
      email: d.email,
      role: d.role,
      approvesPurchaseOrders: String(d.role === "manager" && d.approvesPurchaseOrders),
    });
  return (
    <Modal
      open
      onClose={onClose}
      title={d.id ? `Edit ${draft.name}` : "Add staff member"}
      primaryAction={{ content: d.id ? "Save" : "Add", loading: saving, onAction: submit }}
      secondaryActions={[{ content: "Cancel", onAction: onClose }]}
    >
      <Modal.Section>
        <BlockStack gap="300">
          {errors.form && <Banner tone="critical">{errors.form}</Banner>}
          <TextField
            label="Shopify staff ID"
            value={d.staffId}
            onChange={set("staffId")}
            autoComplete="off"
            error={errors.staffId}
            helpText="The number at the end of the staff member's page in Shopify admin → Settings → Users."
          />
          <TextField label="Name" value={d.name} onChange={set("name")} autoComplete="off" maxLength={80} error={errors.name} />
          <TextField label="Email (optional)" type="email" value={d.email} onChange={set("email")} autoComplete="off" error={errors.email} />
          <Select label="Role" options={ROLE_OPTIONS} value={d.role} onChange={set("role")} error={errors.role} />
          <Checkbox
            label="Approves purchase orders"
            helpText={d.role === "owner" ? "Owners always approve." : d.role === "viewer" ? "Viewers cannot approve." : "Managers approve only with this on."}
            checked={d.role === "owner" || (d.role === "manager" && d.approvesPurchaseOrders)}
            disabled={d.role !== "manager"}
            onChange={set("approvesPurchaseOrders")}
            error={errors.approvesPurchaseOrders}
          />
        </BlockStack>
      </Modal.Section>
    </Modal>
  );
}
