// Settings › Import, first half: the uploaded file is stored with a "queued" ImportBatch and handed to the
// import job (run-import.server.ts), so the request answers at once. One import per shop at a time: the
// check and the queueing run under the shop's "import" lease (single-flight), and a queued or running batch
// refuses the next upload until it ends. The same bytes imported before are a duplicate (nothing to do).
import { createHash } from "node:crypto";
import { isUniqueViolation } from "~/db.server";
import { createQueuedImport, findActiveImports, findImportBatch, finishImportBatch } from "~/models/import-batch.server";
import { ActionBusyError, singleFlight } from "~/services/single-flight.server";
import { importRequest, type ImportRequest } from "./request";

export type QueueImportResult = { status: "queued"; batchId: string } | { status: "duplicate"; batchId: string };

/** A queued or running import that has not moved for this long has died with its process: it no longer blocks. */
export const ABANDONED_IMPORT_MS = 20 * 60_000;

export const IMPORT_BUSY_MESSAGE = "An import is already queued or running for this shop. Wait until it has finished, then import the next file.";

export interface QueueImportOptions {
  /** Who imported (kept on the batch for the audit entries the job writes). */
  actor?: string;
  /** Hands the queued batch to the job queue (the route's getJobQueue; tests may run it themselves). */
  enqueue?: (batchId: string) => Promise<unknown>;
  now?: Date;
}

/**
 * Stores `bytes` as a queued import of `request` and enqueues its job. Throws ActionBusyError while another
 * import of the shop is queued or running (or being queued this instant), in plain words.
 */
export async function queueImport(shop: string, request: ImportRequest, bytes: Uint8Array, options: QueueImportOptions = {}): Promise<QueueImportResult> {
  const req = importRequest.parse(request);
  const fileHash = createHash("sha256").update(bytes).digest("hex");
  return singleFlight(shop, "import", async () => {
    const now = options.now ?? new Date();
    for (const active of await findActiveImports(shop)) {
      if (now.getTime() - active.updatedAt.getTime() < ABANDONED_IMPORT_MS) throw new ActionBusyError(IMPORT_BUSY_MESSAGE, 60);
      await finishImportBatch(shop, active.id, { status: "failed", errors: [{ line: 1, message: "This import stopped without finishing. Import the file again." }], errorCount: 1 });
    }
    const previous = await findImportBatch(shop, req.kind, fileHash);
    if (previous?.status === "completed") return { status: "duplicate", batchId: previous.id };
    const options_ = { ...(req.kind === "shopify-inventory" ? { snapshotDate: req.snapshotDate } : {}), ...(options.actor ? { actor: options.actor } : {}) };
    let batchId: string;
    try {
      ({ id: batchId } = await createQueuedImport(shop, { kind: req.kind, fileName: req.fileName, fileHash, options: options_, content: bytes }));
    } catch (error) {
      // The same file finished importing between the check and the insert (an import outside the lease).
      if (!isUniqueViolation(error)) throw error;
      const winner = await findImportBatch(shop, req.kind, fileHash);
      if (winner?.status === "completed") return { status: "duplicate", batchId: winner.id };
      throw new ActionBusyError(IMPORT_BUSY_MESSAGE, 60);
    }
    if (options.enqueue) {
      try {
        await options.enqueue(batchId);
      } catch (error) {
        await finishImportBatch(shop, batchId, { status: "failed", errors: [{ line: 1, message: "The import could not be queued. Try again in a minute." }], errorCount: 1 });
        throw error;
      }
    }
    return { status: "queued", batchId };
  });
}
