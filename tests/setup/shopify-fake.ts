// A fake Shopify Admin API at the HTTP boundary (msw), for integration tests. Import it BEFORE any app
// module: Shopify's Node adapter captures globalThis.fetch when it is imported, so msw must patch it first.
//
// Honesty rule: every answer is produced by executing the request's own document against the real Admin
// schema (2026-10, from @shopify/dev-mcp) with the fake shop's data as root value. A document that does not
// validate, or fake data that does not fit the schema (missing non-null field, wrong enum, wrong nesting),
// fails the test instead of producing a reply Shopify would never send. Operations the pinned introspection
// lacks but Shopify announced for the pinned version (UNSTABLE_OPERATIONS) are validated and executed against
// the bundled `unstable` introspection, as app/shopify/graphql-schema.test.ts validates their documents. Bulk results are made the same way:
// the bulk query is executed against the shop's data and flattened into JSONL lines with `__parentId`.
import { createHmac, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { buildClientSchema, executeSync, parse, validate, type GraphQLSchema, type IntrospectionQuery, type OperationDefinitionNode } from "graphql";
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";

export const API_VERSION = "2026-10";
export const adminUrl = (shop: string) => `https://${shop}/admin/api/${API_VERSION}/graphql.json`;
const BULK_HOST = "https://bulk-results.fake";

function loadAdminSchema(version: string = API_VERSION): GraphQLSchema {
  const file = `node_modules/@shopify/dev-mcp/dist/data/admin_${version}.json.gz`;
  return buildClientSchema((JSON.parse(gunzipSync(readFileSync(file)).toString("utf8")) as { data: IntrospectionQuery }).data);
}

export const adminSchema = loadAdminSchema();
let unstableSchema: GraphQLSchema | null = null;
/** Operations answered from the `unstable` introspection (native purchase orders). */
const UNSTABLE_OPERATIONS: ReadonlySet<string> = new Set(["InventoryPurchaseOrders"]);

function schemaFor(source: string): GraphQLSchema {
  const op = parse(source).definitions.find((d): d is OperationDefinitionNode => d.kind === "OperationDefinition");
  if (!UNSTABLE_OPERATIONS.has(op?.name?.value ?? "")) return adminSchema;
  return (unstableSchema ??= loadAdminSchema("unstable"));
}

/** Throws with the schema's messages unless `source` is a valid Admin API document. */
export function assertValidDocument(source: string): void {
  const errors = validate(schemaFor(source), parse(source));
  if (errors.length) throw new Error(`fake Shopify received an invalid document:\n${errors.map((e) => e.message).join("\n")}\n${source}`);
}

/** The `data` Shopify would answer for `source` if its store held `root`; throws if `root` doesn't fit. */
export function shapeData(source: string, root: object, variables: Record<string, unknown> = {}): Record<string, unknown> {
  assertValidDocument(source);
  const result = executeSync({ schema: schemaFor(source), document: parse(source), rootValue: root, variableValues: variables });
  if (result.errors?.length) throw new Error(`fake Shopify data does not fit the schema: ${result.errors.map((e) => `${e.path?.join(".")}: ${e.message}`).join("; ")}`);
  return result.data as Record<string, unknown>;
}

/** A connection as the schema shapes it (bulk queries select edges { node }). */
export function conn<T>(nodes: T[]) {
  return { edges: nodes.map((node) => ({ node, cursor: "" })), nodes, pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } };
}

type Json = Record<string, unknown>;

/** One page of a connection read with `first` / `after` (the cursor is the offset of the next node). */
function page<T>(nodes: readonly T[], first: number, after: string | null) {
  const start = after === null ? 0 : Number(after);
  const slice = nodes.slice(start, start + first);
  const end = start + slice.length;
  return { nodes: slice, edges: slice.map((node, i) => ({ node, cursor: String(start + i + 1) })), pageInfo: { hasNextPage: end < nodes.length, hasPreviousPage: start > 0, startCursor: slice.length ? String(start + 1) : null, endCursor: slice.length ? String(end) : null } };
}
const isConnection = (v: unknown): v is { edges: { node: Json }[] } => typeof v === "object" && v !== null && Array.isArray((v as { edges?: unknown }).edges);

/**
 * Bulk JSONL as Shopify writes it with groupObjects: true: each connection node is one line, nested
 * connections are removed from their parent and follow it as lines carrying `__parentId` (the id of the
 * nearest enclosing object that has one).
 */
export function flattenToJsonl(data: Json): string[] {
  const lines: string[] = [];
  const emitNode = (node: Json, parentId: string | undefined) => {
    const pending: [Json, string][] = [];
    const strip = (value: unknown, nearestId: string): unknown => {
      if (Array.isArray(value)) return value.map((v) => strip(v, nearestId));
      if (typeof value !== "object" || value === null) return value;
      const obj = value as Json;
      const ownId = typeof obj.id === "string" ? obj.id : nearestId;
      const out: Json = {};
      for (const [k, v] of Object.entries(obj)) {
        if (isConnection(v)) for (const edge of v.edges) pending.push([edge.node, ownId]);
        else out[k] = strip(v, ownId);
      }
      return out;
    };
    const line = strip(node, String(node.id)) as Json;
    lines.push(JSON.stringify(parentId ? { ...line, __parentId: parentId } : line));
    for (const [child, pid] of pending) emitNode(child, pid);
  };
  for (const value of Object.values(data)) if (isConnection(value)) for (const edge of value.edges) emitNode(edge.node, undefined);
  return lines;
}

export interface FakeStore {
  shop: { name: string; ianaTimezone: string; currencyCode: string };
  /** Root fields bulk queries read: locations, productVariants, orders (connections). */
  [field: string]: unknown;
}

type Scripted =
  | { kind: "throttled"; requested: number; available: number; restoreRate: number }
  | { kind: "http"; status: number }
  | { kind: "network" }
  | { kind: "errors"; message: string; code?: string };

export interface FakeBulkOperation {
  id: string;
  lines: string[];
  polls: number;
  status: "RUNNING" | "COMPLETED" | "FAILED";
  createdAt: string;
}

export interface RecordedCall {
  operationName: string;
  query: string;
  variables: Record<string, unknown>;
}

/** One fake shop: its store data, a log of calls, scripted failures and its bulk operations. */
export class ShopifyFake {
  readonly calls: RecordedCall[] = [];
  readonly bulk = new Map<string, FakeBulkOperation>();
  /** Extra operations by name: variables → root value (e.g. mutations a test wants to answer). */
  readonly roots = new Map<string, (variables: Record<string, unknown>) => object>();
  private scripted: Scripted[] = [];
  /** Polls a bulk operation stays RUNNING before it completes. */
  runningPolls = 1;
  /** The next download of a bulk result breaks after this many lines (connection reset), once. */
  breakNextDownloadAfter: number | null = null;
  downloads = 0;
  /** The next download of a bulk result answers this HTTP status instead (e.g. 403: signed URL expired), once. */
  failNextDownloadWith: number | null = null;
  /** Called when a bulk query starts (0 = first of this shop): tests arm failures from here. */
  onBulkStart: ((index: number, op: FakeBulkOperation) => void) | null = null;
  /** extensions.cost of every successful answer. */
  cost = { requestedQueryCost: 10, actualQueryCost: 5, throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 1995, restoreRate: 100 } };
  private nextBulkId = 1;

  constructor(
    readonly shop: string,
    public store: FakeStore,
  ) {}

  /** The next request(s) get these answers instead of data, in order. */
  script(...answers: Scripted[]): void {
    this.scripted.push(...answers);
  }

  handlers() {
    return [
      http.post(adminUrl(this.shop), async ({ request }) => {
        const body = (await request.json()) as { query: string; variables?: Record<string, unknown> };
        const op = parse(body.query).definitions.find((d): d is OperationDefinitionNode => d.kind === "OperationDefinition");
        const operationName = op?.name?.value ?? "anonymous";
        this.calls.push({ operationName, query: body.query, variables: body.variables ?? {} });
        const scripted = this.scripted.shift();
        if (scripted?.kind === "network") return HttpResponse.error();
        if (scripted?.kind === "http") return HttpResponse.json({ errors: "Internal Server Error" }, { status: scripted.status });
        if (scripted?.kind === "errors")
          return HttpResponse.json({ errors: [{ message: scripted.message, extensions: { code: scripted.code ?? "ACCESS_DENIED" } }] });
        if (scripted?.kind === "throttled") {
          const { requested, available, restoreRate } = scripted;
          return HttpResponse.json({
            errors: [{ message: "Throttled", extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" } }],
            extensions: { cost: { requestedQueryCost: requested, actualQueryCost: null, throttleStatus: { maximumAvailable: 2000, currentlyAvailable: available, restoreRate } } },
          });
        }
        const data = shapeData(body.query, this.rootFor(operationName, body.variables ?? {}), body.variables ?? {});
        return HttpResponse.json({ data, extensions: { cost: this.cost } });
      }),
      http.get(`${BULK_HOST}/${encodeURIComponent(this.shop)}/:file`, ({ params }) => {
        const op = [...this.bulk.values()].find((o) => `${o.id.split("/").pop()}.jsonl` === params.file);
        if (!op) return new HttpResponse(null, { status: 404 });
        this.downloads++;
        const failWith = this.failNextDownloadWith;
        this.failNextDownloadWith = null;
        if (failWith) return new HttpResponse("<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>", { status: failWith });
        const breakAfter = this.breakNextDownloadAfter;
        this.breakNextDownloadAfter = null;
        const encoder = new TextEncoder();
        let i = 0;
        const stream = new ReadableStream<Uint8Array>({
          pull(controller) {
            if (breakAfter !== null && i >= breakAfter) return controller.error(new Error("fake: connection reset mid-download"));
            if (i >= op.lines.length) return controller.close();
            // Split each line across two chunks so the reader must stitch lines together.
            const text = `${op.lines[i++]}\n`;
            const cut = Math.floor(text.length / 2);
            controller.enqueue(encoder.encode(text.slice(0, cut)));
            controller.enqueue(encoder.encode(text.slice(cut)));
          },
        });
        return new HttpResponse(stream, { headers: { "content-type": "application/jsonl" } });
      }),
    ];
  }

  private rootFor(operationName: string, variables: Record<string, unknown>): object {
    const custom = this.roots.get(operationName);
    if (custom) return custom(variables);
    switch (operationName) {
      case "ShopInfo":
        return { shop: this.store.shop };
      case "InventoryItemQuantities":
        return { nodes: ({ ids }: { ids: string[] }) => ids.map((id) => this.findNode(id)) };
      case "InventoryPurchaseOrders":
        // The store's native POs (`inventoryPurchaseOrders`: plain objects), `first` per page, cursor = offset.
        return { inventoryPurchaseOrders: ({ first, after }: { first: number; after: string | null }) => page((this.store.inventoryPurchaseOrders as Json[] | undefined) ?? [], first, after) };
      case "ProductVariantComponents":
        // After products/* the app reads a product's bundle components: the store's product, or null.
        return { product: this.findNode(String(variables.id)) };
      case "CurrentBulkOperation": {
        const last = [...this.bulk.values()].pop();
        return { currentBulkOperation: last ? this.bulkFields(last, false) : null };
      }
      case "BulkOperation": {
        const op = this.bulk.get(String(variables.id));
        return { bulkOperation: op ? this.bulkFields(op, true) : null };
      }
      case "BulkOperationRunQuery": {
        const query = String(variables.query);
        const lines = flattenToJsonl(shapeData(query, this.store));
        const id = `gid://shopify/BulkOperation/${this.nextBulkId++}`;
        const op: FakeBulkOperation = { id, lines, polls: 0, status: "RUNNING", createdAt: new Date().toISOString() };
        this.bulk.set(id, op);
        this.onBulkStart?.(this.bulk.size - 1, op);
        return { bulkOperationRunQuery: { bulkOperation: { id, status: "CREATED" }, userErrors: [] } };
      }
      default:
        throw new Error(`fake Shopify has no answer for ${operationName}`);
    }
  }

  /**
   * `nodes(ids:)`: the store's object with that id wherever it sits (e.g. a variant's inventoryItem), typed by
   * its GID so the schema resolves the Node interface; null for an id the store does not hold.
   */
  private findNode(id: string): Json | null {
    const seen = new Set<unknown>();
    const visit = (value: unknown): Json | null => {
      if (typeof value !== "object" || value === null || seen.has(value)) return null;
      seen.add(value);
      if (!Array.isArray(value) && (value as Json).id === id) return value as Json;
      for (const v of Array.isArray(value) ? value : Object.values(value)) {
        const found = visit(v);
        if (found) return found;
      }
      return null;
    };
    const found = visit(this.store);
    const typename = /^gid:\/\/shopify\/(\w+)\//.exec(id)?.[1];
    return found && typename ? { ...found, __typename: typename } : null;
  }

  private bulkFields(op: FakeBulkOperation, poll: boolean) {
    if (poll && op.status === "RUNNING" && ++op.polls > this.runningPolls) op.status = "COMPLETED";
    const done = op.status === "COMPLETED";
    return {
      id: op.id,
      status: op.status,
      errorCode: op.status === "FAILED" ? "INTERNAL_SERVER_ERROR" : null,
      objectCount: String(done ? op.lines.length : 0),
      rootObjectCount: String(done ? op.lines.filter((l) => !l.includes('"__parentId"')).length : 0),
      url: done && op.lines.length ? `${BULK_HOST}/${encodeURIComponent(this.shop)}/${op.id.split("/").pop()}.jsonl` : null,
      partialDataUrl: null,
      createdAt: op.createdAt,
      completedAt: done ? op.createdAt : null,
    };
  }
}

/** One msw server per test file, listening from import time (see the header). */
export const server = setupServer();
server.listen({ onUnhandledRequest: "error" });

/** Registers a fake shop on the server (until server.resetHandlers()). */
export function fakeShop(shop: string, store: FakeStore): ShopifyFake {
  const fake = new ShopifyFake(shop, store);
  server.use(...fake.handlers());
  return fake;
}

/**
 * The Shopify of a signed-in shop in a test about something else: it answers the "Stockcast alert raised" Flow
 * trigger that evaluateAlerts sends for each new alert (after a plan, or after a stock webhook).
 */
export function fakeFlowTriggers(shop: string): ShopifyFake {
  const fake = fakeShop(shop, { shop: { name: shop, ianaTimezone: "UTC", currencyCode: "USD" } });
  fake.roots.set("FlowTriggerReceive", () => ({ flowTriggerReceive: { userErrors: [] } }));
  return fake;
}

/** A staff account as Shopify describes it in a token exchange's `associated_user`. */
export interface FakeStaffAccount {
  id: number;
  first_name: string;
  last_name: string;
  email: string;
  account_owner: boolean;
  collaborator?: boolean;
}

export interface FakeTokenExchange {
  /** The requests Shopify received (body fields), in order. */
  readonly requests: Record<string, string>[];
  /** The next exchange(s) answer this HTTP status instead, in order. */
  failNext: number[];
}

const TOKEN_EXCHANGE_GRANT = "urn:ietf:params:oauth:grant-type:token-exchange";
const ID_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:id_token";
const ONLINE_TOKEN_TYPE = "urn:shopify:params:oauth:token-type:online-access-token";

/** The payload of an HS256 session token signed with `secret`, or null when the signature is wrong. */
function verifiedJwtPayload(token: string, secret: string): Record<string, unknown> | null {
  const [header, payload, signature] = token.split(".");
  if (!header || !payload || !signature) return null;
  const expected = createHmac("sha256", secret).update(`${header}.${payload}`).digest("base64url");
  if (expected !== signature) return null;
  return JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<string, unknown>;
}

/**
 * Shopify's token-exchange endpoint (`POST https://<shop>/admin/oauth/access_token`) for online access
 * tokens, answering as Shopify does: it checks the client credentials and the session token's signature,
 * and returns an online token whose `associated_user` is the account of the token's `sub`. Errors have
 * Shopify's OAuth shape (`{ error, error_description }`, 400).
 */
export function fakeStaffAccounts(shop: string, accounts: FakeStaffAccount[], app = { apiKey: "test-api-key", apiSecretKey: "test-api-secret" }): FakeTokenExchange {
  const fake: FakeTokenExchange = { requests: [], failNext: [] };
  server.use(
    http.post(`https://${shop}/admin/oauth/access_token`, async ({ request }) => {
      const body = (await request.json()) as Record<string, string>;
      fake.requests.push(body);
      const failWith = fake.failNext.shift();
      if (failWith) return HttpResponse.json({ errors: "Internal Server Error" }, { status: failWith });
      const oauthError = (error: string, description: string) => HttpResponse.json({ error, error_description: description }, { status: 400 });
      if (body.client_id !== app.apiKey || body.client_secret !== app.apiSecretKey) return oauthError("invalid_client", "Client credentials are invalid");
      if (body.grant_type !== TOKEN_EXCHANGE_GRANT || body.subject_token_type !== ID_TOKEN_TYPE) return oauthError("invalid_request", "Unsupported grant");
      if (body.requested_token_type !== ONLINE_TOKEN_TYPE) return oauthError("invalid_request", "This fake only issues online access tokens");
      const claims = verifiedJwtPayload(body.subject_token ?? "", app.apiSecretKey);
      if (!claims || claims.dest !== `https://${shop}`) return oauthError("invalid_subject_token", "Session token is invalid");
      const account = accounts.find((a) => String(a.id) === String(claims.sub));
      if (!account) return oauthError("invalid_subject_token", "The user of this session token has no access to the store");
      return HttpResponse.json({
        access_token: `shpua_${randomUUID().replace(/-/g, "")}`,
        scope: "read_products,read_orders,read_inventory,write_inventory",
        expires_in: 86399,
        associated_user_scope: "read_products,read_orders,read_inventory",
        session: randomUUID(),
        account_number: 0,
        associated_user: {
          id: account.id,
          first_name: account.first_name,
          last_name: account.last_name,
          email: account.email,
          account_owner: account.account_owner,
          locale: "en",
          collaborator: account.collaborator ?? false,
          email_verified: true,
        },
      });
    }),
  );
  return fake;
}
