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
}

export type ImportResult =
  | { status: "imported"; batchId: string; rowCount: number; written: number; skipped: number; counts?: StockyCounts }
  | { status: "duplicate"; batchId: string }
  | { status: "failed"; batchId: string | null; rowCount: number; errors: { line: number; message: string }[] };
