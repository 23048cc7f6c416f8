/**
 * CLI: seed the demo shop into DATABASE_URL (default file:./prisma/demo.db).
 *
 *   tsx prisma/seed/run.ts
 *
 * Environment:
 *   DATABASE_URL  file:… (SQLite) or postgres://… ; the database must already be migrated.
 *   DEMO_TODAY    YYYY-MM-DD, the shop's local "today" (history ends the day before). Default: the current
 *                 date in the demo shop's zone (America/New_York), i.e. the clock truncated to the local day.
 *   DEMO_SEED     integer seed (default 20261122). The same DEMO_SEED + DEMO_TODAY always give identical rows.
 *
 * Re-running replaces the demo shop's rows and never touches other shops.
 */
import { DEFAULT_DEMO_SEED, DEMO_TIMEZONE, generateDemoShop } from "./generate";
import { localDate } from "../../app/lib/time";
import { isIsoDate } from "./dates";
import { seedDemoShop } from "./seed";

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL ?? "file:./prisma/demo.db";
  const today = process.env.DEMO_TODAY ?? localDate(new Date(), DEMO_TIMEZONE);
  if (!isIsoDate(today)) throw new Error(`DEMO_TODAY must be YYYY-MM-DD; got "${today}"`);
  const seed = process.env.DEMO_SEED ? Number(process.env.DEMO_SEED) : DEFAULT_DEMO_SEED;
  if (!Number.isInteger(seed)) throw new Error(`DEMO_SEED must be an integer; got "${process.env.DEMO_SEED}"`);

  // app/db.server parses the app environment when imported: make it describe this process (demo data,
  // this database) before loading it.
  process.env.DATABASE_URL = url;
  if (!process.env.SHOPIFY_API_SECRET) process.env.STOCKCAST_DEMO ??= "1";
  const { createPrismaClient } = await import("../../app/db.server");
  const prisma = createPrismaClient(url);
  try {
    const t0 = performance.now();
    const data = generateDemoShop({ today, seed });
    const generatedMs = Math.round(performance.now() - t0);
    const result = await seedDemoShop(prisma, data, { log: (m) => console.log(`  ${m}`) });
    const rows = Object.values(result.inserted).reduce((a, b) => a + b, 0);
    console.log(
      `Seeded ${result.shop} (today=${today}, seed=${seed}): ${rows} rows; generated in ${generatedMs} ms, written in ${result.ms} ms.`,
    );
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
