// Throw-away databases for integration tests: create, migrate, drop. Used by the global setup and by the
// migration-drift test, which needs extra fresh databases of its own.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { providerOf, schemaPath } from "../../prisma/provider";

export function isPostgres(url: string): boolean {
  return providerOf(url) === "postgresql";
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** A new, empty database of the same provider as `likeUrl`, named uniquely. */
export async function createFreshDatabase(likeUrl: string, label: string): Promise<string> {
  const name = `stockcast_${label}_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`;
  if (!isPostgres(likeUrl)) {
    const dir = mkdtempSync(path.join(os.tmpdir(), "stockcast-"));
    return `file:${path.join(dir, `${name}.db`)}`;
  }
  const admin = new pg.Client({ connectionString: withDatabase(likeUrl, "postgres") });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return withDatabase(likeUrl, name);
}

export async function dropDatabase(url: string): Promise<void> {
  if (!isPostgres(url)) {
    rmSync(path.dirname(url.slice("file:".length)), { recursive: true, force: true });
    return;
  }
  const name = new URL(url).pathname.slice(1);
  const admin = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/**
 * Runs the Prisma CLI (JS schema engine, offline) against `url`; prisma.config.ts picks the provider.
 * Asynchronous on purpose: a test worker blocked on a child process cannot answer vitest's RPC.
 */
export function prismaCli(url: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(path.resolve("node_modules/.bin/prisma"), args, { env: { ...process.env, DATABASE_URL: url }, encoding: "utf8", maxBuffer: 64 << 20 }, (error, stdout, stderr) =>
      error ? reject(new Error(`prisma ${args.join(" ")} failed: ${error.message}\n${stderr}`)) : resolve(stdout),
    );
  });
}

export async function migrateDeploy(url: string): Promise<void> {
  await prismaCli(url, ["migrate", "deploy"]);
}

/** The SQL that builds `schemaFile` from nothing, as Prisma would write it today. */
export function sqlFromEmpty(url: string, schemaFile = schemaPath[providerOf(url)]): Promise<string> {
  return prismaCli(url, ["migrate", "diff", "--from-empty", "--to-schema-datamodel", schemaFile, "--script"]);
}
