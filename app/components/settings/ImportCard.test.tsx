// The Import card: the kinds it offers (Stocky's too), the caps it states, and the latest import in words —
// queued, importing with its percentage, imported (with what a Stocky file created or updated), failed with
// its rows by line (server-side render, no browser).
import { AppProvider } from "@shopify/polaris";
import en from "@shopify/polaris/locales/en.json";
import type { ReactNode } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { ImportBatchDto } from "~/utils/import-result";
import { describeImportCounts, ImportCard } from "./ImportCard";

const html = (node: ReactNode) => renderToString(<AppProvider i18n={en}>{node}</AppProvider>).replace(/<!-- -->/g, "");
const noop = () => {};
const counts = { vendorsCreated: 1, vendorsUpdated: 0, vendorsUnchanged: 0, purchaseOrdersCreated: 5, purchaseOrdersUpdated: 2, purchaseOrdersUnchanged: 1 };
const batch = (over: Partial<ImportBatchDto>): ImportBatchDto => ({
  id: "b1",
  kind: "demand",
  fileName: "history.csv",
  status: "completed",
  rowCount: 0,
  percent: null,
  written: 0,
  skipped: 0,
  rowsWritten: 0,
  errorCount: 0,
  errors: [],
  createdAt: "2026-12-07T10:00:00.000Z",
  ...over,
});
const card = (recent: ImportBatchDto[]) => html(<ImportCard maxUploadMb={20} maxRows={1_000_000} recent={recent} importing={false} result={null} onImport={noop} />);

describe("ImportCard", () => {
  it("lists the Stocky supplier and purchase-order kinds, and states the size and row caps next to the upload", () => {
    const out = card([]);
    expect(out).toContain('<option value="stocky-suppliers">Stocky suppliers</option>');
    expect(out).toContain('<option value="stocky-purchase-orders">Stocky purchase orders</option>');
    expect(out).toContain("CSV, up to 20 MB and 1,000,000 rows");
    expect(out).toContain("One file at a time, up to 20 MB and 1,000,000 rows");
  });

  it("shows a queued import, then its progress, and refuses another file meanwhile", () => {
    const queued = card([batch({ status: "queued", percent: 0 })]);
    expect(queued).toContain("Queued: history.csv");
    expect(queued).toContain("Wait for the current import to finish.");
    const running = card([batch({ status: "running", percent: 45, rowCount: 450_000 })]);
    expect(running).toContain("Importing… 45%: history.csv");
    expect(running).toContain("450,000 rows read so far.");
    expect(running).toMatch(/<button[^>]*disabled[^>]*>(?:(?!<\/button>).)*Import/);
  });

  it("says how many rows were imported, and what a Stocky file created and updated", () => {
    const done = card([batch({ rowCount: 12_345, written: 12_000, skipped: 345 })]);
    expect(done).toContain("Imported 12,345 rows from history.csv");
    expect(done).toContain("12,000 written, 345 skipped");
    expect(done).not.toContain("Wait for the current import to finish.");
    const stocky = card([batch({ kind: "stocky-purchase-orders", fileName: "stocky-pos.csv", rowCount: 9, written: 9, counts })]);
    expect(stocky).toContain("Imported 9 rows from stocky-pos.csv");
    expect(stocky).toContain("Vendors: 1 added. Purchase orders: 5 added, 2 updated, 1 unchanged. Open purchase orders count as on order from the next plan.");
    expect(stocky).not.toContain("Demand is updated");
  });

  it("lists a failed import's rows by line", () => {
    const failed = card([batch({ status: "failed", rowCount: 3, errorCount: 1, errors: [{ line: 3, message: "qty: must be a whole number of units" }] })]);
    expect(failed).toContain("Failed: 1 problem from history.csv");
    expect(failed).toContain("Nothing was imported. Fix these rows");
    expect(failed).toContain("Line 3: qty: must be a whole number of units");
  });

  it("says when a Stocky file changed nothing", () => {
    expect(describeImportCounts({ ...counts, vendorsCreated: 0, purchaseOrdersCreated: 0, purchaseOrdersUpdated: 0, purchaseOrdersUnchanged: 0 })).toBe("Nothing to change.");
    expect(describeImportCounts({ ...counts, vendorsCreated: 0, vendorsUnchanged: 3, purchaseOrdersCreated: 0, purchaseOrdersUpdated: 0, purchaseOrdersUnchanged: 0 })).toBe("Vendors: 3 unchanged.");
  });
});
