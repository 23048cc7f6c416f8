import { Form, useNavigation, useSubmit } from "@remix-run/react";
import { Badge, Banner, BlockStack, Button, Card, FormLayout, InlineGrid, InlineStack, Modal, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { formatDate } from "~/components/format";
import type { ForecastOverrideRow } from "~/utils/forecast-dto";
import { FORECAST_OVERRIDE_MAX_UNITS } from "./override-forms";
import { plural } from "~/utils/plural";
import { CardTitle } from "~/components/CardTitle";
import { DividedList } from "~/components/DividedList";

export interface ForecastOverrideResult {
  ok: boolean;
  error: string | null;
  fieldErrors: Partial<Record<string, string>>;
}

const range = (o: { startDate: string; endDate: string }) => (o.startDate === o.endDate ? formatDate(o.startDate) : `${formatDate(o.startDate)} – ${formatDate(o.endDate)}`);

/**
 * "Override forecast": replace the forecast for a date range at this location with the merchant's units per
 * day (a promotion, a known order, a closure), and the list of overrides with delete (confirmed). Audited.
 */
export function ForecastOverridesCard({
  location,
  overrides,
  window,
  result,
}: {
  location: { id: string; name: string };
  overrides: ForecastOverrideRow[];
  window: { from: string; to: string };
  result: ForecastOverrideResult | undefined;
}) {
  const navigation = useNavigation();
  const submit = useSubmit();
  const [open, setOpen] = useState(false);
  const [startDate, setStartDate] = useState(window.from);
  const [endDate, setEndDate] = useState(window.from);
  const [dailyUnits, setDailyUnits] = useState("");
  const [note, setNote] = useState("");
  const [deleting, setDeleting] = useState<ForecastOverrideRow | null>(null);
  const busy = (intent: string) => navigation.state !== "idle" && navigation.formData?.get("intent") === intent;
  const errors = result?.fieldErrors ?? {};
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center">
          <CardTitle>Forecast overrides</CardTitle>
          {!open && <Button onClick={() => setOpen(true)}>Override forecast</Button>}
        </InlineStack>
        <Text as="p" tone="subdued" variant="bodySm">
          For a promotion, a known large order or a closure: on the chosen days the forecast becomes your units per day, and the
          safety margin measured from history moves with it. Lead-time demand and the suggestion change at the next plan run.
        </Text>
        {result && !result.ok && result.error && !Object.keys(errors).length && <Banner tone="critical">{result.error}</Banner>}
        {open && (
          <Form method="post">
            <input type="hidden" name="intent" value="add_forecast_override" />
            <input type="hidden" name="locationId" value={location.id} />
            <BlockStack gap="300">
              <FormLayout>
                <InlineGrid columns={{ xs: 1, md: 2 }} gap="300">
                  <TextField label="Start date" type="date" name="startDate" value={startDate} onChange={setStartDate} min={window.from} max={window.to} error={errors.startDate} autoComplete="off" />
                  <TextField label="End date" type="date" name="endDate" value={endDate} onChange={setEndDate} min={startDate || window.from} max={window.to} error={errors.endDate} autoComplete="off" />
                </InlineGrid>
                <TextField
                  label={`Units per day at ${location.name}`}
                  type="number"
                  name="dailyUnits"
                  min={0}
                  max={FORECAST_OVERRIDE_MAX_UNITS}
                  step={0.01}
                  value={dailyUnits}
                  onChange={setDailyUnits}
                  error={errors.dailyUnits}
                  helpText={`Dates from ${formatDate(window.from)} to ${formatDate(window.to)} (the forecast horizon). 0 means no sales expected.`}
                  autoComplete="off"
                />
                <TextField label="Note (optional)" name="note" value={note} onChange={setNote} maxLength={500} error={errors.note} placeholder="e.g. Spring sale, 20% off" autoComplete="off" />
              </FormLayout>
              <InlineStack align="end" gap="200">
                <Button onClick={() => setOpen(false)}>Cancel</Button>
                <Button submit variant="primary" loading={busy("add_forecast_override")}>
                  Save override
                </Button>
              </InlineStack>
            </BlockStack>
          </Form>
        )}
        <DividedList items={overrides} empty="No overrides: the forecast is purely statistical.">
          {(o) => (
            <>
              <InlineStack align="space-between" blockAlign="center" gap="200">
                <InlineStack gap="200" blockAlign="center">
                  <Text as="span" fontWeight="semibold">
                    {plural(o.dailyUnits, "unit")}/day
                  </Text>
                  <Text as="span">{range(o)}</Text>
                  {o.expired ? <Badge>Past</Badge> : o.inPlan ? <Badge tone="success">In this plan</Badge> : o.locationId === location.id ? <Badge tone="attention">From next plan</Badge> : null}
                </InlineStack>
                <Button variant="plain" tone="critical" onClick={() => setDeleting(o)} accessibilityLabel={`Delete override ${range(o)}`}>
                  Delete
                </Button>
              </InlineStack>
              <Text as="span" variant="bodySm" tone="subdued">
                {o.location} · by {o.createdBy}
                {o.note ? ` · “${o.note}”` : ""}
              </Text>
            </>
          )}
        </DividedList>
      </BlockStack>
      <Modal
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        title="Delete this forecast override?"
        primaryAction={{
          content: "Delete override",
          destructive: true,
          loading: busy("delete_forecast_override"),
          onAction: () => {
            if (deleting) submit({ intent: "delete_forecast_override", overrideId: deleting.id }, { method: "post" });
            setDeleting(null);
          },
        }}
        secondaryActions={[{ content: "Keep it", onAction: () => setDeleting(null) }]}
      >
        <Modal.Section>
          <Text as="p">
            {deleting
              ? `${plural(deleting.dailyUnits, "unit")}/day at ${deleting.location}, ${range(deleting)}. The forecast goes back to the statistical one at the next plan run. The deletion is recorded in the history.`
              : ""}
          </Text>
        </Modal.Section>
      </Modal>
    </Card>
  );
}
