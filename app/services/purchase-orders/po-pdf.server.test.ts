import { describe, expect, it } from "vitest";
import { documentLines, type PoDocument } from "./po-document";
import { renderPoPdf } from "./po-pdf.server";

const pageCount = (pdf: Buffer) => (pdf.toString("latin1").match(/\/Type \/Page\b/g) ?? []).length;

function poWith(lineCount: number, notes: string | null = null): PoDocument {
  const lines = Array.from({ length: lineCount }, (_, i) => ({
    sku: `SKU-${i + 1}`,
    title: i % 7 === 0 ? `A product with a long title that wraps onto a second line in the item column, number ${i + 1}` : `Product ${i + 1}`,
    quantity: i + 1,
    unitCost: "2.345",
  }));
  return {
    shopName: "Maple & Moss",
    number: "PO-1001",
    status: "approved",
    currency: "USD",
    vendor: { name: "Acme", contactName: "Ann", email: "orders@acme.test", phone: "+1 555 0100" },
    destination: "Warehouse",
    expectedAt: "2026-12-01T00:00:00.000Z",
    issuedAt: "2026-11-20T00:00:00.000Z",
    notes,
    ...documentLines(lines),
  };
}

describe("PO PDF", () => {
  it("renders a one-page PDF for a short PO", async () => {
    const pdf = await renderPoPdf(poWith(3, "Deliver to the back door"));
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pageCount(pdf)).toBe(1);
    expect(pdf.toString("latin1")).toContain("(Purchase order PO-1001)"); // document info title
  });

  it("breaks long POs onto more pages", async () => {
    const pdf = await renderPoPdf(poWith(120));
    expect(pdf.subarray(0, 4).toString("latin1")).toBe("%PDF");
    expect(pageCount(pdf)).toBeGreaterThanOrEqual(4);
  });
});
