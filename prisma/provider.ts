// Which database a DATABASE_URL points at, and where that provider's schema and migrations live.
// Shared by prisma.config.ts (CLI) and scripts; the app itself uses app/db.server.ts.
export type Provider = "sqlite" | "postgresql";

export function providerOf(url: string): Provider {
  if (url.startsWith("file:")) return "sqlite";
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) return "postgresql";
  throw new Error(`DATABASE_URL must start with file: (SQLite) or postgres:// (PostgreSQL); got "${url.split(":")[0]}:"`);
}

export const schemaPath: Record<Provider, string> = {
  sqlite: "prisma/schema.prisma",
  postgresql: "prisma/postgres/schema.prisma",
};

export const migrationsPath: Record<Provider, string> = {
  sqlite: "prisma/migrations",
  postgresql: "prisma/postgres/migrations",
};

/** better-sqlite3 wants a file path; Prisma URLs are "file:./x.db" relative to the working directory. */
export function sqliteFile(url: string): string {
  return url.replace(/^file:/, "");
}
