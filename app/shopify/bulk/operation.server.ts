// Bulk query lifecycle: start → wait (poll, or be told by the bulk_operations/finish webhook) → download.
import type { AdminClient } from "../admin-client.server";
import { BULK_OPERATION, type BulkOperationFields } from "../queries/bulk-operation";
import { BULK_OPERATION_RUN_QUERY } from "../queries/bulk-operation-run-query";
import { CURRENT_BULK_OPERATION } from "../queries/current-bulk-operation";

export class BulkOperationError extends Error {
  override name = "BulkOperationError";
  constructor(
    message: string,
    readonly operation?: BulkOperationFields,
  ) {
    super(message);
  }
}

/** Another bulk query of this app is still running on the shop; retry later. */
export class BulkOperationBusyError extends BulkOperationError {
  override name = "BulkOperationBusyError";
}

const ACTIVE = new Set(["CREATED", "RUNNING", "CANCELING"]);

/** Starts a bulk query and returns the BulkOperation GID. */
export async function startBulkQuery(client: AdminClient, query: string): Promise<string> {
  const current = (await client.request(CURRENT_BULK_OPERATION)).currentBulkOperation;
  if (current && ACTIVE.has(current.status)) throw new BulkOperationBusyError(`bulk operation ${current.id} is still ${current.status}`, current);
  const data = await client.request(BULK_OPERATION_RUN_QUERY, { query });
  const { bulkOperation, userErrors } = data.bulkOperationRunQuery;
  if (userErrors.length || !bulkOperation) {
    const message = userErrors.map((e) => e.message).join("; ") || "no bulk operation returned";
    if (/in progress|already/i.test(message)) throw new BulkOperationBusyError(message);
    throw new BulkOperationError(`bulkOperationRunQuery: ${message}`);
  }
  return bulkOperation.id;
}

export async function getBulkOperation(client: AdminClient, id: string): Promise<BulkOperationFields> {
  const op = (await client.request(BULK_OPERATION, { id })).bulkOperation;
  if (!op) throw new BulkOperationError(`bulk operation ${id} not found`);
  return op;
}

export interface WaitOptions {
  sleep?: (ms: number) => Promise<void>;
  /** First poll interval; doubles up to maxIntervalMs. */
  intervalMs?: number;
  maxIntervalMs?: number;
  /** Give up after this many polls (the caller resumes later from the stored operation id). */
  maxPolls?: number;
}

/**
 * Polls until the operation finishes. Returns it when COMPLETED (url null when it matched nothing); throws
 * BulkOperationError when it FAILED, was CANCELED or EXPIRED, or when it is still running after maxPolls.
 */
export async function waitForBulkOperation(client: AdminClient, id: string, options: WaitOptions = {}): Promise<BulkOperationFields> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let interval = options.intervalMs ?? 1000;
  const maxPolls = options.maxPolls ?? 2000;
  for (let poll = 0; poll < maxPolls; poll++) {
    const op = await getBulkOperation(client, id);
    if (op.status === "COMPLETED") return op;
    if (!ACTIVE.has(op.status)) throw new BulkOperationError(`bulk operation ${id} ended ${op.status}${op.errorCode ? ` (${op.errorCode})` : ""}`, op);
    await sleep(interval);
    interval = Math.min(options.maxIntervalMs ?? 10_000, interval * 2);
  }
  throw new BulkOperationError(`bulk operation ${id} still running after ${maxPolls} polls`);
}

/** The result file is gone (its signed URL expired after 7 days): the operation must be run again. */
export class BulkResultExpiredError extends BulkOperationError {
  override name = "BulkResultExpiredError";
}

/** Opens the result file as a byte stream (the signed URL needs no credentials; it expires after 7 days). */
export async function openBulkResult(url: string, fetchImpl: typeof fetch = fetch): Promise<ReadableStream<Uint8Array>> {
  const response = await fetchImpl(url);
  if ([403, 404, 410].includes(response.status)) throw new BulkResultExpiredError(`bulk result is no longer available (HTTP ${response.status})`);
  if (!response.ok || !response.body) throw new BulkOperationError(`downloading bulk result failed: HTTP ${response.status}`);
  return response.body;
}
