import { operation } from "./define";

export type BulkOperationStatus = "CREATED" | "RUNNING" | "COMPLETED" | "FAILED" | "CANCELED" | "CANCELING" | "EXPIRED";

export interface BulkOperationFields {
  id: string;
  status: BulkOperationStatus;
  errorCode: string | null;
  /** UnsignedInt64 arrives as a string. */
  objectCount: string;
  rootObjectCount: string;
  url: string | null;
  partialDataUrl: string | null;
  createdAt: string;
  completedAt: string | null;
}

export interface BulkOperationData {
  bulkOperation: BulkOperationFields | null;
}

/** The selection of {@link BulkOperationFields}: every document that reads a bulk operation asks for these. */
export const BULK_OPERATION_SELECTION = `{
    id
    status
    errorCode
    objectCount
    rootObjectCount
    url
    partialDataUrl
    createdAt
    completedAt
  }`;

/** One bulk operation by id: polled until it finishes, or read after the bulk_operations/finish webhook. */
export const BULK_OPERATION = operation<BulkOperationData, { id: string }>(`
query BulkOperation($id: ID!) {
  bulkOperation(id: $id) ${BULK_OPERATION_SELECTION}
}`);
