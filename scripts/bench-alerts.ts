// Alert evaluation at scale (issue 5): times `evaluateAlerts` alone on a planned shop, each phase in a fresh
// child process so its peak RSS (VmHWM) is that evaluation's own (module loading and one warm-up query are
// measured first, as the baseline):
//   raise  — every alert of the shop deleted first, so the evaluation raises them all (as after a first plan);
//   dedupe — evaluated again on the alerts "raise" left: persisting conditions only bump lastSeenAt;
//   stock  — scope "stock", the after-webhook evaluation;
//   nextday — (not by default) as "dedupe" a day later: messages and data change, alerts resolve and reopen.
// A digest of the stored alerts (type, key, severity, status, message, data) after each phase lets a change be
// checked for identical behaviour.
//
//   npm run bench:plan -- --variants 10000 --db sqlite --seed-only      # a seeded shop (prints its URL)
//   npx tsx scripts/bench-alerts.ts --database-url file:/tmp/stockcast-…/….db --plan --repeat 3
//
// Options: --database-url <url> (required) --shop bench-plan.myshopify.com --plan (run planShop first when
// the shop has no completed plan) --repeat 1 --phases raise,dedupe,stock
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";

const { values: args } = parseArgs({
  options: {
    "database-url": { type: "string" },
    shop: { type: "string", default: "bench-plan.myshopify.com" },
    plan: { type: "boolean", default: false },
    repeat: { type: "string", default: "1" },
    phases: { type: "string", default: "raise,dedupe,stock" },
    // Write the stored alerts (canonical, one a line) after each phase to <dir>/<phase>.txt, to diff two versions.
    dump: { type: "string" },
    // Internal: the child process that runs one phase.
    child: { type: "string" },
  },
});

const url = args["database-url"];
if (!url) {
  console.error("--database-url is required");
  process.exit(1);
}
const MARK = "BENCH_ALERTS_RESULT ";
const env = {
  DATABASE_URL: url,
  NODE_ENV: "production" as const,
  LOG_LEVEL: "warn",
  SHOPIFY_API_KEY: "bench-plan",
  SHOPIFY_API_SECRET: "bench-plan-secret",
  SHOPIFY_APP_URL: "http://localhost",
  STOCKCAST_DEMO: "0",
  // Production refuses to start without a key of its own (docs/security.md); a throw-away one per run.
  STOCKCAST_ENCRYPTION_KEY: crypto.randomBytes(32).toString("base64"),
};
const hwmMb = () => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"))?.[1] ?? NaN) / 1024;

if (args.child) {
  Object.assign(process.env, env);
  const shop = args.shop!;
  const { default: prisma } = await import("../app/db.server");
  const { evaluateAlerts } = await import("../app/services/alerts/evaluate.server");
  await prisma.shop.findFirst({ where: { shop }, select: { shop: true } });
  if (args.child === "plan") {
    const { planShop } = await import("../app/services/planning/plan-shop.server");
    const done = await prisma.planRun.findFirst({ where: { shop, status: "complete" }, select: { id: true } });
    if (!done) await planShop(shop, { trigger: "bench" });
    process.exit(0);
  }
  if (args.child === "raise") await prisma.alert.deleteMany({ where: { shop } });
  const baseMb = hwmMb();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const when = args.child === "nextday" ? new Date(Date.now() + 86_400_000) : new Date();
  const result = await evaluateAlerts(shop, when, { scope: args.child === "stock" ? "stock" : "all", flow: { kind: "none" } });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const peakMb = hwmMb();
  const alerts = await prisma.alert.findMany({ where: { shop }, select: { type: true, dedupeKey: true, severity: true, status: true, message: true, data: true } });
  const canonical = alerts
    .map((a) => JSON.stringify([a.type, a.dedupeKey, a.severity, a.status, a.message, sorted(a.data)]))
    .sort()
    .join("\n");
  if (args.dump) writeFileSync(`${args.dump}/${args.child}.txt`, canonical);
  const digest = crypto.createHash("sha256").update(canonical).digest("hex").slice(0, 16);
  const out = { phase: args.child, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, baseMb, peakMb, created: result.created, resolved: result.resolved, alerts: alerts.length, digest };
  process.stdout.write(`${MARK}${JSON.stringify(out)}\n`);
  await prisma.$disconnect();
  process.exit(0);
}

/** JSON with sorted keys: PostgreSQL's jsonb does not keep key order. */
function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sorted((value as Record<string, unknown>)[k])]),
    );
  return value;
}

function runChild(phase: string) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/bench-alerts.ts", "--database-url", url!, "--shop", args.shop!, "--child", phase, ...(args.dump ? ["--dump", args.dump] : [])], {
    env: { ...process.env, ...env },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = r.stdout.split("\n").find((l) => l.startsWith(MARK));
  if (r.status !== 0 || (phase !== "plan" && !line)) throw new Error(`phase ${phase} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return line ? JSON.parse(line.slice(MARK.length)) : null;
}

if (args.plan) runChild("plan");
const phases = args.phases!.split(",");
for (let i = 0; i < Number(args.repeat); i++)
  for (const phase of phases) {
    const r = runChild(phase);
    console.log(
      `${phase.padEnd(6)} wall ${r.seconds.toFixed(2)} s  CPU ${r.cpuSeconds.toFixed(2)} s  peak RSS ${r.peakMb.toFixed(0)} MB (baseline ${r.baseMb.toFixed(0)} MB)  created ${r.created}  resolved ${r.resolved}  stored ${r.alerts}  digest ${r.digest}`,
    );
  }
