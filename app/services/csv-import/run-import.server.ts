// Settings › Import, second half: the import job's work on one queued ImportBatch. The stored file is read
// with streaming csv-parse, a slice at a time, yielding to the event loop every few milliseconds (on SQLite
// the job runs inside the web process, which must keep answering). Every row is validated first; a file with
// any bad row writes nothing and stores its errors by line (the first MAX_REPORTED_ERRORS, plus a count).
// A valid file is then written in steps of consecutive rows, one short transaction each — sized so one step
// takes a few tens of milliseconds on SQLite, whose single connection every request shares — with the
// demand days of each step re-derived in it. A file of up to one step is one transaction, as before. A step
// that fails (the database went away) fails the job, which the queue retries from the stored file: the keys
// are deterministic, so writing a step again changes nothing. Progress is stored on the batch as it goes.
import { countImportUploadParts, findImportBatchById, finishImportBatch, inImportTransaction, readImportUpload, updateImportBatch } from "~/models/import-batch.server";
import { isPostgres } from "~/db.server";
import { checkpointWalIfOlderThan } from "~/models/sqlite-wal.server";
import type { Db } from "~/models/transaction.server";
import type { DemandKeyRow } from "~/models/orders.server";
import { rederiveDemandDaysInBulk } from "~/services/sync/demand.server";
import { MAX_IMPORT_ROWS } from "~/utils/body-limit";
import { yieldToRequests } from "~/utils/http-load.server";
import type { ImportResult, StockyCounts } from "~/utils/import-result";
import { HEADER_MAPPERS, REQUIRED_COLUMNS, ROW_SCHEMAS } from "./formats";
import { planImport, type Plan } from "./plan-import.server";
import { readCsv, reportedErrors } from "./read-csv.server";
import { importRequest, type ImportRequest } from "./request";

export { MAX_IMPORT_ROWS };

/** Write steps: first size, bounds, and the time one step should take on SQLite. */
const FIRST_STEP_ROWS = 200;
const MIN_STEP_ROWS = 100;
const MAX_STEP_ROWS = 5_000;
const STEP_TARGET_MS = 50;
/** SQLite: fold the WAL back this often while writing, so no single checkpoint gets long. */
const WAL_CHECKPOINT_MS = 1_000;
/** PostgreSQL answers other requests on other connections: fixed steps, few enough demand-day locks for one transaction. */
const PG_STEP_ROWS = 1_000;

export interface ImportOptions {
  /** Re-derives DemandDay rows for the order lines written, inside each step's transaction (default: sync's bulk form). */
  rederiveDemand?: (shop: string, keys: DemandKeyRow[], tx: Db) => Promise<unknown>;
  /** Who imported (audit entries of Stocky vendors and POs); default: the batch's, else "csv-import". */
  actor?: string;
  /** Most data rows the file may have (default MAX_IMPORT_ROWS; tests lower it). */
  maxRows?: number;
}

/**
 * Runs the queued import `batchId` to its end and returns its result (a batch that ended already answers
 * its stored outcome). Throws when a write step fails: the caller's queue retries.
 */
export async function runImport(shop: string, batchId: string, options: ImportOptions = {}): Promise<ImportResult> {
  const batch = await findImportBatchById(shop, batchId);
  if (!batch) throw new RangeError(`import batch ${batchId} not found`);
  if (batch.status === "completed") return { status: "imported", batchId, rowCount: batch.rowCount, ...storedResult(batch.result) };
  if (batch.status === "failed") return { status: "failed", batchId, rowCount: batch.rowCount, errors: (batch.errors as { line: number; message: string }[] | null) ?? [] };
  const stored = (batch.options ?? {}) as { snapshotDate?: string; actor?: string };
  const request: ImportRequest = importRequest.parse({ kind: batch.kind, fileName: batch.fileName, ...(stored.snapshotDate ? { snapshotDate: stored.snapshotDate } : {}) });
  if ((await countImportUploadParts(shop, batchId)) === 0) return fail(shop, batchId, 0, [{ line: 1, message: "The uploaded file is no longer stored. Import it again." }], 1);

  await updateImportBatch(shop, batchId, { status: "running", startedAt: new Date(), bytesRead: 0, rowsWritten: 0, rowsToWrite: 0 });
  const parsed = await readCsv(readImportUpload(shop, batchId), ROW_SCHEMAS[request.kind], REQUIRED_COLUMNS[request.kind], HEADER_MAPPERS[request.kind], {
    maxRows: options.maxRows ?? MAX_IMPORT_ROWS,
    onProgress: ({ bytesRead, rowsRead }) => updateImportBatch(shop, batchId, { bytesRead, rowCount: rowsRead }),
  });
  if (parsed.tooManyRows) return fail(shop, batchId, parsed.rowCount, parsed.errors, 1);
  await updateImportBatch(shop, batchId, { bytesRead: batch.bytesTotal, rowCount: parsed.rowCount });

  // Catalog checks (SKUs, locations) run on the rows that parsed, so one report lists every problem.
  const plan = await planImport(shop, request, parsed.rows, options.actor ?? stored.actor ?? "csv-import");
  parsed.rows.length = 0; // the plan holds what it needs
  if (parsed.errors.length || plan.errors.length) {
    return fail(shop, batchId, parsed.rowCount, reportedErrors([...parsed.errors, ...plan.errors], parsed.badRows + plan.errors.length), parsed.badRows + plan.errors.length);
  }
  await updateImportBatch(shop, batchId, { rowsToWrite: plan.size });
  const { written, counts } = await writeInSteps(shop, batchId, plan, options);
  const result = { written, skipped: plan.skipped, ...(counts ? { counts } : {}) };
  await finishImportBatch(shop, batchId, { status: "completed", rowCount: parsed.rowCount, result });
  return { status: "imported", batchId, rowCount: parsed.rowCount, ...result };
}

/**
 * The import job gave up on the batch (its last attempt failed while writing): the batch says so and how far
 * it got, and no longer blocks the next import. The rows written so far stay; importing the same file again
 * writes the rest (and rewrites those, unchanged).
 */
export async function markImportStopped(shop: string, batchId: string, reason: string): Promise<void> {
  const batch = await findImportBatchById(shop, batchId);
  if (!batch || batch.status === "completed" || batch.status === "failed") return;
  const progress = batch.rowsWritten > 0 ? ` after writing ${batch.rowsWritten.toLocaleString("en-US")} of ${batch.rowsToWrite.toLocaleString("en-US")} rows` : "";
  const message = `The import stopped${progress}: ${reason.slice(0, 300)}. Import the same file again to finish it.`;
  await finishImportBatch(shop, batchId, { status: "failed", errors: [{ line: 1, message }], errorCount: 1 });
}

async function fail(shop: string, batchId: string, rowCount: number, errors: { line: number; message: string }[], errorCount: number): Promise<ImportResult> {
  await finishImportBatch(shop, batchId, { status: "failed", rowCount, errors, errorCount });
  return { status: "failed", batchId, rowCount, errors };
}

function storedResult(result: unknown): { written: number; skipped: number; counts?: StockyCounts } {
  const r = (result ?? {}) as { written?: number; skipped?: number; counts?: StockyCounts };
  return { written: r.written ?? 0, skipped: r.skipped ?? 0, ...(r.counts ? { counts: r.counts } : {}) };
}

/**
 * Writes the plan in steps of consecutive rows, one transaction each, storing progress after each and
 * letting the requests being answered finish between them (never inside one: on SQLite other requests'
 * statements would run inside the open transaction). On SQLite the step size follows the last step's time.
 */
async function writeInSteps(shop: string, batchId: string, plan: Plan, options: ImportOptions): Promise<{ written: number; counts?: StockyCounts }> {
  let written = 0;
  let counts: StockyCounts | undefined;
  let step = plan.chunked ? FIRST_STEP_ROWS : plan.size;

  for (let from = 0; from < plan.size; ) {
    const to = Math.min(plan.size, from + step);
    const started = performance.now();
    const outcome = await inImportTransaction(async (tx) => {
      const out = await plan.write(tx, from, to);
      if (out.touched.length) await (options.rederiveDemand ?? rederiveDemandDaysInBulk)(shop, out.touched, tx);
      return out;
    });
    written += outcome.written;
    counts = outcome.counts ?? counts;
    from = to;
    if (plan.chunked && !isPostgres) {
      const ms = Math.max(1, performance.now() - started);
      step = Math.max(MIN_STEP_ROWS, Math.min(MAX_STEP_ROWS, Math.round((step * STEP_TARGET_MS) / ms)));
    } else if (plan.chunked) step = PG_STEP_ROWS;
    await updateImportBatch(shop, batchId, { rowsWritten: from });
    await checkpointWalIfOlderThan(WAL_CHECKPOINT_MS); // on its own thread: requests go on meanwhile
    await yieldToRequests();
  }
  return { written, counts };
}
