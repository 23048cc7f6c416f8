import { useState } from "react";
import { Banner, BlockStack, Button, Card, DropZone, InlineStack, List, Select, Text, TextField } from "@shopify/polaris";
import type { ImportBatchDto, QueuedImport } from "~/utils/import-result";
import { importActive, ImportStatus, importSummary } from "./ImportStatus";
import { MinorHeading } from "~/components/CardTitle";

export { describeImportCounts } from "./ImportStatus";

export type ImportKindValue = "shopify-orders" | "shopify-inventory" | "demand" | "stocky-suppliers" | "stocky-purchase-orders";

export type ImportActionResult =
  | { intent: "import"; ok: true; fileName: string; result: QueuedImport }
  | { intent: "import"; ok: false; fieldErrors: Partial<Record<string, string>> };

export type RecentImport = ImportBatchDto;

interface Props {
  maxUploadMb: number;
  maxRows: number;
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

/**
 * Upload a history CSV: choose its kind, pick the file, import. The file is queued and imported in the
 * background; the latest import's progress, then its outcome (rows imported or every bad line), shows on top.
 */
export function ImportCard({ maxUploadMb, maxRows, recent, importing, result, onImport }: Props) {
  const [kind, setKind] = useState<ImportKindValue>("shopify-orders");
  const [snapshotDate, setSnapshotDate] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const errors = result && !result.ok ? result.fieldErrors : {};
  const tooBig = file !== null && file.size > maxUploadMb * 1024 * 1024;
  const latest = recent[0];
  const busy = importActive(latest);

  return (
    <Card>
      <BlockStack gap="400">
        {result?.ok && result.result.status === "duplicate" ? (
          <Banner tone="info" title="This file was already imported">
            <p>{result.fileName} has exactly the same contents as an earlier import, so nothing changed.</p>
          </Banner>
        ) : null}
        {latest ? <ImportStatus batch={latest} /> : null}
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
            <DropZone.FileUpload actionHint={`CSV, up to ${maxUploadMb} MB and ${maxRows.toLocaleString("en-US")} rows`} />
          )}
        </DropZone>
        {errors.file || tooBig ? (
          <Text as="p" tone="critical">
            {tooBig ? `This file is larger than ${maxUploadMb} MB. Split it into smaller files and import each.` : errors.file}
          </Text>
        ) : null}
        <Text as="p" variant="bodySm" tone="subdued">
          One file at a time, up to {maxUploadMb} MB and {maxRows.toLocaleString("en-US")} rows: split a longer history into several files (for example one per year).
          A file with any bad row imports nothing and lists the rows to fix.
        </Text>
        <InlineStack align="end" gap="200" blockAlign="center">
          {busy ? (
            <Text as="span" tone="subdued">
              Wait for the current import to finish.
            </Text>
          ) : null}
          <Button
            variant="primary"
            disabled={!file || tooBig || busy}
            loading={importing}
            onClick={() => file && onImport({ kind, snapshotDate: kind === "shopify-inventory" ? snapshotDate : null, file })}
          >
            Import
          </Button>
        </InlineStack>
        {recent.length ? (
          <BlockStack gap="100">
            <MinorHeading>Recent imports</MinorHeading>
            <List type="bullet">
              {recent.map((r) => (
                <List.Item key={r.id}>
                  {r.fileName} ({KIND_LABEL[r.kind] ?? r.kind}): {importSummary(r)}
                </List.Item>
              ))}
            </List>
          </BlockStack>
        ) : null}
      </BlockStack>
    </Card>
  );
}
