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

/** A heading one level below a card title or a section's own heading (Settings cards, parts of a card). */
export function MinorHeading({ children }: { children: ReactNode }) {
  return (
    <Text as="h3" variant="headingSm">
      {children}
    </Text>
  );
}
