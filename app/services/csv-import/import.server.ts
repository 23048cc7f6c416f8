// CSV history import (Settings › Import). One file is one ImportBatch: the upload stores it queued
// (queue-import.server.ts) and the import job reads, validates and writes it (run-import.server.ts), with the
// rules of each format in plan-import.server.ts. A file with a single bad row writes nothing and names the
// line. Importing the same bytes again is a no-op ("duplicate").
import type { ImportResult } from "~/utils/import-result";
import { queueImport } from "./queue-import.server";
import type { CsvContent } from "./read-csv.server";
import type { ImportRequest } from "./request";
import { runImport, type ImportOptions } from "./run-import.server";

export { importRequest, type ImportRequest } from "./request";
export type { ImportOptions } from "./run-import.server";
export type { ImportResult } from "~/utils/import-result";

/**
 * Queues the file and runs its import here and now, to the end: the job's code path without the queue
 * (CLIs, tests of the import rules). The app queues instead (queue-import.server.ts + the import job).
 */
export async function importCsv(shop: string, request: ImportRequest, content: CsvContent, options: ImportOptions = {}): Promise<ImportResult> {
  const queued = await queueImport(shop, request, await allBytes(content), { actor: options.actor });
  if (queued.status === "duplicate") return queued;
  return runImport(shop, queued.batchId, options);
}

async function allBytes(content: CsvContent): Promise<Uint8Array> {
  if (typeof content === "string") return new TextEncoder().encode(content);
  if (content instanceof Uint8Array) return content;
  const parts: Uint8Array[] = [];
  const encoder = new TextEncoder();
  if (content instanceof ReadableStream) {
    const reader = (content as ReadableStream<Uint8Array>).getReader();
    for (let r = await reader.read(); !r.done; r = await reader.read()) parts.push(r.value);
  } else for await (const chunk of content as AsyncIterable<string | Uint8Array>) parts.push(typeof chunk === "string" ? encoder.encode(chunk) : chunk);
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

