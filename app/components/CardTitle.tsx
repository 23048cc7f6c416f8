import { Text } from "@shopify/polaris";
import type { ReactNode } from "react";

/** A card's title, as every card of a page shows it (Polaris 13 cards have no title of their own). */
export function CardTitle({ children }: { children: ReactNode }) {
  return (
    <Text as="h2" variant="headingMd">
      {children}
    </Text>
  );
}
