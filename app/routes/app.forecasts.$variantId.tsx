import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData, useNavigate } from "@remix-run/react";
import { Badge, BlockStack, Card, InlineGrid, InlineStack, Layout, Page, Select, Text } from "@shopify/polaris";
import { z } from "zod";
import { requireAdmin } from "~/auth.server";
import { ForecastChart } from "~/components/ForecastChart";
import { URGENCY_TONE, formatDate } from "~/components/format";
import { getForecastDetail } from "~/services/forecasts.server";

const paramsSchema = z.object({ variantId: z.string().min(1).max(64) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { shop } = await requireAdmin(request);
  const { variantId } = paramsSchema.parse(params);
  const location = new URL(request.url).searchParams.get("location");
  const detail = await getForecastDetail(shop, variantId, location);
  if (!detail) throw new Response("This variant has no forecast in the current plan.", { status: 404 });
  return json(detail);
}

const units = (x: number) => `${Math.round(x).toLocaleString("en-US")} units`;

export default function ForecastDetailPage() {
  const d = useLoaderData<typeof loader>();
  const navigate = useNavigate();
  const n = d.numbers;
  return (
    <Page
      title={`${d.product}${d.variant && d.variant !== "Default Title" ? ` — ${d.variant}` : ""}`}
      subtitle={[d.sku, d.vendor].filter(Boolean).join(" · ")}
      backAction={{ content: "Forecasts", url: "/app/forecasts" }}
      titleMetadata={<Badge>{d.demandClass}</Badge>}
    >
      <Layout>
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <InlineStack align="space-between" blockAlign="center">
                <Text as="h2" variant="headingMd">
                  Demand at {d.location.name}
                </Text>
                {d.otherLocations.length > 1 && (
                  <Select
                    label="Location"
                    labelInline
                    options={d.otherLocations.map((l) => ({ label: l.name, value: l.id }))}
                    value={d.location.id}
                    onChange={(id) => navigate(`?location=${id}`)}
                  />
                )}
              </InlineStack>
              <ForecastChart points={d.points} />
              <Text as="p" tone="subdued" variant="bodySm">
                Method {d.method}, chosen by rolling-origin cross-validation. Red shading marks days the item was out of stock: sales
                there say nothing about demand, so they are left out of the fit.
              </Text>
            </BlockStack>
          </Card>
        </Layout.Section>
        {n && (
          <Layout.Section>
            <Card>
              <BlockStack gap="300">
                <InlineStack gap="200" blockAlign="center">
                  <Text as="h2" variant="headingMd">
                    Why Stockcast suggests {n.suggestedQty} units
                  </Text>
                  <Badge tone={URGENCY_TONE[n.urgency]}>{n.urgency}</Badge>
                </InlineStack>
                <Text as="p">{n.reason}</Text>
                <InlineGrid columns={{ xs: 2, md: 4 }} gap="300">
                  {[
                    ["Lead time", `${n.leadTimeDays.toFixed(1)} days`],
                    ["Expected demand over lead time", units(n.leadTimeDemand)],
                    ["Safety stock", units(n.safetyStock)],
                    ["Reorder point", units(n.reorderPoint)],
                    ["Order-up-to level", units(n.orderUpTo)],
                    ["Economic order quantity", n.eoq ? units(n.eoq) : "—"],
                    ["Service level target", `${(n.serviceLevel * 100).toFixed(1)}% of cycles without a stockout`],
                    ["On hand / on order", `${n.onHand} / ${n.onOrder}`],
                  ].map(([label, value]) => (
                    <BlockStack gap="050" key={label}>
                      <Text as="span" tone="subdued" variant="bodySm">
                        {label}
                      </Text>
                      <Text as="span" variant="bodyMd" fontWeight="semibold">
                        {value}
                      </Text>
                    </BlockStack>
                  ))}
                </InlineGrid>
                <Text as="p" tone="subdued" variant="bodySm">
                  Plan of {formatDate(d.asOfDate)}.
                </Text>
              </BlockStack>
            </Card>
          </Layout.Section>
        )}
      </Layout>
    </Page>
  );
}
