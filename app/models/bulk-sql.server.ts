import { isPostgres } from "~/db.server";
import { newRowId } from "./row-id.server";
import type { Db } from "./transaction.server";

// Raw multi-row statements for writes and reads of thousands of rows (a CSV import's write steps): passing
// them through the client's query compiler costs milliseconds per row (see insertPlanChunk, plan-run.server.ts).
// Values are always bound parameters ("?" on SQLite, "$n" on PostgreSQL); identifiers are fixed by callers.

/** Bound parameters per statement: under SQLite's and PostgreSQL's limits with room to spare. */
const PARAMS_PER_STATEMENT = 4000;

/** Cell values as Prisma would bind them: Decimal as its string; Dates and numbers as they are; undefined → NULL. */
function cell(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value === "object" && !(value instanceof Date)) return String(value);
  return value;
}

/** "(?, ?, ?), (?, ?, ?)" or "($1, $2, $3), ($4, $5, $6)" for `rows` tuples of `width`, numbering from `offset`. */
function tuples(rows: number, width: number, offset = 0): string {
  const out: string[] = [];
  for (let r = 0; r < rows; r++) {
    const marks: string[] = [];
    for (let c = 0; c < width; c++) marks.push(isPostgres ? `$${offset + r * width + c + 1}` : "?");
    out.push(`(${marks.join(", ")})`);
  }
  return out.join(", ");
}

/** Inserts `rows` (each a value per column, in `columns` order) plus a new id per row, in multi-row INSERTs. */
export async function insertRows(db: Db, table: string, columns: readonly string[], rows: readonly unknown[][]): Promise<number> {
  const width = columns.length + 1;
  const perStatement = Math.max(1, Math.floor(PARAMS_PER_STATEMENT / width));
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    const params = chunk.flatMap((row) => [newRowId(), ...row.map(cell)]);
    await db.$executeRawUnsafe(`INSERT INTO "${table}" ("id", ${columns.map((c) => `"${c}"`).join(", ")}) VALUES ${tuples(chunk.length, width)}`, ...params);
  }
  return rows.length;
}

/**
 * Rows of `table` for one shop whose (keyColumns) equal one of `keys`: `SELECT select FROM table WHERE shop = ?
 * AND (k1, k2, …) IN (VALUES (…), …)`, in slices under the parameter limit.
 */
export async function selectByKeys<T>(db: Db, table: string, select: readonly string[], shop: string, keyColumns: readonly string[], keys: readonly unknown[][]): Promise<T[]> {
  const perStatement = Math.max(1, Math.floor((PARAMS_PER_STATEMENT - 1) / keyColumns.length));
  const out: T[] = [];
  const list = select.map((c) => `"${c}"`).join(", ");
  const keyList = keyColumns.map((c) => `"${c}"`).join(", ");
  for (let i = 0; i < keys.length; i += perStatement) {
    const chunk = keys.slice(i, i + perStatement);
    const sql = `SELECT ${list} FROM "${table}" WHERE "shop" = ${isPostgres ? "$1" : "?"} AND (${keyList}) IN (VALUES ${tuples(chunk.length, keyColumns.length, 1)})`;
    for (const row of await db.$queryRawUnsafe<T[]>(sql, shop, ...chunk.flat())) out.push(row);
  }
  return out;
}
