import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { migrationPool } from "./prisma/pg-migration-pool";
import { migrationsPath, providerOf, schemaPath, sqliteFile } from "./prisma/provider";

// The JS schema engine with driver adapters works offline (no native engine download).
// DATABASE_URL picks the provider, its schema file and its migrations history.
const url = process.env.DATABASE_URL ?? "file:./prisma/dev.db";
const provider = providerOf(url);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: schemaPath[provider],
  migrations: { path: migrationsPath[provider] },
  async adapter() {
    return provider === "sqlite"
      ? new PrismaBetterSQLite3({ url: sqliteFile(url) })
      : new PrismaPg(migrationPool(url));
  },
});
