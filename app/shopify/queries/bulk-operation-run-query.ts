import { operation, type UserError } from "./define";

export interface BulkOperationRunQueryData {
  bulkOperationRunQuery: {
    bulkOperation: { id: string; status: string } | null;
    userErrors: UserError[];
  };
}

/**
 * Starts a bulk query. groupObjects: true so each child line follows its parent's line directly, which the
 * streaming parser (app/shopify/bulk/jsonl.ts) relies on to rebuild parents from `__parentId`.
 */
export const BULK_OPERATION_RUN_QUERY = operation<BulkOperationRunQueryData, { query: string }>(`
mutation BulkOperationRunQuery($query: String!) {
  bulkOperationRunQuery(query: $query, groupObjects: true) {
    bulkOperation {
      id
      status
    }
    userErrors {
      field
      message
      code
    }
  }
}`);
