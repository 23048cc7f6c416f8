import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Banner, BlockStack, Card, InlineGrid, Layout, Page, Text } from "@shopify/polaris";
import { requireAdmin } from "~/auth.server";
import { formatDate, formatMoneyCents } from "~/components/format";
import { getOverview } from "~/services/overview.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { shop } = await requireAdmin(request);
  return json(await getOverview(shop));
}

const number = new Intl.NumberFormat("en-US");
const slug = (label: string) => label.toLowerCase().replace(/\W+/g, "-");

function Kpi({ label, value, help }: { label: string; value: string; help?: string }) {
  return (
    <Card>
      <BlockStack gap="100">
        <Text as="h3" variant="headingSm" tone="subdued">
          {label}
        </Text>
        <Text as="p" variant="headingXl" id={`kpi-${slug(label)}`}>
          {value}
        </Text>
        {help && (
          <Text as="p" variant="bodySm" tone="subdued">
            {help}
          </Text>
        )}
      </BlockStack>
    </Card>
  );
}

export default function OverviewPage() {
  const { shopName, currency, planAsOf, counts, kpis } = useLoaderData<typeof loader>();
  const money = (c: number) => formatMoneyCents(c, currency);
  const cards = [
    { label: "Variants", value: counts.variants },
    { label: "Locations", value: counts.locations },
    { label: "Vendors", value: counts.vendors },
    { label: "Orders", value: counts.orders },
    { label: "Order lines", value: counts.orderLines },
    { label: "Purchase orders", value: counts.purchaseOrders },
  ];
  return (
    <Page title="Overview" subtitle={shopName}>
      <Layout>
        {!planAsOf && (
          <Layout.Section>
            <Banner title="No plan yet" action={{ content: "Open Replenishment", url: "/app/replenishment" }}>
              <p>Stock at risk, days of supply and turnover appear after the first planning run.</p>
            </Banner>
          </Layout.Section>
        )}
        <Layout.Section>
          <BlockStack gap="300">
            <Text as="h2" variant="headingMd">
              Inventory{planAsOf ? ` · plan of ${formatDate(planAsOf)}` : ""}
            </Text>
            <InlineGrid columns={{ xs: 1, sm: 2, md: 4 }} gap="400">
              <Kpi label="Inventory value at cost" value={money(kpis.inventoryValueCents)} />
              <Kpi
                label="Stock at risk"
                value={money(kpis.stockAtRiskCents)}
                help={`${kpis.atRiskLines} variant-locations run out before an order placed today could arrive`}
              />
              <Kpi label="Days of supply" value={kpis.daysOfSupply === null ? "—" : String(Math.round(kpis.daysOfSupply))} help="inventory value ÷ forecast daily demand at cost" />
              <Kpi label="Inventory turnover" value={kpis.inventoryTurnover === null ? "—" : `${kpis.inventoryTurnover.toFixed(1)}×`} help="forecast annual demand at cost ÷ inventory value" />
              <Kpi
                label="Stockout rate, 30 days"
                value={kpis.stockoutRate30d === null ? "—" : `${(kpis.stockoutRate30d * 100).toFixed(1)}%`}
                help={`estimated lost revenue ${money(kpis.lostRevenue30dCents)}`}
              />
              <Kpi label="Dead stock value" value={money(kpis.deadStockValueCents)} help="on hand with no sales in the dead-stock window" />
              <Kpi label="Open purchase orders" value={money(kpis.openPoValueCents)} help="remaining quantity × unit cost" />
            </InlineGrid>
          </BlockStack>
        </Layout.Section>
        <Layout.Section>
          <BlockStack gap="300">
            <Text as="h2" variant="headingMd">
              Synced data
            </Text>
            <InlineGrid columns={{ xs: 2, md: 3 }} gap="400">
              {cards.map((card) => (
                <Card key={card.label}>
                  <BlockStack gap="100">
                    <Text as="h3" variant="headingSm" tone="subdued">
                      {card.label}
                    </Text>
                    <Text as="p" variant="headingXl" id={`count-${slug(card.label)}`}>
                      {number.format(card.value)}
                    </Text>
                  </BlockStack>
                </Card>
              ))}
            </InlineGrid>
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
