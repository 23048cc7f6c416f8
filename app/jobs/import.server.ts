import { z } from "zod";
import { markImportStopped, runImport } from "~/services/csv-import/run-import.server";
import { IMPORT_JOB } from "~/utils/job-names";
import { enqueuePlan } from "./planning.server";
import type { JobContext, JobData, JobQueue } from "./queue.server";

export { IMPORT_JOB };

/** Attempts of one import job: a write step that fails is retried from the stored file. */
export const IMPORT_MAX_ATTEMPTS = 3;

/** pg-boss gives a job this long before it counts it as dead (a million-row file takes minutes). */
const IMPORT_EXPIRE_SECONDS = 60 * 60;

const importData = z.object({ shop: z.string().min(1), batchId: z.string().min(1) });

/** Enqueues the import of a queued batch (one job per batch). */
export function enqueueImport(queue: JobQueue, shop: string, batchId: string): Promise<string | null> {
  return queue.enqueue(IMPORT_JOB, { shop, batchId }, { singletonKey: `import:${batchId}`, maxAttempts: IMPORT_MAX_ATTEMPTS, keyIsNew: true, expireSeconds: IMPORT_EXPIRE_SECONDS });
}

/**
 * Handler: runs the batch's import to its end; a file that imported is planned at once (its demand, stock,
 * vendors or POs move the plan). The last failed attempt marks the batch failed, so the shop can import again.
 */
export async function handleImportJob(data: JobData, context: JobContext, queue: JobQueue): Promise<void> {
  const { shop, batchId } = importData.parse(data);
  try {
    const result = await runImport(shop, batchId);
    if (result.status === "imported") await enqueuePlan(queue, shop, "import");
  } catch (error) {
    if (context.attempt >= IMPORT_MAX_ATTEMPTS) await markImportStopped(shop, batchId, error instanceof Error ? error.message : String(error));
    throw error;
  }
}
