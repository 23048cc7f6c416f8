import { BlockStack, Link, Text } from "@shopify/polaris";

/**
 * How a list row names an item: the product title (a link when `url` is given, else bold) over its variant
 * title and SKU in small grey text.
 */
export function ItemLabel({ product, variant, sku, url }: { product: string; variant?: string | null; sku?: string | null; url?: string }) {
  return (
    <BlockStack gap="050">
      {url ? (
        <Link url={url} removeUnderline>
          {product}
        </Link>
      ) : (
        <Text as="span" variant="bodyMd" fontWeight="semibold">
          {product}
        </Text>
      )}
      <Text as="span" variant="bodySm" tone="subdued">
        {[variant, sku].filter(Boolean).join(" · ")}
      </Text>
    </BlockStack>
  );
}
