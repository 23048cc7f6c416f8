import crypto from "node:crypto";
import PgBoss from "pg-boss";
import { claimDueJob, completeJob, failJob, insertJob, PGBOSS_SCHEMA } from "~/models/jobs.server";
import { checkpointWal, takeOverWalCheckpoints } from "~/models/sqlite-wal.server";
import { httpQuietFor, httpRequestsInFlight } from "~/utils/http-load.server";
import { logJob, logger } from "~/utils/logger.server";
import { pgPoolTimeouts } from "~/utils/pg-pool.server";
import { yieldToEventLoop } from "~/utils/event-loop";

// One job interface (docs/decisions/004-job-queue.md): pg-boss on PostgreSQL, the Job table polled
// in-process on SQLite. Job data is plain JSON and always names the shop; handlers are idempotent
// (a job may run twice: a worker dies mid-job, a retry after a partial failure).

export interface JobData {
  /** The shop's myshopify domain, or "*" for a system job that fans out over shops. */
  shop: string;
  [key: string]: unknown;
}

export interface EnqueueOptions {
  /** At most one pending job per (name, key): a second enqueue while one waits is dropped. */
  singletonKey?: string;
  /** Not before this time (default: now). */
  runAt?: Date;
  /** Attempts before the job ends "failed" (default 5). */
  maxAttempts?: number;
  /**
   * The singleton key embeds a row id created just now, so no other job can hold it: the table queue
   * skips its check-then-insert transaction (one INSERT on the webhook hot path).
   */
  keyIsNew?: boolean;
  /** pg-boss: seconds a running job may take before it is expired and retried (default 15 minutes). */
  expireSeconds?: number;
}

export interface JobContext {
  id: string;
  attempt: number;
}

export type JobHandler = (data: JobData, context: JobContext) => Promise<void>;

export interface RunDueOptions {
  /** SQLite: the clock used to decide what is due (tests move it forward instead of sleeping). */
  now?: Date;
  /** Also run jobs waiting out a retry backoff (tests, and `worker --drain`). */
  includeDelayed?: boolean;
  /** Stop after this many jobs (default 1000). */
  limit?: number;
  /** After the first job, stop early while this returns true (the poller yields to HTTP traffic). */
  yieldWhile?: () => boolean;
}

export interface RunSummary {
  completed: number;
  failed: number;
}

export interface JobQueue {
  readonly backend: "sqlite" | "pg-boss";
  /** Adds a job; resolves to its id, or null when dropped by its singleton key. */
  enqueue(name: string, data: JobData, options?: EnqueueOptions): Promise<string | null>;
  register(name: string, handler: JobHandler): void;
  /** Begins working registered jobs in the background (poller / pg-boss workers). */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Runs every due job of the registered names now, one after another; for tests and CLIs. */
  runDue(options?: RunDueOptions): Promise<RunSummary>;
}

export const DEFAULT_MAX_ATTEMPTS = 5;
/** Backoff base: attempt n waits base × 2^(n−1) × (1 + jitter), jitter ∈ [0, 1), capped at one hour. */
export const RETRY_BASE_SECONDS = 5;
const MAX_DELAY_MS = 3_600_000;

/** Delay before retry number `attempt` (1 = after the first failure), with full-range jitter. */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = RETRY_BASE_SECONDS * 1000 * 2 ** Math.max(0, attempt - 1);
  return Math.min(MAX_DELAY_MS, Math.round(base * (1 + random())));
}

const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 2000);

/** The Job table, polled in-process (SQLite installs; also usable on Postgres for tests of the table queue). */
export class TableJobQueue implements JobQueue {
  readonly backend = "sqlite" as const;
  private handlers = new Map<string, JobHandler>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(private readonly options: { pollMs?: number; random?: () => number } = {}) {}

  register(name: string, handler: JobHandler): void {
    this.handlers.set(name, handler);
  }

  enqueue(name: string, data: JobData, options: EnqueueOptions = {}): Promise<string | null> {
    return insertJob(data.shop, {
      name,
      data: data as never,
      runAt: options.runAt ?? new Date(),
      maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      singletonKey: options.singletonKey,
      keyIsNew: options.keyIsNew,
    });
  }

  async start(): Promise<void> {
    if (this.timer) return;
    await takeOverWalCheckpoints();
    let lastCheckpoint = Date.now();
    const tick = () => {
      if (this.running) return;
      this.running = this.runDue({ yieldWhile: () => httpRequestsInFlight() > 0 })
        .then(async () => {
          // In a lull of HTTP traffic (or at least once a minute, so the WAL cannot grow without bound).
          if (httpQuietFor(1000) || Date.now() - lastCheckpoint > 60_000) {
            await checkpointWal();
            lastCheckpoint = Date.now();
          }
        })
        .catch((error) => logger.error({ kind: "job-poller", outcome: "error", error: errorMessage(error) }))
        .finally(() => (this.running = null));
    };
    this.timer = setInterval(tick, this.options.pollMs ?? 2000);
    this.timer.unref();
    tick();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  async runDue(options: RunDueOptions = {}): Promise<RunSummary> {
    const summary = { completed: 0, failed: 0 };
    const names = [...this.handlers.keys()];
    for (let n = 0; n < (options.limit ?? 1000); n++) {
      // Webhooks must be acknowledged within seconds; applying them can wait for a quiet moment. One job
      // per tick still runs, so work never starves under steady traffic.
      if (n > 0 && options.yieldWhile) {
        // better-sqlite3 is synchronous, so a job can finish in microtasks alone and the next would start
        // without the event loop ever polling sockets: requests waiting there would never count as in
        // flight (a 270-job backlog held a webhook burst for 3 s). Let pending I/O in first.
        await yieldToEventLoop();
        if (options.yieldWhile()) break;
      }
      const now = options.now ?? new Date();
      const job = await claimDueJob(names, options.includeDelayed ? new Date("9999-12-31T00:00:00Z") : now, now);
      if (!job) break;
      const handler = this.handlers.get(job.name)!;
      const data = job.data as JobData;
      try {
        await logJob(job.name, job.shop, () => handler(data, { id: job.id, attempt: job.attempts }));
        await completeJob(job.id);
        summary.completed++;
      } catch (error) {
        const clock = options.now ?? new Date();
        const retryAt = job.attempts < job.maxAttempts ? new Date(clock.getTime() + retryDelayMs(job.attempts, this.options.random)) : null;
        await failJob(job.id, errorMessage(error), retryAt);
        if (!retryAt) summary.failed++;
      }
    }
    return summary;
  }
}

/** pg-boss 10 on PostgreSQL: several app and worker processes share the work. */
export class PgBossJobQueue implements JobQueue {
  readonly backend = "pg-boss" as const;
  private handlers = new Map<string, JobHandler>();
  private boss: PgBoss;
  private started: Promise<unknown> | null = null;
  private queues = new Set<string>();
  private working = false;

  constructor(connectionString: string, options: { supervise?: boolean; schedule?: boolean } = {}) {
    // pg-boss hands its options to pg.Pool: the same timeouts as the app's pool (utils/pg-pool.server.ts).
    const pool = { connectionString, max: 4, ...pgPoolTimeouts() };
    this.boss = new PgBoss({
      ...pool,
      schema: PGBOSS_SCHEMA,
      supervise: options.supervise ?? true,
      schedule: options.schedule ?? true,
    });
    this.boss.on("error", (error) => logger.error({ kind: "pg-boss", outcome: "error", error: errorMessage(error) }));
  }

  /** The underlying pg-boss instance (cron schedules, tests). */
  async instance(): Promise<PgBoss> {
    this.started ??= this.boss.start();
    await this.started;
    return this.boss;
  }

  private async ensureQueue(name: string): Promise<PgBoss> {
    const boss = await this.instance();
    if (!this.queues.has(name)) {
      // "stately": at most one job per (name, state, singletonKey) among created/retry/active.
      await boss.createQueue(name, { name, policy: "stately" });
      this.queues.add(name);
    }
    return boss;
  }

  register(name: string, handler: JobHandler): void {
    this.handlers.set(name, handler);
  }

  async enqueue(name: string, data: JobData, options: EnqueueOptions = {}): Promise<string | null> {
    const boss = await this.ensureQueue(name);
    return boss.send(name, data, {
      retryLimit: (options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS) - 1,
      retryDelay: RETRY_BASE_SECONDS,
      retryBackoff: true,
      expireInSeconds: options.expireSeconds ?? 15 * 60,
      // Stately queues share one slot per key, so a keyless job gets a key of its own.
      singletonKey: options.singletonKey ?? crypto.randomUUID(),
      ...(options.runAt ? { startAfter: options.runAt } : {}),
    });
  }

  async start(): Promise<void> {
    if (this.working) return;
    this.working = true;
    for (const [name, handler] of this.handlers) {
      const boss = await this.ensureQueue(name);
      // pg-boss waits a polling interval between fetches, so one job per fetch caps a worker at one job
      // per interval: fetch a batch and settle each job on its own (a failure must not fail its batch mates;
      // jobs failed here are no longer active, so the batch's automatic completion skips them).
      await boss.work<JobData>(name, { batchSize: 25, pollingIntervalSeconds: 0.5, includeMetadata: true }, async (jobs) => {
        for (const job of jobs) {
          try {
            await logJob(name, job.data.shop, () => handler(job.data, { id: job.id, attempt: job.retryCount + 1 }));
          } catch (error) {
            await boss.fail(name, job.id, { message: errorMessage(error) });
          }
        }
      });
    }
  }

  async stop(): Promise<void> {
    if (this.started) await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    this.started = null;
    this.working = false;
    this.queues.clear();
  }

  async runDue(options: RunDueOptions = {}): Promise<RunSummary> {
    const summary = { completed: 0, failed: 0 };
    let budget = options.limit ?? 1000;
    for (let progress = true; progress && budget > 0; ) {
      progress = false;
      for (const [name, handler] of this.handlers) {
        const boss = await this.ensureQueue(name);
        const [job] = await boss.fetch<JobData>(name, { batchSize: 1, includeMetadata: true, ignoreStartAfter: options.includeDelayed ?? false });
        if (!job) continue;
        progress = true;
        budget--;
        try {
          await logJob(name, job.data.shop, () => handler(job.data, { id: job.id, attempt: job.retryCount + 1 }));
          await boss.complete(name, job.id);
          summary.completed++;
        } catch (error) {
          await boss.fail(name, job.id, { message: errorMessage(error) });
          if (job.retryCount >= job.retryLimit) summary.failed++;
        }
      }
    }
    return summary;
  }
}

/** The queue for a database URL: pg-boss for postgres://, the Job table for file: (SQLite). */
export function createJobQueue(databaseUrl: string, options: { supervise?: boolean; schedule?: boolean } = {}): JobQueue {
  return databaseUrl.startsWith("file:") ? new TableJobQueue() : new PgBossJobQueue(databaseUrl, options);
}
