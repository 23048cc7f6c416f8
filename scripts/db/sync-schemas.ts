// Writes prisma/postgres/schema.prisma from prisma/schema.prisma (the one logical schema).
// Only the provider and the generated client's location differ: each provider needs its own generated
// client (the query compiler is provider-specific), and app/db.server.ts loads the matching one.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export function postgresSchemaFrom(sqliteSchema: string): string {
  const header = "// GENERATED from prisma/schema.prisma by `npm run db:schemas` — edit that file, not this one.\n";
  return (
    header +
    sqliteSchema
      .replace('provider = "sqlite"', 'provider = "postgresql"')
      .replace('engineType = "client"', 'engineType = "client"\n  output     = "../../node_modules/.prisma/client-postgres"')
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const source = readFileSync("prisma/schema.prisma", "utf8");
  writeFileSync("prisma/postgres/schema.prisma", postgresSchemaFrom(source));
  console.log("wrote prisma/postgres/schema.prisma");
}
