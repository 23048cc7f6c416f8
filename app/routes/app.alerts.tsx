import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
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
  Select,
  SkeletonBodyText,
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
import { acknowledge, createDraftFromAlertGroup, getAlerts, getMutes, muteAlerts, snoozeDefaults, snoozeUntilDate, unmute, type AlertGroupDto } from "~/services/alerts.server";
import { HTTP_STATUS, isPurchaseOrderError } from "~/services/purchase-orders/errors";
import { demoClockFromCookieHeader, now as clockNow } from "~/utils/clock.server";
import { env } from "~/utils/env.server";
import { FORM } from "~/utils/form-errors";
import { plural } from "~/utils/plural";
import { useShopTime } from "~/components/shop-time";

const TABS = ["open", "acknowledged", "snoozed", "resolved", "muted"] as const;
const SEVERITIES = ["critical", "warning", "info"] as const;
const PAGE_SIZE = 50;
const GROUPINGS = ["place", "rule", "none"] as const;
const id = z.string().min(1).max(64);
const querySchema = z.object({
  status: z.enum(TABS).default("open"),
  severity: z.enum(SEVERITIES).optional(),
  type: z.enum(ALERT_TYPES as [string, ...string[]]).optional(),
  vendor: id.optional(),
  location: id.optional(),
  q: z.string().trim().max(100).optional(),
  // Grouped by vendor × location unless a group was opened (or "none" chosen): then the alerts themselves.
  group: z.enum(GROUPINGS).default("place"),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
const ids = z.array(z.string().min(1).max(64)).min(1, "Select at least one alert").max(500);
const actionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("acknowledge"), ids }),
  z.object({ intent: z.literal("snooze"), ids, until: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Choose the date the alert should come back") }),
  z.object({ intent: z.literal("mute"), ids }),
  z.object({ intent: z.literal("unmute"), muteId: z.string().min(1).max(64) }),
  z.object({ intent: z.literal("create_po"), vendorId: id, locationId: id }),
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
    getAlerts(
      shop,
      { tab: listTab, severity: q.severity, type: q.type, vendorId: q.vendor, locationId: q.location, search: q.q || undefined, group: q.group, page: q.page, pageSize: PAGE_SIZE },
      now,
    ),
    getMutes(shop),
    snoozeDefaults(shop, now),
    canChange(ctx, request),
    getPlanStatus(shop),
  ]);
  const demoClock = env.demoMode ? (demoClockFromCookieHeader(request.headers.get("Cookie"))?.toISOString() ?? null) : null;
  return json({ ...alerts, mutes, tab: q.status, group: q.group, ...defaults, demoMode: env.demoMode, demoClock, now: now.toISOString(), canChange: editable, status });
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
      vendorId: form.get("vendorId") ?? undefined,
      locationId: form.get("locationId") ?? undefined,
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
    case "create_po": {
      try {
        const created = await createDraftFromAlertGroup(ctx.shop, actor, { vendorId: input.vendorId, locationId: input.locationId }, now);
        return redirect(created.length === 1 ? `/app/purchase-orders/${created[0].id}` : "/app/purchase-orders?status=draft");
      } catch (error) {
        if (isPurchaseOrderError(error)) return json({ error: error.message, notice: null }, { status: HTTP_STATUS[error.code] });
        throw error;
      }
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
  below_reorder_point: "Order now",
  stockout_before_arrival: "Stockout before arrival (retired)",
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
  const time = useShopTime();
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { params, update, search, setSearch } = useUrlFilters();
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
  const loading = navigation.state === "loading";
  const creating = navigation.state !== "idle" && navigation.formData?.get("intent") === "create_po";
  const choice = (key: string, label: string, choices: { label: string; value: string }[]) => ({
    key,
    label,
    shortcut: true,
    filter: <ChoiceList title={label} titleHidden choices={choices} selected={params.get(key) ? [params.get(key)!] : []} onChange={(v) => update({ [key]: v[0] ?? null })} />,
  });
  const filters = [
    choice("severity", "Severity", SEVERITIES.map((s) => ({ label: s[0].toUpperCase() + s.slice(1), value: s }))),
    choice("type", "Rule", ALERT_TYPES.map((t) => ({ label: ruleLabel(t), value: t }))),
    choice("vendor", "Vendor", [...data.vendors.map((v) => ({ label: v.name, value: v.id })), { label: "No vendor", value: "none" }]),
    choice("location", "Location", [...data.locations.map((l) => ({ label: l.name, value: l.id })), { label: "Not about a location", value: "none" }]),
  ];
  const valueName = (key: string, value: string) =>
    key === "type"
      ? ruleLabel(value)
      : key === "vendor"
        ? (data.vendors.find((v) => v.id === value)?.name ?? (value === "none" ? "No vendor" : "?"))
        : key === "location"
          ? (data.locations.find((l) => l.id === value)?.name ?? (value === "none" ? "Not about a location" : "?"))
          : value;
  const FILTER_KEYS = ["severity", "type", "vendor", "location"] as const;
  const appliedFilters = FILTER_KEYS.filter((k) => params.get(k)).map((k) => ({
    key: k,
    label: `${filters.find((f) => f.key === k)!.label}: ${valueName(k, params.get(k)!)}`,
    onRemove: () => update({ [k]: null }),
  }));
  const filtered = appliedFilters.length > 0 || Boolean(params.get("q"));
  const clearFilters = () => {
    setSearch("");
    update({ severity: null, type: null, vendor: null, location: null, q: null });
  };
  // A vendor × location group opened from the groups: order its "order now" lines from here too.
  const openedVendor = params.get("vendor");
  const openedLocation = params.get("location");
  const openedGroup =
    data.tab === "open" && data.group === "none" && openedVendor && openedLocation && openedVendor !== "none" && openedLocation !== "none" && data.rows.some((r) => r.type === "below_reorder_point");
  const createPoForOpenedGroup = () => submit({ intent: "create_po", vendorId: openedVendor ?? "", locationId: openedLocation ?? "" }, { method: "post" });
  const emptyHeading = filtered ? "No alerts match these filters" : data.tab === "open" ? "Nothing needs your attention" : `No ${data.tab} alerts`;
  const selectedRows = data.rows.filter((r) => selectedResources.includes(r.id));
  const muteTargets = selectedRows.filter((r) => r.mute);

  return (
    <Page
      title="Alerts"
      subtitle="What needs action now, raised after each plan run and when stock or orders change; an alert resolves itself when its condition clears."
      primaryAction={openedGroup ? { content: "Create draft PO", onAction: createPoForOpenedGroup, loading: creating, disabled: !data.canChange } : undefined}
    >
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
                <InlineStack gap="300" align="space-between" blockAlign="center" wrap={false}>
                  <div style={{ flex: 1 }}>
                    <Filters
                      queryValue={search}
                      queryPlaceholder="Search product, variant, SKU or location"
                      onQueryChange={setSearch}
                      onQueryClear={() => setSearch("")}
                      filters={filters}
                      appliedFilters={appliedFilters}
                      onClearAll={clearFilters}
                    />
                  </div>
                  <Select label="Group by" labelInline options={GROUP_OPTIONS} value={data.group} onChange={(v) => update({ group: v === "place" ? null : v })} />
                </InlineStack>
              </div>
              {loading && data.rows.length === 0 && data.groups.length === 0 ? (
                <div style={{ padding: 16 }}>
                  <SkeletonBodyText lines={6} />
                </div>
              ) : data.group !== "none" ? (
                <GroupTable
                  groups={data.groups}
                  grouping={data.group}
                  loading={loading}
                  canChange={data.canChange && data.tab === "open"}
                  creating={creating}
                  filtered={filtered}
                  emptyHeading={emptyHeading}
                  onOpen={(g) => update(g.type ? { group: "none", type: g.type } : { group: "none", vendor: g.vendorId ?? "none", location: g.locationId ?? "none" })}
                  onClearFilters={clearFilters}
                  pagination={paginationProps(data, update, data.group === "place" ? "vendor × location groups" : "rules")}
                />
              ) : null}
              {data.group !== "none" ? null : data.rows.length === 0 ? (
                <AlertsEmpty heading={emptyHeading} filtered={filtered} onClearFilters={clearFilters} />
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
                  loading={loading}
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
                        {time(data.tab === "snoozed" && a.snoozedUntil ? a.snoozedUntil : a.lastSeenAt, "day")}
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
            {selectedRows.length > muteTargets.length ? <Text as="p" tone="subdued">{plural(selectedRows.length - muteTargets.length, "selected alert")} cannot be muted.</Text> : null}
          </BlockStack>
        </Modal.Section>
      </Modal>
    </Page>
  );
}

const GROUP_OPTIONS = [
  { label: "Vendor and location", value: "place" },
  { label: "Rule", value: "rule" },
  { label: "No grouping", value: "none" },
];

function AlertsEmpty({ heading, filtered, onClearFilters }: { heading: string; filtered: boolean; onClearFilters: () => void }) {
  return (
    <EmptyState heading={heading} image="" action={filtered ? { content: "Clear filters", onAction: onClearFilters } : undefined}>
      <p>
        {filtered
          ? "Try another search, or remove a filter."
          : "Stockcast checks every variant after each plan and whenever stock or orders change: items to order now, stockouts, overstock still being ordered, dead stock, overdue purchase orders, vendor reliability, unusual demand and sync problems."}
      </p>
    </EmptyState>
  );
}

/** Alerts counted per vendor × location (with "Create draft PO") or per rule; opening a group lists its alerts. */
function GroupTable(props: {
  groups: AlertGroupDto[];
  grouping: "place" | "rule";
  loading: boolean;
  canChange: boolean;
  creating: boolean;
  filtered: boolean;
  emptyHeading: string;
  onOpen: (g: AlertGroupDto) => void;
  onClearFilters: () => void;
  pagination: ReturnType<typeof paginationProps>;
}) {
  const { groups, grouping } = props;
  if (groups.length === 0) return <AlertsEmpty heading={props.emptyHeading} filtered={props.filtered} onClearFilters={props.onClearFilters} />;
  return (
    <IndexTable
      resourceName={{ singular: "group", plural: "groups" }}
      itemCount={groups.length}
      selectable={false}
      loading={props.loading}
      headings={[{ title: grouping === "place" ? "Vendor · location" : "Rule" }, { title: "Alerts" }, { title: "" }]}
      pagination={props.pagination}
    >
      {groups.map((g, i) => {
        const title = grouping === "rule" ? ruleLabel(g.type ?? "") : g.title;
        const orderable = grouping === "place" && g.orderNow > 0 && g.vendorId !== null && g.locationId !== null;
        return (
          <IndexTable.Row id={g.key} key={g.key} position={i}>
            <IndexTable.Cell>
              <Button variant="plain" onClick={() => props.onOpen(g)} accessibilityLabel={`Show the ${plural(g.total, "alert")} of ${title}`}>
                {title}
              </Button>
            </IndexTable.Cell>
            <IndexTable.Cell>
              <InlineStack gap="100">
                {g.critical ? <Badge tone="critical">{`${g.critical} critical`}</Badge> : null}
                {g.warning ? <Badge tone="warning">{`${g.warning} warning`}</Badge> : null}
                {g.info ? <Badge tone="info">{`${g.info} info`}</Badge> : null}
                {grouping === "place" && g.orderNow ? (
                  <Text as="span" tone="subdued">
                    {`${g.orderNow} to order now`}
                  </Text>
                ) : null}
              </InlineStack>
            </IndexTable.Cell>
            <IndexTable.Cell>
              {orderable ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="create_po" />
                  <input type="hidden" name="vendorId" value={g.vendorId!} />
                  <input type="hidden" name="locationId" value={g.locationId!} />
                  <Button submit size="slim" disabled={!props.canChange} loading={props.creating} accessibilityLabel={`Create draft PO for ${title}`}>
                    Create draft PO
                  </Button>
                </Form>
              ) : null}
            </IndexTable.Cell>
          </IndexTable.Row>
        );
      })}
    </IndexTable>
  );
}

function MutedList({ mutes, busy }: { mutes: { id: string; ruleType: string; entityType: string; subject: string; createdBy: string; createdAt: string }[]; busy: boolean }) {
  const time = useShopTime();
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
            {time(m.createdAt, "day")} by {m.createdBy}
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
