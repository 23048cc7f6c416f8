/** Ids per statement: Prisma's SQLite query compiler binds at most 999 values per statement. */
export const IDS_PER_QUERY = 500;

/**
 * Runs `query` on consecutive slices of `ids` and concatenates the rows, so a filter `id in (…)` over a
 * whole plan (tens of thousands of variants) stays under the database's bound-parameter limit. Use only
 * where each row belongs to one id of the slice (plain filters, or groupBy on that id), so the result is
 * the same as one query.
 */
export async function inIdChunks<T>(ids: readonly string[], query: (slice: string[]) => Promise<T[]>): Promise<T[]> {
  if (ids.length <= IDS_PER_QUERY) return query([...ids]);
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += IDS_PER_QUERY) out.push(...(await query(ids.slice(i, i + IDS_PER_QUERY))));
  return out;
}
