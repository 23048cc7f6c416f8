// Streams a CSV file through csv-parse, hashing the bytes on the way (the hash makes re-imports idempotent),
// and validates every row with its zod schema. Rows are reported with the line number they end on in the
// file (the header is line 1), so a merchant can find them in a spreadsheet.
import { createHash } from "node:crypto";
import { parse, type Info } from "csv-parse";
import type { z } from "zod";
import { timeSlicer } from "~/utils/event-loop";
import { yieldToRequests } from "~/utils/http-load.server";

export interface RowError {
  line: number;
  message: string;
}

export interface ParsedCsv<T> {
  fileHash: string;
  rows: { line: number; value: T }[];
  errors: RowError[];
  /** Data rows read (valid or not). */
  rowCount: number;
  /** Rows with errors (errors keeps the first MAX_REPORTED_ERRORS of them). */
  badRows: number;
  /** More data rows than `maxRows`: reading stopped there. */
  tooManyRows: boolean;
}

export interface ReadCsvOptions {
  /** Stop with an error past this many data rows. */
  maxRows?: number;
  /** Called now and then while reading (at most every `progressEveryRows` rows). */
  onProgress?: (progress: { bytesRead: number; rowsRead: number }) => Promise<unknown> | void;
  progressEveryRows?: number;
}

/** The file: text, bytes, a web stream (an uploaded File's .stream()) or any (async) iterable of chunks. */
export type CsvContent = string | Uint8Array | ReadableStream<Uint8Array> | AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>;

/** At most this many row errors are kept (the count of bad rows is still exact in the message). */
export const MAX_REPORTED_ERRORS = 100;

/** Bytes fed to the parser at a time from a file held in memory. */
const SLICE_BYTES = 64 * 1024;

/** The source's chunks, none longer than SLICE_BYTES: the parser parses a whole chunk without yielding. */
async function* chunks(content: CsvContent): AsyncGenerator<Uint8Array> {
  for await (const chunk of sourceChunks(content)) {
    for (let i = 0; i < chunk.byteLength; i += SLICE_BYTES) yield chunk.subarray(i, i + SLICE_BYTES);
    if (chunk.byteLength === 0) yield chunk;
  }
}

async function* sourceChunks(content: CsvContent): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  if (typeof content === "string") yield encoder.encode(content);
  else if (content instanceof Uint8Array) yield content;
  else if (content instanceof ReadableStream) {
    const reader = (content as ReadableStream<Uint8Array>).getReader();
    try {
      for (let r = await reader.read(); !r.done; r = await reader.read()) yield r.value;
    } finally {
      reader.releaseLock();
    }
  } else for await (const chunk of content as AsyncIterable<string | Uint8Array>) yield typeof chunk === "string" ? encoder.encode(chunk) : chunk;
}

/** Resolves when the parser wants more input, or has closed (reading stopped early); leaves no listener behind. */
function drainedOrClosed(parser: NodeJS.EventEmitter): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      parser.off("drain", done);
      parser.off("close", done);
      resolve();
    };
    parser.on("drain", done);
    parser.on("close", done);
  });
}

/**
 * Reads and validates a whole file. `mapHeaders` renames the trimmed header cells before rows are built
 * (alias matching for formats whose headers vary); without it headers must match the schema exactly.
 * Yields to the event loop every few milliseconds, so a server running it keeps answering requests.
 */
export async function readCsv<S extends z.ZodTypeAny>(
  content: CsvContent,
  schema: S,
  requiredColumns: string[],
  mapHeaders?: (headers: string[]) => string[],
  options: ReadCsvOptions = {},
): Promise<ParsedCsv<z.output<S>>> {
  const pace = timeSlicer(20, yieldToRequests);
  const progressEvery = options.progressEveryRows ?? 5_000;
  let bytesRead = 0;
  let stopped = false;
  const hash = createHash("sha256");
  const rows: { line: number; value: z.output<S> }[] = [];
  const errors: RowError[] = [];
  let badRows = 0;
  let missing: string[] = [];
  const parser = parse({
    bom: true,
    columns: (header: string[]) => {
      const trimmed = header.map((h) => h.trim());
      const names = mapHeaders ? mapHeaders(trimmed) : trimmed;
      missing = requiredColumns.filter((c) => !names.includes(c));
      return names;
    },
    info: true,
    skip_empty_lines: true,
  });
  // Feed the parser from the source while we read records from it (backpressure through "drain").
  const producer = (async () => {
    try {
      for await (const chunk of chunks(content)) {
        if (stopped) return;
        hash.update(chunk);
        bytesRead += chunk.byteLength;
        if (!parser.write(chunk)) await drainedOrClosed(parser);
      }
      parser.end();
    } catch (error) {
      parser.destroy(error as Error);
    }
  })();

  let rowCount = 0;
  const report = (error: RowError) => {
    badRows++;
    if (errors.length < MAX_REPORTED_ERRORS) errors.push(error);
  };
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: Info }>) {
      if (missing.length) continue; // keep reading: the hash covers the whole file
      rowCount++;
      if (options.maxRows !== undefined && rowCount > options.maxRows) {
        stopped = true;
        rowCount--;
        break;
      }
      if ((rowCount & 255) === 0) await pace();
      if (options.onProgress && rowCount % progressEvery === 0) await options.onProgress({ bytesRead, rowsRead: rowCount });
      const result = schema.safeParse(record);
      if (result.success) rows.push({ line: info.lines, value: result.data });
      else {
        const issue = result.error.issues[0];
        report({ line: info.lines, message: `${issue.path.length ? `${issue.path.join(".")}: ` : ""}${issue.message}` });
      }
    }
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    report({ line: line ?? rowCount + 2, message: (error as Error).message });
  }
  await producer;
  if (missing.length) {
    const message = `missing column${missing.length > 1 ? "s" : ""} ${missing.map((c) => `"${c}"`).join(", ")}`;
    return { fileHash: hash.digest("hex"), rows: [], errors: [{ line: 1, message }], rowCount: 0, badRows: 1, tooManyRows: false };
  }
  if (stopped) {
    const max = options.maxRows!.toLocaleString("en-US");
    const message = `This file has more than ${max} rows, the most one import takes. Split it into smaller files (for example one per year) and import each.`;
    return { fileHash: hash.digest("hex"), rows: [], errors: [{ line: max === "0" ? 2 : options.maxRows! + 2, message }], rowCount, badRows: 1, tooManyRows: true };
  }
  return { fileHash: hash.digest("hex"), rows, errors, rowCount, badRows, tooManyRows: false };
}

/** The errors to show and store: the first MAX_REPORTED_ERRORS by line, then "… and N more" when rows were left out. */
export function reportedErrors(errors: readonly RowError[], badRows: number): RowError[] {
  const sorted = [...errors].sort((a, b) => a.line - b.line).slice(0, MAX_REPORTED_ERRORS);
  const more = badRows - sorted.length;
  return more > 0 ? [...sorted, { line: sorted[sorted.length - 1].line, message: `… and ${more} more rows with errors` }] : sorted;
}
