// Typed GraphQL documents. Every other file in this folder holds exactly ONE document, built with one of
// these helpers; app/shopify/graphql-schema.test.ts finds them all and validates them against the pinned
// Admin API schema (2026-10), so a misspelled field fails `npm test`.

declare const dataType: unique symbol;
declare const variablesType: unique symbol;

/** A query or mutation sent through the Admin client; TData/TVariables only exist for the type checker. */
export interface GraphqlDocument<TData, TVariables> {
  readonly kind: "operation";
  readonly source: string;
  readonly [dataType]?: TData;
  readonly [variablesType]?: TVariables;
}

/** A query run by Shopify as a bulk operation (bulkOperationRunQuery); no variables, rows come as JSONL. */
export interface BulkQueryDocument {
  readonly kind: "bulk";
  readonly source: string;
}

export type AnyDocument = GraphqlDocument<unknown, unknown> | BulkQueryDocument;

export function operation<TData, TVariables = Record<string, never>>(source: string): GraphqlDocument<TData, TVariables> {
  return { kind: "operation", source: source.trim() };
}

export function bulkQuery(source: string): BulkQueryDocument {
  return { kind: "bulk", source: source.trim() };
}

export function isDocument(value: unknown): value is AnyDocument {
  if (typeof value !== "object" || value === null) return false;
  const v = value as { kind?: unknown; source?: unknown };
  return (v.kind === "operation" || v.kind === "bulk") && typeof v.source === "string";
}

/** Shapes shared by several documents. */
export interface UserError {
  field: string[] | null;
  message: string;
  code?: string | null;
}

export interface MoneyV2 {
  amount: string;
  currencyCode: string;
}
