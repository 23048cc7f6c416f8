import prisma from "~/db.server";
import { timeSlicer, yieldToEventLoop } from "~/utils/event-loop";
import { IDS_PER_QUERY } from "./id-chunks.server";
import { checkpointWal } from "./sqlite-wal.server";
import { defaultDb, type Db } from "./transaction.server";

// ImportBatch: one imported file, unique per (shop, kind, fileHash) so the same file is applied once. Its
// bytes wait in ImportUpload (the database, so a worker on another machine can read them) until the import
// job ends. Also the lookups a CSV import needs (SKU → variant, location name → location).

export type ImportBatchStatus = "queued" | "running" | "completed" | "failed";

/** An import still to finish: queued for the job, or being read and written. */
export const ACTIVE_IMPORT_STATUSES: ImportBatchStatus[] = ["queued", "running"];

export function findImportBatch(shop: string, kind: string, fileHash: string, db: Db = defaultDb) {
  return db.importBatch.findUnique({ where: { shop_kind_fileHash: { shop, kind, fileHash } } });
}

export function findImportBatchById(shop: string, id: string, db: Db = defaultDb) {
  return db.importBatch.findFirst({ where: { shop, id } });
}

export function listImportBatches(shop: string, take = 20, db: Db = defaultDb) {
  return db.importBatch.findMany({ where: { shop }, orderBy: { createdAt: "desc" }, take });
}

/** The shop's queued or running imports (at most one, unless one was abandoned). */
export function findActiveImports(shop: string, db: Db = defaultDb) {
  return db.importBatch.findMany({ where: { shop, status: { in: ACTIVE_IMPORT_STATUSES } }, select: { id: true, updatedAt: true, fileName: true } });
}

/** One stored part of an uploaded file: one statement stores or reads this much (about 10 ms of work). */
export const UPLOAD_PART_BYTES = 256 * 1024;
const CHECKPOINT_EVERY_PARTS = 4;

/**
 * A queued batch and its file's bytes, replacing a failed earlier attempt at the same file. Throws the
 * unique violation when the same file is queued, running or imported (the caller checked that first).
 * The bytes are stored a part per statement with a turn of the event loop between parts, outside any
 * transaction: the caller enqueues the job only after this returns, and a batch whose parts were never
 * all stored (the process died) is abandoned like a dead job.
 */
export async function createQueuedImport(
  shop: string,
  batch: { kind: string; fileName: string; fileHash: string; options: Record<string, string>; content: Uint8Array },
  db: Db = defaultDb,
) {
  const { content, ...fields } = batch;
  await db.importBatch.deleteMany({ where: { shop, kind: batch.kind, fileHash: batch.fileHash, status: "failed" } });
  const created = await db.importBatch.create({ data: { shop, ...fields, status: "queued", bytesTotal: content.byteLength }, select: { id: true } });
  for (let part = 0, at = 0; at < content.byteLength || part === 0; part++, at += UPLOAD_PART_BYTES) {
    const bytes = new Uint8Array(content.subarray(at, at + UPLOAD_PART_BYTES));
    await db.importUpload.createMany({ data: [{ batchId: created.id, part, shop, content: bytes }] });
    await yieldToEventLoop();
    // SQLite: fold each MB back from the WAL as it comes (one checkpoint of the whole file held the loop ~1 s).
    if (db === defaultDb && part % CHECKPOINT_EVERY_PARTS === CHECKPOINT_EVERY_PARTS - 1) {
      await checkpointWal();
      await yieldToEventLoop();
    }
  }
  return created;
}

/** How many parts of a queued or running import's file are stored (0 once it ended). */
export function countImportUploadParts(shop: string, batchId: string, db: Db = defaultDb): Promise<number> {
  return db.importUpload.count({ where: { shop, batchId } });
}

/** The stored bytes of a queued or running import, a part at a time in order (nothing once it ended). */
export async function* readImportUpload(shop: string, batchId: string, db: Db = defaultDb): AsyncGenerator<Uint8Array> {
  const parts = await db.importUpload.findMany({ where: { shop, batchId }, select: { part: true }, orderBy: { part: "asc" } });
  for (const { part } of parts) {
    const row = await db.importUpload.findFirst({ where: { shop, batchId, part }, select: { content: true } });
    if (!row) throw new Error(`import upload ${batchId} lost its part ${part}`);
    yield new Uint8Array(row.content);
    await yieldToEventLoop();
  }
}

/** Progress and state of a batch while its job runs. */
export function updateImportBatch(
  shop: string,
  id: string,
  data: Partial<{
    status: ImportBatchStatus;
    rowCount: number;
    bytesRead: number;
    rowsToWrite: number;
    rowsWritten: number;
    startedAt: Date;
  }>,
  db: Db = defaultDb,
) {
  return db.importBatch.updateMany({ where: { shop, id }, data });
}

/** Ends a batch (completed or failed) and drops its stored bytes. */
export async function finishImportBatch(
  shop: string,
  id: string,
  outcome: { status: "completed" | "failed"; rowCount?: number; errors?: { line: number; message: string }[]; errorCount?: number; result?: object },
  db: Db = defaultDb,
) {
  await db.importBatch.updateMany({ where: { shop, id }, data: { ...outcome, errors: outcome.errors ?? undefined, finishedAt: new Date() } });
  await db.importUpload.deleteMany({ where: { shop, batchId: id } });
}

/** Runs one chunk of an import's writes in a transaction (all or nothing for that chunk). */
export function inImportTransaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
  return prisma.$transaction(fn, { timeout: 120_000, maxWait: 30_000 });
}

/** Variants (not deleted) carrying each SKU; a SKU may match several variants. */
export async function findVariantsBySku(shop: string, skus: string[], db: Db = defaultDb) {
  const rows = await pacedChunks([...new Set(skus)], (slice) =>
    db.variant.findMany({ where: { shop, deletedAt: null, sku: { in: slice } }, select: { id: true, shopifyId: true, sku: true } }),
  );
  const bySku = new Map<string, { id: string; shopifyId: string }[]>();
  for (const r of rows) bySku.set(r.sku!, [...(bySku.get(r.sku!) ?? []), { id: r.id, shopifyId: r.shopifyId }]);
  return bySku;
}

/** Locations by exact name (deleted ones included: history may name a closed location). */
export async function findLocationsByName(shop: string, db: Db = defaultDb) {
  const rows = await db.location.findMany({ where: { shop }, select: { id: true, shopifyId: true, name: true, deletedAt: true }, orderBy: { createdAt: "asc" } });
  const byName = new Map<string, { id: string; shopifyId: string }>();
  for (const r of rows) if (!byName.has(r.name) || !r.deletedAt) byName.set(r.name, { id: r.id, shopifyId: r.shopifyId });
  return byName;
}

/** Order names already stored from Shopify itself (webhook or backfill): a CSV never overrides those. */
export async function findShopifyOrderNames(shop: string, names: string[], db: Db = defaultDb): Promise<Set<string>> {
  if (names.length === 0) return new Set();
  const rows = await pacedChunks([...new Set(names)], (slice) =>
    db.orderLine.findMany({ where: { shop, orderName: { in: slice }, NOT: { source: "csv" } }, select: { orderName: true }, distinct: ["orderName"] }),
  );
  return new Set(rows.map((r) => r.orderName!));
}

/**
 * `query` over consecutive slices of `keys` (under the bound-parameter limit), yielding to the event loop
 * between slices now and then: a million order names must not hold up requests. Not for use inside a
 * transaction (other work would run on its connection while it yields).
 */
async function pacedChunks<T>(keys: readonly string[], query: (slice: string[]) => Promise<T[]>): Promise<T[]> {
  const pace = timeSlicer();
  const out: T[] = [];
  for (let i = 0; i < keys.length; i += IDS_PER_QUERY) {
    for (const row of await query(keys.slice(i, i + IDS_PER_QUERY))) out.push(row);
    await pace();
  }
  return out;
}
