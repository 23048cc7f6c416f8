import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Button,
  Card,
  ChoiceList,
  EmptyState,
  Filters,
  IndexTable,
  InlineStack,
  Link,
  Modal,
  Page,
  Tabs,
  Text,
  TextField,
  useIndexResourceState,
} from "@shopify/polaris";
import { useEffect, useState } from "react";
import { z } from "zod";
import { requireAdmin } from "~/auth.server";
import { PlanStatusLine } from "~/components/PlanStatusLine";
import { getPlanStatus } from "~/services/planning/plan-status.server";
import { ViewerBanner } from "~/components/ViewerBanner";
import { paginationProps, useUrlFilters } from "~/components/use-url-filters";
import { ALERT_TYPES } from "~/lib/alerts";
import { canChange, guardChange } from "~/services/permissions.server";
import { acknowledge, getAlerts, getMutes, muteAlerts, snoozeDefaults, snoozeUntilDate, unmute } from "~/services/alerts.server";
import { demoClockFromCookieHeader, now as clockNow } from "~/utils/clock.server";
import { env } from "~/utils/env.server";
import { FORM } from "~/utils/form-errors";

const TABS = ["open", "acknowledged", "snoozed", "resolved", "muted"] as const;
const SEVERITIES = ["critical", "warning", "info"] as const;
const PAGE_SIZE = 50;
const querySchema = z.object({
  status: z.enum(TABS).default("open"),
  severity: z.enum(SEVERITIES).optional(),
  type: z.enum(ALERT_TYPES as [string, ...string[]]).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
const ids = z.array(z.string().min(1).max(64)).min(1, "Select at least one alert").max(500);
const actionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("acknowledge"), ids }),
  z.object({ intent: z.literal("snooze"), ids, until: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Choose the date the alert should come back") }),
  z.object({ intent: z.literal("mute"), ids }),
  z.object({ intent: z.literal("unmute"), muteId: z.string().min(1).max(64) }),
]);
/** Every intent this action accepts (the viewer-role test walks them all). */
export const ACTION_INTENTS = [...actionSchema.optionsMap.keys()] as string[];

export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await requireAdmin(request);
  const { shop } = ctx;
  const parsed = querySchema.safeParse(Object.fromEntries([...new URL(request.url).searchParams].filter(([, v]) => v !== "")));
  if (!parsed.success) throw new Response("Invalid filters", { status: 400 });
  const q = parsed.data;
  const now = clockNow(request);
  const listTab = q.status === "muted" ? "open" : q.status;
  const [alerts, mutes, defaults, editable, status] = await Promise.all([
    getAlerts(shop, { tab: listTab, severity: q.severity, type: q.type, page: q.page, pageSize: PAGE_SIZE }, now),
    getMutes(shop),
    snoozeDefaults(shop, now),
    canChange(ctx, request),
    getPlanStatus(shop),
  ]);
  const demoClock = env.demoMode ? (demoClockFromCookieHeader(request.headers.get("Cookie"))?.toISOString() ?? null) : null;
  return json({ ...alerts, mutes, tab: q.status, ...defaults, demoMode: env.demoMode, demoClock, now: now.toISOString(), canChange: editable, status });
}

export async function action({ request }: ActionFunctionArgs) {
  const ctx = await requireAdmin(request);
  const { actor, refusal } = await guardChange(ctx, request);
  if (refusal) return json({ error: refusal, notice: null }, { status: 403 });
  const form = await request.formData();
  const parsed = actionSchema.safeParse(
    {
      intent: form.get("intent"),
      ids: form.getAll("id"),
      until: form.get("until") ?? undefined,
      muteId: form.get("muteId") ?? undefined,
    },
    FORM,
  );
  if (!parsed.success) return json({ error: parsed.error.issues[0]?.message ?? "Invalid request", notice: null }, { status: 400 });
  const input = parsed.data;
  const now = clockNow(request);
  switch (input.intent) {
    case "acknowledge": {
      const { count } = await acknowledge(ctx.shop, input.ids, actor.staffId, now);
      return json({ error: null, notice: `${count} alert${count === 1 ? "" : "s"} acknowledged.` });
    }
    case "snooze": {
      const { error, count } = await snoozeUntilDate(ctx.shop, input.ids, input.until, actor.staffId, now);
      if (error) return json({ error, notice: null }, { status: 400 });
      return json({ error: null, notice: `${count} alert${count === 1 ? "" : "s"} snoozed until ${input.until}.` });
    }
    case "mute": {
      const { added, skipped } = await muteAlerts(ctx.shop, input.ids, actor.staffId, now);
      return json({ error: null, notice: `Muted ${added} rule${added === 1 ? "" : "s"}.${skipped ? ` ${skipped} alert${skipped === 1 ? "" : "s"} cannot be muted.` : ""}` });
    }
    case "unmute": {
      const removed = await unmute(ctx.shop, input.muteId, actor.staffId, now);
      if (!removed) return json({ error: "That mute no longer exists.", notice: null }, { status: 404 });
      return json({ error: null, notice: "Rule unmuted: its alerts come back while the condition persists." });
    }
  }
}

const TONE = { critical: "critical", warning: "warning", info: "info" } as const;
const RULE_LABEL: Record<string, string> = {
  stockout_before_arrival: "Stockout before arrival",
  below_reorder_point: "Below reorder point",
  stocked_out_now: "Out of stock",
  overstock: "Overstock",
  dead_stock: "Dead stock",
  po_overdue: "PO overdue",
  vendor_reliability_dropped: "Vendor reliability dropped",
  demand_anomaly: "Demand anomaly",
  sync_unhealthy: "Sync unhealthy",
};
const ruleLabel = (t: string) => RULE_LABEL[t] ?? t.replace(/_/g, " ");
const tabLabel = (t: (typeof TABS)[number]) => `${t[0].toUpperCase()}${t.slice(1)}`;

export default function AlertsPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { params, update } = useUrlFilters();
  const navigation = useNavigation();
  const submit = useSubmit();
  const { selectedResources, allResourcesSelected, handleSelectionChange, clearSelection } = useIndexResourceState(data.rows);
  useEffect(() => clearSelection(), [data.rows, clearSelection]);
  const [dialog, setDialog] = useState<null | "snooze" | "mute">(null);
  const [until, setUntil] = useState(data.defaultSnoozeDate);
  useEffect(() => setUntil(data.defaultSnoozeDate), [data.defaultSnoozeDate]);
  const busy = navigation.state === "submitting";

  const act = (intent: "acknowledge" | "snooze" | "mute") => {
    const form = new FormData();
    form.set("intent", intent);
    if (intent === "snooze") form.set("until", until);
    for (const id of selectedResources) form.append("id", id);
    submit(form, { method: "post" });
    setDialog(null);
  };
  const selectedTab = Math.max(0, TABS.indexOf(data.tab));
  const severity = params.get("severity");
  const type = params.get("type");
  const selectedRows = data.rows.filter((r) => selectedResources.includes(r.id));
  const muteTargets = selectedRows.filter((r) => r.mute);

  return (
    <Page title="Alerts" subtitle="Raised after each plan run and when stock or orders change; an alert resolves itself when its condition clears.">
      <BlockStack gap="400">
        <ViewerBanner canChange={data.canChange} />
        <PlanStatusLine updatedLabel={data.status.updatedLabel} replanning={data.status.replanning} />
        {data.demoMode ? <DemoClock demoClock={data.demoClock} today={data.today} /> : null}
        {result?.error ? (
          <Banner tone="critical" title="Nothing changed">
            <p>{result.error}</p>
          </Banner>
        ) : result?.notice ? (
          <Banner tone="success">
            <p>{result.notice}</p>
          </Banner>
        ) : null}
        <Card padding="0">
          <Tabs
            tabs={TABS.map((t) => ({ id: t, content: `${tabLabel(t)} (${t === "muted" ? data.mutes.length : data.counts[t]})`, panelID: `${t}-panel` }))}
            selected={selectedTab}
            onSelect={(i) => update({ status: TABS[i] === "open" ? null : TABS[i] })}
          />
          {data.tab === "muted" ? (
            <MutedList mutes={data.mutes} busy={busy} />
          ) : (
            <>
              <div style={{ padding: "8px 12px" }}>
                <Filters
                  queryValue=""
                  hideQueryField
                  onQueryChange={() => undefined}
                  onQueryClear={() => undefined}
                  filters={[
                    {
                      key: "severity",
                      label: "Severity",
                      shortcut: true,
                      filter: (
                        <ChoiceList
                          title="Severity"
                          titleHidden
                          choices={SEVERITIES.map((s) => ({ label: s[0].toUpperCase() + s.slice(1), value: s }))}
                          selected={severity ? [severity] : []}
                          onChange={(v) => update({ severity: v[0] ?? null })}
                        />
                      ),
                    },
                    {
                      key: "type",
                      label: "Rule",
                      shortcut: true,
                      filter: (
                        <ChoiceList
                          title="Rule"
                          titleHidden
                          choices={ALERT_TYPES.map((t) => ({ label: ruleLabel(t), value: t }))}
                          selected={type ? [type] : []}
                          onChange={(v) => update({ type: v[0] ?? null })}
                        />
                      ),
                    },
                  ]}
                  appliedFilters={[
                    ...(severity ? [{ key: "severity", label: `Severity: ${severity}`, onRemove: () => update({ severity: null }) }] : []),
                    ...(type ? [{ key: "type", label: `Rule: ${ruleLabel(type)}`, onRemove: () => update({ type: null }) }] : []),
                  ]}
                  onClearAll={() => update({ severity: null, type: null })}
                />
              </div>
              {data.rows.length === 0 ? (
                <EmptyState heading={data.tab === "open" ? "Nothing needs your attention" : `No ${data.tab} alerts`} image="">
                  <p>
                    Stockcast checks every variant after each plan and whenever stock or orders change: stockouts, items below their reorder point, overstock and
                    dead stock, overdue purchase orders, vendor reliability, unusual demand and sync problems.
                  </p>
                </EmptyState>
              ) : (
                <IndexTable
                  resourceName={{ singular: "alert", plural: "alerts" }}
                  itemCount={data.rows.length}
                  selectedItemsCount={allResourcesSelected ? "All" : selectedResources.length}
                  onSelectionChange={handleSelectionChange}
                  promotedBulkActions={[
                    ...(data.tab === "resolved" ? [] : [{ content: "Acknowledge", onAction: () => act("acknowledge") }]),
                    ...(data.tab === "resolved" ? [] : [{ content: "Snooze…", onAction: () => setDialog("snooze") }]),
                  ]}
                  bulkActions={[{ content: "Mute rule…", onAction: () => setDialog("mute") }]}
                  loading={navigation.state === "loading"}
                  headings={[{ title: "Severity" }, { title: "Alert" }, { title: "Rule" }, { title: data.tab === "snoozed" ? "Snoozed until" : "Last seen" }]}
                  pagination={paginationProps(data, update, "alerts")}
                >
                  {data.rows.map((a, i) => (
                    <IndexTable.Row id={a.id} key={a.id} position={i} selected={selectedResources.includes(a.id)}>
                      <IndexTable.Cell>
                        <Badge tone={TONE[a.severity as keyof typeof TONE]}>{a.severity}</Badge>
                      </IndexTable.Cell>
                      <IndexTable.Cell>
                        <div style={{ whiteSpace: "normal", maxWidth: 640 }}>
                          {a.url ? (
                            <Link url={a.url} removeUnderline>
                              {a.message}
                            </Link>
                          ) : (
                            a.message
                          )}
                        </div>
                      </IndexTable.Cell>
                      <IndexTable.Cell>
                        <Text as="span" tone="subdued">
                          {ruleLabel(a.type)}
                        </Text>
                      </IndexTable.Cell>
                      <IndexTable.Cell>
                        {new Date(data.tab === "snoozed" && a.snoozedUntil ? a.snoozedUntil : a.lastSeenAt).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" })}
                      </IndexTable.Cell>
                    </IndexTable.Row>
                  ))}
                </IndexTable>
              )}
            </>
          )}
        </Card>
      </BlockStack>

      <Modal
        open={dialog === "snooze"}
        onClose={() => setDialog(null)}
        title={`Snooze ${selectedResources.length} alert${selectedResources.length === 1 ? "" : "s"}`}
        primaryAction={{ content: "Snooze", onAction: () => act("snooze"), loading: busy, disabled: !until }}
        secondaryActions={[{ content: "Cancel", onAction: () => setDialog(null) }]}
      >
        <Modal.Section>
          <TextField
            label="Bring back on"
            type="date"
            value={until}
            min={data.today}
            max={data.maxSnoozeDate}
            onChange={setUntil}
            autoComplete="off"
            helpText="The alert leaves the open list and returns on this date if its condition still holds."
          />
        </Modal.Section>
      </Modal>

      <Modal
        open={dialog === "mute"}
        onClose={() => setDialog(null)}
        title="Mute these rules?"
        primaryAction={{ content: "Mute", destructive: true, onAction: () => act("mute"), loading: busy, disabled: muteTargets.length === 0 }}
        secondaryActions={[{ content: "Cancel", onAction: () => setDialog(null) }]}
      >
        <Modal.Section>
          <BlockStack gap="200">
            <Text as="p">Muted rules raise no alert until you unmute them (Muted tab). The selected alerts resolve now.</Text>
            <ul>
              {muteTargets.map((r) => (
                <li key={r.id}>
                  {ruleLabel(r.type)} for {r.mute?.label}: {r.message}
                </li>
              ))}
            </ul>
            {selectedRows.length > muteTargets.length ? <Text as="p" tone="subdued">{selectedRows.length - muteTargets.length} selected alert(s) cannot be muted.</Text> : null}
          </BlockStack>
        </Modal.Section>
      </Modal>
    </Page>
  );
}

function MutedList({ mutes, busy }: { mutes: { id: string; ruleType: string; entityType: string; subject: string; createdBy: string; createdAt: string }[]; busy: boolean }) {
  if (mutes.length === 0)
    return (
      <EmptyState heading="No muted rules" image="">
        <p>Select alerts and choose “Mute rule…” to silence a rule for one variant, vendor or the whole store.</p>
      </EmptyState>
    );
  return (
    <IndexTable
      resourceName={{ singular: "muted rule", plural: "muted rules" }}
      itemCount={mutes.length}
      selectable={false}
      headings={[{ title: "Rule" }, { title: "For" }, { title: "Muted" }, { title: "" }]}
    >
      {mutes.map((m, i) => (
        <IndexTable.Row id={m.id} key={m.id} position={i}>
          <IndexTable.Cell>{ruleLabel(m.ruleType)}</IndexTable.Cell>
          <IndexTable.Cell>
            {m.subject}{" "}
            <Text as="span" tone="subdued">
              ({m.entityType})
            </Text>
          </IndexTable.Cell>
          <IndexTable.Cell>
            {new Date(m.createdAt).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" })} by {m.createdBy}
          </IndexTable.Cell>
          <IndexTable.Cell>
            <Form method="post">
              <input type="hidden" name="intent" value="unmute" />
              <input type="hidden" name="muteId" value={m.id} />
              <Button submit size="slim" loading={busy} accessibilityLabel={`Unmute ${ruleLabel(m.ruleType)} for ${m.subject}`}>
                Unmute
              </Button>
            </Form>
          </IndexTable.Cell>
        </IndexTable.Row>
      ))}
    </IndexTable>
  );
}

/** Demo mode only: move "now" to show a snoozed alert coming back. */
function DemoClock({ demoClock, today }: { demoClock: string | null; today: string }) {
  const [at, setAt] = useState(today);
  return (
    <Card>
      <Form method="post" action="/app/demo-clock">
        <input type="hidden" name="redirectTo" value="/app/alerts" />
        <InlineStack gap="300" blockAlign="end">
          <div style={{ minWidth: 200 }}>
            <TextField label="Demo clock" name="at" type="date" value={at} onChange={setAt} autoComplete="off" />
          </div>
          <Button submit>Move clock</Button>
          <Text as="span" tone="subdued">
            {demoClock ? `Demo time: ${demoClock.slice(0, 10)} (demo only)` : "Real time"}
          </Text>
        </InlineStack>
      </Form>
      {demoClock ? (
        <Form method="post" action="/app/demo-clock">
          <input type="hidden" name="redirectTo" value="/app/alerts" />
          <input type="hidden" name="at" value="" />
          <Button submit variant="plain">
            Back to real time
          </Button>
        </Form>
      ) : null}
    </Card>
  );
}
