import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigate, useNavigation, useSubmit } from "@remix-run/react";
import { Banner, BlockStack, Card, ChoiceList, EmptyState, Filters, IndexTable, InlineStack, Page, Select, Tabs, Text } from "@shopify/polaris";
import { z } from "zod";
import { requireAdmin } from "~/auth.server";
import { replanSoon } from "~/jobs/replan-soon.server";
import { useUrlFilters } from "~/components/use-url-filters";
import { formatDate } from "~/components/format";
import { DemoPersonaSwitcher } from "~/components/po/DemoPersonaSwitcher";
import { OverdueBadge } from "~/components/po/OverdueBadge";
import { PoSourceBadge, PoStatusBadge } from "~/components/po/PoStatusBadge";
import { PO_STATUS_TABS, formatMoney } from "~/components/po/format";
import { createDraftPurchaseOrders, draftMatchingLines } from "~/services/purchase-orders/create-drafts.server";
import { ActionBusyError, busyHeaders, singleFlight } from "~/services/single-flight.server";
import { HTTP_STATUS, isPurchaseOrderError } from "~/services/purchase-orders/errors";
import { demoStaffFromCookieHeader, demoStaffSetCookie, guardChange, resolveActor } from "~/services/permissions.server";
import { getPurchaseOrderList } from "~/services/purchase-orders/queries.server";
import { PO_STATUSES } from "~/services/purchase-orders/state-machine";
import { now as clockNow } from "~/utils/clock.server";
import { FORM } from "~/utils/form-errors";
import { NumberCell } from "~/components/NumberCell";

const PAGE_SIZE = 25;
const querySchema = z.object({
  status: z.enum(PO_STATUSES).optional(),
  vendor: z.string().max(64).optional(),
  overdue: z.enum(["true"]).optional(),
  sort: z.enum(["newest", "expected_asc", "expected_desc"]).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await requireAdmin(request);
  const params = Object.fromEntries([...new URL(request.url).searchParams].filter(([, v]) => v !== ""));
  const parsed = querySchema.safeParse(params);
  if (!parsed.success) throw new Response("Invalid filters", { status: 400 });
  const q = parsed.data;
  const [list, { actor, personas }] = await Promise.all([
    getPurchaseOrderList(ctx.shop, { status: q.status, vendorId: q.vendor, overdue: q.overdue === "true", sort: q.sort, page: q.page, pageSize: PAGE_SIZE }, clockNow(request)),
    resolveActor(ctx.shop, ctx, demoStaffFromCookieHeader(request.headers.get("Cookie"))),
  ]);
  return json({ ...list, status: q.status ?? null, overdue: q.overdue === "true", sort: q.sort ?? "newest", personas, actorStaffId: actor.staffId });
}

const actionSchema = z.discriminatedUnion("intent", [
  // Posted by the Replenishment screen: draft POs from the selected plan lines.
  // separate: a new PO per vendor × destination instead of adding to that pair's open draft.
  z.object({ intent: z.literal("create_from_plan"), lineIds: z.array(z.string().min(1).max(64)).min(1).max(5_000), separate: z.enum(["true"]).optional() }),
  // "Select all N matching lines": the server resolves the Replenishment filters (its query string) to lines.
  z.object({ intent: z.literal("create_from_matching"), query: z.string().max(2_000), separate: z.enum(["true"]).optional() }),
  z.object({ intent: z.literal("switch_persona"), staffId: z.string().min(1).max(200) }),
]);
/** Every intent this action accepts (the viewer-role test walks them all). */
export const ACTION_INTENTS = [...actionSchema.optionsMap.keys()] as string[];

export async function action({ request }: ActionFunctionArgs) {
  const ctx = await requireAdmin(request);
  const form = await request.formData();
  // Switching the demo persona only sets a cookie: a viewer must be able to switch back.
  if (form.get("intent") !== "switch_persona") {
    const { refusal } = await guardChange(ctx, request);
    if (refusal) return json({ error: refusal }, { status: 403 });
  }
  const parsed = actionSchema.safeParse(
    { intent: form.get("intent"), lineIds: form.getAll("lineId"), query: form.get("query") ?? undefined, staffId: form.get("staffId"), separate: form.get("separate") ?? undefined },
    FORM,
  );
  // Answered as data: Replenishment posts here with a fetcher and shows the error beside its selection.
  if (!parsed.success) return json({ error: parsed.error.issues[0]?.message ?? "Invalid form" }, { status: 400 });
  const input = parsed.data;
  if (input.intent === "switch_persona") {
    if (ctx.mode !== "demo") throw new Response("Only in demo mode", { status: 400 });
    return redirect(new URL(request.url).pathname + new URL(request.url).search, { headers: { "Set-Cookie": demoStaffSetCookie(input.staffId) } });
  }
  const { actor } = await resolveActor(ctx.shop, ctx, demoStaffFromCookieHeader(request.headers.get("Cookie")));
  const options = { separate: input.separate === "true" };
  try {
    const created =
      input.intent === "create_from_plan"
        ? await createDraftPurchaseOrders(ctx.shop, actor, input.lineIds, options)
        : await singleFlight(ctx.shop, "draft", () => draftMatchingLines(ctx.shop, actor, input.query, options));
    await replanSoon(ctx.shop);
    return redirect(created.length === 1 ? `/app/purchase-orders/${created[0].id}` : "/app/purchase-orders?status=draft");
  } catch (error) {
    if (isPurchaseOrderError(error)) return json({ error: error.message }, { status: HTTP_STATUS[error.code] });
    if (error instanceof ActionBusyError) return json({ error: error.message }, { status: 429, headers: busyHeaders(error) });
    throw error;
  }
}

const TABS = [...PO_STATUS_TABS, { id: "all", label: "All" }];
const SORTS = [
  { label: "Newest first", value: "newest" },
  { label: "Expected date, soonest first", value: "expected_asc" },
  { label: "Expected date, latest first", value: "expected_desc" },
];

export default function PurchaseOrdersPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { params, update } = useUrlFilters();
  const navigation = useNavigation();
  const navigate = useNavigate();
  const submit = useSubmit();

  const selectedTab = Math.max(0, TABS.findIndex((t) => t.id === (data.status ?? "all")));
  const allCount = Object.values(data.statusCounts).reduce((s, n) => s + n, 0);
  const tabs = TABS.map((t) => ({
    id: t.id,
    content: `${t.label} (${t.id === "all" ? allCount : (data.statusCounts[t.id] ?? 0)})`,
    panelID: `${t.id}-panel`,
  }));
  const vendorName = data.vendors.find((v) => v.id === params.get("vendor"))?.name;
  const lastPage = Math.max(1, Math.ceil(data.total / data.pageSize));
  const personaSwitcher = (
    <DemoPersonaSwitcher
      personas={data.personas}
      current={data.actorStaffId}
      onChange={(staffId) => submit({ intent: "switch_persona", staffId }, { method: "post" })}
    />
  );

  if (allCount === 0 && !params.get("vendor")) {
    return (
      <Page title="Purchase orders">
        <BlockStack gap="400">
          {actionData?.error && <Banner tone="critical">{actionData.error}</Banner>}
          <Card>
            <EmptyState heading="No purchase orders yet" action={{ content: "Go to Replenishment", url: "/app/replenishment" }} image="">
              <p>Select lines on the Replenishment screen to draft purchase orders, one per vendor and location. Approve, send and receive them here.</p>
            </EmptyState>
          </Card>
        </BlockStack>
      </Page>
    );
  }

  return (
    <Page title="Purchase orders" subtitle="Drafted from the plan, approved, sent and received" secondaryActions={[{ content: "Draft from Replenishment", url: "/app/replenishment" }]}>
      <BlockStack gap="400">
        {actionData?.error && <Banner tone="critical">{actionData.error}</Banner>}
        {data.personas.length > 0 && <InlineStack align="end">{personaSwitcher}</InlineStack>}
        <Card padding="0">
          <Tabs tabs={tabs} selected={selectedTab} onSelect={(i) => update({ status: TABS[i].id === "all" ? null : TABS[i].id })} />
          <div style={{ padding: "8px 12px" }}>
            <Filters
              queryValue=""
              hideQueryField
              onQueryChange={() => undefined}
              onQueryClear={() => undefined}
              filters={[
                {
                  key: "vendor",
                  label: "Vendor",
                  shortcut: true,
                  filter: (
                    <ChoiceList
                      title="Vendor"
                      titleHidden
                      choices={data.vendors.map((v) => ({ label: v.name, value: v.id }))}
                      selected={params.get("vendor") ? [params.get("vendor")!] : []}
                      onChange={(v) => update({ vendor: v[0] ?? null })}
                    />
                  ),
                },
                {
                  key: "overdue",
                  label: `Overdue (${data.overdueCount})`,
                  shortcut: true,
                  filter: (
                    <ChoiceList
                      title="Overdue"
                      titleHidden
                      choices={[{ label: "Only overdue purchase orders (sent, past their expected date or ETA)", value: "true" }]}
                      selected={data.overdue ? ["true"] : []}
                      onChange={(v) => update({ overdue: v[0] ?? null })}
                    />
                  ),
                },
              ]}
              appliedFilters={[
                ...(params.get("vendor") ? [{ key: "vendor", label: `Vendor: ${vendorName ?? "?"}`, onRemove: () => update({ vendor: null }) }] : []),
                ...(data.overdue ? [{ key: "overdue", label: "Overdue", onRemove: () => update({ overdue: null }) }] : []),
              ]}
              onClearAll={() => update({ vendor: null, overdue: null })}
            >
              <div style={{ minWidth: 240 }}>
                <Select label="Sort" labelInline options={SORTS} value={data.sort} onChange={(v) => update({ sort: v === "newest" ? null : v })} />
              </div>
            </Filters>
          </div>
          <IndexTable
            resourceName={{ singular: "purchase order", plural: "purchase orders" }}
            itemCount={data.rows.length}
            selectable={false}
            loading={navigation.state === "loading"}
            emptyState={
              <EmptyState heading="No purchase orders here" image="">
                <p>
                  Nothing {data.overdue ? "overdue " : ""}matches this status{vendorName ? ` for ${vendorName}` : ""}.
                </p>
              </EmptyState>
            }
            headings={[
              { title: "Number" },
              { title: "Vendor" },
              { title: "Destination" },
              { title: "Status" },
              { title: "Expected" },
              { title: "Lines", alignment: "end" },
              { title: "Units", alignment: "end" },
              { title: "Total", alignment: "end" },
            ]}
            pagination={{
              hasPrevious: data.page > 1,
              hasNext: data.page < lastPage,
              onPrevious: () => update({ page: String(data.page - 1) }),
              onNext: () => update({ page: String(data.page + 1) }),
              label: `Page ${data.page} of ${lastPage} · ${data.total.toLocaleString("en-US")} purchase orders`,
            }}
          >
            {data.rows.map((row, index) => (
              <IndexTable.Row id={row.id} key={row.id} position={index} onClick={() => navigate(`/app/purchase-orders/${row.id}`)}>
                <IndexTable.Cell>
                  <InlineStack gap="200" blockAlign="center" wrap={false}>
                    <Text as="span" fontWeight="semibold">
                      {row.number}
                    </Text>
                    <PoSourceBadge source={row.source} />
                  </InlineStack>
                </IndexTable.Cell>
                <IndexTable.Cell>{row.vendor}</IndexTable.Cell>
                <IndexTable.Cell>{row.destination}</IndexTable.Cell>
                <IndexTable.Cell>
                  <PoStatusBadge status={row.status} />
                </IndexTable.Cell>
                <IndexTable.Cell>
                  <InlineStack gap="200" blockAlign="center" wrap={false}>
                    <Text as="span">{row.expectedAt ? formatDate(row.expectedAt) : "—"}</Text>
                    <OverdueBadge daysLate={row.daysLate} />
                  </InlineStack>
                  {row.confirmedEta && (
                    <Text as="span" variant="bodySm" tone="subdued">
                      Vendor ETA {formatDate(row.confirmedEta)}
                    </Text>
                  )}
                </IndexTable.Cell>
                <NumberCell>{row.lineCount}</NumberCell>
                <NumberCell>{row.units.toLocaleString("en-US")}</NumberCell>
                <NumberCell>{formatMoney(row.total, row.currency)}</NumberCell>
              </IndexTable.Row>
            ))}
          </IndexTable>
        </Card>
      </BlockStack>
    </Page>
  );
}
