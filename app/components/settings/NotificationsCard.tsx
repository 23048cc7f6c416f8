import { useEffect, useState } from "react";
import { Badge, Banner, BlockStack, Box, Button, Card, Checkbox, Divider, InlineStack, Modal, Select, Text, TextField } from "@shopify/polaris";
import type { NotificationChannelDto, NotificationSettingsDto } from "~/utils/notification-settings";
import { useShopTime } from "~/components/shop-time";
import { MinorHeading } from "~/components/CardTitle";

type ChannelIntent = "save-channel" | "delete-channel" | "test-channel";
export type NotificationActionResult =
  | { intent: ChannelIntent; ok: true; channelId: string; message: string }
  | { intent: ChannelIntent; ok: false; channelId?: string; message?: string; fieldErrors?: Partial<Record<string, string>> };

export interface ChannelFormValues {
  id?: string;
  kind: string;
  label: string;
  target: string;
  minSeverity: string;
  dailyDigest: string;
  enabled: string;
}

interface Props {
  notifications: NotificationSettingsDto;
  /** The intent being submitted, and for which channel. */
  pending: { intent: string; channelId: string | null } | null;
  result: NotificationActionResult | null;
  onSave: (values: ChannelFormValues) => void;
  onDelete: (id: string) => void;
  onTest: (id: string) => void;
}

const SEVERITY_OPTIONS = [
  { label: "Critical only", value: "critical" },
  { label: "Warning and critical", value: "warning" },
  { label: "All alerts (info, warning, critical)", value: "info" },
];
const SEVERITY_TEXT: Record<string, string> = { critical: "Critical only", warning: "Warning and up", info: "All alerts" };
const KIND_OPTIONS = [
  { label: "Email", value: "email" },
  { label: "Slack (incoming webhook)", value: "slack" },
];
const STATUS_TONE: Record<string, "success" | "critical" | "attention" | undefined> = { delivered: "success", failed: "critical", pending: "attention", skipped: undefined };


interface Draft {
  id?: string;
  kind: string;
  label: string;
  target: string;
  minSeverity: string;
  dailyDigest: boolean;
  enabled: boolean;
  /** Edit of an existing channel: the masked target shown as a hint. */
  currentTarget?: string;
}

const NEW_DRAFT: Draft = { kind: "email", label: "", target: "", minSeverity: "critical", dailyDigest: false, enabled: true };

/** Settings → Notifications: channels with masked targets, last delivery or error, add/edit/delete, "Send test". */
export function NotificationsCard({ notifications, pending, result, onSave, onDelete, onTest }: Props) {
  const time = useShopTime();
  const when = (iso: string | null) => (iso ? time(iso, "recent") : "never");
  const [draft, setDraft] = useState<Draft | null>(null);
  const [deleting, setDeleting] = useState<NotificationChannelDto | null>(null);
  const saving = pending?.intent === "save-channel";
  const formErrors = result && !result.ok && result.intent === "save-channel" ? (result.fieldErrors ?? {}) : {};

  // Close the dialogs once the server accepted the change.
  useEffect(() => {
    if (result?.ok && result.intent === "save-channel") setDraft(null);
    if (result?.ok && result.intent === "delete-channel") setDeleting(null);
  }, [result]);

  const full = notifications.channels.length >= notifications.maxChannels;
  const banner = result && (result.intent !== "save-channel" || result.ok) && result.message ? result : null;

  return (
    <Card>
      <BlockStack gap="400">
        <InlineStack align="space-between" blockAlign="center">
          <MinorHeading>Notification channels</MinorHeading>
          <Button onClick={() => setDraft({ ...NEW_DRAFT })} disabled={full}>
            Add channel
          </Button>
        </InlineStack>
        {banner && (
          <Banner tone={banner.ok ? "success" : "critical"} title={banner.ok ? banner.message : "That did not work"}>
            {!banner.ok && <p>{banner.message}</p>}
          </Banner>
        )}
        {notifications.smtpServer === null && (
          <Text as="p" tone="subdued">
            Email channels need an SMTP server: set SMTP_URL for the app. Slack channels work without it.
          </Text>
        )}
        {notifications.channels.length === 0 ? (
          <Box padding="400" background="bg-surface-secondary" borderRadius="200">
            <BlockStack gap="200">
              <Text as="p" variant="headingSm">
                No channels yet
              </Text>
              <Text as="p" tone="subdued">
                Add an email address or a Slack channel to hear about stockouts and overdue purchase orders as soon as a plan finds them, and
                optionally a daily digest each morning.
              </Text>
            </BlockStack>
          </Box>
        ) : (
          <BlockStack gap="300">
            {notifications.channels.map((c, i) => (
              <BlockStack gap="200" key={c.id}>
                {i > 0 && <Divider />}
                <InlineStack align="space-between" blockAlign="start" wrap={false} gap="300">
                  <BlockStack gap="100">
                    <InlineStack gap="200" align="start" blockAlign="center">
                      <Badge>{c.kind === "slack" ? "Slack" : "Email"}</Badge>
                      <Text as="span" variant="bodyMd" fontWeight="semibold">
                        {c.label || c.target}
                      </Text>
                      {!c.enabled && <Badge tone="attention">Paused</Badge>}
                    </InlineStack>
                    {c.label && (
                      <Text as="p" tone="subdued" breakWord>
                        {c.target}
                      </Text>
                    )}
                    <Text as="p" tone="subdued">
                      {SEVERITY_TEXT[c.minSeverity] ?? c.minSeverity}
                      {c.dailyDigest ? " · daily digest" : ""} · last delivered {when(c.lastDeliveredAt)}
                      {c.pendingDeliveries > 0 ? ` · ${c.pendingDeliveries} waiting` : ""}
                    </Text>
                    {c.lastError && (
                      <Text as="p" tone="critical" breakWord>
                        Last error: {c.lastError}
                      </Text>
                    )}
                  </BlockStack>
                  <InlineStack gap="200" wrap={false}>
                    <Button onClick={() => onTest(c.id)} loading={pending?.intent === "test-channel" && pending.channelId === c.id}>
                      Send test
                    </Button>
                    <Button
                      onClick={() =>
                        setDraft({ id: c.id, kind: c.kind, label: c.label ?? "", target: c.kind === "email" ? c.target : "", currentTarget: c.target, minSeverity: c.minSeverity, dailyDigest: c.dailyDigest, enabled: c.enabled })
                      }
                    >
                      Edit
                    </Button>
                    <Button tone="critical" variant="plain" onClick={() => setDeleting(c)} accessibilityLabel={`Delete ${c.label || c.target}`}>
                      Delete
                    </Button>
                  </InlineStack>
                </InlineStack>
              </BlockStack>
            ))}
          </BlockStack>
        )}
        {notifications.recent.length > 0 && (
          <BlockStack gap="200">
            <Divider />
            <Text as="h4" variant="headingXs">
              Recent deliveries
            </Text>
            {notifications.recent.slice(0, 8).map((d) => (
              <InlineStack key={d.id} gap="200" align="start" blockAlign="center" wrap={false}>
                <Badge tone={STATUS_TONE[d.status]}>{d.status}</Badge>
                <Text as="span" tone="subdued" breakWord>
                  {d.kind} to {d.channelName} · {when(d.createdAt)} · {d.attempts} attempt{d.attempts === 1 ? "" : "s"}
                  {d.error && d.status !== "delivered" ? ` · ${d.error}` : ""}
                </Text>
              </InlineStack>
            ))}
          </BlockStack>
        )}
      </BlockStack>
      {draft && (
        <ChannelModal
          draft={draft}
          errors={formErrors}
          saving={saving}
          onClose={() => setDraft(null)}
          onSave={(d) =>
            onSave({
              ...(d.id ? { id: d.id } : {}),
              kind: d.kind,
              label: d.label,
              target: d.target,
              minSeverity: d.minSeverity,
              dailyDigest: String(d.dailyDigest),
              enabled: String(d.enabled),
            })
          }
        />
      )}
      <Modal
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        title="Delete this channel?"
        primaryAction={{ content: "Delete channel", destructive: true, loading: pending?.intent === "delete-channel", onAction: () => deleting && onDelete(deleting.id) }}
        secondaryActions={[{ content: "Keep it", onAction: () => setDeleting(null) }]}
      >
        <Modal.Section>
          <Text as="p">
            {deleting ? `${deleting.label || deleting.target} will stop receiving alerts and its delivery history is removed. This cannot be undone.` : ""}
          </Text>
        </Modal.Section>
      </Modal>
    </Card>
  );
}

function ChannelModal({ draft, errors, saving, onClose, onSave }: { draft: Draft; errors: Partial<Record<string, string>>; saving: boolean; onClose: () => void; onSave: (d: Draft) => void }) {
  const [d, setD] = useState(draft);
  const set = <K extends keyof Draft>(key: K) => (value: Draft[K]) => setD((prev) => ({ ...prev, [key]: value }));
  const slack = d.kind === "slack";
  const keepsTarget = Boolean(d.id && draft.kind === d.kind && slack);
  return (
    <Modal
      open
      onClose={onClose}
      title={d.id ? "Edit notification channel" : "Add notification channel"}
      primaryAction={{ content: d.id ? "Save channel" : "Add channel", loading: saving, onAction: () => onSave(d) }}
      secondaryActions={[{ content: "Cancel", onAction: onClose }]}
    >
      <Modal.Section>
        <BlockStack gap="300">
          {errors.form && <Banner tone="critical">{errors.form}</Banner>}
          <Select label="Send to" options={KIND_OPTIONS} value={d.kind} onChange={set("kind")} error={errors.kind} />
          <TextField
            label={slack ? "Slack webhook URL" : "Email address"}
            type={slack ? "url" : "email"}
            value={d.target}
            onChange={set("target")}
            autoComplete="off"
            error={errors.target}
            placeholder={keepsTarget ? `Leave empty to keep ${draft.currentTarget}` : slack ? "https://hooks.slack.com/services/…" : "ops@example.com"}
            helpText={
              slack
                ? "In Slack, add the Incoming Webhooks app to a channel and paste its URL. The URL is a secret: Stockcast only shows it masked."
                : "Alerts are emailed through the app's SMTP server."
            }
          />
          <TextField label="Name (optional)" value={d.label} onChange={set("label")} autoComplete="off" maxLength={60} error={errors.label} placeholder="e.g. Ops team" />
          <Select label="Which alerts" options={SEVERITY_OPTIONS} value={d.minSeverity} onChange={set("minSeverity")} error={errors.minSeverity} />
          <Checkbox
            label="Daily digest"
            helpText="One summary of every open alert each morning (8:00 in the shop's time zone)."
            checked={d.dailyDigest}
            onChange={set("dailyDigest")}
          />
          <Checkbox label="Enabled" helpText="Paused channels receive nothing until you turn them back on." checked={d.enabled} onChange={set("enabled")} />
        </BlockStack>
      </Modal.Section>
    </Modal>
  );
}
