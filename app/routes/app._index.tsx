import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BlockStack, Card, InlineGrid, Layout, Page, Text } from "@shopify/polaris";
import { requireAdmin } from "~/auth.server";
import { getOverview } from "~/services/overview.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { shop } = await requireAdmin(request);
  return json(await getOverview(shop));
}

const number = new Intl.NumberFormat("en-US");

export default function OverviewPage() {
  const { shopName, counts } = useLoaderData<typeof loader>();
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
        <Layout.Section>
          <InlineGrid columns={{ xs: 2, md: 3 }} gap="400">
            {cards.map((card) => (
              <Card key={card.label}>
                <BlockStack gap="100">
                  <Text as="h2" variant="headingSm" tone="subdued">
                    {card.label}
                  </Text>
                  <Text as="p" variant="heading2xl" id={`count-${card.label.toLowerCase().replace(/\W+/g, "-")}`}>
                    {number.format(card.value)}
                  </Text>
                </BlockStack>
              </Card>
            ))}
          </InlineGrid>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
