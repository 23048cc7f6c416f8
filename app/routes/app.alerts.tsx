import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { Banner, BlockStack, Card, Page, SkeletonBodyText, Tabs, useIndexResourceState } from "@shopify/polaris";
import { useEffect, useState } from "react";
import { z } from "zod";
import { requireAdmin } from "~/auth.server";
import { AlertFilters, isFiltered, SEVERITIES } from "~/components/alerts/AlertFilters";
import { MuteModal, SnoozeModal } from "~/components/alerts/AlertDialogs";
import { AlertsEmpty } from "~/components/alerts/AlertsEmpty";
import { AlertsTable } from "~/components/alerts/AlertsTable";
import { DemoClock } from "~/components/alerts/DemoClock";
import { GroupTable } from "~/components/alerts/GroupTable";
import { MutedList } from "~/components/alerts/MutedList";
import { PlanStatusLine } from "~/components/PlanStatusLine";
import { getPlanStatus } from "~/services/planning/plan-status.server";
import { ViewerBanner } from "~/components/ViewerBanner";
import { paginationProps, useUrlFilters } from "~/components/use-url-filters";
import { ALERT_TYPES } from "~/lib/alerts";
import { canChange, guardChange } from "~/services/permissions.server";
import { acknowledge, createDraftFromAlertGroup, getAlerts, getMutes, muteAlerts, snoozeDefaults, snoozeUntilDate, unmute } from "~/services/alerts/inbox.server";
import { HTTP_STATUS, isPurchaseOrderError } from "~/services/purchase-orders/errors";
import { demoClockFromCookieHeader, now as clockNow } from "~/utils/clock.server";
import { env } from "~/utils/env.server";
import { FORM } from "~/utils/form-errors";

const TABS = ["open", "acknowledged", "snoozed", "resolved", "muted"] as const;
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

const tabLabel = (t: (typeof TABS)[number]) => `${t[0].toUpperCase()}${t.slice(1)}`;

export default function AlertsPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const urlFilters = useUrlFilters();
  const { params, update, setSearch } = urlFilters;
  const navigation = useNavigation();
  const submit = useSubmit();
  const selection = useIndexResourceState(data.rows);
  const { selectedResources, clearSelection } = selection;
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
  const filtered = isFiltered(params);
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
              <AlertFilters urlFilters={urlFilters} vendors={data.vendors} locations={data.locations} group={data.group} onClearFilters={clearFilters} />
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
                <AlertsTable
                  rows={data.rows}
                  tab={data.tab}
                  loading={loading}
                  selection={selection}
                  onAct={act}
                  onDialog={setDialog}
                  pagination={paginationProps(data, update, "alerts")}
                />
              )}
            </>
          )}
        </Card>
      </BlockStack>

      <SnoozeModal
        open={dialog === "snooze"}
        count={selectedResources.length}
        until={until}
        min={data.today}
        max={data.maxSnoozeDate}
        busy={busy}
        onChange={setUntil}
        onSnooze={() => act("snooze")}
        onClose={() => setDialog(null)}
      />
      <MuteModal open={dialog === "mute"} selected={data.rows.filter((r) => selectedResources.includes(r.id))} busy={busy} onMute={() => act("mute")} onClose={() => setDialog(null)} />
    </Page>
  );
}
