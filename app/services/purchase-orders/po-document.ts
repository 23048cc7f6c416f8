// What a purchase order looks like on paper: the document model shared by the PDF, the CSV and the email
// to the vendor, plus the pure pieces (CSV escaping, money and date formatting, file names). No I/O.
import { centsToDecimal, lineTotalCents, normaliseUnitCost } from "./money";
import { csvField } from "~/utils/csv";
import { plural } from "~/utils/plural";

export interface PoDocumentLine {
  sku: string;
  /** The vendor's own SKU for the variant (VendorVariant), "" when none is recorded. */
  vendorSku: string;
  /** Product title, plus the variant title when the product has variants. */
  title: string;
  quantity: number;
  /** Decimal string in the PO currency, up to 4 decimals ("12.50", "0.335"). */
  unitCost: string;
  /** quantity × unit cost rounded to cents, as a Decimal string ("4.02"). */
  lineTotal: string;
}

export interface PoDocument {
  shopName: string;
  number: string;
  status: string;
  currency: string;
  vendor: { name: string; contactName: string | null; email: string | null; phone: string | null };
  destination: string;
  /** ISO date-times; the document prints the UTC calendar day. */
  expectedAt: string | null;
  issuedAt: string;
  notes: string | null;
  lines: PoDocumentLine[];
  units: number;
  total: string;
}

/** Lines as stored (quantity, Decimal string unit cost) → document lines with totals in exact cents. */
export function documentLines(lines: readonly { sku: string | null; vendorSku?: string | null; title: string; quantity: number; unitCost: string }[]): {
  lines: PoDocumentLine[];
  units: number;
  total: string;
} {
  let totalCents = 0n;
  let units = 0;
  const out = lines.map((l) => {
    const cents = lineTotalCents(l.quantity, l.unitCost);
    totalCents += cents;
    units += l.quantity;
    return { sku: l.sku ?? "", vendorSku: l.vendorSku ?? "", title: l.title, quantity: l.quantity, unitCost: normaliseUnitCost(l.unitCost), lineTotal: centsToDecimal(cents) };
  });
  return { lines: out, units, total: centsToDecimal(totalCents) };
}

/** "Tent" + "Green" → "Tent — Green"; Shopify's placeholder "Default Title" is dropped. */
export function lineTitle(product: string, variant: string | null): string {
  return variant && variant !== "Default Title" ? `${product} — ${variant}` : product;
}

export const CSV_HEADER = ["sku", "vendor_sku", "title", "quantity", "unit_cost", "line_total"] as const;

/** The PO's lines as CSV: header row, one row per line, CRLF line ends (RFC 4180). Amounts are plain decimals. */
export function poCsv(doc: Pick<PoDocument, "lines">): string {
  const rows = [CSV_HEADER.join(",")];
  for (const l of doc.lines) {
    rows.push([csvField(l.sku), csvField(l.vendorSku), csvField(l.title), csvField(l.quantity, { text: false }), csvField(l.unitCost, { text: false }), csvField(l.lineTotal, { text: false })].join(","));
  }
  return rows.join("\r\n") + "\r\n";
}

/**
 * A Decimal string in `currency`: ("1234.5", "USD") → "$1,234.50". Intl formats the string exactly (no float
 * conversion); an unknown currency code falls back to "1,234.50 XYZ".
 */
export function formatAmount(amount: string, currency: string): string {
  try {
    return new Intl.NumberFormat("en-US", { style: "currency", currency, maximumFractionDigits: 4 }).format(amount as unknown as number);
  } catch {
    return `${amount} ${currency}`;
  }
}

const day = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });

/** "2026-12-01T00:00:00.000Z" → "Dec 1, 2026"; null → "—". */
export function formatDay(iso: string | null): string {
  return iso ? day.format(new Date(iso)) : "—";
}

/** "PO-1001" → "PO-1001.pdf"; anything outside [A-Za-z0-9._-] becomes "-" so the header stays safe. */
export function poFilename(number: string, extension: "pdf" | "csv"): string {
  const base = number.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^[-.]+|-+$/g, "") || "purchase-order";
  return `${base}.${extension}`;
}

/** The email to the vendor: subject and plain-text body (the merchant's message, then a summary). */
export function vendorEmail(doc: PoDocument, message: string): { subject: string; text: string } {
  const summary = [
    `Purchase order ${doc.number} from ${doc.shopName}`,
    `Ship to: ${doc.destination}`,
    `Expected: ${formatDay(doc.expectedAt)}`,
    `${plural(doc.lines.length, "line")}, ${plural(doc.units, "unit")}, total ${formatAmount(doc.total, doc.currency)}`,
  ];
  const body = message.trim();
  return { subject: `Purchase order ${doc.number} from ${doc.shopName}`, text: `${body ? `${body}\n\n` : ""}${summary.join("\n")}\n` };
}

/** The message the send form starts with. */
export function defaultVendorMessage(doc: Pick<PoDocument, "number" | "shopName" | "destination" | "expectedAt" | "vendor">): string {
  const greeting = doc.vendor.contactName ? `Hello ${doc.vendor.contactName},` : "Hello,";
  const by = doc.expectedAt ? ` by ${formatDay(doc.expectedAt)}` : "";
  return `${greeting}\n\nPlease find attached purchase order ${doc.number} for delivery to ${doc.destination}${by}. Please confirm the order and the delivery date.\n\nThank you,\n${doc.shopName}`;
}
