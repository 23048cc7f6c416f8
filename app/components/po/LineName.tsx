import { BlockStack, Text } from "@shopify/polaris";

/** A PO line's first cell: the product, with the variant and SKU beneath. */
export function LineName({ product, variant, sku }: { product: string; variant: string; sku: string | null }) {
  return (
    <BlockStack gap="050">
      <Text as="span" fontWeight="semibold">
        {product}
      </Text>
      <Text as="span" variant="bodySm" tone="subdued">
        {[variant, sku].filter(Boolean).join(" · ")}
      </Text>
    </BlockStack>
  );
}
