import { useState } from "react";
import { BlockStack, Modal, Text, TextField } from "@shopify/polaris";

export interface ConfirmModalProps {
  open: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  destructive?: boolean;
  /** Ask for a reason: "required" blocks confirming without one. */
  reason?: "optional" | "required";
  loading?: boolean;
  onConfirm: (reason: string) => void;
  onClose: () => void;
}

/** A confirmation step for irreversible or noteworthy PO actions (cancel, reject). */
export function ConfirmModal({ open, title, body, confirmLabel, destructive, reason, loading, onConfirm, onClose }: ConfirmModalProps) {
  const [text, setText] = useState("");
  const blocked = reason === "required" && text.trim() === "";
  return (
    <Modal
      open={open}
      onClose={onClose}
      title={title}
      primaryAction={{ content: confirmLabel, destructive, disabled: blocked, loading, onAction: () => onConfirm(text.trim()) }}
      secondaryActions={[{ content: "Keep it", onAction: onClose }]}
    >
      <Modal.Section>
        <BlockStack gap="300">
          <Text as="p">{body}</Text>
          {reason && (
            <TextField
              label={reason === "required" ? "Reason" : "Reason (optional)"}
              value={text}
              onChange={setText}
              multiline={2}
              maxLength={500}
              autoComplete="off"
            />
          )}
        </BlockStack>
      </Modal.Section>
    </Modal>
  );
}
