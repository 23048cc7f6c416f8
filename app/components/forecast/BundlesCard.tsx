import { Link } from "@remix-run/react";
import { BlockStack, Card, Text } from "@shopify/polaris";
import { Fragment } from "react";
import { CardTitle } from "~/components/CardTitle";

/** A bundle or component the variant page links to (its page: /app/forecasts/:variantId). */
export interface BundleLink {
  variantId: string;
  name: string;
  quantity: number;
}

function LinkList({ links }: { links: BundleLink[] }) {
  return (
    <>
      {links.map((l, i) => (
        <Fragment key={l.variantId}>
          {i > 0 && ", "}
          <Link to={`/app/forecasts/${l.variantId}`}>{l.name}</Link> (×{l.quantity})
        </Fragment>
      ))}
    </>
  );
}

/**
 * Bundles on the variant page: for a component, the bundles it is sold in (their sales count as its
 * demand); for a bundle, what it is made of. Renders nothing for a variant that is neither.
 */
export function BundlesCard({ partOf, components }: { partOf: BundleLink[]; components: BundleLink[] }) {
  if (partOf.length === 0 && components.length === 0) return null;
  return (
    <Card>
      <BlockStack gap="200">
        <CardTitle>Bundles</CardTitle>
        {partOf.length > 0 && (
          <>
            <Text as="p">
              Part of bundles: <LinkList links={partOf} />
            </Text>
            <Text as="p" tone="subdued" variant="bodySm">
              Each bundle sold counts as that many units of this item, on the same day and at the same location.
            </Text>
          </>
        )}
        {components.length > 0 && (
          <>
            <Text as="p">
              Made of: <LinkList links={components} />
            </Text>
            <Text as="p" tone="subdued" variant="bodySm">
              A bundle has no stock of its own. Stockcast plans its items instead: every bundle sold counts as demand for each of them.
            </Text>
          </>
        )}
      </BlockStack>
    </Card>
  );
}
