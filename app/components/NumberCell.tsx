import type { ReactNode } from "react";
import { IndexTable, Text } from "@shopify/polaris";

/** An index-table cell holding one figure, right-aligned in tabular numerals so a column's digits line up. */
export function NumberCell({ children }: { children: ReactNode }) {
  return (
    <IndexTable.Cell>
      <Text as="span" alignment="end" numeric>
        {children}
      </Text>
    </IndexTable.Cell>
  );
}
