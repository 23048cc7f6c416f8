// The CSV import's result (Settings › Import), shared by the service that produces it
// (app/services/csv-import/import.server.ts) and the card that shows it (components can't import .server
// modules).

/** What a Stocky import created or changed. */
export interface StockyCounts {
  vendorsCreated: number;
  vendorsUpdated: number;
  vendorsUnchanged: number;
  purchaseOrdersCreated: number;
  purchaseOrdersUpdated: number;
  purchaseOrdersUnchanged: number;
  /** Vendor SKUs set from the Supplier SKU column (absent when none). */
  vendorSkusSet?: number;
}

export type ImportResult =
  | { status: "imported"; batchId: string; rowCount: number; written: number; skipped: number; counts?: StockyCounts }
  | { status: "duplicate"; batchId: string }
  | { status: "failed"; batchId: string | null; rowCount: number; errors: { line: number; message: string }[] };

/** The upload's answer: the file is queued for the import job, or it is the same file as an earlier import. */
export type QueuedImport = { status: "queued"; batchId: string } | { status: "duplicate"; batchId: string };

/** One import as Settings › Import shows it (recent imports, newest first). */
export interface ImportBatchDto {
  id: string;
  kind: string;
  fileName: string;
  status: "queued" | "running" | "completed" | "failed";
  /** Data rows read so far (all of them once read). */
  rowCount: number;
  /** 0–100 while queued or running; null once ended. */
  percent: number | null;
  /** Order lines, snapshots or Stocky rows written (completed imports). */
  written: number;
  skipped: number;
  /** What a Stocky import created or changed. */
  counts?: StockyCounts;
  /** Rows written so far (a failed import that stopped while writing has some). */
  rowsWritten: number;
  /** Rows with errors, and the first of them by line (failed imports). */
  errorCount: number;
  errors: { line: number; message: string }[];
  createdAt: string;
}

/**
 * How far an import is, 0–100: reading and validating the file is the first half (by bytes), writing its
 * rows the second (by rows). Queued is 0.
 */
export function importPercent(batch: { status: string; bytesRead: number; bytesTotal: number; rowsWritten: number; rowsToWrite: number }): number | null {
  if (batch.status === "queued") return 0;
  if (batch.status !== "running") return null;
  const read = batch.bytesTotal > 0 ? Math.min(1, batch.bytesRead / batch.bytesTotal) : 0;
  const write = batch.rowsToWrite > 0 ? Math.min(1, batch.rowsWritten / batch.rowsToWrite) : 0;
  return Math.min(99, Math.floor(read * 50 + write * 50));
}
