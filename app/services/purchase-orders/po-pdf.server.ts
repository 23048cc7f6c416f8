// A purchase order as a PDF (pdfkit, its built-in Helvetica): header with shop, PO number and dates, vendor
// and ship-to blocks, the line table (repeated header on every page), totals, notes and "Page n of m".
import PDFDocument from "pdfkit";
import { formatAmount, formatDay, type PoDocument } from "./po-document";

const MARGIN = 50;
const FOOTER = 30;
const GREY = "#555555";
const RULE = "#cccccc";

/** A warning printed under the title when the PO isn't (or is no longer) an order the vendor should fill. */
const STATUS_CAVEAT: Record<string, string> = {
  draft: "DRAFT — not approved, do not fulfil",
  pending_approval: "AWAITING APPROVAL — do not fulfil yet",
  cancelled: "CANCELLED — do not fulfil",
};

/** Column layout of the line table on a US Letter page (612 pt wide, 512 pt between margins). */
const COLUMNS = [
  { key: "sku", label: "SKU", width: 78, align: "left" },
  { key: "vendorSku", label: "Vendor SKU", width: 78, align: "left" },
  { key: "title", label: "Item", width: 140, align: "left" },
  { key: "quantity", label: "Qty", width: 44, align: "right" },
  { key: "unitCost", label: "Unit cost", width: 77, align: "right" },
  { key: "lineTotal", label: "Line total", width: 95, align: "right" },
] as const;

/** Renders `doc` to PDF bytes (starts with "%PDF"). Long POs break onto new pages. */
export function renderPoPdf(doc: PoDocument): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: "LETTER",
    margin: MARGIN,
    bufferPages: true,
    info: { Title: `Purchase order ${doc.number}`, Author: doc.shopName, Subject: `Purchase order ${doc.number} for ${doc.vendor.name}`, Creator: "Stockcast" },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on("data", (c: Buffer) => chunks.push(c));
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });

  const left = MARGIN;
  const width = pdf.page.width - 2 * MARGIN;
  const bottom = () => pdf.page.height - MARGIN - FOOTER;

  // Header: shop and document title on the left, number and dates on the right.
  pdf.font("Helvetica-Bold").fontSize(18).fillColor("black").text(doc.shopName, left, MARGIN, { width: width / 2 });
  pdf.font("Helvetica").fontSize(11).fillColor(GREY).text("Purchase order", left, pdf.y + 2);
  const caveat = STATUS_CAVEAT[doc.status];
  if (caveat) pdf.font("Helvetica-Bold").fontSize(10).fillColor("#b42318").text(caveat, left, pdf.y + 2, { width: width / 2 });
  const headerBottom = pdf.y;
  const meta: [string, string][] = [
    ["PO number", doc.number],
    ["Issued", formatDay(doc.issuedAt)],
    ["Expected", formatDay(doc.expectedAt)],
    ["Currency", doc.currency],
  ];
  let metaY = MARGIN;
  for (const [label, value] of meta) {
    pdf.font("Helvetica").fontSize(9).fillColor(GREY).text(label, left + width / 2, metaY, { width: width / 4 });
    pdf.font("Helvetica-Bold").fontSize(10).fillColor("black").text(value, left + (3 * width) / 4, metaY, { width: width / 4, align: "right" });
    metaY += 15;
  }

  // Vendor and ship-to blocks side by side.
  let y = Math.max(headerBottom, metaY) + 20;
  const block = (x: number, title: string, lines: string[]) => {
    pdf.font("Helvetica-Bold").fontSize(9).fillColor(GREY).text(title.toUpperCase(), x, y, { width: width / 2 - 10 });
    pdf.font("Helvetica").fontSize(10).fillColor("black");
    for (const line of lines) pdf.text(line, x, pdf.y + 2, { width: width / 2 - 10 });
    return pdf.y;
  };
  const vendorLines = [doc.vendor.name, doc.vendor.contactName, doc.vendor.email, doc.vendor.phone].filter((l): l is string => !!l);
  const blocksBottom = Math.max(block(left, "Vendor", vendorLines), block(left + width / 2, "Ship to", [doc.destination]));
  y = blocksBottom + 20;

  // The line table.
  const cell = (text: string, col: (typeof COLUMNS)[number], x: number, rowY: number) =>
    pdf.text(text, x + 4, rowY, { width: col.width - 8, align: col.align });
  const tableHeader = () => {
    pdf.rect(left, y, width, 18).fill("#f1f1f1");
    pdf.font("Helvetica-Bold").fontSize(9).fillColor("black");
    let x = left;
    for (const col of COLUMNS) {
      cell(col.label, col, x, y + 5);
      x += col.width;
    }
    y += 22;
  };
  tableHeader();
  pdf.font("Helvetica").fontSize(9);
  for (const line of doc.lines) {
    const values: Record<(typeof COLUMNS)[number]["key"], string> = {
      sku: line.sku || "—",
      vendorSku: line.vendorSku || "—",
      title: line.title,
      quantity: line.quantity.toLocaleString("en-US"),
      unitCost: formatAmount(line.unitCost, doc.currency),
      lineTotal: formatAmount(line.lineTotal, doc.currency),
    };
    pdf.font("Helvetica").fontSize(9);
    const height = Math.max(...COLUMNS.map((c) => pdf.heightOfString(values[c.key], { width: c.width - 8 }))) + 6;
    if (y + height > bottom()) {
      pdf.addPage();
      y = MARGIN;
      tableHeader();
      pdf.font("Helvetica").fontSize(9);
    }
    let x = left;
    pdf.fillColor("black");
    for (const col of COLUMNS) {
      cell(values[col.key], col, x, y);
      x += col.width;
    }
    y += height;
    pdf.moveTo(left, y - 3).lineTo(left + width, y - 3).lineWidth(0.5).strokeColor(RULE).stroke();
  }

  // Totals (and notes) stay together: start a page when they don't fit.
  const notesHeight = doc.notes ? pdf.heightOfString(doc.notes, { width }) + 30 : 0;
  if (y + 50 + notesHeight > bottom()) {
    pdf.addPage();
    y = MARGIN;
  }
  y += 6;
  const labelX = left + width - 230;
  const total = (label: string, value: string, bold = false) => {
    pdf.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(bold ? 11 : 10).fillColor("black");
    pdf.text(label, labelX, y, { width: 130 });
    pdf.text(value, labelX + 130, y, { width: 100, align: "right" });
    y += bold ? 18 : 15;
  };
  total(`Lines`, doc.lines.length.toLocaleString("en-US"));
  total(`Units`, doc.units.toLocaleString("en-US"));
  total(`Total (${doc.currency})`, formatAmount(doc.total, doc.currency), true);
  if (doc.notes) {
    y += 12;
    pdf.font("Helvetica-Bold").fontSize(9).fillColor(GREY).text("NOTES", left, y, { width });
    pdf.font("Helvetica").fontSize(10).fillColor("black").text(doc.notes, left, pdf.y + 2, { width });
  }

  // Footer on every page.
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    const footerY = pdf.page.height - MARGIN - 10;
    pdf.font("Helvetica").fontSize(8).fillColor(GREY);
    pdf.text(`${doc.shopName} · ${doc.number}`, left, footerY, { width: width / 2, lineBreak: false });
    pdf.text(`Page ${i - range.start + 1} of ${range.count}`, left + width / 2, footerY, { width: width / 2, align: "right", lineBreak: false });
  }
  pdf.end();
  return done;
}
