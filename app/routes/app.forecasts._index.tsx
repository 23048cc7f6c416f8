import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData, useNavigation } from "@remix-run/react";
import { Badge, BlockStack, Card, EmptyState, Filters, IndexTable, Page, Tabs } from "@shopify/polaris";
import { z } from "zod";
import { requireAdmin } from "~/auth.server";
import { paginationProps, useUrlFilters } from "~/components/use-url-filters";
import { formatDate } from "~/components/format";
import { ItemLabel } from "~/components/ItemLabel";
import { getForecastList } from "~/services/forecasts.server";
import { NumberCell } from "~/components/NumberCell";

const CLASSES = ["smooth", "erratic", "intermittent", "lumpy", "new", "dead"] as const;
const PAGE_SIZE = 50;
const querySchema = z.object({
  class: z.enum(CLASSES).optional(),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const { shop } = await requireAdmin(request);
  const parsed = querySchema.safeParse(Object.fromEntries([...new URL(request.url).searchParams].filter(([, v]) => v !== "")));
  if (!parsed.success) throw new Response("Invalid filters", { status: 400 });
  const { class: demandClass, q, page } = parsed.data;
  return json(await getForecastList(shop, { demandClass, search: q || undefined, page, pageSize: PAGE_SIZE }));
}

const TABS = [{ id: "all", label: "All" }, ...CLASSES.map((c) => ({ id: c, label: c[0].toUpperCase() + c.slice(1) }))];

export default function ForecastsPage() {
  const data = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const { params, update, search, setSearch } = useUrlFilters();

  if (!data.plan) {
    return (
      <Page title="Forecasts">
        <Card>
          <EmptyState heading="No forecasts yet" action={{ content: "Go to Replenishment", url: "/app/replenishment" }} image="">
            <p>Forecasts appear after the first planning run.</p>
          </EmptyState>
        </Card>
      </Page>
    );
  }
  const selected = Math.max(0, TABS.findIndex((t) => t.id === (params.get("class") ?? "all")));
  return (
    <Page title="Forecasts" subtitle={`Plan of ${formatDate(data.plan.asOfDate)}. Forecast error below 1 beats simply repeating recent sales.`}>
      <BlockStack gap="400">
        <Card padding="0">
          <Tabs
            tabs={TABS.map((t) => ({ id: t.id, content: t.id === "all" ? t.label : `${t.label} (${data.classCounts[t.id] ?? 0})`, panelID: `${t.id}-panel` }))}
            selected={selected}
            onSelect={(i) => update({ class: TABS[i].id === "all" ? null : TABS[i].id })}
          />
          <div style={{ padding: "8px 12px" }}>
            <Filters queryValue={search} queryPlaceholder="Search product, variant or SKU" onQueryChange={setSearch} onQueryClear={() => setSearch("")} filters={[]} onClearAll={() => setSearch("")} hideFilters />
          </div>
          <IndexTable
            resourceName={{ singular: "forecast", plural: "forecasts" }}
            itemCount={data.rows.length}
            selectable={false}
            loading={navigation.state === "loading"}
            headings={[{ title: "Variant" }, { title: "Location" }, { title: "Demand" }, { title: "Method" }, { title: "ABC" }, { title: "XYZ" }, { title: "Units/day", alignment: "end" }, { title: "Forecast error", alignment: "end" }]}
            pagination={paginationProps(data, update, "forecasts")}
          >
            {data.rows.map((row, index) => (
              <IndexTable.Row id={`${row.variantId}-${row.locationId}`} key={`${row.variantId}-${row.locationId}`} position={index}>
                <IndexTable.Cell>
                  <ItemLabel product={row.product} variant={row.variant} sku={row.sku} url={`/app/forecasts/${row.variantId}?location=${row.locationId}`} />
                </IndexTable.Cell>
                <IndexTable.Cell>{row.location}</IndexTable.Cell>
                <IndexTable.Cell>
                  <Badge>{row.demandClass}</Badge>
                </IndexTable.Cell>
                <IndexTable.Cell>{row.methodWords}</IndexTable.Cell>
                <IndexTable.Cell>{row.abcClass ?? "—"}</IndexTable.Cell>
                <IndexTable.Cell>{row.xyzClass ?? "—"}</IndexTable.Cell>
                <NumberCell>{row.dailyMean.toFixed(2)}</NumberCell>
                <NumberCell>{row.rmsse === null ? "—" : row.rmsse.toFixed(2)}</NumberCell>
              </IndexTable.Row>
            ))}
          </IndexTable>
        </Card>
      </BlockStack>
    </Page>
  );
}
