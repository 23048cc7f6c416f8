import { createRequire } from "node:module";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import { env } from "./utils/env.server";
import { pgPoolTimeouts, type PgTimeouts } from "./utils/pg-pool.server";

// Each provider has its own generated client (Prisma's query compiler is provider-specific):
// SQLite's is @prisma/client (also what Shopify's session storage imports), PostgreSQL's is generated
// from prisma/postgres/schema.prisma into node_modules/.prisma/client-postgres. Both come from the same
// logical schema, so they share one set of types.
const require = createRequire(import.meta.url);

/** A client for `url`; on PostgreSQL its pool gets the connect and statement timeouts (default: from env). */
export function createPrismaClient(url: string, timeouts?: PgTimeouts): PrismaClient {
  if (url.startsWith("file:")) {
    const client = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: url.slice("file:".length) }) });
    // WAL: readers don't wait for the writer (webhooks keep arriving while the queue applies them);
    // synchronous=NORMAL is crash-safe under WAL and avoids an fsync per transaction. Both are issued
    // before any other query on the adapter's single connection.
    void client.$queryRawUnsafe("PRAGMA journal_mode = WAL").then(() => client.$queryRawUnsafe("PRAGMA synchronous = NORMAL")).catch(() => undefined);
    return client;
  }
  const { PrismaClient: PostgresClient } = require(".prisma/client-postgres") as {
    PrismaClient: typeof PrismaClient;
  };
  return new PostgresClient({ adapter: new PrismaPg({ connectionString: url, max: 10, ...pgPoolTimeouts(timeouts) }) });
}

declare global {
  // Survives Vite's dev-server module reloads so we don't open a new pool per edit.
  var __stockcastPrisma: { url: string; client: PrismaClient } | undefined;
}

const cached = globalThis.__stockcastPrisma;
const prisma: PrismaClient =
  cached && cached.url === env.DATABASE_URL ? cached.client : createPrismaClient(env.DATABASE_URL);
if (env.NODE_ENV !== "production") globalThis.__stockcastPrisma = { url: env.DATABASE_URL, client: prisma };

export default prisma;

/**
 * True for Prisma's unique-constraint error (P2002). Checked by code, not `instanceof`: each provider's
 * generated client carries its own copy of the error classes.
 */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/** True when the app's database is PostgreSQL (raw SQL that differs by dialect branches on it). */
export const isPostgres = !env.DATABASE_URL.startsWith("file:");

/** Case-insensitive `contains`: SQLite's LIKE already ignores ASCII case; PostgreSQL needs mode insensitive. */
export function containsInsensitive(value: string): { contains: string; mode?: "insensitive" } {
  return env.DATABASE_URL.startsWith("file:") ? { contains: value } : { contains: value, mode: "insensitive" };
}
