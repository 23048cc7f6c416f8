import type { ReactNode } from "react";
import { Banner, BlockStack, Card, EmptyState, InlineGrid, Layout, Page, Text } from "@shopify/polaris";
import { formatDate, formatDays, formatMoneyCents } from "~/components/format";
import type { OverviewDto } from "~/utils/overview-dto";
import { AccuracyCard } from "./AccuracyCard";
import { AtRiskTable } from "./AtRiskTable";
import { AccuracyChart, ChartCard, SalesForecastChart, ValueByAbcChart } from "./charts";
import { KpiCard } from "./KpiCard";
import { OverviewFilters } from "./OverviewFilters";
import { OverviewSkeleton } from "./OverviewSkeleton";
import { plural } from "~/utils/plural";
import { CardTitle } from "~/components/CardTitle";

const number = new Intl.NumberFormat("en-US");
const percent = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(1)}%`);

/**
 * The Overview screen for one shop's data (the loader's DTO): filters, KPI cards, charts and synced-data
 * counts; the skeleton while `loading`; an empty state for a shop with nothing synced yet.
 */
export function OverviewDashboard({
  data,
  loading,
  update,
  statusLine,
}: {
  data: OverviewDto;
  loading: boolean;
  update: (changes: Record<string, string | null>) => void;
  /** The plan's freshness line (the route's PlanStatusLine), above the filters. */
  statusLine?: ReactNode;
}) {
  const { shopName, currency, planAsOf, counts, kpis, filters, charts } = data;
  const money = (c: number | null) => (c === null ? "—" : formatMoneyCents(c, currency));
  const rangeLabel = `${formatDate(filters.from)} – ${formatDate(filters.to)}`;
  const countCards = [
    { label: "Variants", value: counts.variants },
    { label: "Locations", value: counts.locations },
    { label: "Vendors", value: counts.vendors },
    { label: "Orders", value: counts.orders },
    { label: "Order lines", value: counts.orderLines },
    { label: "Purchase orders", value: counts.purchaseOrders },
  ];
  const synced = (
    <Layout.Section>
      <BlockStack gap="300">
        <CardTitle>Synced data</CardTitle>
        <InlineGrid columns={{ xs: 2, md: 3 }} gap="400">
          {countCards.map((card) => (
            <Card key={card.label}>
              <BlockStack gap="100">
                <Text as="h3" variant="headingSm" tone="subdued">
                  {card.label}
                </Text>
                <Text as="p" variant="headingXl" id={`count-${card.label.toLowerCase().replace(/\W+/g, "-")}`}>
                  {number.format(card.value)}
                </Text>
              </BlockStack>
            </Card>
          ))}
        </InlineGrid>
      </BlockStack>
    </Layout.Section>
  );

  if (!data.hasHistory) {
    return (
      <Page title="Overview" subtitle={shopName}>
        <Layout>
          <Layout.Section>
            <Card>
              <EmptyState
                heading="Your inventory overview appears here once data arrives"
                action={{
                  content: "Check sync progress",
                  url: "/app/settings/sync",
                }}
                secondaryAction={{
                  content: "Import sales history (CSV)",
                  url: "/app/settings/import",
                }}
                image="https://cdn.shopify.com/s/files/1/0262/4071/2726/files/emptystate-files.png"
              >
                <p>
                  Stockcast is reading your products, stock levels and orders from Shopify. Inventory value, stockouts, turnover and forecasts fill in
                  as soon as the first orders and stock levels are synced.
                </p>
              </EmptyState>
            </Card>
          </Layout.Section>
          {synced}
        </Layout>
      </Page>
    );
  }

  return (
    <Page title="Overview" subtitle={shopName}>
      <BlockStack gap="400">
        {statusLine}
        <Card>
          <BlockStack gap="200">
            <OverviewFilters
              key={`${filters.range}|${filters.from}|${filters.to}`}
              value={{
                range: filters.range,
                from: filters.from,
                to: filters.to,
                locationId: filters.locationId,
              }}
              locations={data.locations}
              update={update}
            />
            <Text as="p" variant="bodySm" tone="subdued" id="overview-range">
              {rangeLabel} ({plural(filters.days, "day")})
              {planAsOf ? ` · plan of ${formatDate(planAsOf)}` : ""}
            </Text>
          </BlockStack>
        </Card>
        {filters.error && (
          <Banner tone="warning" title="Filter not applied">
            <p>{filters.error}</p>
          </Banner>
        )}
        {!planAsOf && (
          <Banner
            title="No plan yet"
            action={{
              content: "Open Replenishment",
              url: "/app/replenishment",
            }}
          >
            <p>Stock at risk, lost revenue, forecast accuracy and ABC classes appear after the first planning run.</p>
          </Banner>
        )}
        {loading ? (
          <OverviewSkeleton />
        ) : (
          <Layout>
            <Layout.Section>
              <InlineGrid columns={{ xs: 1, sm: 2, md: 4 }} gap="400">
                <KpiCard
                  id="inventory-value"
                  label="Inventory value at cost"
                  value={money(kpis.inventoryValueCents)}
                  help={`${plural(kpis.inventoryUnits, "unit")} on hand`}
                />
                <KpiCard
                  id="stock-at-risk"
                  label="Stock at risk"
                  value={money(planAsOf ? kpis.stockAtRiskCents : null)}
                  help={`${kpis.atRiskLines} variant-locations run out before an order placed today could arrive (sales at risk, at price)`}
                />
                <KpiCard
                  id="days-of-supply"
                  label="Days of supply"
                  value={formatDays(kpis.daysOfSupply)}
                  help="units on hand ÷ average daily units sold in the range"
                />
                <KpiCard
                  id="stockout-rate"
                  label="Stockout rate"
                  value={percent(kpis.stockoutRate)}
                  help={`${number.format(kpis.stockedOutDays)} stocked-out variant-location-days in the range`}
                />
                <KpiCard
                  id="lost-revenue"
                  label="Estimated lost revenue"
                  value={money(kpis.lostRevenueCents)}
                  help="stocked-out days × forecast daily demand × price"
                />
                <KpiCard
                  id="turnover"
                  label="Inventory turnover"
                  value={kpis.inventoryTurnover === null ? "—" : `${kpis.inventoryTurnover.toFixed(1)}×`}
                  help="cost of goods sold in the range, annualised ÷ inventory value at cost"
                />
                <KpiCard
                  id="dead-stock"
                  label="Dead stock value"
                  value={money(kpis.deadStockValueCents)}
                  help={`on hand with no sales in the last ${plural(kpis.deadStockDays, "day")}`}
                />
                <KpiCard
                  id="open-po"
                  label="Open purchase orders"
                  value={money(kpis.openPoValueCents)}
                  help="approved or sent, not yet received, at cost"
                />
                <KpiCard
                  id="units-sold"
                  label="Units sold"
                  value={number.format(kpis.unitsSold)}
                  help={`${money(kpis.revenueCents)} revenue in the range`}
                />
              </InlineGrid>
            </Layout.Section>
            <Layout.Section>
              <AccuracyCard accuracy={data.accuracy} planned={planAsOf !== null} />
            </Layout.Section>
            <Layout.Section>
              <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
                <ChartCard
                  title="Sales vs forecast"
                  description="Units sold per day, and the latest plan's forecast summed over every variant"
                  empty={
                    charts.salesVsForecast.some((p) => (p.actual ?? 0) > 0 || p.forecast !== null) ? null : "No sales or forecast in this range."
                  }
                >
                  <SalesForecastChart points={charts.salesVsForecast} planAsOf={planAsOf} />
                </ChartCard>
                <ChartCard
                  title="Inventory value by ABC class"
                  description="On hand at cost; classes from the latest plan (A = top ~80% of revenue)"
                  empty={kpis.inventoryValueCents > 0 ? null : "No stock on hand with a unit cost."}
                >
                  <ValueByAbcChart rows={charts.valueByAbc} currency={currency} />
                </ChartCard>
              </InlineGrid>
            </Layout.Section>
            <Layout.Section>
              <BlockStack gap="400">
                <ChartCard
                  title="Top at-risk variants"
                  description="Critical lines of the latest plan, by sales at risk before an order placed today could arrive"
                  empty={
                    charts.atRisk.length > 0
                      ? null
                      : planAsOf
                      ? "Nothing is projected to run out within its lead time."
                      : "Appears after the first planning run."
                  }
                >
                  <AtRiskTable rows={charts.atRisk} currency={currency} />
                </ChartCard>
                <ChartCard
                  title="Forecast error by week ahead"
                  description={
                    data.accuracy.snapshotDate
                      ? `Weekly WAPE per variant of the forecasts made on ${formatDate(data.accuracy.snapshotDate)}, week by week, beside a 30-day average (lower is better)`
                      : "Weekly WAPE per variant, week by week, beside a 30-day average (lower is better)"
                  }
                  empty={
                    data.accuracy.byWeek.some((w) => w.wape !== null)
                      ? null
                      : data.accuracy.snapshotDate
                        ? "Nothing sold in the 4 weeks scored."
                        : "Appears with the first forecast accuracy figures."
                  }
                >
                  <AccuracyChart points={data.accuracy.byWeek} />
                </ChartCard>
              </BlockStack>
            </Layout.Section>
            {synced}
          </Layout>
        )}
      </BlockStack>
    </Page>
  );
}
