/**
 * Streaming CSV input for the forecast CLI: one `series_id,date,qty` row at a time, with the
 * line number, so errors can name the line. Memory stays O(one series).
 */
import { createReadStream } from "node:fs";
import { createGunzip } from "node:zlib";

/** One parsed input row. */
export interface Row {
  line: number;
  seriesId: string;
  /** Days since 1970-01-01 (UTC). */
  day: number;
  qty: number;
}

/** An input problem a merchant can fix: names the file, line and what is wrong. */
export class InputError extends Error {
  constructor(file: string, line: number, problem: string) {
    super(line > 0 ? `${file}:${line}: ${problem}` : `${file}: ${problem}`);
    this.name = "InputError";
  }
}

const DAY_MS = 86_400_000;

/** Parses an ISO date YYYY-MM-DD to a UTC day number, or NaN. */
export function parseDay(s: string): number {
  if (s.length !== 10 || s[4] !== "-" || s[7] !== "-") return NaN;
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(5, 7));
  const d = Number(s.slice(8, 10));
  if (
    !Number.isInteger(y) ||
    !Number.isInteger(m) ||
    !Number.isInteger(d) ||
    m < 1 ||
    m > 12 ||
    d < 1 ||
    d > 31
  )
    return NaN;
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  if (back.getUTCDate() !== d) return NaN;
  return t / DAY_MS;
}

/** Formats a UTC day number as YYYY-MM-DD. */
export function formatDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** Trims a cell and strips surrounding double quotes (only when present: the hot path is plain). */
function clean(c: string): string {
  let v = c;
  if (v.length && (v.charCodeAt(0) <= 32 || v.charCodeAt(v.length - 1) <= 32))
    v = v.trim();
  if (
    v.length >= 2 &&
    v.charCodeAt(0) === 34 &&
    v.charCodeAt(v.length - 1) === 34
  )
    v = v.slice(1, -1);
  return v;
}

/**
 * The first `k` cells of a line without quotes or spaces, cut at its commas (no array of every cell, no
 * trimming); `lastId` is reused when the line starts with it, so a sorted file allocates one id string per
 * series. Lines with quotes or whitespace go through split and clean.
 */
function plainCells(text: string, k: number, lastId: string): string[] {
  let end = text.length;
  if (end && text.charCodeAt(end - 1) === 13) end--;
  if (text.indexOf('"') >= 0 || text.indexOf(" ") >= 0 || text.indexOf("\t") >= 0) return text.slice(0, end).split(",").map(clean);
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < k; i++) {
    let comma = text.indexOf(",", start);
    if (comma < 0 || comma > end) comma = end;
    out.push(i === 0 && comma === lastId.length && text.startsWith(lastId) ? lastId : text.slice(start, comma));
    if (comma === end) break;
    start = comma + 1;
  }
  return out;
}

/**
 * The file's lines, a chunk at a time: one await per chunk rather than per line (readline's per-line
 * promises were most of the CLI's wall time on a 300k-row file).
 */
async function* lineChunks(file: string): AsyncGenerator<string[]> {
  const raw = createReadStream(file, { highWaterMark: 1 << 20 });
  const input = file.endsWith(".gz") ? raw.pipe(createGunzip()) : raw;
  const decoder = new TextDecoder("utf-8");
  let rest = "";
  for await (const chunk of input as AsyncIterable<Buffer>) {
    const text = rest + decoder.decode(chunk, { stream: true });
    const parts = text.split("\n");
    rest = parts.pop() ?? "";
    yield parts;
  }
  const tail = rest + decoder.decode();
  if (tail.length) yield [tail];
}

/**
 * Reads `series_id,date,qty` rows in batches (header required; extra columns ignored; quoted ids
 * allowed without embedded commas). Blank lines are skipped. Throws InputError on a bad header, date or
 * quantity. Memory: one chunk of the file at a time.
 */
export async function* readRowBatches(
  file: string,
  columns: readonly string[] = ["series_id", "date", "qty"]
): AsyncGenerator<Row[]> {
  let lineNo = 0;
  let idx: number[] | null = null;
  // Columns in the order asked for: plain lines are cut at their commas (plainCells).
  let plain = false;
  let lastId = "";
  // a file holds few distinct dates: parse each once
  const days = new Map<string, number>();
  for await (const chunk of lineChunks(file)) {
    const batch: Row[] = [];
    for (const text of chunk) {
      lineNo++;
      if (text.length === 0 || text === "\r") continue;
      const cells: string[] = plain && idx ? plainCells(text, columns.length, lastId) : text.split(",").map(clean);
      if (!idx) {
        idx = columns.map((c) => cells.indexOf(c));
        const missing = columns.filter((_, i) => idx![i] < 0);
        if (missing.length)
          throw new InputError(
            file,
            lineNo,
            `header must contain ${columns.join(",")} (missing ${missing.join(
              ", "
            )})`
          );
        plain = idx.every((c, i) => c === i);
        continue;
      }
      const seriesId = cells[idx[0]];
      lastId = seriesId;
      if (!seriesId) throw new InputError(file, lineNo, "empty series_id");
      const ds = cells[idx[1]] ?? "";
      let day = days.get(ds);
      if (day === undefined) days.set(ds, (day = parseDay(ds)));
      if (!Number.isFinite(day))
        throw new InputError(
          file,
          lineNo,
          `date "${ds}" is not a valid YYYY-MM-DD date`
        );
      let qty = 1;
      if (columns.length > 2) {
        const qs = cells[idx[2]];
        qty = qs === undefined || qs === "" ? NaN : Number(qs);
        if (!Number.isFinite(qty))
          throw new InputError(
            file,
            lineNo,
            `qty "${qs ?? ""}" is not a number`
          );
        if (qty < 0)
          throw new InputError(
            file,
            lineNo,
            `qty ${qty} is negative (returns are not demand; clip or remove them)`
          );
      }
      batch.push({ line: lineNo, seriesId, day, qty });
    }
    if (batch.length) yield batch;
  }
  if (!idx)
    throw new InputError(
      file,
      1,
      "file is empty (expected a header series_id,date,qty)"
    );
}

/** One row at a time (see readRowBatches). */
export async function* readRows(
  file: string,
  columns?: readonly string[]
): AsyncGenerator<Row> {
  for await (const batch of readRowBatches(file, columns)) yield* batch;
}
