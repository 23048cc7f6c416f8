// Errors the purchase-order services throw. Routes map `code` to an HTTP status; `message` is written for the
// merchant and shown as is.

export type PurchaseOrderErrorCode = "not_found" | "forbidden" | "conflict" | "illegal_transition" | "invalid";

export const CONFLICT_MESSAGE = "This purchase order was changed by someone else — reload to see the latest";
export const NOT_FOUND_MESSAGE = "Purchase order not found";

export class PurchaseOrderError extends Error {
  readonly code: PurchaseOrderErrorCode;
  constructor(code: PurchaseOrderErrorCode, message: string) {
    super(message);
    this.name = "PurchaseOrderError";
    this.code = code;
  }
}

export const HTTP_STATUS: Record<PurchaseOrderErrorCode, number> = {
  not_found: 404,
  forbidden: 403,
  conflict: 409,
  illegal_transition: 409,
  invalid: 400,
};

export function isPurchaseOrderError(error: unknown): error is PurchaseOrderError {
  return error instanceof PurchaseOrderError;
}
