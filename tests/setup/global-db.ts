// Vitest global setup for integration tests: one fresh, migrated database per run (per provider).
// DATABASE_URL chooses the provider (file: → SQLite, postgres:// → PostgreSQL); the database it names is
// only a template for the server address: the run creates its own and drops it afterwards.
import type { TestProject } from "vitest/node";
import { createFreshDatabase, dropDatabase, migrateDeploy } from "./databases";

export default async function setup(project: TestProject) {
  const like = process.env.TEST_DATABASE_URL ?? "file:./prisma/test.db";
  const url = await createFreshDatabase(like, "it");
  await migrateDeploy(url);
  project.provide("databaseUrl", url);
  process.env.DATABASE_URL = url;
  console.log(`[integration] ${url.startsWith("file:") ? "SQLite" : "PostgreSQL"} database ${url.replace(/\/\/[^@]*@/, "//")}`);
  return async () => {
    if (!process.env.KEEP_TEST_DB) await dropDatabase(url);
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
