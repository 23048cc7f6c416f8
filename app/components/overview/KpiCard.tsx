import { BlockStack, Card, Text } from "@shopify/polaris";

/** One KPI: a label, the figure (id `kpi-<id>` so tests and links can find it) and a line of explanation. */
export function KpiCard({ id, label, value, help }: { id: string; label: string; value: string; help?: string }) {
  return (
    <Card>
      <BlockStack gap="100">
        <Text as="h3" variant="headingSm" tone="subdued">
          {label}
        </Text>
        <Text as="p" variant="headingXl" id={`kpi-${id}`}>
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
