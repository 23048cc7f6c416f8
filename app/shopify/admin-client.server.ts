// The ONE way Stockcast talks to the Admin GraphQL API. Wraps an `admin` from authenticate.admin /
// unauthenticated.admin (anything with `graphql(query, { variables }) → Promise<Response>`) and adds:
// - typed documents (app/shopify/queries) in, typed `data` out;
// - cost-based throttling: on THROTTLED waits (requested − available) / restoreRate seconds, then retries,
//   and paces proactively when the bucket reported by the last response can't cover the last cost;
// - retries of transient failures (HTTP 5xx / 429, network) with jittered exponential backoff;
// - userErrors of mutations surfaced as a typed error with readable messages.
// Sleep and randomness are injectable so tests run instantly and deterministically.
// Retries resend the same request, mutations included: a mutation sent through here must be safe to repeat
// (inventory mutations carry an @idempotent key; bulkOperationRunQuery refuses a second concurrent run).
import type { GraphqlDocument, UserError } from "./queries/define";

export interface AdminGraphql {
  graphql(query: string, options?: { variables?: Record<string, unknown> }): Promise<Response>;
}

export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export interface QueryCost {
  requestedQueryCost: number;
  actualQueryCost: number | null;
  throttleStatus: ThrottleStatus;
}

export interface GraphqlErrorEntry {
  message: string;
  extensions?: { code?: string } & Record<string, unknown>;
  path?: (string | number)[];
}

/** GraphQL errors other than throttling (bad query, access denied, …): not retried. */
export class AdminApiError extends Error {
  override name = "AdminApiError";
  constructor(
    message: string,
    readonly errors: GraphqlErrorEntry[] = [],
    readonly status?: number,
  ) {
    super(message);
  }
}

/** Still throttled or still failing after every retry. */
export class AdminRetriesExhaustedError extends AdminApiError {
  override name = "AdminRetriesExhaustedError";
}

/** A mutation answered with userErrors: nothing was applied. */
export class AdminUserErrors extends Error {
  override name = "AdminUserErrors";
  constructor(
    readonly operation: string,
    readonly userErrors: UserError[],
  ) {
    super(`${operation}: ${userErrors.map((e) => (e.field?.length ? `${e.field.join(".")}: ${e.message}` : e.message)).join("; ")}`);
  }
}

export interface AdminClientOptions {
  sleep?: (ms: number) => Promise<void>;
  /** Uniform [0, 1): jitter source. */
  random?: () => number;
  /** Retries after the first attempt, for transient failures and for throttling alike. */
  maxRetries?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Called after each response that reported its cost (for logs / metrics). */
  onCost?: (cost: QueryCost) => void;
}

export interface AdminClient {
  /** Runs a query or mutation; returns `data` or throws one of the errors above. */
  request<TData, TVariables>(document: GraphqlDocument<TData, TVariables>, variables?: TVariables): Promise<TData>;
  /**
   * Runs a mutation and throws AdminUserErrors when the payload picked by `payload` has userErrors.
   * Returns the whole `data`.
   */
  mutate<TData, TVariables>(
    document: GraphqlDocument<TData, TVariables>,
    variables: TVariables,
    payload: (data: TData) => { userErrors: UserError[] } | null | undefined,
  ): Promise<TData>;
  /** The last throttle status Shopify reported, if any. */
  readonly throttleStatus: ThrottleStatus | null;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

type Outcome<T> =
  | { kind: "ok"; data: T; cost: QueryCost | null }
  | { kind: "throttled"; waitMs: number; errors: GraphqlErrorEntry[] }
  | { kind: "transient"; error: unknown; retryAfterMs?: number }
  | { kind: "fatal"; error: unknown };

export function createAdminClient(admin: AdminGraphql, options: AdminClientOptions = {}): AdminClient {
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const maxRetries = options.maxRetries ?? 6;
  const baseDelayMs = options.baseDelayMs ?? 500;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  let throttleStatus: ThrottleStatus | null = null;
  let lastCost = 0;

  const backoff = (attempt: number) => {
    const cap = Math.min(maxDelayMs, baseDelayMs * 2 ** attempt);
    return Math.round(cap / 2 + random() * (cap / 2)); // "equal jitter": never zero, never above the cap
  };

  async function attempt<TData>(source: string, variables: unknown): Promise<Outcome<TData>> {
    let body: ResponseBody;
    try {
      const response = await admin.graphql(source, variables === undefined ? undefined : { variables: variables as Record<string, unknown> });
      if (response.status === 429 || response.status >= 500)
        return { kind: "transient", error: new AdminApiError(`HTTP ${response.status}`, [], response.status) };
      if (!response.ok) return { kind: "fatal", error: new AdminApiError(`HTTP ${response.status}`, [], response.status) };
      body = (await response.json()) as ResponseBody;
    } catch (error) {
      return classifyThrown(error);
    }
    return interpret<TData>(body);
  }

  function interpret<TData>(body: ResponseBody): Outcome<TData> {
    const cost = readCost(body.extensions);
    if (cost) {
      throttleStatus = cost.throttleStatus;
      lastCost = cost.actualQueryCost ?? cost.requestedQueryCost;
      options.onCost?.(cost);
    }
    const errors = readErrors(body.errors);
    if (errors.some((e) => e.extensions?.code === "THROTTLED")) return { kind: "throttled", waitMs: throttleWaitMs(cost), errors };
    if (errors.length) return { kind: "fatal", error: new AdminApiError(errors.map((e) => e.message).join("; "), errors) };
    if (body.data === undefined || body.data === null) return { kind: "fatal", error: new AdminApiError("Admin API answered without data") };
    return { kind: "ok", data: body.data as TData, cost };
  }

  function classifyThrown<TData>(error: unknown): Outcome<TData> {
    // In an admin request, an expired session makes the library throw a Response (401 with App Bridge's
    // retry header, or a redirect): it must reach Remix untouched.
    if (error instanceof Response) return { kind: "fatal", error };
    const e = error as { body?: unknown; response?: { code?: number; retryAfter?: number } };
    const kind = errorClass(error);
    // shopify-api's GraphqlQueryError: HTTP 200 with `errors` (THROTTLED among them). Its body is the client
    // response: { data?, errors: { graphQLErrors }, extensions }.
    if (kind === "GraphqlQueryError" && typeof e.body === "object" && e.body !== null) {
      const b = e.body as { data?: unknown; errors?: { graphQLErrors?: unknown }; extensions?: unknown };
      return interpret<TData>({ data: b.data, errors: b.errors?.graphQLErrors ?? [{ message: String((error as Error).message) }], extensions: b.extensions });
    }
    const code = e?.response?.code;
    if (typeof code === "number") {
      if (code === 429 || code >= 500)
        return { kind: "transient", error, retryAfterMs: e.response?.retryAfter ? e.response.retryAfter * 1000 : undefined };
      return { kind: "fatal", error: new AdminApiError(`HTTP ${code}: ${(error as Error).message}`, [], code) };
    }
    // HttpMaxRetriesError / HttpRequestError (no response) and fetch's TypeError: the network or Shopify's edge.
    if (kind === "HttpMaxRetriesError" || kind === "HttpRequestError" || error instanceof TypeError) return { kind: "transient", error };
    return { kind: "fatal", error: error instanceof Error ? error : new Error(String(error)) };
  }

  async function request<TData, TVariables>(document: GraphqlDocument<TData, TVariables>, variables?: TVariables): Promise<TData> {
    for (let tries = 0; ; tries++) {
      await paceBeforeCall();
      const outcome = await attempt<TData>(document.source, variables);
      if (outcome.kind === "ok") return outcome.data;
      if (outcome.kind === "fatal") throw outcome.error;
      if (tries >= maxRetries) {
        const detail = outcome.kind === "throttled" ? "still throttled" : describe(outcome.error);
        throw new AdminRetriesExhaustedError(`${operationName(document.source)}: gave up after ${tries + 1} attempts (${detail})`, outcome.kind === "throttled" ? outcome.errors : []);
      }
      const waitMs = outcome.kind === "throttled" ? outcome.waitMs + Math.round(random() * 250) : Math.max(outcome.retryAfterMs ?? 0, backoff(tries));
      await sleep(waitMs);
      if (throttleStatus) throttleStatus = refilled(throttleStatus, waitMs);
    }
  }

  /** Proactive pacing: if the bucket can't pay for a call like the last one, wait until it can. */
  async function paceBeforeCall() {
    if (!throttleStatus || throttleStatus.restoreRate <= 0) return;
    const missing = lastCost - throttleStatus.currentlyAvailable;
    if (missing > 0) {
      const waitMs = Math.ceil((missing / throttleStatus.restoreRate) * 1000);
      await sleep(waitMs);
      throttleStatus = refilled(throttleStatus, waitMs);
    }
  }

  return {
    request,
    async mutate(document, variables, payload) {
      const data = await request(document, variables);
      const userErrors = payload(data)?.userErrors ?? [];
      if (userErrors.length) throw new AdminUserErrors(operationName(document.source), userErrors);
      return data;
    },
    get throttleStatus() {
      return throttleStatus;
    },
  };
}

interface ResponseBody {
  data?: unknown;
  errors?: unknown;
  extensions?: unknown;
}

/** The bucket after `ms` of leaking back at restoreRate points per second. */
function refilled(t: ThrottleStatus, ms: number): ThrottleStatus {
  const available = t.currentlyAvailable + (t.restoreRate * ms) / 1000;
  return { ...t, currentlyAvailable: t.maximumAvailable > 0 ? Math.min(t.maximumAvailable, available) : available };
}

/** Seconds to wait for the bucket to refill enough for the query that was refused, in ms. */
export function throttleWaitMs(cost: QueryCost | null): number {
  if (!cost || cost.throttleStatus.restoreRate <= 0) return 1000;
  const missing = cost.requestedQueryCost - cost.throttleStatus.currentlyAvailable;
  return Math.max(0, Math.ceil((missing / cost.throttleStatus.restoreRate) * 1000));
}

function readCost(extensions: unknown): QueryCost | null {
  const cost = (extensions as { cost?: Partial<QueryCost> } | undefined)?.cost;
  const t = cost?.throttleStatus;
  if (!cost || !t || typeof t.currentlyAvailable !== "number" || typeof t.restoreRate !== "number") return null;
  return {
    requestedQueryCost: Number(cost.requestedQueryCost ?? 0),
    actualQueryCost: cost.actualQueryCost == null ? null : Number(cost.actualQueryCost),
    throttleStatus: { maximumAvailable: Number(t.maximumAvailable ?? 0), currentlyAvailable: t.currentlyAvailable, restoreRate: t.restoreRate },
  };
}

function readErrors(errors: unknown): GraphqlErrorEntry[] {
  if (!errors) return [];
  if (Array.isArray(errors)) return errors.map((e) => (typeof e === "object" && e !== null ? (e as GraphqlErrorEntry) : { message: String(e) }));
  if (typeof errors === "string") return [{ message: errors }];
  return [{ message: JSON.stringify(errors) }];
}

/**
 * shopify-api's error classes don't set `name`; we recognise them by class name rather than instanceof, which
 * breaks when two copies of the library (ESM and CJS) are loaded.
 */
function errorClass(error: unknown): string | undefined {
  return typeof error === "object" && error !== null ? (error as { constructor?: { name?: string } }).constructor?.name : undefined;
}

function operationName(source: string): string {
  return /^(?:query|mutation)\s+(\w+)/.exec(source)?.[1] ?? "anonymous operation";
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message.split("\n")[0] : String(error);
}
