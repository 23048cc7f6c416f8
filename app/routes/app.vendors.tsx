import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Badge, BlockStack, Card, EmptyState, IndexTable, Page, Text } from "@shopify/polaris";
import { requireAdmin } from "~/auth.server";
import { formatMoneyCents } from "~/components/format";
import { getVendorScorecards } from "~/services/vendors.server";
import { figureText, notEnoughData, percent, PRICE_COMPARISONS } from "~/utils/scorecard-text";
import { NumberCell } from "~/components/NumberCell";

export async function loader({ request }: LoaderFunctionArgs) {
  const { shop } = await requireAdmin(request);
  return json({ vendors: await getVendorScorecards(shop) });
}

const scoreTone = (s: number) => (s >= 85 ? "success" : s >= 70 ? "attention" : "critical");

export default function VendorsPage() {
  const { vendors } = useLoaderData<typeof loader>();
  if (vendors.length === 0) {
    return (
      <Page title="Vendors">
        <Card>
          <EmptyState heading="No vendors yet" image="">
            <p>Vendors come from your products' vendor field. They appear here after the first sync.</p>
          </EmptyState>
        </Card>
      </Page>
    );
  }
  return (
    <Page title="Vendors" subtitle="Scorecards from the last 12 months of purchase orders: what each vendor actually delivered.">
      <Card padding="0">
        <IndexTable
          resourceName={{ singular: "vendor", plural: "vendors" }}
          itemCount={vendors.length}
          selectable={false}
          headings={[
            { title: "Vendor" },
            { title: "Products", alignment: "end" },
            { title: "Lead time: stated / observed" },
            { title: "On time", alignment: "end" },
            { title: "Fill rate", alignment: "end" },
            { title: "Price variation", alignment: "end" },
            { title: "Score" },
            { title: "Open PO value", alignment: "end" },
          ]}
        >
          {vendors.map((v, i) => (
            <IndexTable.Row id={v.id} key={v.id} position={i}>
              <IndexTable.Cell>
                <BlockStack gap="050">
                  <Link to={`/app/vendors/${v.id}`}>
                    <Text as="span" fontWeight="semibold">
                      {v.name}
                    </Text>
                  </Link>
                  <Text as="span" tone="subdued" variant="bodySm">
                    {[v.email, v.moq ? `MOQ ${v.moq}` : null].filter(Boolean).join(" · ") || "No contact yet"}
                  </Text>
                </BlockStack>
              </IndexTable.Cell>
              <NumberCell>{v.products}</NumberCell>
              <IndexTable.Cell>
                {v.statedLeadTimeDays} d /{" "}
                {figureText(v.leadTimeMeanDays, v.leadTimeObservations, (m) => `${m.toFixed(1)} ± ${(v.leadTimeSdDays ?? 0).toFixed(1)} d`)}
              </IndexTable.Cell>
              <NumberCell>{figureText(v.onTimeRate, v.onTimeObservations, percent)}</NumberCell>
              <NumberCell>{figureText(v.fillRate, v.fillObservations, percent)}</NumberCell>
              <NumberCell>{figureText(v.priceVariation, v.priceObservations, percent, PRICE_COMPARISONS)}</NumberCell>
              <IndexTable.Cell>
                {v.score === null ? (
                  <Text as="span" tone="subdued">
                    {notEnoughData(v.scoreObservations)}
                  </Text>
                ) : (
                  <Badge tone={scoreTone(v.score)}>{String(Math.round(v.score))}</Badge>
                )}
              </IndexTable.Cell>
              <NumberCell>{formatMoneyCents(v.openPoValueCents, v.currency)}</NumberCell>
            </IndexTable.Row>
          ))}
        </IndexTable>
      </Card>
    </Page>
  );
}
