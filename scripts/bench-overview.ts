// `npm run bench:overview`: the Overview's server time on the demo database, two ways.
//   --url http://127.0.0.1:3000   HTTP: the loader's data request against a running `npm run demo` (wall time,
//                                 what a merchant waits for, including the server's queueing on a busy machine);
//   without --url                 in-process: the loader's work (getOverview + getPlanStatus) on DATABASE_URL
//                                 (default prisma/demo.db), wall and CPU time (CPU time ≈ wall on a quiet machine).
// Prints each timed request after 2 untimed warm-ups, the median of the 5 (docs/overview.md, "Speed"), and the load.
import os from "node:os";
import { parseArgs } from "node:util";

const { values: args } = parseArgs({ options: { url: { type: "string" }, range: { type: "string", default: "30" }, requests: { type: "string", default: "5" } } });
const requests = Number(args.requests);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const load = () => os.loadavg().map((l) => l.toFixed(1)).join(" ");

async function main() {
  console.log(`load average before: ${load()} (${os.cpus().length} cores)`);
  if (args.url) {
    const url = `${args.url}/app?range=${args.range}&_data=routes%2Fapp._index`;
    const walls: number[] = [];
    for (let i = 0; i < requests + 2; i++) {
      const t0 = performance.now();
      const res = await fetch(url);
      await res.text();
      if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
      if (i >= 2) walls.push(performance.now() - t0);
    }
    console.log(`HTTP ms: ${walls.map((t) => t.toFixed(0)).join(", ")} → median ${median(walls).toFixed(0)}`);
  } else {
    process.env.DATABASE_URL ||= "file:./prisma/demo.db";
    Object.assign(process.env, { SHOPIFY_API_KEY: "bench", SHOPIFY_API_SECRET: "bench", SHOPIFY_APP_URL: "http://localhost", LOG_LEVEL: "silent" });
    const { getOverview } = await import("../app/services/overview.server");
    const { getPlanStatus } = await import("../app/services/planning/plan-status.server");
    const { DEMO_SHOP_DOMAIN } = await import("../prisma/seed/generate");
    const walls: number[] = [];
    const cpus: number[] = [];
    for (let i = 0; i < requests + 2; i++) {
      const [t0, c0] = [performance.now(), process.cpuUsage()];
      await Promise.all([getOverview(DEMO_SHOP_DOMAIN, { range: args.range as "30" }), getPlanStatus(DEMO_SHOP_DOMAIN)]);
      const c = process.cpuUsage(c0);
      if (i >= 2) {
        walls.push(performance.now() - t0);
        cpus.push((c.user + c.system) / 1000);
      }
    }
    console.log(`in-process wall ms: ${walls.map((t) => t.toFixed(0)).join(", ")} → median ${median(walls).toFixed(0)}`);
    console.log(`in-process CPU ms:  ${cpus.map((t) => t.toFixed(0)).join(", ")} → median ${median(cpus).toFixed(0)}`);
  }
  console.log(`load average after: ${load()}`);
  process.exit(0);
}
main().catch((error) => {
  console.error(error);
  process.exit(1);
});
