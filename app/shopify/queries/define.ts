// Typed GraphQL documents. Every other file in this folder holds exactly ONE document, built with one of
// these helpers; app/shopify/graphql-schema.test.ts finds them all and validates them against the pinned
// Admin API schema (2026-10), so a misspelled field fails `npm test`. A document for a field Shopify announced
// for the pinned version but missing from its bundled introspection names the introspection that has it
// (`validatedAgainst`); it is still sent to the pinned version (docs/decisions/033-native-purchase-orders.md).

declare const dataType: unique symbol;
declare const variablesType: unique symbol;

/** A query or mutation sent through the Admin client; TData/TVariables only exist for the type checker. */
export interface GraphqlDocument<TData, TVariables> {
  readonly kind: "operation";
  readonly source: string;
  /** The introspection this document is validated against when not the pinned one. */
  readonly validatedAgainst?: "unstable";
  readonly [dataType]?: TData;
  readonly [variablesType]?: TVariables;
}

/** A query run by Shopify as a bulk operation (bulkOperationRunQuery); no variables, rows come as JSONL. */
export interface BulkQueryDocument {
  readonly kind: "bulk";
  readonly source: string;
}

export type AnyDocument = GraphqlDocument<unknown, unknown> | BulkQueryDocument;

export function operation<TData, TVariables = Record<string, never>>(source: string, options: { validatedAgainst?: "unstable" } = {}): GraphqlDocument<TData, TVariables> {
  return { kind: "operation", source: source.trim(), ...(options.validatedAgainst ? { validatedAgainst: options.validatedAgainst } : {}) };
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
