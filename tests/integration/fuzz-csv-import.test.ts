// Fuzz (fast-check) of the CSV history import as the app runs it (queued, then the import job), for every kind:
// files that are nearly right (real columns, plausible cells with some broken, quoting sometimes broken,
// a column missing), and arbitrary bytes. Properties: the import never throws; it either imports, or fails
// with a report whose every entry names a line and says what is wrong, and a failed import writes nothing
// but its own failed ImportBatch record. Also the calendar-date reader the Stocky formats use.
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { createLocation, createProduct, createShop, createVariant, uniqueShop } from "../factories";
import { shopRows } from "../factories/shop-rows";
import { REQUIRED_COLUMNS, parseCalendarDate, type ImportKind } from "~/services/csv-import/formats";
import type { ImportRequest } from "~/services/csv-import/import.server";
import { nastyJson } from "../setup/fuzz";
import { importThroughJob } from "../setup/import-job";
import { stopTestQueues } from "../setup/test-queues";

afterAll(stopTestQueues);

/** A shop with two locations, four SKUs and one SKU shared by two variants. */
async function seedShop() {
  const domain = uniqueShop("fuzz-csv");
  const shop = await createShop(domain, { shop: domain, ianaTimezone: "America/New_York" });
  await createLocation(shop);
  await createLocation(shop, 2, { name: "Shop floor" });
  const product = await createProduct(shop, { title: "Everything" });
  for (const [i, sku] of ["SKU-1", "SKU-2", "SKU-3", "SKU-4", "DUP", "DUP"].entries()) await createVariant(shop, product.id, i + 1, { title: sku, sku });
  return shop;
}

/**
 * Every shop-scoped row except the import's own records: its batch, the file it stores while queued, the
 * shop's import lease and the queue's jobs.
 */
const shopRowsExceptImport = (shop: string) => shopRows(shop, ["ImportBatch", "ImportUpload", "ActionLease", "Job"]);

/** Per column: cells that are right, then near misses. Any column also gets odd text now and then. */
const CELLS: Record<string, [good: string[], bad: string[]]> = {
  Name: [["#1001", "#1002", "Acme Supply"], [""]],
  "Created at": [["2026-05-01 10:00:00 -0400", "2026-05-01T10:00:00Z"], ["2026-02-30 10:00:00 -0400", "yesterday"]],
  "Cancelled at": [["", "2026-05-02 10:00:00 -0400"], ["never"]],
  "Lineitem quantity": [["1", "3", "0"], ["-2", "1.5", "99999999999999999999"]],
  "Lineitem sku": [["SKU-1", "SKU-2"], ["DUP", "NOPE"]],
  "Lineitem price": [["19.99", "0", ""], ["$5", "1e3"]],
  "Financial Status": [["paid", "refunded", ""], ["voided"]],
  Location: [["Warehouse", "Shop floor"], ["Moon base"]],
  Id: [["5001", ""], ["abc"]],
  SKU: [["SKU-1", "SKU-3"], ["DUP", "NOPE", ""]],
  Available: [["5", "-3", "not stocked"], ["lots", ""]],
  sku: [["SKU-1", "SKU-4"], ["DUP", "NOPE", ""]],
  date: [["2026-05-01", "2024-02-29"], ["2025-02-29", "05/01/2026", ""]],
  qty: [["1", "12"], ["-1", "2.5", ""]],
  location: [["Warehouse", ""], ["Nowhere"]],
  Email: [["orders@acme.example", ""], ["not-an-email"]],
  Phone: [["+1 555 0100", ""], []],
  Contact: [["Jo", ""], []],
  "Lead time": [["14", "14 days", ""], ["two weeks"]],
  MOQ: [["10", "10.0", ""], ["-5"]],
  Currency: [["USD", "cad", ""], ["dollars"]],
  Notes: [["fragile", ""], []],
  "PO number": [["1001", "1002"], [""]],
  Supplier: [["Acme Supply", "Globex"], []],
  Status: [["ordered", "received", "partially received", ""], ["lost"]],
  "Ordered at": [["2026-05-01", "1 May 2026", "May 1, 2026", ""], ["05/01/2026"]],
  "Expected at": [["2026-06-01", ""], ["31 Feb 2026"]],
  "Quantity ordered": [["10", "12"], ["-1", "ten"]],
  "Quantity received": [["5", ""], ["12.5"]],
  Cost: [["12.50", "$1,299.00", "USD 12.5", ""], ["free"]],
};

const OPTIONAL: Record<ImportKind, string[]> = {
  "shopify-orders": ["Lineitem price", "Cancelled at", "Financial Status", "Location", "Id"],
  "shopify-inventory": [],
  demand: ["location"],
  "stocky-suppliers": ["Email", "Phone", "Contact", "Lead time", "MOQ", "Currency", "Notes"],
  "stocky-purchase-orders": ["Status", "Ordered at", "Expected at", "Location", "Quantity received", "Cost", "Currency"],
};

const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

const cell = (column: string) => {
  const [good, bad] = CELLS[column];
  return fc.oneof(
    { weight: 40, arbitrary: fc.constantFrom(...good) },
    { weight: bad.length ? 2 : 0, arbitrary: bad.length ? fc.constantFrom(...bad) : fc.constant("") },
    { weight: 1, arbitrary: nastyJson.map((v) => (typeof v === "string" ? v : (JSON.stringify(v) ?? ""))) },
  );
};

/** A file of `kind`: its columns (now and then one required missing; order shuffled), 1–4 rows, quoted properly or not. */
function nearlyRightFile(kind: ImportKind): fc.Arbitrary<string> {
  const required = REQUIRED_COLUMNS[kind];
  const columnSets = fc.oneof(
    { weight: 9, arbitrary: fc.subarray(OPTIONAL[kind]).chain((extra) => fc.shuffledSubarray([...required, ...extra], { minLength: required.length + extra.length })) },
    { weight: 1, arbitrary: fc.shuffledSubarray([...required, ...OPTIONAL[kind]], { minLength: 1 }) },
  );
  return fc
    .tuple(columnSets, fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }), fc.constantFrom("\n", "\r\n"))
    .chain(([columns, quoted, eol]) =>
      fc.array(fc.tuple(...columns.map(cell)), { minLength: 1, maxLength: 4 }).map((rows) => {
        const line = (cells: string[]) => cells.map((c) => (quoted ? quote(c) : c)).join(",");
        return [line(columns), ...rows.map(line)].join(eol) + eol;
      }),
    );
}

const requestFor = (kind: ImportKind): ImportRequest => (kind === "shopify-inventory" ? { kind, fileName: "fuzz.csv", snapshotDate: "2026-05-01" } : { kind, fileName: "fuzz.csv" });

const KINDS: ImportKind[] = ["shopify-orders", "shopify-inventory", "demand", "stocky-suppliers", "stocky-purchase-orders"];

describe("CSV import (fuzz)", () => {
  it("imports or reports every problem by line, never throws, and a failed import writes nothing", async () => {
    const file = fc.constantFrom(...KINDS).chain((kind) =>
      fc.oneof(
        { weight: 5, arbitrary: nearlyRightFile(kind).map((content) => ({ kind, content: content as string | Uint8Array })) },
        { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }).map((content) => ({ kind, content: content as string | Uint8Array })) },
      ),
    );
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(file, async ({ kind, content }) => {
        const shop = await seedShop();
        const before = await shopRowsExceptImport(shop);
        const result = await importThroughJob(shop, requestFor(kind), content);
        seen.add(result.status);
        if (result.status === "failed") {
          expect(result.errors.length).toBeGreaterThan(0);
          for (const error of result.errors) {
            expect(Number.isInteger(error.line) && error.line >= 1).toBe(true);
            expect(error.message.trim().length).toBeGreaterThan(2);
          }
          expect(await shopRowsExceptImport(shop)).toEqual(before);
          expect(await prisma.importBatch.findMany({ where: { shop }, select: { status: true } })).toEqual([{ status: "failed" }]);
        } else {
          expect(result.status).toBe("imported");
          expect(await prisma.importBatch.findMany({ where: { shop }, select: { status: true } })).toEqual([{ status: "completed" }]);
        }
      }),
      { numRuns: 20 },
    );
    // The generator reaches both outcomes, so both halves of the property were checked.
    expect([...seen].sort()).toEqual(["failed", "imported"]);
  });

  it("reads calendar dates or answers null, never a wrong date", () => {
    const plausible = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]) => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`),
      fc.tuple(fc.integer({ min: 0, max: 32 }), fc.constantFrom("Jan", "feb", "March", "Sept", "Foo"), fc.integer({ min: 1000, max: 9999 })).map(([d, m, y]) => `${d} ${m} ${y}`),
    );
    fc.assert(
      fc.property(plausible, (text) => {
        const date = parseCalendarDate(text);
        if (date === null) return;
        expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10)).toBe(date);
      }),
      { numRuns: 500 },
    );
  });
});
