// The Import card offers the Stocky kinds and reports what a Stocky import created or updated (server-side
// render, no browser).
import { AppProvider } from "@shopify/polaris";
import en from "@shopify/polaris/locales/en.json";
import type { ReactNode } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { describeImportCounts, ImportCard, type ImportActionResult } from "./ImportCard";

const html = (node: ReactNode) => renderToString(<AppProvider i18n={en}>{node}</AppProvider>).replace(/<!-- -->/g, "");
const noop = () => {};
const counts = { vendorsCreated: 1, vendorsUpdated: 0, vendorsUnchanged: 0, purchaseOrdersCreated: 5, purchaseOrdersUpdated: 2, purchaseOrdersUnchanged: 1 };

describe("ImportCard — Stocky", () => {
  it("lists the Stocky supplier and purchase-order kinds", () => {
    const out = html(<ImportCard maxUploadMb={50} recent={[]} importing={false} result={null} onImport={noop} />);
    expect(out).toContain('<option value="stocky-suppliers">Stocky suppliers</option>');
    expect(out).toContain('<option value="stocky-purchase-orders">Stocky purchase orders</option>');
  });

  it("shows the vendors and purchase orders created and updated after a Stocky import", () => {
    const result: ImportActionResult = { intent: "import", ok: true, fileName: "stocky-pos.csv", result: { status: "imported", batchId: "b1", rowCount: 9, written: 9, skipped: 0, counts } };
    const out = html(<ImportCard maxUploadMb={50} recent={[]} importing={false} result={result} onImport={noop} />);
    expect(out).toContain("Imported stocky-pos.csv");
    expect(out).toContain("9 rows read. Vendors: 1 added. Purchase orders: 5 added, 2 updated, 1 unchanged. Open purchase orders count as on order from the next plan.");
    expect(out).not.toContain("Demand is updated");
  });

  it("says when a Stocky file changed nothing", () => {
    expect(describeImportCounts({ ...counts, vendorsCreated: 0, purchaseOrdersCreated: 0, purchaseOrdersUpdated: 0, purchaseOrdersUnchanged: 0 })).toBe("Nothing to change.");
    expect(describeImportCounts({ ...counts, vendorsCreated: 0, vendorsUnchanged: 3, purchaseOrdersCreated: 0, purchaseOrdersUpdated: 0, purchaseOrdersUnchanged: 0 })).toBe("Vendors: 3 unchanged.");
  });
});
