// Header matching for Stocky's exports. Stocky (Shopify's retired inventory app) never published a fixed CSV
// layout, and merchants often tidy the files in a spreadsheet before moving, so its columns are matched by
// alias: case, spacing, punctuation and "#"/"(days)" decorations are ignored, and each known alias maps to
// one canonical column name (the name used in error messages). docs/stocky-import.md lists every alias.

/** Lower case, every run of non-alphanumerics collapsed to one space: "Lead Time (days)" → "lead time days". */
export function normalizeHeader(header: string): string {
  return header
    .normalize("NFKD")
    .toLowerCase()
    .replace(/#/g, " number ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

export const STOCKY_SUPPLIER_COLUMNS = {
  Name: ["name", "supplier", "supplier name", "vendor", "vendor name", "company", "company name"],
  Email: ["email", "email address", "e mail", "contact email", "supplier email"],
  Phone: ["phone", "phone number", "telephone", "tel", "contact phone"],
  Contact: ["contact", "contact name", "contact person", "attention"],
  "Lead time": ["lead time", "lead time days", "leadtime", "lead time in days", "lead days"],
  MOQ: ["moq", "minimum order quantity", "minimum order", "min order qty", "min order quantity"],
  Currency: ["currency", "currency code"],
  Notes: ["notes", "note"],
} as const;

export const STOCKY_PO_COLUMNS = {
  "PO number": ["po number", "po", "po no", "po id", "purchase order", "purchase order number", "purchase order id", "purchase order no", "number"],
  Supplier: ["supplier", "supplier name", "vendor", "vendor name"],
  Status: ["status", "po status", "purchase order status"],
  "Ordered at": ["ordered at", "ordered date", "ordered on", "date ordered", "order date", "created at", "created", "date created", "created date"],
  "Expected at": [
    "expected at",
    "expected date",
    "expected on",
    "expected",
    "expected arrival",
    "expected arrival date",
    "expected delivery date",
    "arrival date",
    "due date",
    "eta",
  ],
  Location: ["location", "destination", "destination location", "receiving location", "location to receive stock", "ship to", "deliver to", "store"],
  SKU: ["sku", "variant sku", "product sku"],
  "Quantity ordered": ["quantity", "qty", "quantity ordered", "qty ordered", "ordered", "ordered quantity", "ordered qty", "order quantity"],
  "Quantity received": ["quantity received", "qty received", "received", "received quantity", "received qty"],
  Cost: ["cost", "cost price", "unit cost", "supplier cost", "price", "unit price"],
  "Supplier SKU": ["supplier sku", "vendor sku", "supplier item code", "supplier product code", "supplier code", "supplier part number", "vendor item code", "vendor product code"],
  Currency: ["currency", "currency code"],
} as const;

/**
 * A column-name mapper for csv-parse: each header that matches an alias becomes its canonical name; other
 * headers are kept as written (and ignored by the row schema). When two headers map to the same canonical
 * column, the first one wins and the later one is renamed out of the way (so it cannot overwrite the first).
 */
export function headerMapper(columns: Record<string, readonly string[]>): (headers: string[]) => string[] {
  const byAlias = new Map<string, string>();
  for (const [canonical, aliases] of Object.entries(columns)) {
    byAlias.set(normalizeHeader(canonical), canonical);
    for (const alias of aliases) byAlias.set(normalizeHeader(alias), canonical);
  }
  return (headers) => {
    const taken = new Set<string>();
    return headers.map((header) => {
      const canonical = byAlias.get(normalizeHeader(header));
      if (canonical === undefined) return header.trim();
      if (taken.has(canonical)) return `${header.trim()} (ignored: second ${canonical} column)`;
      taken.add(canonical);
      return canonical;
    });
  };
}
