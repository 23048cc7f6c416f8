// The CSV import as the app runs it: queued (the upload's half, queue-import.server.ts) and then worked by
// the import job through the app's job queue (run-import.server.ts), not called directly.
import prisma from "~/db.server";
import { enqueueImport } from "~/jobs/import.server";
import { getJobQueue } from "~/jobs/index.server";
import { queueImport } from "~/services/csv-import/queue-import.server";
import type { ImportRequest } from "~/services/csv-import/request";
import type { ImportResult, StockyCounts } from "~/utils/import-result";

/** Works the app's queue until the batch's import job has ended (other due jobs may run first); the batch then. */
export async function runImportJob(shop: string, batchId: string) {
  for (let i = 0; i < 50; i++) {
    const batch = await prisma.importBatch.findFirstOrThrow({ where: { shop, id: batchId } });
    if (batch.status === "completed" || batch.status === "failed") return batch;
    await getJobQueue().runDue({ limit: 1, includeDelayed: true });
  }
  throw new Error(`import ${batchId} did not end`);
}

/** Queues `content` as an import of `request`, runs its job, and answers what the import card would show. */
export async function importThroughJob(shop: string, request: ImportRequest, content: string | Uint8Array, actor?: string): Promise<ImportResult> {
  const bytes = typeof content === "string" ? new TextEncoder().encode(content) : content;
  const queued = await queueImport(shop, request, bytes, { actor, enqueue: (batchId) => enqueueImport(getJobQueue(), shop, batchId) });
  if (queued.status === "duplicate") return queued;
  const batch = await runImportJob(shop, queued.batchId);
  if (batch.status === "failed") return { status: "failed", batchId: batch.id, rowCount: batch.rowCount, errors: (batch.errors as { line: number; message: string }[]) ?? [] };
  const result = (batch.result ?? {}) as unknown as { written: number; skipped: number; counts?: StockyCounts };
  return { status: "imported", batchId: batch.id, rowCount: batch.rowCount, ...result };
}
