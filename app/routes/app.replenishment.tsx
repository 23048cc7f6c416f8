import { useEffect } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import {
  Badge,
  BlockStack,
  Card,
  ChoiceList,
  EmptyState,
  Filters,
  IndexTable,
  InlineStack,
  Page,
  Select,
  Tabs,
  Text,
  useIndexResourceState,
} from "@shopify/polaris";
import { z } from "zod";
import { requireAdmin } from "~/auth.server";
import { paginationProps, useUrlFilters } from "~/components/use-url-filters";
import { URGENCY_TONE, formatDate, formatDays } from "~/components/format";
import { REPLENISHMENT_SORTS, URGENCIES } from "~/utils/planning-options";
import { planShop } from "~/services/planning/plan-shop.server";
import { getReplenishment } from "~/services/replenishment.server";

const PAGE_SIZE = 50;
const querySchema = z.object({
  urgency: z.enum(URGENCIES).optional(),
  vendor: z.string().max(64).optional(),
  location: z.string().max(64).optional(),
  abc: z.enum(["A", "B", "C"]).optional(),
  q: z.string().trim().max(100).optional(),
  sort: z.enum(REPLENISHMENT_SORTS).default("stockout"),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const { shop } = await requireAdmin(request);
  const params = Object.fromEntries([...new URL(request.url).searchParams].filter(([, v]) => v !== ""));
  const parsed = querySchema.safeParse(params);
  if (!parsed.success) throw new Response("Invalid filters", { status: 400 });
  const q = parsed.data;
  return json(
    await getReplenishment(shop, {
      urgency: q.urgency ? [q.urgency] : undefined,
      vendorId: q.vendor,
      locationId: q.location,
      abcClass: q.abc,
      search: q.q || undefined,
      sort: q.sort,
      page: q.page,
      pageSize: PAGE_SIZE,
    }),
  );
}

export async function action({ request }: ActionFunctionArgs) {
  const { shop } = await requireAdmin(request);
  const form = await request.formData();
  if (form.get("intent") !== "plan") throw new Response("Unknown action", { status: 400 });
  await planShop(shop, { trigger: "manual" });
  return redirect(new URL(request.url).pathname + new URL(request.url).search);
}

const TABS = [{ id: "all", label: "All" }, ...URGENCIES.map((u) => ({ id: u, label: u[0].toUpperCase() + u.slice(1) }))];

export default function ReplenishmentPage() {
  const data = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const submit = useSubmit();
  const planning = navigation.state !== "idle" && navigation.formData?.get("intent") === "plan";
  const { params, update, search, setSearch } = useUrlFilters();
  const { selectedResources, allResourcesSelected, handleSelectionChange, clearSelection } = useIndexResourceState(data.rows);
  const creating = navigation.state !== "idle" && navigation.formData?.get("intent") === "create_from_plan";
  useEffect(() => clearSelection(), [data.rows, clearSelection]);
  // Drafts one purchase order per vendor × destination from the selected lines (Purchase orders decides).
  const createPurchaseOrders = () => {
    const form = new FormData();
    form.set("intent", "create_from_plan");
    for (const id of selectedResources) form.append("lineId", id);
    submit(form, { method: "post", action: "/app/purchase-orders" });
  };


  const runPlan = () => submit({ intent: "plan" }, { method: "post" });
  const primaryAction = { content: data.plan ? "Re-plan now" : "Run first plan", onAction: runPlan, loading: planning };

  if (!data.plan) {
    return (
      <Page title="Replenishment" primaryAction={primaryAction}>
        <Card>
          <EmptyState heading="No plan yet" action={{ content: "Run first plan", onAction: runPlan, loading: planning }} image="">
            <p>Stockcast forecasts each variant at each location and suggests what to order. The first plan takes a minute.</p>
          </EmptyState>
        </Card>
      </Page>
    );
  }

  const selectedTab = Math.max(0, TABS.findIndex((t) => t.id === (params.get("urgency") ?? "all")));
  const tabs = TABS.map((t) => ({
    id: t.id,
    content: t.id === "all" ? t.label : `${t.label} (${data.urgencyCounts[t.id] ?? 0})`,
    panelID: `${t.id}-panel`,
  }));
  const filterChoice = (key: string, label: string, choices: { label: string; value: string }[]) => ({
    key,
    label,
    filter: (
      <ChoiceList
        title={label}
        titleHidden
        choices={choices}
        selected={params.get(key) ? [params.get(key)!] : []}
        onChange={(v) => update({ [key]: v[0] ?? null })}
      />
    ),
    shortcut: true,
  });
  const filters = [
    filterChoice("vendor", "Vendor", data.vendors.map((v) => ({ label: v.name, value: v.id }))),
    filterChoice("location", "Location", data.locations.map((l) => ({ label: l.name, value: l.id }))),
    filterChoice("abc", "ABC class", ["A", "B", "C"].map((c) => ({ label: `Class ${c}`, value: c }))),
  ];
  const nameOf = (key: string, value: string) =>
    key === "vendor" ? data.vendors.find((v) => v.id === value)?.name : key === "location" ? data.locations.find((l) => l.id === value)?.name : `Class ${value}`;
  const appliedFilters = ["vendor", "location", "abc"]
    .filter((k) => params.get(k))
    .map((k) => ({ key: k, label: `${filters.find((f) => f.key === k)!.label}: ${nameOf(k, params.get(k)!) ?? "?"}`, onRemove: () => update({ [k]: null }) }));

  return (
    <Page
      title="Replenishment"
      subtitle={`Plan of ${formatDate(data.plan.asOfDate)} · ${data.plan.seriesPlanned.toLocaleString("en-US")} variant-locations planned${
        data.plan.seriesSkipped ? `, ${data.plan.seriesSkipped} skipped (${Object.entries(data.plan.skippedReasons).map(([r, n]) => `${n} ${r}`).join(", ")})` : ""
      }`}
      primaryAction={primaryAction}
    >
      <BlockStack gap="400">
        <Card padding="0">
          <Tabs tabs={tabs} selected={selectedTab} onSelect={(i) => update({ urgency: TABS[i].id === "all" ? null : TABS[i].id })} />
          <div style={{ padding: "8px 12px" }}>
            <InlineStack gap="300" align="space-between" blockAlign="center" wrap={false}>
              <div style={{ flex: 1 }}>
                <Filters
                  queryValue={search}
                  queryPlaceholder="Search product, variant or SKU"
                  onQueryChange={setSearch}
                  onQueryClear={() => setSearch("")}
                  filters={filters}
                  appliedFilters={appliedFilters}
                  onClearAll={() => update({ vendor: null, location: null, abc: null })}
                />
              </div>
              <Select
                label="Sort"
                labelInline
                options={[
                  { label: "Stockout date", value: "stockout" },
                  { label: "Days of cover", value: "cover" },
                  { label: "Suggested quantity", value: "quantity" },
                  { label: "Unit cost", value: "value" },
                ]}
                value={params.get("sort") ?? "stockout"}
                onChange={(v) => update({ sort: v })}
              />
            </InlineStack>
          </div>
          <IndexTable
            resourceName={{ singular: "line", plural: "lines" }}
            itemCount={data.rows.length}
            selectedItemsCount={allResourcesSelected ? "All" : selectedResources.length}
            onSelectionChange={handleSelectionChange}
            promotedBulkActions={[{ content: creating ? "Creating…" : "Create purchase orders", onAction: createPurchaseOrders, disabled: creating }]}
            loading={navigation.state === "loading"}
            headings={[
              { title: "Variant" },
              { title: "Location" },
              { title: "Vendor" },
              { title: "On hand", alignment: "end" },
              { title: "On order", alignment: "end" },
              { title: "Days of cover", alignment: "end" },
              { title: "Stockout" },
              { title: "Urgency" },
              { title: "Suggested", alignment: "end" },
            ]}
            pagination={paginationProps(data, update, "lines")}
          >
            {data.rows.map((row, index) => (
              <IndexTable.Row id={row.id} key={row.id} position={index} selected={selectedResources.includes(row.id)}>
                <IndexTable.Cell>
                  <BlockStack gap="050">
                    <Text as="span" variant="bodyMd" fontWeight="semibold">
                      {row.product}
                    </Text>
                    <Text as="span" variant="bodySm" tone="subdued">
                      {[row.variant, row.sku].filter(Boolean).join(" · ")}
                    </Text>
                  </BlockStack>
                </IndexTable.Cell>
                <IndexTable.Cell>{row.location}</IndexTable.Cell>
                <IndexTable.Cell>{row.vendor ?? "—"}</IndexTable.Cell>
                <IndexTable.Cell>
                  <Text as="span" alignment="end" numeric>
                    {row.onHand}
                  </Text>
                </IndexTable.Cell>
                <IndexTable.Cell>
                  <Text as="span" alignment="end" numeric>
                    {row.onOrder}
                  </Text>
                </IndexTable.Cell>
                <IndexTable.Cell>
                  <Text as="span" alignment="end" numeric>
                    {formatDays(row.daysOfCover)}
                  </Text>
                </IndexTable.Cell>
                <IndexTable.Cell>{row.projectedStockoutDate ? formatDate(row.projectedStockoutDate) : "—"}</IndexTable.Cell>
                <IndexTable.Cell>
                  <Badge tone={URGENCY_TONE[row.urgency]}>{row.urgency}</Badge>
                </IndexTable.Cell>
                <IndexTable.Cell>
                  <span title={row.reason}>
                    <Text as="span" alignment="end" numeric fontWeight="semibold">
                      {row.suggestedQty}
                    </Text>
                  </span>
                </IndexTable.Cell>
              </IndexTable.Row>
            ))}
          </IndexTable>
        </Card>
      </BlockStack>
    </Page>
  );
}
