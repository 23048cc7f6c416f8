import type { ReactNode } from "react";
import { BlockStack, Divider, Text } from "@shopify/polaris";

/** A card's list of entries, a divider between each, or one subdued line when there are none. */
export function DividedList<T extends { id: string }>({ items, empty, children }: { items: readonly T[]; empty: string; children: (item: T) => ReactNode }) {
  if (items.length === 0) {
    return (
      <Text as="p" tone="subdued">
        {empty}
      </Text>
    );
  }
  return items.map((item, i) => (
    <BlockStack gap="100" key={item.id}>
      {i > 0 && <Divider />}
      {children(item)}
    </BlockStack>
  ));
}
