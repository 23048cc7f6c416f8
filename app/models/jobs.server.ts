import type { Prisma } from "@prisma/client";
import crypto from "node:crypto";
import prisma, { isPostgres } from "~/db.server";
import { env } from "~/utils/env.server";

// The Job table: the durable queue used in-process on SQLite (pg-boss keeps its own tables on
// PostgreSQL). Claiming, completing and failing are queue infrastructure and cross shops by nature
// (a worker takes whichever shop's job is due); everything a screen reads takes the shop first.

export type JobStatus = "queued" | "running" | "completed" | "failed" | "cancelled";

export interface NewJob {
  name: string;
  data: Prisma.InputJsonValue;
  runAt: Date;
  maxAttempts: number;
  singletonKey?: string;
  /** The caller guarantees no pending job holds this singleton key (see EnqueueOptions.keyIsNew). */
  keyIsNew?: boolean;
}

/**
 * Inserts a job, unless one with the same name and singleton key is still queued (then returns null). A
 * running one does not count, as with pg-boss's "stately" queues: a change made while its job runs gets one
 * follow-up run. Runs in a transaction; SQLite serialises writers, so the check and the insert are atomic.
 */
export async function insertJob(shop: string, job: NewJob): Promise<string | null> {
  const { keyIsNew, ...fields } = job;
  if (keyIsNew) return insertJobRaw(shop, fields);
  return prisma.$transaction(async (tx) => {
    if (job.singletonKey) {
      const existing = await tx.job.findFirst({
        where: { shop, name: job.name, singletonKey: job.singletonKey, status: "queued" },
        select: { id: true },
      });
      if (existing) return null;
    }
    const row = await tx.job.create({ data: { shop, ...fields, singletonKey: job.singletonKey ?? null }, select: { id: true } });
    return row.id;
  });
}

/** One raw INSERT (the webhook hot path; a Prisma `create` costs ~2.5× the CPU in query compilation). */
async function insertJobRaw(shop: string, job: Omit<NewJob, "keyIsNew">): Promise<string> {
  const id = crypto.randomUUID();
  const data = JSON.stringify(job.data);
  const now = new Date();
  // Json is jsonb on PostgreSQL and TEXT on SQLite (which has no jsonb type to cast to).
  if (isPostgres)
    await prisma.$executeRaw`
      INSERT INTO "Job" ("id", "shop", "name", "data", "status", "attempts", "maxAttempts", "runAt", "singletonKey", "createdAt", "updatedAt")
      VALUES (${id}, ${shop}, ${job.name}, CAST(${data} AS jsonb), 'queued', 0, ${job.maxAttempts}, ${job.runAt}, ${job.singletonKey ?? null}, ${now}, ${now})`;
  else
    await prisma.$executeRaw`
      INSERT INTO "Job" ("id", "shop", "name", "data", "status", "attempts", "maxAttempts", "runAt", "singletonKey", "createdAt", "updatedAt")
      VALUES (${id}, ${shop}, ${job.name}, ${data}, 'queued', 0, ${job.maxAttempts}, ${job.runAt}, ${job.singletonKey ?? null}, ${now}, ${now})`;
  return id;
}

/**
 * Claims the oldest due job of the given names with one conditional update (status queued → running),
 * so two pollers never run the same job. A job left "running" longer than `staleAfterMs` (its worker
 * died) is due again. Returns null when nothing is due.
 */
export async function claimDueJob(names: string[], dueBy: Date, now: Date = new Date(), staleAfterMs = 15 * 60_000) {
  const staleBefore = new Date(now.getTime() - staleAfterMs);
  for (let tries = 0; tries < 5; tries++) {
    const candidate = await prisma.job.findFirst({
      where: {
        name: { in: names },
        OR: [
          { status: "queued", runAt: { lte: dueBy } },
          { status: "running", lockedAt: { lt: staleBefore } },
        ],
      },
      orderBy: [{ runAt: "asc" }, { createdAt: "asc" }],
    });
    if (!candidate) return null;
    const claimed = await prisma.job.updateMany({
      where: { id: candidate.id, status: candidate.status, attempts: candidate.attempts },
      data: { status: "running", lockedAt: now, attempts: { increment: 1 } },
    });
    if (claimed.count === 1) return { ...candidate, status: "running" as const, attempts: candidate.attempts + 1, lockedAt: now };
  }
  return null;
}

export function completeJob(id: string) {
  return prisma.job.updateMany({ where: { id, status: "running" }, data: { status: "completed", lockedAt: null, lastError: null } });
}

/** Records a failure: back to "queued" at `retryAt`, or "failed" for good when retryAt is null. */
export function failJob(id: string, error: string, retryAt: Date | null) {
  return prisma.job.updateMany({
    where: { id, status: "running" },
    data: retryAt ? { status: "queued", runAt: retryAt, lockedAt: null, lastError: error } : { status: "failed", lockedAt: null, lastError: error },
  });
}

/** Stops a shop's pending work (uninstall): queued jobs become cancelled. Returns how many. */
export async function cancelQueuedJobs(shop: string): Promise<number> {
  const { count } = await prisma.job.updateMany({ where: { shop, status: "queued" }, data: { status: "cancelled", lockedAt: null } });
  return count;
}

export function listJobs(shop: string, take = 20) {
  return prisma.job.findMany({ where: { shop }, orderBy: { createdAt: "desc" }, take });
}

export function findJob(shop: string, id: string) {
  return prisma.job.findFirst({ where: { shop, id } });
}

// ---- Read side and uninstall, for both backends -------------------------------------------------------
// On PostgreSQL the jobs live in pg-boss's own schema ("pgboss", pinned to pg-boss 10's table layout:
// job(name, id, state, data, retry_count, retry_limit, start_after, started_on, created_on, output)).

export const PGBOSS_SCHEMA = "pgboss";

export interface JobSummary {
  id: string;
  name: string;
  status: "queued" | "running" | "completed" | "failed" | "cancelled";
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  runAt: string;
  createdAt: string;
}

const onPostgres = () => !env.DATABASE_URL.startsWith("file:");
const isMissingRelation = (error: unknown) => /relation .* does not exist|42P01/.test(String((error as { message?: string })?.message ?? error));

interface PgBossRow {
  id: string;
  name: string;
  state: string;
  retry_count: number;
  retry_limit: number;
  started_on: Date | null;
  start_after: Date;
  created_on: Date;
  error: string | null;
}

const pgStatus: Record<string, JobSummary["status"]> = {
  created: "queued",
  retry: "queued",
  active: "running",
  completed: "completed",
  failed: "failed",
  cancelled: "cancelled",
};

/** The shop's most recent jobs, newest first, from whichever backend this install uses. */
export async function listJobSummaries(shop: string, take = 20): Promise<JobSummary[]> {
  if (!onPostgres()) {
    const rows = await listJobs(shop, take);
    return rows.map((j) => ({
      id: j.id,
      name: j.name,
      status: j.status as JobSummary["status"],
      attempts: j.attempts,
      maxAttempts: j.maxAttempts,
      lastError: j.lastError,
      runAt: j.runAt.toISOString(),
      createdAt: j.createdAt.toISOString(),
    }));
  }
  try {
    const rows = await prisma.$queryRawUnsafe<PgBossRow[]>(
      `SELECT id::text AS id, name, state::text AS state, retry_count, retry_limit, started_on, start_after, created_on,
              COALESCE(output->>'message', output->>'error') AS error
         FROM ${PGBOSS_SCHEMA}.job WHERE data->>'shop' = $1 ORDER BY created_on DESC LIMIT $2`,
      shop,
      take,
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      status: pgStatus[r.state] ?? "queued",
      attempts: r.started_on ? Number(r.retry_count) + 1 : 0,
      maxAttempts: Number(r.retry_limit) + 1,
      lastError: r.state === "completed" ? null : r.error,
      runAt: new Date(r.start_after).toISOString(),
      createdAt: new Date(r.created_on).toISOString(),
    }));
  } catch (error) {
    if (isMissingRelation(error)) return []; // pg-boss has not created its schema yet: no jobs
    throw error;
  }
}

/**
 * Uninstall: cancels the shop's jobs that have not started (and its retries waiting out a backoff).
 * Handlers also skip an inactive shop, so a job already running finishes harmlessly.
 */
export async function cancelShopJobs(shop: string): Promise<number> {
  if (!onPostgres()) return cancelQueuedJobs(shop);
  try {
    return await prisma.$executeRawUnsafe(
      `UPDATE ${PGBOSS_SCHEMA}.job SET state = 'cancelled', completed_on = now()
        WHERE data->>'shop' = $1 AND state < 'active'`,
      shop,
    );
  } catch (error) {
    if (isMissingRelation(error)) return 0;
    throw error;
  }
}

/** How many of the shop's jobs with these names wait or run (the "re-planning…" indicator). */
export async function countPendingJobs(shop: string, names: readonly string[]): Promise<number> {
  if (!onPostgres()) return prisma.job.count({ where: { shop, name: { in: [...names] }, status: { in: ["queued", "running"] } } });
  try {
    const [row] = await prisma.$queryRawUnsafe<{ n: bigint | number }[]>(
      `SELECT COUNT(*) AS n FROM ${PGBOSS_SCHEMA}.job WHERE data->>'shop' = $1 AND name = ANY($2::text[]) AND state IN ('created', 'retry', 'active')`,
      shop,
      [...names],
    );
    return Number(row?.n ?? 0);
  } catch (error) {
    if (isMissingRelation(error)) return 0;
    throw error;
  }
}
