import { BlockStack, Modal, Text, TextField } from "@shopify/polaris";
import { alertRuleLabel } from "~/lib/alerts";
import { plural } from "~/utils/plural";
import type { AlertRowView } from "./AlertsTable";

/** "Snooze N alerts": the date they come back (the shop's today to 90 days ahead). */
export function SnoozeModal(props: { open: boolean; count: number; until: string; min: string; max: string; busy: boolean; onChange: (v: string) => void; onSnooze: () => void; onClose: () => void }) {
  return (
    <Modal
      open={props.open}
      onClose={props.onClose}
      title={`Snooze ${props.count} alert${props.count === 1 ? "" : "s"}`}
      primaryAction={{ content: "Snooze", onAction: props.onSnooze, loading: props.busy, disabled: !props.until }}
      secondaryActions={[{ content: "Cancel", onAction: props.onClose }]}
    >
      <Modal.Section>
        <TextField
          label="Bring back on"
          type="date"
          value={props.until}
          min={props.min}
          max={props.max}
          onChange={props.onChange}
          autoComplete="off"
          helpText="The alert leaves the open list and returns on this date if its condition still holds."
        />
      </Modal.Section>
    </Modal>
  );
}

/** "Mute these rules?": what each selected alert's mute would silence; alerts that cannot be muted are counted. */
export function MuteModal(props: { open: boolean; selected: AlertRowView[]; busy: boolean; onMute: () => void; onClose: () => void }) {
  const targets = props.selected.filter((r) => r.mute);
  return (
    <Modal
      open={props.open}
      onClose={props.onClose}
      title="Mute these rules?"
      primaryAction={{ content: "Mute", destructive: true, onAction: props.onMute, loading: props.busy, disabled: targets.length === 0 }}
      secondaryActions={[{ content: "Cancel", onAction: props.onClose }]}
    >
      <Modal.Section>
        <BlockStack gap="200">
          <Text as="p">Muted rules raise no alert until you unmute them (Muted tab). The selected alerts resolve now.</Text>
          <ul>
            {targets.map((r) => (
              <li key={r.id}>
                {alertRuleLabel(r.type)} for {r.mute?.label}: {r.message}
              </li>
            ))}
          </ul>
          {props.selected.length > targets.length ? (
            <Text as="p" tone="subdued">
              {plural(props.selected.length - targets.length, "selected alert")} cannot be muted.
            </Text>
          ) : null}
        </BlockStack>
      </Modal.Section>
    </Modal>
  );
}
