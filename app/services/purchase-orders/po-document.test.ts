import { describe, expect, it } from "vitest";
import { defaultVendorMessage, documentLines, formatAmount, formatDay, lineTitle, poCsv, poFilename, vendorEmail, type PoDocument } from "./po-document";

const doc = (over: Partial<PoDocument> = {}): PoDocument => ({
  shopName: "Maple & Moss",
  number: "PO-1001",
  status: "approved",
  currency: "CAD",
  vendor: { name: "Acme", contactName: "Ann", email: "orders@acme.test", phone: null },
  destination: "Warehouse",
  expectedAt: "2026-12-01T00:00:00.000Z",
  issuedAt: "2026-11-20T10:00:00.000Z",
  notes: null,
  ...documentLines([
    { sku: "T-G", vendorSku: "ACME-7", title: "Tent — Green", quantity: 3, unitCost: "0.335" },
    { sku: null, title: 'Stove, "compact"', quantity: 12, unitCost: "12.5" },
  ]),
  ...over,
});

describe("PO document", () => {
  it("totals lines in exact cents", () => {
    const d = doc();
    expect(d.lines.map((l) => [l.unitCost, l.lineTotal])).toEqual([
      ["0.335", "1.01"], // 1.005 rounds half up to 1.01, where floats give 1.00
      ["12.50", "150.00"],
    ]);
    expect(d.units).toBe(15);
    expect(d.total).toBe("151.01");
  });

  it("writes the CSV with a header and one row per line", () => {
    expect(poCsv(doc())).toBe('sku,vendor_sku,title,quantity,unit_cost,line_total\r\nT-G,ACME-7,Tent — Green,3,0.335,1.01\r\n,,"Stove, ""compact""",12,12.50,150.00\r\n');
    expect(poCsv({ lines: [] })).toBe("sku,vendor_sku,title,quantity,unit_cost,line_total\r\n");
  });

  it("formats money in the PO currency from the decimal string, and days in UTC", () => {
    expect(formatAmount("1234.5", "USD")).toBe("$1,234.50");
    expect(formatAmount("0.335", "CAD")).toBe("CA$0.335");
    expect(formatAmount("10", "XYZ1")).toBe("10 XYZ1");
    expect(formatDay("2026-12-01T00:00:00.000Z")).toBe("Dec 1, 2026");
    expect(formatDay(null)).toBe("—");
  });

  it("names files safely and titles lines without Shopify's placeholder", () => {
    expect(poFilename("PO-1001", "pdf")).toBe("PO-1001.pdf");
    expect(poFilename('PO "7"/x', "csv")).toBe("PO-7-x.csv");
    expect(poFilename("///", "csv")).toBe("purchase-order.csv");
    expect(lineTitle("Tent", "Default Title")).toBe("Tent");
    expect(lineTitle("Tent", "Green")).toBe("Tent — Green");
  });

  it("writes the vendor email: the merchant's message, then a summary", () => {
    const mail = vendorEmail(doc(), "  Hi Ann  ");
    expect(mail.subject).toBe("Purchase order PO-1001 from Maple & Moss");
    expect(mail.text).toBe("Hi Ann\n\nPurchase order PO-1001 from Maple & Moss\nShip to: Warehouse\nExpected: Dec 1, 2026\n2 lines, 15 units, total CA$151.01\n");
    const one = doc();
    expect(vendorEmail({ ...one, lines: one.lines.slice(0, 1), units: 1 }, "").text).toContain("\n1 line, 1 unit, total ");
    expect(defaultVendorMessage(doc())).toContain("Hello Ann,\n\nPlease find attached purchase order PO-1001 for delivery to Warehouse by Dec 1, 2026.");
    expect(defaultVendorMessage(doc({ vendor: { name: "Acme", contactName: null, email: null, phone: null }, expectedAt: null }))).toMatch(/^Hello,\n\n.*to Warehouse\. /);
  });
});
