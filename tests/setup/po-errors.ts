// The one way the PO integration tests check a refused purchase-order use case: the typed error, its code and its words.
import { expect } from "vitest";
import { PurchaseOrderError } from "~/services/purchase-orders/errors";

/** Expects `promise` to reject with a PurchaseOrderError of `code` whose message is (or matches) `message`. */
export async function expectPoError(promise: Promise<unknown>, code: PurchaseOrderError["code"], message: string | RegExp): Promise<PurchaseOrderError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PurchaseOrderError);
  expect((error as PurchaseOrderError).code).toBe(code);
  if (typeof message === "string") expect((error as PurchaseOrderError).message).toBe(message);
  else expect((error as PurchaseOrderError).message).toMatch(message);
  return error as PurchaseOrderError;
}
