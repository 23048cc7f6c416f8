import { Banner, BlockStack, InlineStack, Text } from "@shopify/polaris";
import type { SelectionTotals } from "~/lib/replenishment";
import { plural } from "~/utils/plural";

/** What the selected lines add up to, and which vendors they leave under their minimum order. */
export function SelectionSummary({ totals, money, vendorName }: { totals: SelectionTotals; money: (cents: number) => string; vendorName: (id: string) => string }) {
  return (
    <div style={{ padding: "8px 12px" }} data-testid="selection-summary">
      <BlockStack gap="200">
        <InlineStack gap="300">
          <Text as="span" fontWeight="semibold">
            {plural(totals.lines, "line", "lines")} selected
          </Text>
          <Text as="span" numeric>
            {plural(totals.units, "unit", "units")}
          </Text>
          <Text as="span" numeric>
            {money(totals.valueCents)}
            {totals.unpricedLines > 0 && ` (${plural(totals.unpricedLines, "line", "lines")} without a unit cost not counted)`}
          </Text>
        </InlineStack>
        {totals.underMinimum.length > 0 && (
          <Banner tone="warning">
            {totals.underMinimum.map((u) => (
              <p key={u.vendorId}>
                {vendorName(u.vendorId)}: {plural(u.units, "unit", "units")} selected, under its minimum order of {plural(u.moq, "unit", "units")}.
              </p>
            ))}
          </Banner>
        )}
      </BlockStack>
    </div>
  );
}
