import { useState } from "react";
import { Banner, BlockStack, Checkbox, InlineStack, Modal, Text, TextField } from "@shopify/polaris";
import { sendFormErrors } from "./send-form";

export interface SendFormValues {
  to: string;
  message: string;
  attachPdf: boolean;
  attachCsv: boolean;
}

export interface SendModalProps {
  open: boolean;
  poNumber: string;
  vendorName: string;
  /** Re-sending a PO the vendor already has. */
  resend: boolean;
  defaults: { to: string; message: string };
  loading: boolean;
  /** The server's answer to the last attempt (invalid address, SMTP down…), shown inside the modal. */
  error: string | null;
  onSend: (values: SendFormValues) => void;
  onClose: () => void;
}

/** The "Send to vendor" form: address (prefilled from the vendor), message, which files to attach. */
export function SendModal({ open, poNumber, vendorName, resend, defaults, loading, error, onSend, onClose }: SendModalProps) {
  const [to, setTo] = useState(defaults.to);
  const [message, setMessage] = useState(defaults.message);
  const [attachPdf, setAttachPdf] = useState(true);
  const [attachCsv, setAttachCsv] = useState(true);
  const [touched, setTouched] = useState(false);
  const errors = sendFormErrors({ to, attachPdf, attachCsv });
  const toError = touched ? errors.to : undefined;
  const attachError = errors.attachments;
  const submit = () => {
    setTouched(true);
    if (errors.to || errors.attachments) return;
    onSend({ to: to.trim(), message, attachPdf, attachCsv });
  };
  return (
    <Modal
      open={open}
      onClose={onClose}
      title={`${resend ? "Send an update of" : "Send"} ${poNumber} to ${vendorName}`}
      primaryAction={{ content: resend ? "Send update" : "Send email", loading, disabled: !!attachError, onAction: submit }}
      secondaryActions={[{ content: "Cancel", onAction: onClose }]}
    >
      <Modal.Section>
        <BlockStack gap="300">
          {error && (
            <Banner tone="critical" title="The purchase order wasn't sent">
              <p>{error}</p>
            </Banner>
          )}
          <TextField
            label="Vendor email"
            type="email"
            value={to}
            onChange={setTo}
            onBlur={() => setTouched(true)}
            error={toError}
            autoComplete="email"
            helpText={defaults.to ? undefined : "This vendor has no email on file yet."}
          />
          <TextField label="Message" value={message} onChange={setMessage} multiline={6} maxLength={5000} autoComplete="off" />
          <BlockStack gap="100">
            <Text as="span" variant="bodyMd">
              Attachments
            </Text>
            <InlineStack gap="400">
              <Checkbox label={`${poNumber}.pdf`} checked={attachPdf} onChange={setAttachPdf} />
              <Checkbox label={`${poNumber}.csv`} checked={attachCsv} onChange={setAttachCsv} error={attachError} />
            </InlineStack>
          </BlockStack>
          <Text as="p" variant="bodySm" tone="subdued">
            {resend
              ? "The vendor gets the purchase order as it is now (lines, dates); its status stays as it is."
              : "After the email goes out the purchase order is marked as sent. If it can't be sent, nothing changes and you can try again."}
          </Text>
        </BlockStack>
      </Modal.Section>
    </Modal>
  );
}
