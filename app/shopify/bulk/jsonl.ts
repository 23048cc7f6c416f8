// Streaming reader for bulk-operation results. The JSONL file is flat: every node of a nested connection is
// its own line carrying `__parentId`, right after its parent (the operation runs with groupObjects: true).
// We read it chunk by chunk (files can be gigabytes), never holding more than one root object's group.

export type JsonObject = Record<string, unknown>;

export interface JsonlLine {
  /** 1-based line number in the file. */
  line: number;
  value: JsonObject;
}

/** A root object with the lines that belong to it (children, grandchildren), in file order. */
export interface JsonlGroup {
  root: JsonObject;
  children: JsonObject[];
  firstLine: number;
  /** Last line of this group: a resume cursor after the group is stored. */
  lastLine: number;
}

export class BulkJsonlError extends Error {
  override name = "BulkJsonlError";
}

type ByteSource = ReadableStream<Uint8Array> | AsyncIterable<Uint8Array | string>;

async function* chunksOf(source: ByteSource): AsyncGenerator<Uint8Array | string> {
  if (Symbol.asyncIterator in source) {
    yield* source as AsyncIterable<Uint8Array | string>;
    return;
  }
  const reader = (source as ReadableStream<Uint8Array>).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/**
 * Yields each non-empty line as parsed JSON. Lines up to and including `afterLine` are skipped without being
 * parsed (resuming an interrupted import).
 */
export async function* readJsonl(source: ByteSource, options: { afterLine?: number } = {}): AsyncGenerator<JsonlLine> {
  const afterLine = options.afterLine ?? 0;
  const decoder = new TextDecoder();
  let pending = "";
  let line = 0;
  const emit = (text: string): JsonlLine | null => {
    line++;
    if (line <= afterLine || text.trim() === "") return null;
    try {
      const value = JSON.parse(text) as unknown;
      if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Error("not an object");
      return { line, value: value as JsonObject };
    } catch (error) {
      throw new BulkJsonlError(`line ${line}: not a JSON object (${(error as Error).message})`);
    }
  };
  for await (const chunk of chunksOf(source)) {
    pending += typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    let newline = pending.indexOf("\n");
    while (newline >= 0) {
      const parsed = emit(pending.slice(0, newline));
      pending = pending.slice(newline + 1);
      if (parsed) yield parsed;
      newline = pending.indexOf("\n");
    }
  }
  pending += decoder.decode();
  if (pending.length) {
    const parsed = emit(pending);
    if (parsed) yield parsed;
  }
}

/** Every `id` string found in an object, nested objects and lists included (refunds inside an order, …). */
function collectIds(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) {
    for (const v of value) collectIds(v, into);
  } else if (typeof value === "object" && value !== null) {
    for (const [key, v] of Object.entries(value)) {
      if (key === "id" && typeof v === "string") into.add(v);
      else if (key !== "__parentId") collectIds(v, into);
    }
  }
}

/**
 * Rebuilds parents from `__parentId`: yields one group per root line (a line without `__parentId`) with all
 * following lines whose parent is the root or anything inside the group. A child whose parent is not in the
 * current group means the file is not grouped; we stop rather than mis-attribute it.
 */
export async function* groupJsonl(lines: AsyncIterable<JsonlLine>): AsyncGenerator<JsonlGroup> {
  let current: JsonlGroup | null = null;
  let ids = new Set<string>();
  for await (const { line, value } of lines) {
    const parentId = value.__parentId;
    if (parentId === undefined) {
      if (current) yield current;
      current = { root: value, children: [], firstLine: line, lastLine: line };
      ids = new Set();
      collectIds(value, ids);
      continue;
    }
    if (typeof parentId !== "string" || !current || !ids.has(parentId))
      throw new BulkJsonlError(`line ${line}: parent ${String(parentId)} is not among the preceding lines of its group`);
    current.children.push(value);
    current.lastLine = line;
    collectIds(value, ids);
  }
  if (current) yield current;
}

/** Splits groups into batches of about `size` lines (never splitting a group), for one transaction each. */
export async function* batchGroups(groups: AsyncIterable<JsonlGroup>, size: number): AsyncGenerator<JsonlGroup[]> {
  let batch: JsonlGroup[] = [];
  let lines = 0;
  for await (const group of groups) {
    batch.push(group);
    lines += 1 + group.children.length;
    if (lines >= size) {
      yield batch;
      batch = [];
      lines = 0;
    }
  }
  if (batch.length) yield batch;
}
