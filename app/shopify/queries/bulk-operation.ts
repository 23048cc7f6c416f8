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

/** One bulk operation by id: polled until it finishes, or read after the bulk_operations/finish webhook. */
export const BULK_OPERATION = operation<BulkOperationData, { id: string }>(`
query BulkOperation($id: ID!) {
  bulkOperation(id: $id) {
    id
    status
    errorCode
    objectCount
    rootObjectCount
    url
    partialDataUrl
    createdAt
    completedAt
  }
}`);
