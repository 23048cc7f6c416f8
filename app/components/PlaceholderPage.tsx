import { Card, EmptyState, Layout, Page } from "@shopify/polaris";

/** A screen whose feature is still being built: says what will be here instead of showing a blank page. */
export function PlaceholderPage({ title, heading, body }: { title: string; heading: string; body: string }) {
  return (
    <Page title={title}>
      <Layout>
        <Layout.Section>
          <Card>
            <EmptyState heading={heading} image="">
              <p>{body}</p>
            </EmptyState>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
