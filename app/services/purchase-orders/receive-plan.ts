// The pure part of receiving a purchase order: input validation and what a receipt does to the PO's lines
// (new received counts, whether the PO is complete, which lines go past what was ordered). No I/O.
import { PurchaseOrderError } from "./errors";

export const MAX_RECEIVE_QUANTITY = 1_000_000;

export interface ReceiveLineInput {
  lineId: string;
  quantity: number;
}

export interface OverReceivedLine {
  lineId: string;
  ordered: number;
  alreadyReceived: number;
  receiving: number;
  /** Units beyond what was ordered. */
  excess: number;
}

/** Receiving more than ordered without the merchant's confirmation. `lines` says which and by how much. */
export class OverReceiptError extends PurchaseOrderError {
  constructor(readonly lines: OverReceivedLine[]) {
    const units = lines.reduce((s, l) => s + l.excess, 0);
    super(
      "invalid",
      `This receives ${units.toLocaleString("en-US")} more unit${units === 1 ? "" : "s"} than ordered on ${lines.length} line${lines.length === 1 ? "" : "s"} — confirm the over-receipt to record it`,
    );
    this.name = "OverReceiptError";
  }
}

export function isOverReceiptError(error: unknown): error is OverReceiptError {
  return error instanceof OverReceiptError;
}

/** Throws a merchant-readable error unless every quantity is a positive whole number and every line appears once. */
export function validateReceiveInput(lines: ReceiveLineInput[]): void {
  if (lines.length === 0) throw new PurchaseOrderError("invalid", "Enter a quantity for at least one line to receive");
  const seen = new Set<string>();
  for (const l of lines) {
    if (!Number.isInteger(l.quantity) || l.quantity < 1 || l.quantity > MAX_RECEIVE_QUANTITY) {
      throw new PurchaseOrderError("invalid", "Received quantities must be whole numbers between 1 and 1,000,000");
    }
    if (seen.has(l.lineId)) throw new PurchaseOrderError("invalid", "Each line can only be received once per receipt");
    seen.add(l.lineId);
  }
}

export interface PoLineState {
  id: string;
  quantityOrdered: number;
  quantityReceived: number;
}

export interface ReceivePlan {
  /** received once this receipt is in, partially_received otherwise. */
  complete: boolean;
  overReceived: OverReceivedLine[];
  /** Received counts after the receipt, by line id. */
  receivedAfter: Map<string, number>;
}

/** What receiving `lines` does to a PO whose lines are `poLines`; throws if a line isn't on the PO. */
export function planReceipt(poLines: PoLineState[], lines: ReceiveLineInput[]): ReceivePlan {
  const byId = new Map(poLines.map((l) => [l.id, l]));
  const receivedAfter = new Map(poLines.map((l) => [l.id, l.quantityReceived]));
  const overReceived: OverReceivedLine[] = [];
  for (const input of lines) {
    const line = byId.get(input.lineId);
    if (!line) throw new PurchaseOrderError("invalid", "That line isn't on this purchase order — reload to see the latest");
    const after = line.quantityReceived + input.quantity;
    receivedAfter.set(line.id, after);
    if (after > line.quantityOrdered) {
      overReceived.push({
        lineId: line.id,
        ordered: line.quantityOrdered,
        alreadyReceived: line.quantityReceived,
        receiving: input.quantity,
        excess: after - Math.max(line.quantityOrdered, line.quantityReceived),
      });
    }
  }
  const complete = poLines.every((l) => (receivedAfter.get(l.id) ?? 0) >= l.quantityOrdered);
  return { complete, overReceived, receivedAfter };
}
