import { useEffect, useState } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useFetcher, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Card,
  ChoiceList,
  EmptyState,
  Filters,
  IndexTable,
  InlineStack,
  Link,
  Page,
  Select,
  Tabs,
  Text,
  TextField,
  useBreakpoints,
  useIndexResourceState,
} from "@shopify/polaris";
import type { IndexTableProps } from "@shopify/polaris";
import { z } from "zod";
import { requireAdmin } from "~/auth.server";
import { ViewerBanner } from "~/components/ViewerBanner";
import { paginationProps, useUrlFilters } from "~/components/use-url-filters";
import { URGENCY_TONE, formatDate, formatDays } from "~/components/format";
import { parseReplenishmentQuery, URGENCIES } from "~/utils/planning-options";
import { replanShopNow } from "~/jobs/replan-soon.server";
import { ItemLabel } from "~/components/ItemLabel";
import { PlanStatusLine } from "~/components/PlanStatusLine";
import { NativePoNote } from "~/components/po/NativePoNote";
import { getPlanStatus } from "~/services/planning/plan-status.server";
import { canChange, guardChange } from "~/services/permissions.server";
import { editSuggestedQuantity, getReplenishment } from "~/services/replenishment.server";
import { getSavedViews } from "~/services/saved-views.server";
import { SavedViewPicker } from "~/components/SavedViewPicker";
import { FORM } from "~/utils/form-errors";
import type { WhyDto } from "~/utils/why-dto";
import { WhyButton } from "~/components/WhyPanel";
import { formatMoney } from "~/components/po/format";
import { budgetSummary } from "~/utils/budget-summary";
import { SelectionSummary } from "~/components/replenishment/SelectionSummary";
import { selectionTotals, type SelectionTotals } from "~/lib/replenishment";
import { centsToDecimal } from "~/services/purchase-orders/money";
import { NumberCell } from "~/components/NumberCell";

const PAGE_SIZE = 50;

export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await requireAdmin(request);
  const parsed = parseReplenishmentQuery(new URL(request.url).searchParams);
  if (!parsed) throw new Response("Invalid filters", { status: 400 });
  const [replenishment, editable, status, views] = await Promise.all([
    getReplenishment(ctx.shop, { ...parsed.query, page: parsed.page, pageSize: PAGE_SIZE }),
    canChange(ctx, request),
    getPlanStatus(ctx.shop),
    getSavedViews(ctx.shop, "replenishment"),
  ]);
  return json({ ...replenishment, canChange: editable, status, views });
}

const actionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("plan") }),
  z.object({
    intent: z.literal("edit_quantity"),
    lineId: z.string().min(1).max(64),
    quantity: z.union([z.literal("").transform(() => null), z.coerce.number().int("Enter a whole number of units").min(0, "Quantity can't be negative").max(1_000_000)]),
  }),
]);
/** Every intent this action accepts (the viewer-role test walks them all). */
export const ACTION_INTENTS = [...actionSchema.optionsMap.keys()] as string[];

export async function action({ request }: ActionFunctionArgs) {
  const ctx = await requireAdmin(request);
  const { actor, refusal } = await guardChange(ctx, request);
  if (refusal) return json({ error: refusal }, { status: 403 });
  const parsed = actionSchema.safeParse(Object.fromEntries(await request.formData()), FORM);
  if (!parsed.success) return json({ error: parsed.error.issues[0]?.message ?? "Invalid request" }, { status: 400 });
  if (parsed.data.intent === "edit_quantity") {
    const ok = await editSuggestedQuantity(ctx.shop, actor.staffId, parsed.data.lineId, parsed.data.quantity);
    if (!ok) throw new Response("Line not found", { status: 404 });
    return json({ error: null });
  }
  // Queued, not run in the request: the screen shows "Re-planning…" and refreshes until it is done. A click
  // while one waits adds nothing (one waiting plan per shop); the job takes the shop's re-plan lease.
  await replanShopNow(ctx.shop);
  return redirect(new URL(request.url).pathname + new URL(request.url).search);
}

const HEADINGS: IndexTableProps["headings"] = [
  { title: "Variant" },
  { title: "Location" },
  { title: "Vendor" },
  { title: "Available", alignment: "end" },
  { title: "On order", alignment: "end" },
  { title: "Days of cover", alignment: "end" },
  { title: "Stockout" },
  { title: "Urgency" },
  { title: "Suggested", alignment: "end" },
  { title: "Value", alignment: "end" },
];
const COMPACT_HEADINGS: IndexTableProps["headings"] = [{ title: "Variant" }, { title: "On hand", alignment: "end" }, { title: "Suggested", alignment: "end" }, { title: "Urgency" }];

// Polaris pads each cell 12 px a side; at 390 px the four columns fit only with 4, and the quantity's digits
// only without the number field's spinner (a phone brings up a number keypad instead).
const COMPACT_CELLS = `.replenishment-compact .Polaris-IndexTable__TableCell, .replenishment-compact .Polaris-IndexTable__TableHeading { padding-inline: 4px; }
.replenishment-compact .Polaris-TextField__Spinner { display: none; }`;

const TABS = [{ id: "all", label: "All" }, ...URGENCIES.map((u) => ({ id: u, label: u[0].toUpperCase() + u.slice(1) }))];

export default function ReplenishmentPage() {
  const data = useLoaderData<typeof loader>();
  const actionError = useActionData<typeof action>()?.error ?? null;
  const navigation = useNavigation();
  const submit = useSubmit();
  const planning = navigation.state !== "idle" && navigation.formData?.get("intent") === "plan";
  const { params, update, search, setSearch } = useUrlFilters();
  const compact = useBreakpoints().smDown;
  const { selectedResources, allResourcesSelected, handleSelectionChange, clearSelection } = useIndexResourceState(data.rows);
  // A fetcher, not a navigation: a refused draft leaves the filters (the URL) and the selection as they were and
  // shows why here; a created one redirects to the new PO.
  const drafting = useFetcher<{ error?: string }>();
  const creating = drafting.state !== "idle";
  const draftError = drafting.state === "idle" ? (drafting.data?.error ?? null) : null;
  // Cleared when the page shows other lines, not when a revalidation returns the same ones.
  const rowIds = data.rows.map((r) => r.id).join(",");
  useEffect(() => clearSelection(), [rowIds, clearSelection]);
  // Drafts one purchase order per vendor × destination from the selected lines (Purchase orders decides): added to
  // that pair's open draft, unless the merchant asks for separate POs.
  const createPurchaseOrders = (separate = false) => {
    const form = new FormData();
    form.set("intent", "create_from_plan");
    if (separate) form.set("separate", "true");
    if (allResourcesSelected) {
      // Every line matching the filters, on every page: the server resolves them from the same query.
      form.set("intent", "create_from_matching");
      form.set("query", matchingQuery);
    } else for (const id of selectedResources) form.append("lineId", id);
    drafting.submit(form, { method: "post", action: "/app/purchase-orders" });
  };
  const matchingQuery = new URLSearchParams([...params].filter(([k]) => k !== "page")).toString();
  const matching = useFetcher<{ totals: SelectionTotals | null; error: string | null }>();
  const loadMatching = matching.load;
  useEffect(() => {
    if (allResourcesSelected) loadMatching(`/app/replenishment/matching?${matchingQuery}`);
  }, [allResourcesSelected, matchingQuery, loadMatching]);


  const runPlan = () => submit({ intent: "plan" }, { method: "post" });
  // A re-plan already queued or running: the button waits with it (the status line says so).
  const primaryAction = { content: data.plan ? "Re-plan now" : "Run first plan", onAction: runPlan, loading: planning || data.status.replanning, disabled: !data.canChange };

  if (!data.plan) {
    return (
      <Page title="Replenishment" primaryAction={primaryAction}>
        <BlockStack gap="400">
          <ViewerBanner canChange={data.canChange} />
          {actionError && <Banner tone="warning">{actionError}</Banner>}
          <PlanStatusLine updatedLabel={data.status.updatedLabel} replanning={data.status.replanning} />
          <Card>
            <EmptyState heading="No plan yet" action={{ content: "Run first plan", onAction: runPlan, loading: planning || data.status.replanning, disabled: !data.canChange }} image="">
              <p>Stockcast forecasts each variant at each location and suggests what to order. The first plan takes a minute.</p>
            </EmptyState>
          </Card>
        </BlockStack>
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
      fullWidth
      title="Replenishment"
      subtitle={`Plan of ${formatDate(data.plan.asOfDate)} · ${data.plan.seriesPlanned.toLocaleString("en-US")} variant-locations planned${
        data.plan.seriesSkipped ? `, ${data.plan.seriesSkipped} skipped (${Object.entries(data.plan.skippedReasons).map(([r, n]) => `${n} ${r}`).join(", ")})` : ""
      }`}
      primaryAction={primaryAction}
      // A plain document request: the export is a file download, not a screen.
      secondaryActions={[{ content: "Export CSV", onAction: () => window.location.assign(`/app/replenishment/export?${params.toString()}`) }]}
    >
      <BlockStack gap="400">
        <ViewerBanner canChange={data.canChange} />
        {actionError && <Banner tone="warning">{actionError}</Banner>}
        {draftError && (
          <Banner tone="critical" title="No purchase orders were created">
            <p data-testid="draft-error">{draftError}</p>
          </Banner>
        )}
        <PlanStatusLine updatedLabel={data.status.updatedLabel} replanning={data.status.replanning} />
        {data.plan.budget && (
          <div data-testid="plan-budget">
            <Text as="p" variant="bodySm">
              {budgetSummary(data.plan.budget, data.currency)}
            </Text>
          </div>
        )}
        <Card padding="0">
          <div style={{ padding: "8px 12px" }}>
            <SavedViewPicker screen="replenishment" views={data.views} canChange={data.canChange} defaultLabel="All lines" />
          </div>
          <Tabs tabs={tabs} selected={selectedTab} onSelect={(i) => i !== selectedTab && update({ urgency: TABS[i].id === "all" ? null : TABS[i].id })} />
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
          {allResourcesSelected && matching.data?.error && (
            <div style={{ padding: "8px 12px" }}>
              <Banner tone="warning">{matching.data.error}</Banner>
            </div>
          )}
          {allResourcesSelected && matching.data?.totals && matching.state === "idle" && (
            <SelectionSummary
              totals={matching.data.totals}
              money={(cents) => formatMoney(centsToDecimal(BigInt(cents)), data.currency)}
              vendorName={(id) => data.vendors.find((v) => v.id === id)?.name ?? "A vendor"}
            />
          )}
          {!allResourcesSelected && selectedResources.length > 0 && (
            <SelectionSummary
              totals={selectionTotals(
                data.rows.filter((r) => selectedResources.includes(r.id)).map((r) => ({ vendorId: r.vendorId, units: r.suggestedQty, valueCents: r.valueCents })),
                Object.fromEntries(data.vendors.map((v) => [v.id, v.moq])),
              )}
              money={(cents) => formatMoney(centsToDecimal(BigInt(cents)), data.currency)}
              vendorName={(id) => data.vendors.find((v) => v.id === id)?.name ?? "A vendor"}
            />
          )}
          {compact && <style>{COMPACT_CELLS}</style>}
          <div className={compact ? "replenishment-compact" : undefined}>
          <IndexTable
            resourceName={{ singular: "line", plural: "lines" }}
            itemCount={data.rows.length}
            selectedItemsCount={allResourcesSelected ? "All" : selectedResources.length}
            hasMoreItems={data.total > data.rows.length}
            paginatedSelectAllActionText={`Select all ${data.total.toLocaleString("en-US")} matching lines`}
            paginatedSelectAllText={`All ${data.total.toLocaleString("en-US")} matching lines are selected`}
            onSelectionChange={handleSelectionChange}
            promotedBulkActions={[{ content: creating ? "Creating…" : "Create purchase orders", onAction: () => createPurchaseOrders(), disabled: creating || !data.canChange }]}
            bulkActions={[{ content: "Create new purchase orders, not adding to open drafts", onAction: () => createPurchaseOrders(true), disabled: creating || !data.canChange }]}
            loading={navigation.state === "loading"}
            headings={compact ? COMPACT_HEADINGS : HEADINGS}
            pagination={paginationProps(data, update, "lines")}
          >
            {data.rows.map((row, index) => {
              const label = [row.product, row.variant, row.location].filter(Boolean).join(" · ");
              const quantity = <QuantityCell lineId={row.id} quantity={row.suggestedQty} edited={row.edited} why={row.why} label={label} compact={compact} />;
              const urgency = (
                <IndexTable.Cell>
                  <Badge tone={URGENCY_TONE[row.urgency]}>{row.urgency}</Badge>
                </IndexTable.Cell>
              );
              return compact ? (
                // A phone (390 px): on hand, what to order and how urgent fit the width; the other columns are on wider screens and in the export.
                <IndexTable.Row id={row.id} key={row.id} position={index} selected={selectedResources.includes(row.id)}>
                  <IndexTable.Cell>
                    {/* Cells do not wrap by default: the name wraps in a narrow column so the figures fit. */}
                    <div style={{ width: 92, whiteSpace: "normal" }}>
                    <BlockStack gap="050">
                      <Text as="span" variant="bodySm" fontWeight="semibold" breakWord>
                        {row.product}
                      </Text>
                      <Text as="span" variant="bodySm" tone="subdued" breakWord>
                        {[row.variant, row.location].filter(Boolean).join(" · ")}
                      </Text>
                    </BlockStack>
                    </div>
                  </IndexTable.Cell>
                  <NumberCell>{row.onHand}</NumberCell>
                  <IndexTable.Cell>{quantity}</IndexTable.Cell>
                  {urgency}
                </IndexTable.Row>
              ) : (
              <IndexTable.Row id={row.id} key={row.id} position={index} selected={selectedResources.includes(row.id)}>
                <IndexTable.Cell>
                  <ItemLabel product={row.product} variant={row.variant} sku={row.sku} />
                </IndexTable.Cell>
                <IndexTable.Cell>{row.location}</IndexTable.Cell>
                <IndexTable.Cell>{row.vendor ?? "—"}</IndexTable.Cell>
                <IndexTable.Cell>
                  <BlockStack gap="050">
                    <Text as="span" alignment="end" numeric>
                      {row.available}
                    </Text>
                    {row.onHand !== row.available && (
                      <Text as="span" variant="bodySm" tone="subdued" alignment="end">
                        {row.onHand} on hand
                      </Text>
                    )}
                    {row.backorders > 0 && (
                      <Text as="span" variant="bodySm" tone="critical" alignment="end">
                        Backorders {row.backorders}
                      </Text>
                    )}
                  </BlockStack>
                </IndexTable.Cell>
                <IndexTable.Cell>
                  <BlockStack gap="050">
                    <Text as="span" alignment="end" numeric>
                      {row.onOrder}
                    </Text>
                    {row.nativePos.map((po, i) => (
                      // Part of the figure above (Shopify's incoming), not added to it.
                      <NativePoNote key={`${po.name}-${i}`} po={po} compact />
                    ))}
                    {row.drafts.map((d) => (
                      <Text key={d.id} as="span" variant="bodySm" tone="subdued" alignment="end">
                        {/* Drafted units are not on order yet; the suggestion is already net of them. */}+{d.units} in draft{" "}
                        <Link url={`/app/purchase-orders/${d.id}`} removeUnderline>
                          {d.number}
                        </Link>
                      </Text>
                    ))}
                  </BlockStack>
                </IndexTable.Cell>
                <NumberCell>{formatDays(row.daysOfCover)}</NumberCell>
                <IndexTable.Cell>{row.projectedStockoutDate ? formatDate(row.projectedStockoutDate) : "—"}</IndexTable.Cell>
                {urgency}
                <IndexTable.Cell>
                  {quantity}
                </IndexTable.Cell>
                <NumberCell>{row.value === null ? "—" : formatMoney(row.value, data.currency)}</NumberCell>
              </IndexTable.Row>
              );
            })}
          </IndexTable>
          </div>
        </Card>
      </BlockStack>
    </Page>
  );
}

/** The suggested quantity, editable in place (saved on blur, empty restores Stockcast's suggestion), and why. */
function QuantityCell({ lineId, quantity, edited, why, label, compact }: { lineId: string; quantity: number; edited: boolean; why: WhyDto; label: string; compact: boolean }) {
  const fetcher = useFetcher<{ error: string | null }>();
  const [value, setValue] = useState(String(quantity));
  useEffect(() => setValue(String(quantity)), [quantity]);
  const save = () => {
    if (value === String(quantity)) return;
    fetcher.submit({ intent: "edit_quantity", lineId, quantity: value.trim() }, { method: "post" });
  };
  return (
    // Clicks in the field and the why button must not toggle the row's selection.
    <div onClick={(e) => e.stopPropagation()} style={{ display: "flex", gap: compact ? 4 : 8, alignItems: "center", justifyContent: "flex-end" }}>
      <WhyButton why={why} label={label} />
      <div style={{ width: compact ? 60 : 88 }}>
      <TextField
        label="Suggested quantity"
        labelHidden
        type="number"
        min={0}
        value={value}
        onChange={setValue}
        onBlur={save}
        autoComplete="off"
        error={fetcher.data?.error ?? undefined}
        suffix={edited ? "✎" : undefined}
      />
      </div>
    </div>
  );
}
