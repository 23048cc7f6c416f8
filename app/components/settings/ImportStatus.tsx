import { Banner, BlockStack, InlineStack, List, ProgressBar, Spinner, Text } from "@shopify/polaris";
import type { ImportBatchDto, StockyCounts } from "~/utils/import-result";
import { plural } from "~/utils/plural";

/** How often Settings re-reads an import's progress while it is queued or running (useRevalidateWhile). */
export const REFRESH_WHILE_IMPORTING_MS = 2_000;

const count = (n: number) => n.toLocaleString("en-US");

export const importActive = (batch: Pick<ImportBatchDto, "status"> | undefined) => batch?.status === "queued" || batch?.status === "running";

/** "Imported 12,345 rows" / "Failed: 3 rows with errors" / "Importing… 45%" / "Queued": one import in a few words. */
export function importSummary(batch: ImportBatchDto): string {
  if (batch.status === "queued") return "Queued";
  if (batch.status === "running") return `Importing… ${batch.percent ?? 0}%`;
  if (batch.status === "completed") return `Imported ${plural(batch.rowCount, "row")}`;
  return `Failed: ${batch.errorCount === 1 ? "1 problem" : `${count(batch.errorCount)} rows with errors`}`;
}

/**
 * The latest import: "Queued", "Importing… 45%" with a progress bar, "Imported 12,345 rows", or "Failed: …"
 * with its errors by line. While it is queued or running the page re-reads its data every few seconds
 * (REFRESH_WHILE_IMPORTING_MS), so this moves on its own.
 */
export function ImportStatus({ batch }: { batch: ImportBatchDto }) {
  if (importActive(batch))
    return (
      <Banner tone="info" title={`${importSummary(batch)}: ${batch.fileName}`}>
        <BlockStack gap="200">
          {batch.status === "running" ? (
            <ProgressBar progress={batch.percent ?? 0} size="small" />
          ) : (
            <InlineStack gap="200" blockAlign="center">
              <Spinner size="small" accessibilityLabel="Waiting to start" />
              <Text as="span">Waiting to start.</Text>
            </InlineStack>
          )}
          <p>
            {batch.rowCount ? `${plural(batch.rowCount, "row")} read so far. ` : ""}You can leave this page: the import carries on, and the plan is updated when it is
            done.
          </p>
        </BlockStack>
      </Banner>
    );
  if (batch.status === "completed" && batch.counts)
    return (
      <Banner tone="success" title={`${importSummary(batch)} from ${batch.fileName}`}>
        <p>
          {describeImportCounts(batch.counts)}
          {batch.counts.purchaseOrdersCreated + batch.counts.purchaseOrdersUpdated > 0 ? " Open purchase orders count as on order from the next plan." : ""}
        </p>
      </Banner>
    );
  if (batch.status === "completed")
    return (
      <Banner tone="success" title={`${importSummary(batch)} from ${batch.fileName}`}>
        <p>
          {count(batch.written)} written{batch.skipped ? `, ${count(batch.skipped)} skipped (not stocked items or already synced from Shopify)` : ""}. Demand is
          updated and the shop is being re-planned.
        </p>
      </Banner>
    );
  return (
    <Banner tone="critical" title={`${importSummary(batch)} from ${batch.fileName}`}>
      <BlockStack gap="200">
        <p>
          {batch.rowsWritten > 0
            ? "The import stopped part of the way through:"
            : "Nothing was imported. Fix these rows and import the whole file again (line numbers count the header as line 1):"}
        </p>
        <List type="bullet">
          {batch.errors.map((e, i) => (
            <List.Item key={`${e.line}-${i}`}>
              Line {e.line}: {e.message}
            </List.Item>
          ))}
        </List>
      </BlockStack>
    </Banner>
  );
}

/** "Vendors: 2 added, 1 updated. Purchase orders: 5 added." Only the parts that are not zero. */
export function describeImportCounts(counts: StockyCounts): string {
  const part = (label: string, created: number, updated: number, unchanged: number) => {
    const bits = [
      created ? `${created.toLocaleString("en-US")} added` : "",
      updated ? `${updated.toLocaleString("en-US")} updated` : "",
      unchanged ? `${unchanged.toLocaleString("en-US")} unchanged` : "",
    ].filter(Boolean);
    return bits.length ? `${label}: ${bits.join(", ")}.` : "";
  };
  const text = [
    part("Vendors", counts.vendorsCreated, counts.vendorsUpdated, counts.vendorsUnchanged),
    part("Purchase orders", counts.purchaseOrdersCreated, counts.purchaseOrdersUpdated, counts.purchaseOrdersUnchanged),
    counts.vendorSkusSet ? `Vendor SKUs: ${counts.vendorSkusSet.toLocaleString("en-US")} set.` : "",
  ]
    .filter(Boolean)
    .join(" ");
  return text || "Nothing to change.";
}
