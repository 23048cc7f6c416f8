import { useState } from "react";
import { Banner, BlockStack, Button, Card, DropZone, InlineStack, List, Select, Text, TextField } from "@shopify/polaris";
import type { ImportResult, StockyCounts } from "~/utils/import-result";

export type ImportKindValue = "shopify-orders" | "shopify-inventory" | "demand" | "stocky-suppliers" | "stocky-purchase-orders";

export type ImportActionResult =
  | { intent: "import"; ok: true; fileName: string; result: ImportResult }
  | { intent: "import"; ok: false; fieldErrors: Partial<Record<string, string>> };

export interface RecentImport {
  id: string;
  kind: string;
  fileName: string;
  status: string;
  rowCount: number;
  errorCount: number;
  createdAt: string;
}

interface Props {
  maxUploadMb: number;
  recent: RecentImport[];
  importing: boolean;
  result: ImportActionResult | null;
  onImport: (input: { kind: ImportKindValue; snapshotDate: string | null; file: File }) => void;
}

const KINDS: { value: ImportKindValue; label: string; help: string }[] = [
  { value: "shopify-orders", label: "Shopify orders export", help: "Orders → Export → CSV for Excel or plain CSV. One row per line item." },
  {
    value: "shopify-inventory",
    label: "Shopify inventory export",
    help: "Products → Inventory → Export. Its quantities become the stock level at the end of the date below.",
  },
  { value: "demand", label: "Units sold per day (sku,date,qty[,location])", help: "One row per SKU and day: sku,date,qty and optionally a location name." },
  {
    value: "stocky-suppliers",
    label: "Stocky suppliers",
    help:
      "One row per supplier. Needs a Name (or Supplier) column; Email, Phone, Contact, Lead time (days), MOQ, Currency and Notes are used when present. Suppliers are matched to vendors by name: new ones are added, existing ones updated, and blank cells never clear what a vendor already has.",
  },
  {
    value: "stocky-purchase-orders",
    label: "Stocky purchase orders",
    help:
      "One row per PO line: PO number, Supplier, SKU and Quantity ordered, plus Status, Ordered and Expected dates, Location, Quantity received and Cost when present. Importing a PO again (a later export) updates it instead of adding a copy. Open POs count as on order in the next plan.",
  },
];
const KIND_LABEL = Object.fromEntries(KINDS.map((k) => [k.value, k.label]));

/** Upload a history CSV: choose its kind, pick the file, import; shows rows imported or every bad line. */
export function ImportCard({ maxUploadMb, recent, importing, result, onImport }: Props) {
  const [kind, setKind] = useState<ImportKindValue>("shopify-orders");
  const [snapshotDate, setSnapshotDate] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const errors = result && !result.ok ? result.fieldErrors : {};
  const tooBig = file !== null && file.size > maxUploadMb * 1024 * 1024;

  return (
    <Card>
      <BlockStack gap="400">
        {result?.ok ? <ImportOutcome fileName={result.fileName} result={result.result} /> : null}
        <Select
          label="Kind of file"
          options={KINDS.map((k) => ({ label: k.label, value: k.value }))}
          value={kind}
          onChange={(v) => setKind(v as ImportKindValue)}
          helpText={KINDS.find((k) => k.value === kind)?.help}
          error={errors.kind}
        />
        {kind === "shopify-inventory" ? (
          <TextField
            label="Date the export was taken"
            type="date"
            autoComplete="off"
            value={snapshotDate}
            onChange={setSnapshotDate}
            helpText="Stock levels are recorded as the end of this day, in the shop's time zone."
            error={errors.snapshotDate}
          />
        ) : null}
        <DropZone label="CSV file" allowMultiple={false} onDrop={(_all, accepted) => setFile(accepted[0] ?? null)} error={Boolean(errors.file)}>
          {file ? (
            <div style={{ padding: 16 }}>
              <Text as="p">
                {file.name} · {(file.size / 1024).toLocaleString("en-US", { maximumFractionDigits: 0 })} KB
              </Text>
            </div>
          ) : (
            <DropZone.FileUpload actionHint={`CSV, up to ${maxUploadMb} MB`} />
          )}
        </DropZone>
        {errors.file || tooBig ? (
          <Text as="p" tone="critical">
            {tooBig ? `This file is larger than ${maxUploadMb} MB. Split it into smaller files and import each.` : errors.file}
          </Text>
        ) : null}
        <InlineStack align="end">
          <Button
            variant="primary"
            disabled={!file || tooBig}
            loading={importing}
            onClick={() => file && onImport({ kind, snapshotDate: kind === "shopify-inventory" ? snapshotDate : null, file })}
          >
            Import
          </Button>
        </InlineStack>
        {recent.length ? (
          <BlockStack gap="100">
            <Text as="h3" variant="headingSm">
              Recent imports
            </Text>
            <List type="bullet">
              {recent.map((r) => (
                <List.Item key={r.id}>
                  {r.fileName} ({KIND_LABEL[r.kind] ?? r.kind}): {r.status === "completed" ? `${r.rowCount} rows imported` : `not imported, ${r.errorCount} errors`}
                </List.Item>
              ))}
            </List>
          </BlockStack>
        ) : null}
      </BlockStack>
    </Card>
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
  ]
    .filter(Boolean)
    .join(" ");
  return text || "Nothing to change.";
}

function ImportOutcome({ fileName, result }: { fileName: string; result: ImportResult }) {
  if (result.status === "imported" && result.counts)
    return (
      <Banner tone="success" title={`Imported ${fileName}`}>
        <p>
          {result.rowCount.toLocaleString("en-US")} rows read. {describeImportCounts(result.counts)}
          {result.counts.purchaseOrdersCreated + result.counts.purchaseOrdersUpdated > 0 ? " Open purchase orders count as on order from the next plan." : ""}
        </p>
      </Banner>
    );
  if (result.status === "imported")
    return (
      <Banner tone="success" title={`Imported ${fileName}`}>
        <p>
          {result.rowCount.toLocaleString("en-US")} rows read, {result.written.toLocaleString("en-US")} written
          {result.skipped ? `, ${result.skipped.toLocaleString("en-US")} skipped (not stocked items or already synced from Shopify)` : ""}. Demand is updated; the next plan uses it.
        </p>
      </Banner>
    );
  if (result.status === "duplicate")
    return (
      <Banner tone="info" title="This file was already imported">
        <p>{fileName} has exactly the same contents as an earlier import, so nothing changed.</p>
      </Banner>
    );
  return (
    <Banner tone="critical" title={`Nothing was imported from ${fileName}`}>
      <BlockStack gap="200">
        <p>Fix these rows and import the whole file again (line numbers count the header as line 1):</p>
        <List type="bullet">
          {result.errors.map((e, i) => (
            <List.Item key={`${e.line}-${i}`}>
              Line {e.line}: {e.message}
            </List.Item>
          ))}
        </List>
      </BlockStack>
    </Banner>
  );
}
