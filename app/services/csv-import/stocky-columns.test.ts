import { describe, expect, it } from "vitest";
import { parseCalendarDate, STOCKY_STATUS } from "./formats";
import { headerMapper, normalizeHeader, STOCKY_PO_COLUMNS, STOCKY_SUPPLIER_COLUMNS } from "./stocky-columns";

describe("Stocky header matching", () => {
  it("ignores case, spacing, punctuation and decorations", () => {
    expect(normalizeHeader("  Lead Time (days) ")).toBe("lead time days");
    expect(normalizeHeader("PO #")).toBe("po number");
    expect(normalizeHeader("Qty_Ordered")).toBe("qty ordered");
  });

  it("maps each alias to its canonical column and keeps unknown headers as written", () => {
    const po = headerMapper(STOCKY_PO_COLUMNS);
    expect(po(["PO #", "Vendor", "ETA", "Destination", "Variant SKU", "Qty", "Qty Received", "Cost Price", "Product title"])).toEqual([
      "PO number",
      "Supplier",
      "Expected at",
      "Location",
      "SKU",
      "Quantity ordered",
      "Quantity received",
      "Cost",
      "Product title",
    ]);
    expect(headerMapper(STOCKY_SUPPLIER_COLUMNS)(["Supplier Name", "E-mail", "Lead time (days)", "Minimum order quantity"])).toEqual(["Name", "Email", "Lead time", "MOQ"]);
  });

  it("lets the first of two headers for one column win", () => {
    expect(headerMapper(STOCKY_PO_COLUMNS)(["Supplier", "Vendor"])).toEqual(["Supplier", "Vendor (ignored: second Supplier column)"]);
    expect(headerMapper(STOCKY_PO_COLUMNS)(["Vendor", "supplier"])).toEqual(["Supplier", "supplier (ignored: second Supplier column)"]);
  });
});

describe("Stocky values", () => {
  it("reads ISO and month-name dates and refuses ambiguous or impossible ones", () => {
    expect(parseCalendarDate("2026-11-23")).toBe("2026-11-23");
    expect(parseCalendarDate("2026-11-23 10:00:00 -0500")).toBe("2026-11-23");
    expect(parseCalendarDate("23 Nov 2026")).toBe("2026-11-23");
    expect(parseCalendarDate("Nov 23, 2026")).toBe("2026-11-23");
    expect(parseCalendarDate("November 3 2026")).toBe("2026-11-03");
    expect(parseCalendarDate("11/03/2026")).toBeNull();
    expect(parseCalendarDate("2026-02-30")).toBeNull();
    expect(parseCalendarDate("31 Foo 2026")).toBeNull();
  });

  it("maps Stocky's statuses, whatever their spelling", () => {
    expect(STOCKY_STATUS[normalizeHeader("Ordered")]).toBe("sent");
    expect(STOCKY_STATUS[normalizeHeader("Partially Received")]).toBe("partially_received");
    expect(STOCKY_STATUS[normalizeHeader("canceled")]).toBe("cancelled");
    expect(STOCKY_STATUS[normalizeHeader("Archived")]).toBe("closed");
  });
});
