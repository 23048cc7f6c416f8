import { isPostgres } from "~/db.server";

/** Bound parameters for raw SQL: `?` on SQLite, `$n` on PostgreSQL, numbered in the order they are bound. */
export class SqlParams {
  readonly values: unknown[] = [];
  bind(value: unknown): string {
    this.values.push(value);
    return isPostgres ? `$${this.values.length}` : "?";
  }
}

/** `value` as a LIKE pattern matching it literally anywhere (wildcards escaped with `\`). */
const containsPattern = (value: string) => `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Variants (not deleted) whose SKU, title or product title contains `search`, case-insensitively on both
 * providers, as a subquery: a search may match more variants than a statement can bind ids.
 */
export function variantsMatchingSql(shop: string, search: string, p: SqlParams): string {
  const pattern = containsPattern(search);
  // PostgreSQL: ILIKE in a UTF-8 database is lower(text) LIKE lower(pattern), spelled out about twice as fast.
  const match = (column: string) => (isPostgres ? `lower(${column}) LIKE lower(${p.bind(pattern)}) ESCAPE '\\'` : `${column} LIKE ${p.bind(pattern)} ESCAPE '\\'`);
  // Products as their own subquery: scanned once, rather than looked up for each of the shop's variants.
  return `SELECT v."id" FROM "Variant" v WHERE v."shop" = ${p.bind(shop)} AND v."deletedAt" IS NULL AND (${match(`v."sku"`)} OR ${match(`v."title"`)}
    OR v."productId" IN (SELECT pr."id" FROM "Product" pr WHERE pr."shop" = ${p.bind(shop)} AND ${match(`pr."title"`)}))`;
}

/** A filter `column` ∈ the variants matching `search`, in the form each database plans well. */
export function variantMatchFilterSql(column: string, shop: string, search: string, p: SqlParams): string {
  return isPostgres ? `${column} = ANY(ARRAY(${variantsMatchingSql(shop, search, p)}))` : `${column} IN (${variantsMatchingSql(shop, search, p)})`;
}
