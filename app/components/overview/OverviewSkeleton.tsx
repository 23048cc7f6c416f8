import { BlockStack, Card, InlineGrid, Layout, SkeletonBodyText, SkeletonDisplayText } from "@shopify/polaris";

/** Placeholder for the KPI grid and charts while new filters load. */
export function OverviewSkeleton() {
  return (
    <Layout>
      <Layout.Section>
        <InlineGrid columns={{ xs: 1, sm: 2, md: 4 }} gap="400">
          {Array.from({ length: 8 }, (_, i) => (
            <Card key={i}>
              <BlockStack gap="200">
                <SkeletonBodyText lines={1} />
                <SkeletonDisplayText size="medium" />
                <SkeletonBodyText lines={1} />
              </BlockStack>
            </Card>
          ))}
        </InlineGrid>
      </Layout.Section>
      <Layout.Section>
        <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
          {Array.from({ length: 4 }, (_, i) => (
            <Card key={i}>
              <BlockStack gap="300">
                <SkeletonDisplayText size="small" />
                <SkeletonBodyText lines={8} />
              </BlockStack>
            </Card>
          ))}
        </InlineGrid>
      </Layout.Section>
    </Layout>
  );
}
