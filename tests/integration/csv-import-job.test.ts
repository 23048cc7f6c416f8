// The CSV import as a background job (issue 15, finding 1): the upload stores the file and answers at once
// with the batch queued; the import job reads, validates and writes it, storing its progress on the batch,
// then plans the shop. A bad row writes nothing (errors by line, at most 100 plus a count); a file over the
// row cap fails; a viewer is refused; one import per shop at a time. Runs on both databases.
import { afterAll, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { IMPORT_JOB } from "~/jobs/import.server";
import { PLAN_JOB } from "~/jobs/planning.server";
import { UPLOAD_PART_BYTES } from "~/models/import-batch.server";
import { countPendingJobs } from "~/models/jobs.server";
import * as settingsRoute from "~/routes/app.settings.import/route";
import { importCsv } from "~/services/csv-import/import.server";
import { ABANDONED_IMPORT_MS, IMPORT_BUSY_MESSAGE, queueImport } from "~/services/csv-import/queue-import.server";
import { markImportStopped, MAX_IMPORT_ROWS, runImport } from "~/services/csv-import/run-import.server";
import { rederiveDemandDays } from "~/services/sync/demand.server";
import { VIEWER_MESSAGE } from "~/services/permissions.server";
import { APP, callRoute, createSignedInShop } from "../setup/admin-request";
import { importThroughJob, runImportJob } from "../setup/import-job";
import { stopTestQueues } from "../setup/test-queues";

afterAll(stopTestQueues);

const SKUS = ["A-1", "A-2", "A-3"];

/** A signed-in shop with one location and three SKUs. */
async function seededShop(label: string, staffId = "42") {
  const { shop, headers } = await createSignedInShop(label, { ianaTimezone: "UTC" }, staffId);
  await prisma.location.create({ data: { shop, shopifyId: "gid://shopify/Location/1", name: "Main" } });
  const product = await prisma.product.create({ data: { shop, shopifyId: "gid://shopify/Product/1", title: "Widget" } });
  for (const [i, sku] of SKUS.entries()) await prisma.variant.create({ data: { shop, shopifyId: `gid://shopify/ProductVariant/${i + 1}`, productId: product.id, title: sku, sku } });
  return { shop, headers };
}

/** `days` days of sales of every SKU: one row per SKU and day. */
function demandFile(days: number, qty = 2, from = Date.UTC(2025, 0, 1)): string {
  const rows = ["sku,date,qty"];
  for (let d = 0; d < days; d++) {
    const date = new Date(from + d * 86_400_000).toISOString().slice(0, 10);
    for (const sku of SKUS) rows.push(`${sku},${date},${qty}`);
  }
  return rows.join("\n") + "\n";
}

function upload(headers: Record<string, string>, content: string, name = "history.csv") {
  const form = new FormData();
  form.set("intent", "import");
  form.set("kind", "demand");
  form.set("file", new File([content], name, { type: "text/csv" }));
  const request = new Request(`${APP}/app/settings`, { method: "POST", headers, body: form });
  return callRoute(() => settingsRoute.action({ request, params: {}, context: {} }));
}

async function queuedBatchId(response: Response): Promise<string> {
  expect(response.status).toBe(202);
  const body = (await response.json()) as { ok: boolean; result: { status: string; batchId: string } };
  expect(body).toMatchObject({ ok: true, result: { status: "queued" } });
  return body.result.batchId;
}

describe("CSV import as a background job", () => {
  it("stores a file of several hundred KB in parts (no statement moves the whole file) and imports it whole, rows cut by a part's end included", async () => {
    const { shop, headers } = await seededShop("import-parts");
    // 16,500 rows, ≈ 280 KB, of 2000–2015: history older than any plan reads, so planning it alerts no one.
    const file = demandFile(5_500, 1, Date.UTC(2000, 0, 1));
    expect(file.length).toBeGreaterThan(UPLOAD_PART_BYTES);
    const batchId = await queuedBatchId(await upload(headers, file));
    const parts = await prisma.importUpload.findMany({ where: { shop, batchId }, orderBy: { part: "asc" } });
    expect(parts.map((p) => p.part)).toEqual([0, 1]);
    expect(parts.map((p) => p.content.byteLength)).toEqual([UPLOAD_PART_BYTES, file.length - UPLOAD_PART_BYTES]);
    expect(file[UPLOAD_PART_BYTES - 1]).not.toBe("\n"); // the first part ends inside a row

    const batch = await runImportJob(shop, batchId);
    expect(batch).toMatchObject({ status: "completed", rowCount: 16_500, bytesRead: file.length, rowsWritten: 16_500 });
    expect(await prisma.demandDay.aggregate({ where: { shop }, _sum: { units: true } })).toEqual({ _sum: { units: 16_500 } });
    expect(await prisma.importUpload.count({ where: { shop } })).toBe(0);
  });

  it("answers the upload before importing: the batch is queued with its file stored; the job imports it, keeps its progress, and plans the shop", async () => {
    const { shop, headers } = await seededShop("import-job");
    const file = demandFile(10);
    const batchId = await queuedBatchId(await upload(headers, file));
    // Nothing imported yet: the file waits in the database for the job (a worker may run elsewhere).
    expect(await prisma.importBatch.findFirstOrThrow({ where: { shop, id: batchId } })).toMatchObject({ status: "queued", bytesTotal: file.length, rowsWritten: 0 });
    expect(await prisma.importUpload.count({ where: { shop, batchId } })).toBe(1);
    expect(await prisma.orderLine.count({ where: { shop } })).toBe(0);
    expect(await countPendingJobs(shop, [IMPORT_JOB])).toBe(1);

    const batch = await runImportJob(shop, batchId);
    expect(batch).toMatchObject({ status: "completed", rowCount: 30, bytesRead: file.length, rowsToWrite: 30, rowsWritten: 30, result: { written: 30, skipped: 0 } });
    expect(batch.finishedAt).not.toBeNull();
    expect(await prisma.orderLine.count({ where: { shop } })).toBe(30);
    expect(await prisma.demandDay.aggregate({ where: { shop }, _sum: { units: true } })).toEqual({ _sum: { units: 60 } });
    expect(await prisma.importUpload.count({ where: { shop } })).toBe(0);
    expect(await countPendingJobs(shop, [PLAN_JOB])).toBe(1); // the new history is planned at once

    // The card reads it back: imported, with its row count.
    const loaded = await callRoute(() => settingsRoute.loader({ request: new Request(`${APP}/app/settings`, { headers }), params: {}, context: {} }));
    const data = (await loaded.json()) as { imports: unknown[]; maxImportRows: number };
    expect(data.maxImportRows).toBe(1_000_000);
    expect(data.imports[0]).toMatchObject({ id: batchId, status: "completed", percent: null, rowCount: 30, written: 30, errors: [] });

    // The same bytes again: a duplicate, answered at once, nothing queued.
    const again = await upload(headers, file, "renamed.csv");
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ ok: true, result: { status: "duplicate", batchId } });
    expect(await countPendingJobs(shop, [IMPORT_JOB])).toBe(0);
  });

  it("stores its progress on the batch after every write step", async () => {
    const { shop } = await seededShop("import-progress");
    const queued = await queueImport(shop, { kind: "demand", fileName: "long.csv" }, new TextEncoder().encode(demandFile(1000)));
    if (queued.status !== "queued") throw new Error("not queued");
    // Inside each step's transaction, what the batch said before the step (steps commit their progress).
    const seen: { status: string; bytesRead: number; bytesTotal: number; rowsToWrite: number; rowsWritten: number }[] = [];
    const result = await runImport(shop, queued.batchId, {
      rederiveDemand: async (s, keys, tx) => {
        seen.push(await tx.importBatch.findFirstOrThrow({ where: { shop, id: queued.batchId }, select: { status: true, bytesRead: true, bytesTotal: true, rowsToWrite: true, rowsWritten: true } }));
        return rederiveDemandDays(s, keys, tx);
      },
    });
    expect(result).toMatchObject({ status: "imported", rowCount: 3000, written: 3000 });
    expect(seen.length).toBeGreaterThan(1); // written in several steps
    for (const [i, step] of seen.entries()) {
      expect(step).toMatchObject({ status: "running", rowsToWrite: 3000 });
      expect(step.bytesRead).toBe(step.bytesTotal); // read and validated in full before any write
      if (i > 0) expect(step.rowsWritten).toBeGreaterThan(seen[i - 1].rowsWritten);
    }
    expect(seen[0].rowsWritten).toBe(0);
  });

  it("writes nothing from a file with bad rows and keeps the first 100 errors by line, plus how many there were", async () => {
    const { shop } = await seededShop("import-bad");
    const rows = ["sku,date,qty", ...Array.from({ length: 150 }, (_, i) => `A-1,2025-02-${String((i % 28) + 1).padStart(2, "0")},lots`), "A-2,2025-03-01,1", "NOPE,2025-03-02,1"];
    const result = await importThroughJob(shop, { kind: "demand", fileName: "bad.csv" }, rows.join("\n") + "\n");
    expect(result.status).toBe("failed");
    const batch = await prisma.importBatch.findFirstOrThrow({ where: { shop } });
    const errors = batch.errors as { line: number; message: string }[];
    expect(batch).toMatchObject({ status: "failed", errorCount: 151, rowCount: 152 });
    expect(errors).toHaveLength(101);
    expect(errors[0]).toEqual({ line: 2, message: "qty: must be a whole number of units" });
    expect(errors[99]).toEqual({ line: 101, message: "qty: must be a whole number of units" });
    expect(errors[100]).toEqual({ line: 101, message: "… and 51 more rows with errors" });
    expect(await prisma.orderLine.count({ where: { shop } })).toBe(0);
    expect(await prisma.demandDay.count({ where: { shop } })).toBe(0);
    expect(await prisma.importUpload.count({ where: { shop } })).toBe(0);
  });

  it("fails a file with more rows than the cap, in plain words, writing nothing", async () => {
    expect(MAX_IMPORT_ROWS).toBe(1_000_000);
    const { shop } = await seededShop("import-cap");
    const result = await importCsv(shop, { kind: "demand", fileName: "long.csv" }, demandFile(2), { maxRows: 5 });
    expect(result).toEqual({
      status: "failed",
      batchId: expect.any(String),
      rowCount: 5,
      errors: [{ line: 7, message: "This file has more than 5 rows, the most one import takes. Split it into smaller files (for example one per year) and import each." }],
    });
    expect(await prisma.orderLine.count({ where: { shop } })).toBe(0);
  });

  it("refuses a viewer: nothing stored, nothing queued", async () => {
    const { shop, headers } = await seededShop("import-viewer", "77");
    await prisma.staffRole.create({ data: { shop, staffId: "77", name: "Vic Viewer", role: "viewer" } });
    const refused = await upload(headers, demandFile(1));
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ intent: "import", ok: false, fieldErrors: { form: VIEWER_MESSAGE } });
    expect(await prisma.importBatch.count({ where: { shop } })).toBe(0);
    expect(await countPendingJobs(shop, [IMPORT_JOB])).toBe(0);
  });

  it("takes one import per shop at a time: a second file is refused while the first is queued, and accepted once it ran", async () => {
    const { shop, headers } = await seededShop("import-one");
    const first = await queuedBatchId(await upload(headers, demandFile(3), "first.csv"));
    const second = await upload(headers, demandFile(4), "second.csv");
    expect(second.status).toBe(429);
    expect(await second.json()).toEqual({ intent: "import", ok: false, fieldErrors: { form: IMPORT_BUSY_MESSAGE, file: IMPORT_BUSY_MESSAGE } });
    expect(await prisma.importBatch.count({ where: { shop } })).toBe(1);
    // Other shops are not held up.
    const other = await seededShop("import-other");
    await queuedBatchId(await upload(other.headers, demandFile(3), "first.csv"));

    expect((await runImportJob(shop, first)).status).toBe("completed");
    const next = await queuedBatchId(await upload(headers, demandFile(4), "second.csv"));
    expect((await runImportJob(shop, next)).status).toBe("completed");
    expect(await prisma.orderLine.count({ where: { shop } })).toBe(12);
  });

  it("no longer waits for an import whose worker died, and marks it failed", async () => {
    const { shop, headers } = await seededShop("import-dead");
    const dead = await queuedBatchId(await upload(headers, demandFile(3), "first.csv"));
    await prisma.importBatch.update({ where: { id: dead }, data: { status: "running", updatedAt: new Date(Date.now() - ABANDONED_IMPORT_MS - 60_000) } });
    const next = await queuedBatchId(await upload(headers, demandFile(4), "second.csv"));
    expect(await prisma.importBatch.findUniqueOrThrow({ where: { id: dead } })).toMatchObject({
      status: "failed",
      errors: [{ line: 1, message: "This import stopped without finishing. Import the file again." }],
    });
    expect(await prisma.importUpload.count({ where: { batchId: dead } })).toBe(0);
    expect((await runImportJob(shop, next)).status).toBe("completed");
    expect((await runImportJob(shop, dead)).status).toBe("failed"); // its job, if it ever runs, does nothing
  });

  it("says how far an import got when its job gave up, and lets the same file be imported again to finish it", async () => {
    const { shop } = await seededShop("import-stopped");
    const bytes = new TextEncoder().encode(demandFile(2));
    const queued = await queueImport(shop, { kind: "demand", fileName: "x.csv" }, bytes);
    if (queued.status !== "queued") throw new Error("not queued");
    await expect(runImport(shop, queued.batchId, { rederiveDemand: () => Promise.reject(new Error("disk I/O error")) })).rejects.toThrow("disk I/O error");
    await markImportStopped(shop, queued.batchId, "disk I/O error");
    expect(await prisma.importBatch.findUniqueOrThrow({ where: { id: queued.batchId } })).toMatchObject({
      status: "failed",
      errors: [{ line: 1, message: "The import stopped: disk I/O error. Import the same file again to finish it." }],
    });
    expect(await importThroughJob(shop, { kind: "demand", fileName: "x.csv" }, bytes)).toMatchObject({ status: "imported", written: 6 });
    expect(await prisma.importBatch.count({ where: { shop } })).toBe(1); // the failed attempt is replaced
  });
});
