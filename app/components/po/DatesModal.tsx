import { useState } from "react";
import { BlockStack, Modal, Text, TextField } from "@shopify/polaris";

export interface DatesModalProps {
  open: boolean;
  poNumber: string;
  /** ISO instants of the stored days (00:00 UTC), or null. */
  expectedAt: string | null;
  confirmedEta: string | null;
  loading: boolean;
  error: string | null;
  onSave: (dates: { expectedDate: string; confirmedEta: string }) => void;
  onClose: () => void;
}

/** Changes the expected date and the vendor-confirmed ETA; remount (key) to reset it after a save. */
export function DatesModal({ open, poNumber, expectedAt, confirmedEta, loading, error, onSave, onClose }: DatesModalProps) {
  const [expected, setExpected] = useState(expectedAt?.slice(0, 10) ?? "");
  const [eta, setEta] = useState(confirmedEta?.slice(0, 10) ?? "");
  const unchanged = expected === (expectedAt?.slice(0, 10) ?? "") && eta === (confirmedEta?.slice(0, 10) ?? "");
  return (
    <Modal
      open={open}
      onClose={onClose}
      title={`Dates of ${poNumber}`}
      primaryAction={{ content: "Save dates", loading, disabled: !expected || unchanged, onAction: () => onSave({ expectedDate: expected, confirmedEta: eta }) }}
      secondaryActions={[{ content: "Cancel", onAction: onClose }]}
    >
      <Modal.Section>
        <BlockStack gap="300">
          <TextField label="Expected date" type="date" value={expected} onChange={setExpected} autoComplete="off" helpText="When you expect this order to arrive." />
          <TextField
            label="Vendor-confirmed ETA"
            type="date"
            value={eta}
            onChange={setEta}
            autoComplete="off"
            clearButton
            onClearButtonClick={() => setEta("")}
            helpText="When the vendor says it will arrive. When set, planning and the overdue badge use it instead of the expected date."
          />
          {error && (
            <Text as="p" tone="critical">
              {error}
            </Text>
          )}
          <Text as="p" variant="bodySm" tone="subdued">
            The plan re-runs for this order&apos;s products a few seconds after you save.
          </Text>
        </BlockStack>
      </Modal.Section>
    </Modal>
  );
}
