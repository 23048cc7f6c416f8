import { operation } from "./define";
import { BULK_OPERATION_SELECTION, type BulkOperationFields } from "./bulk-operation";

export interface CurrentBulkOperationData {
  currentBulkOperation: BulkOperationFields | null;
}

/** The shop's latest bulk query for this app: tells whether another one is still running before we start ours. */
export const CURRENT_BULK_OPERATION = operation<CurrentBulkOperationData>(`
query CurrentBulkOperation {
  currentBulkOperation(type: QUERY) ${BULK_OPERATION_SELECTION}
}`);
