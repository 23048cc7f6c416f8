import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "~/db.server";
import { postgresSchemaFrom } from "../../scripts/db/sync-schemas";
import { providerOf, schemaPath } from "../../prisma/provider";
import { createFreshDatabase, dropDatabase, isPostgres, sqlFromEmpty } from "../setup/databases";
import { dumpSchema, schemaDifference, statements } from "../setup/schema-dump";

const url = process.env.DATABASE_URL!;
const postgres = isPostgres(url);
const created: string[] = [];

afterAll(async () => {
  for (const u of created) await dropDatabase(u);
});

/** Builds a fresh database straight from a schema file (no migrations) and dumps it. */
async function dumpBuiltFrom(schemaFile: string): Promise<string[]> {
  const fresh = await createFreshDatabase(url, "drift");
  created.push(fresh);
  const script = await sqlFromEmpty(fresh, schemaFile);
  if (postgres) {
    const client = new pg.Client({ connectionString: fresh });
    await client.connect();
    await client.query(script).finally(() => client.end());
  }
  const db = createPrismaClient(fresh);
  try {
    if (!postgres) for (const statement of statements(script)) await db.$executeRawUnsafe(statement);
    return await dumpSchema(db, postgres);
  } finally {
    await db.$disconnect();
  }
}

describe(`migrations history (${providerOf(url)})`, () => {
  it("builds exactly the schema described by the Prisma schema file", async () => {
    // The test database was built by `prisma migrate deploy` from this provider's history.
    const migrated = createPrismaClient(url);
    const fromMigrations = await dumpSchema(migrated, postgres);
    await migrated.$disconnect();
    const fromSchema = await dumpBuiltFrom(schemaPath[providerOf(url)]);
    expect(fromMigrations.length).toBeGreaterThan(50);
    expect(schemaDifference(fromMigrations, fromSchema)).toEqual([]);
  });

  it("notices a model field that has no migration", async () => {
    const migrated = createPrismaClient(url);
    const fromMigrations = await dumpSchema(migrated, postgres);
    await migrated.$disconnect();
    const dir = mkdtempSync(path.join(os.tmpdir(), "stockcast-schema-"));
    const changed = path.join(dir, "schema.prisma");
    const source = readFileSync(schemaPath[providerOf(url)], "utf8");
    writeFileSync(changed, source.replace("model Vendor {", "model Vendor {\n  website String?"));
    const diff = schemaDifference(fromMigrations, await dumpBuiltFrom(changed));
    expect(diff.join("\n")).toMatch(/website/);
  });
});

describe("one logical schema", () => {
  const source = readFileSync("prisma/schema.prisma", "utf8");

  it("keeps the PostgreSQL schema generated from the SQLite source (run `npm run db:schemas`)", () => {
    expect(readFileSync("prisma/postgres/schema.prisma", "utf8")).toBe(postgresSchemaFrom(source));
  });

  it("gives every table but Session a shop column that leads an index", () => {
    const models = [...source.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)];
    expect(models.length).toBeGreaterThan(20);
    const unscoped = models
      .filter(([, name]) => name !== "Session")
      .filter(([, , body]) => {
        const hasShop = /^\s+shop\s+String\b/m.test(body);
        const indexed = /@@(index|unique)\(\[shop\b/.test(body) || /^\s+shop\s+String\s+@unique/m.test(body);
        return !(hasShop && indexed);
      })
      .map(([, name]) => name);
    expect(unscoped).toEqual([]);
  });
});
