// A provider-neutral description of a database's schema (tables, columns, indexes, constraints), used to
// check that the migrations history builds exactly what prisma/schema.prisma describes.
import type { PrismaClient } from "@prisma/client";

const norm = (sql: string | null) => (sql ?? "").replace(/\s+/g, " ").trim();

export async function dumpSchema(db: PrismaClient, postgres: boolean): Promise<string[]> {
  if (!postgres) {
    const rows = await db.$queryRawUnsafe<{ type: string; name: string; sql: string | null }[]>(
      `SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE '_prisma_migrations%' AND name NOT LIKE 'sqlite_%'`,
    );
    // Tables are compared column by column: ALTER TABLE … ADD COLUMN appends, so a table's CREATE text
    // legitimately differs in column order from one built in a single statement.
    const lines = rows.filter((r) => r.type !== "table").map((r) => `${r.type} ${r.name}: ${norm(r.sql)}`);
    for (const table of rows.filter((r) => r.type === "table")) {
      const cols = await db.$queryRawUnsafe<{ name: string; type: string; notnull: bigint | number; dflt_value: string | null; pk: bigint | number }[]>(
        `SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info('${table.name}')`,
      );
      for (const c of cols) lines.push(`column ${table.name}.${c.name} ${c.type} notnull=${Number(c.notnull)} default=${c.dflt_value ?? ""} pk=${Number(c.pk)}`);
      const fks = await db.$queryRawUnsafe<{ table: string; from: string; to: string; on_update: string; on_delete: string }[]>(
        `SELECT "table", "from", "to", on_update, on_delete FROM pragma_foreign_key_list('${table.name}')`,
      );
      for (const f of fks) lines.push(`foreign key ${table.name}.${f.from} → ${f.table}.${f.to} update=${f.on_update} delete=${f.on_delete}`);
    }
    return lines.sort();
  }
  const columns = await db.$queryRawUnsafe<Record<string, string>[]>(
    `SELECT table_name::text, column_name::text, data_type::text, is_nullable::text,
            coalesce(column_default::text, '') AS d,
            coalesce(character_maximum_length::text, '') AS len, coalesce(numeric_precision::text, '') AS p
       FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
  );
  const indexes = await db.$queryRawUnsafe<Record<string, string>[]>(
    `SELECT indexname::text, indexdef::text FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
  );
  const constraints = await db.$queryRawUnsafe<Record<string, string>[]>(
    `SELECT c.conname::text, pg_get_constraintdef(c.oid)::text AS def FROM pg_constraint c
       JOIN pg_namespace n ON n.oid = c.connamespace
      WHERE n.nspname = 'public' AND c.conrelid::regclass::text NOT IN ('"_prisma_migrations"', '_prisma_migrations')`,
  );
  const enums = await db.$queryRawUnsafe<Record<string, string>[]>(
    `SELECT t.typname::text, e.enumlabel::text FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
       JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public'`,
  );
  return [
    ...columns.map((c) => `column ${c.table_name}.${c.column_name} ${c.data_type}(${c.len}${c.p}) null=${c.is_nullable} default=${c.d}`),
    ...indexes.map((i) => `index ${i.indexname}: ${i.indexdef}`),
    ...constraints.map((c) => `constraint ${c.conname}: ${c.def}`),
    ...enums.map((e) => `enum ${e.typname}: ${e.enumlabel}`),
  ].sort();
}

/** Splits Prisma's generated DDL into statements (it never puts ';' inside literals). */
export function statements(script: string): string[] {
  return script
    .split(/;\s*\n/)
    .map((s) => s.replace(/^\s*--.*$/gm, "").trim())
    .filter(Boolean);
}

/** Lines present in one dump and not the other, for a readable failure message. */
export function schemaDifference(fromMigrations: string[], fromSchema: string[]): string[] {
  const a = new Set(fromMigrations);
  const b = new Set(fromSchema);
  return [
    ...fromSchema.filter((l) => !a.has(l)).map((l) => `+ in schema.prisma, missing from migrations: ${l}`),
    ...fromMigrations.filter((l) => !b.has(l)).map((l) => `- in migrations, not in schema.prisma: ${l}`),
  ];
}
