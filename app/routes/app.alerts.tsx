import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { Badge, Card, ChoiceList, EmptyState, Filters, IndexTable, Link, Page, Tabs, Text, useIndexResourceState } from "@shopify/polaris";
import { useEffect } from "react";
import { z } from "zod";
import { requireAdmin } from "~/auth.server";
import { paginationProps, useUrlFilters } from "~/components/use-url-filters";
import { acknowledge, getAlerts, snooze } from "~/services/alerts.server";

const TABS = ["open", "acknowledged", "snoozed", "resolved"] as const;
const SEVERITIES = ["critical", "warning", "info"] as const;
const PAGE_SIZE = 50;
const querySchema = z.object({
  status: z.enum(TABS).default("open"),
  severity: z.enum(SEVERITIES).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
const actionSchema = z.object({
  intent: z.enum(["acknowledge", "snooze"]),
  ids: z.array(z.string().min(1).max(64)).min(1, "Select at least one alert").max(500),
  days: z.coerce.number().int().min(1).max(90).default(7),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const { shop } = await requireAdmin(request);
  const parsed = querySchema.safeParse(Object.fromEntries([...new URL(request.url).searchParams].filter(([, v]) => v !== "")));
  if (!parsed.success) throw new Response("Invalid filters", { status: 400 });
  const q = parsed.data;
  return json({ ...(await getAlerts(shop, { tab: q.status, severity: q.severity, page: q.page, pageSize: PAGE_SIZE })), tab: q.status });
}

export async function action({ request }: ActionFunctionArgs) {
  const ctx = await requireAdmin(request);
  const form = await request.formData();
  const parsed = actionSchema.safeParse({ intent: form.get("intent"), ids: form.getAll("id"), days: form.get("days") ?? undefined });
  if (!parsed.success) return json({ error: parsed.error.issues[0]?.message ?? "Invalid request" }, { status: 400 });
  const { intent, ids, days } = parsed.data;
  if (intent === "acknowledge") await acknowledge(ctx.shop, ids, ctx.staffId);
  else await snooze(ctx.shop, ids, new Date(Date.now() + days * 86_400_000));
  return json({ error: null });
}

const TONE = { critical: "critical", warning: "warning", info: "info" } as const;

export default function AlertsPage() {
  const data = useLoaderData<typeof loader>();
  const { params, update } = useUrlFilters();
  const navigation = useNavigation();
  const submit = useSubmit();
  const { selectedResources, allResourcesSelected, handleSelectionChange, clearSelection } = useIndexResourceState(data.rows);
  useEffect(() => clearSelection(), [data.rows, clearSelection]);
  const act = (intent: "acknowledge" | "snooze") => {
    const form = new FormData();
    form.set("intent", intent);
    for (const id of selectedResources) form.append("id", id);
    submit(form, { method: "post" });
  };
  const selectedTab = Math.max(0, TABS.indexOf(data.tab));
  const severity = params.get("severity");
  return (
    <Page title="Alerts" subtitle="Raised after each plan run; an alert resolves itself when its condition clears.">
      <Card padding="0">
        <Tabs
          tabs={TABS.map((t) => ({ id: t, content: `${t[0].toUpperCase()}${t.slice(1)} (${data.counts[t]})`, panelID: `${t}-panel` }))}
          selected={selectedTab}
          onSelect={(i) => update({ status: TABS[i] === "open" ? null : TABS[i] })}
        />
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
            ]}
            appliedFilters={severity ? [{ key: "severity", label: `Severity: ${severity}`, onRemove: () => update({ severity: null }) }] : []}
            onClearAll={() => update({ severity: null })}
          />
        </div>
        {data.rows.length === 0 ? (
          <EmptyState heading={data.tab === "open" ? "Nothing needs your attention" : `No ${data.tab} alerts`} image="">
            <p>Stockcast checks every variant after each plan: stockouts before an order could arrive, items below their reorder point, overstock and overdue purchase orders.</p>
          </EmptyState>
        ) : (
          <IndexTable
            resourceName={{ singular: "alert", plural: "alerts" }}
            itemCount={data.rows.length}
            selectedItemsCount={allResourcesSelected ? "All" : selectedResources.length}
            onSelectionChange={handleSelectionChange}
            promotedBulkActions={[
              { content: "Acknowledge", onAction: () => act("acknowledge") },
              { content: "Snooze 7 days", onAction: () => act("snooze") },
            ]}
            loading={navigation.state === "loading"}
            headings={[{ title: "Severity" }, { title: "Alert" }, { title: "Type" }, { title: "Last seen" }]}
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
                    {a.type.replace(/_/g, " ")}
                  </Text>
                </IndexTable.Cell>
                <IndexTable.Cell>{new Date(a.lastSeenAt).toLocaleDateString("en-US", { month: "short", day: "numeric" })}</IndexTable.Cell>
              </IndexTable.Row>
            ))}
          </IndexTable>
        )}
      </Card>
    </Page>
  );
}
