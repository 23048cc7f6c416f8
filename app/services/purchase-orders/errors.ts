// Errors the purchase-order services throw. Routes map `code` to an HTTP status; `message` is written for the
// merchant and shown as is.

/** `mail_failed`: the email to the vendor could not be sent; nothing was changed and it can be retried. */
export type PurchaseOrderErrorCode = "not_found" | "forbidden" | "conflict" | "illegal_transition" | "invalid" | "mail_failed";

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
  mail_failed: 502,
};

export function isPurchaseOrderError(error: unknown): error is PurchaseOrderError {
  return error instanceof PurchaseOrderError;
}
