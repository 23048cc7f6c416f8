// `npm run demo`: migrate a local SQLite file, seed the demo shop, build, and serve the real UI with
// Shopify auth replaced by the demo shop. Demo mode is refused in production outside this script
// (app/utils/env.server.ts checks npm's lifecycle name), and it never runs with real Shopify credentials.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

const port = Number(process.env.PORT || 3000);
if (process.env.npm_lifecycle_event !== "demo") {
  console.error("Start the demo with `npm run demo` (demo mode is refused otherwise).");
  process.exit(1);
}
if (process.env.SHOPIFY_API_SECRET && process.env.SHOPIFY_API_SECRET !== "demo-secret") {
  console.error("Refusing demo mode: SHOPIFY_API_SECRET holds real credentials. Unset it to run the demo.");
  process.exit(1);
}
Object.assign(process.env, {
  NODE_ENV: "production",
  STOCKCAST_DEMO: "1",
  DATABASE_URL: process.env.DATABASE_URL || "file:./prisma/demo.db",
  // Published demo secret: `npm run demo:webhook` signs with it so replayed webhooks verify.
  SHOPIFY_API_SECRET: "demo-secret",
  SHOPIFY_API_KEY: "demo-api-key",
  SHOPIFY_APP_URL: `http://localhost:${port}`,
});
const url = process.env.DATABASE_URL!;
const bin = (name: string) => path.resolve("node_modules/.bin", name);
const step = (message: string) => console.log(`[demo] ${message}`);

async function main() {
  const started = performance.now();
  step(`database ${url}: applying migrations`);
  execFileSync(bin("prisma"), ["migrate", "deploy"], { stdio: ["ignore", "ignore", "inherit"] });

  const { createPrismaClient } = await import("../app/db.server");
  const { DEMO_SHOP_DOMAIN, DEMO_TIMEZONE, DEFAULT_DEMO_SEED, generateDemoShop } = await import("../prisma/seed/generate");
  const { seedDemoShop } = await import("../prisma/seed/seed");
  const { localDate, addDays } = await import("../app/lib/time");
  const today = process.env.DEMO_TODAY || localDate(new Date(), DEMO_TIMEZONE);
  const prisma = createPrismaClient(url);
  try {
    const latest = await prisma.demandDay.findFirst({ where: { shop: DEMO_SHOP_DOMAIN }, orderBy: { date: "desc" }, select: { date: true } });
    if (process.env.DEMO_RESEED === "1" || latest?.date !== addDays(today, -1)) {
      step(`seeding the demo shop (history up to ${addDays(today, -1)}) …`);
      const t0 = performance.now();
      const result = await seedDemoShop(prisma, generateDemoShop({ today, seed: DEFAULT_DEMO_SEED }));
      const rows = Object.values(result.inserted).reduce((a, b) => a + b, 0);
      step(`seeded ${rows.toLocaleString("en-US")} rows in ${((performance.now() - t0) / 1000).toFixed(1)} s (every table's count checked)`);
    } else {
      step("demo shop already seeded for today (DEMO_RESEED=1 to start over)");
    }
    // The production planner run as of four weeks ago (it reads only the history before then) records the
    // forecast snapshot the Overview's forecast accuracy scores against what sold since: no figure is made
    // up. DEMO_ACCURACY_PLAN=0 skips it (faster start; the Overview then says when figures appear).
    const monthAgo = addDays(today, -28);
    const pastSnapshot = await prisma.forecastSnapshot.findFirst({ where: { shop: DEMO_SHOP_DOMAIN, date: monthAgo } });
    let replanToday = false;
    if (!pastSnapshot && process.env.DEMO_ACCURACY_PLAN !== "0") {
      step(`planning as of ${monthAgo} (for forecast accuracy) …`);
      const { planShop } = await import("../app/services/planning/plan-shop.server");
      const t0 = performance.now();
      await planShop(DEMO_SHOP_DOMAIN, { trigger: "demo-history", now: new Date(`${monthAgo}T12:00:00Z`) });
      step(`planned the past in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      replanToday = true; // the past plan just superseded today's
    }
    const plan = await prisma.planRun.findFirst({ where: { shop: DEMO_SHOP_DOMAIN, status: "complete", asOfDate: today } });
    if (!plan || replanToday) {
      step("planning: forecasting every variant × location …");
      const { planShop } = await import("../app/services/planning/plan-shop.server");
      const t0 = performance.now();
      const summary = await planShop(DEMO_SHOP_DOMAIN, { trigger: "demo", now: new Date(`${today}T12:00:00Z`) });
      step(`planned ${summary.seriesPlanned} series in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
  } finally {
    await prisma.$disconnect();
  }

  if (process.env.DEMO_SKIP_BUILD !== "1" || !existsSync(path.join(process.env.STOCKCAST_BUILD_DIR || "build", "server/index.js"))) {
    step("building the app …");
    execFileSync(bin("remix"), ["vite:build"], { stdio: ["ignore", "ignore", "inherit"] });
  }
  // Vendors' and notification emails land in a local SMTP capture: prisma/demo-outbox/*.eml.
  const { startSmtpCapture } = await import("./mail/smtp-capture");
  const outbox = path.resolve(process.env.DEMO_OUTBOX_DIR || "prisma/demo-outbox");
  const capture = await startSmtpCapture({ dir: outbox });
  process.env.SMTP_URL = capture.url;
  step(`email goes to a local SMTP capture (${capture.url}); messages are saved in ${outbox}`);
  const { startServer } = await import("./serve");
  await startServer({ port });
  step(`ready in ${((performance.now() - started) / 1000).toFixed(1)} s → http://localhost:${port}/app`);
  step(`replay a signed webhook: npm run demo:webhook -- orders/create (secret "demo-secret")`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
