// Seeds a fresh demo shop into a throw-away SQLite file, plans it as `npm run demo` does (today's plan, which
// evaluates the alerts), and prints open alerts against plan lines: the "open alerts ≤ 25% of plan lines" check
// of docs/alerts.md. Then times `--runs` more full re-plans of the demo (the Live plan issue's "a full demo
// re-plan < 3 s"): wall time of each planShop, as the plan job runs it, and the median.
// `npm run bench:demo-plan -- [--runs 5] [--threads N] [--today YYYY-MM-DD] [--keep <file.db>]`
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

const { values: args } = parseArgs({ options: { today: { type: "string" }, keep: { type: "string" }, runs: { type: "string", default: "5" }, threads: { type: "string" } } });
const file = args.keep ? path.resolve(args.keep) : path.join(mkdtempSync(path.join(os.tmpdir(), "stockcast-alerts-")), "demo.db");
Object.assign(process.env, {
  DATABASE_URL: `file:${file}`,
  NODE_ENV: "production",
  LOG_LEVEL: "warn",
  STOCKCAST_DEMO: "0",
  SHOPIFY_API_KEY: "demo-count",
  SHOPIFY_API_SECRET: "demo-count-secret",
  SHOPIFY_APP_URL: "http://localhost",
  STOCKCAST_ENCRYPTION_KEY: crypto.randomBytes(32).toString("base64"),
  // The app's default (threads for large shops only) unless --threads says otherwise.
  ...(args.threads !== undefined ? { PLAN_THREADS: args.threads } : {}),
});
execFileSync(path.resolve("node_modules/.bin/prisma"), ["migrate", "deploy"], { stdio: ["ignore", "ignore", "inherit"] });
const { default: prisma } = await import("../app/db.server");
const { DEMO_SHOP_DOMAIN, DEMO_TIMEZONE, DEFAULT_DEMO_SEED, generateDemoShop } = await import("../prisma/seed/generate");
const { seedDemoShop } = await import("../prisma/seed/seed");
const { localDate } = await import("../app/lib/time");
const { planShop } = await import("../app/services/planning/plan-shop.server");
const today = args.today ?? localDate(new Date(), DEMO_TIMEZONE);
await seedDemoShop(prisma, generateDemoShop({ today, seed: DEFAULT_DEMO_SEED }));
await planShop(DEMO_SHOP_DOMAIN, { trigger: "demo", now: new Date(`${today}T12:00:00Z`) });
const run = await prisma.planRun.findFirst({ where: { shop: DEMO_SHOP_DOMAIN, status: "complete" }, orderBy: { startedAt: "desc" } });
const planLines = run ? await prisma.replenishmentLine.count({ where: { shop: DEMO_SHOP_DOMAIN, planRunId: run.id } }) : 0;
const open = await prisma.alert.groupBy({ by: ["type", "severity"], where: { shop: DEMO_SHOP_DOMAIN, status: "open" }, _count: true });
const openTotal = open.reduce((s, g) => s + g._count, 0);
const seconds: number[] = [];
for (let i = 0; i < Number(args.runs); i++) {
  const t0 = performance.now();
  await planShop(DEMO_SHOP_DOMAIN, { trigger: "bench", now: new Date(`${today}T12:00:00Z`) });
  seconds.push((performance.now() - t0) / 1000);
}
const median = [...seconds].sort((a, b) => a - b)[Math.floor((seconds.length - 1) / 2)] ?? null;
console.log(
  JSON.stringify(
    {
      today,
      database: file,
      planLines,
      openAlerts: openTotal,
      share: planLines ? +(openTotal / planLines).toFixed(3) : null,
      byRule: open,
      fullReplanSeconds: seconds.map((s) => +s.toFixed(2)),
      fullReplanMedianSeconds: median === null ? null : +median.toFixed(2),
      machine: { cores: os.cpus().length, load: os.loadavg().map((l) => +l.toFixed(2)) },
    },
    null,
    1,
  ),
);
await prisma.$disconnect();
