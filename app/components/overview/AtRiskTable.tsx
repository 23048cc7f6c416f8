import { DataTable, Link, Text } from "@shopify/polaris";
import { formatDate, formatMoneyCents } from "~/components/format";
import type { AtRiskItem } from "~/utils/overview-dto";

/** The ten critical variant × locations with the most sales at risk, each linking to its forecast. */
export function AtRiskTable({ rows, currency }: { rows: AtRiskItem[]; currency: string }) {
  return (
    <DataTable
      columnContentTypes={["text", "text", "text", "numeric", "numeric"]}
      headings={["Variant", "Location", "Runs out", "Short (units)", "Sales at risk"]}
      rows={rows.map((r) => [
        <Link key="v" url={`/app/forecasts/${r.variantId}?location=${r.locationId}`} removeUnderline>
          <Text as="span" fontWeight="semibold">
            {r.product}
          </Text>{" "}
          <Text as="span" tone="subdued">
            {[r.variant === "Default Title" ? null : r.variant, r.sku].filter(Boolean).join(" · ")}
          </Text>
        </Link>,
        r.location,
        r.stockoutDate ? formatDate(r.stockoutDate) : "—",
        r.shortfallUnits.toLocaleString("en-US"),
        formatMoneyCents(r.valueCents, currency),
      ])}
    />
  );
}
