// `npm run worker`: a separate process that works the job queue (pg-boss on PostgreSQL, the Job table on
// SQLite) and runs the hourly inventory-snapshot sweep. Several workers may run against one PostgreSQL.
//   npm run worker            work until SIGINT/SIGTERM
//   npm run worker -- --drain run every job that is due now (retries included) once, then exit
import os from "node:os";
import { getJobQueue, registerJobs, startJobs } from "../app/jobs/index.server";
import { createJobQueue } from "../app/jobs/queue.server";
import { env } from "../app/utils/env.server";
import { logger } from "../app/utils/logger.server";

const drain = process.argv.includes("--drain");

// Applying webhooks can wait a little; acknowledging them cannot (Shopify's 5 s deadline). On a machine
// shared with the web app, the worker yields the CPU to it: nice 10 by default, WORKER_NICE=0 to disable.
const nice = Number(process.env.WORKER_NICE ?? 10);
if (Number.isInteger(nice) && nice > 0) {
  try {
    os.setPriority(nice);
  } catch {
    /* not permitted here: run at normal priority */
  }
}

if (drain) {
  const queue = getJobQueue();
  const summary = await queue.runDue({ includeDelayed: true });
  logger.info({ kind: "worker", mode: "drain", ...summary });
  await queue.stop();
  process.exit(0);
}

// A worker always supervises and schedules (pg-boss maintenance and cron), whatever NODE_ENV says.
const queue = registerJobs(createJobQueue(env.DATABASE_URL, { supervise: true, schedule: true }));
const stop = await startJobs(queue);
// The queue's own timers are unref'd (they must not keep the web app alive); this process exists to work.
const keepAlive = setInterval(() => undefined, 60_000);
logger.info({ kind: "worker", backend: queue.backend, outcome: "started" });

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    logger.info({ kind: "worker", signal, outcome: "stopping" });
    clearInterval(keepAlive);
    void stop().then(() => process.exit(0));
  });
}
