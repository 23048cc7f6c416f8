import prisma, { isPostgres } from "~/db.server";

// SQLite's WAL is folded back into the database file by a checkpoint, which fsyncs. better-sqlite3 is
// synchronous, so a checkpoint triggered by a commit (every 1,000 pages by default) stalls every request
// in the process for that fsync — the webhook latency spikes of seconds seen under bursts. The in-process
// job poller takes the checkpoint over: automatic checkpoints off, a passive checkpoint when idle.

/** Turns SQLite's automatic checkpoints off for this connection (PostgreSQL: nothing to do). */
export async function takeOverWalCheckpoints(): Promise<void> {
  if (!isPostgres) await prisma.$queryRawUnsafe("PRAGMA wal_autocheckpoint = 0");
}

let lastCheckpointAt = 0;

/** Copies what it can of the WAL into the database without waiting on readers or writers. */
export async function checkpointWal(): Promise<void> {
  if (isPostgres) return;
  await prisma.$queryRawUnsafe("PRAGMA wal_checkpoint(PASSIVE)");
  lastCheckpointAt = performance.now();
}

/**
 * For long background writes (a CSV import), between their steps: a checkpoint when the last one is older
 * than `everyMs`. The poller checkpoints only between jobs, and a million-row import left a WAL whose one
 * checkpoint then held the process for 31 s; checkpointing as it goes keeps each one small.
 */
export async function checkpointWalIfOlderThan(everyMs: number): Promise<void> {
  if (!isPostgres && performance.now() - lastCheckpointAt >= everyMs) await checkpointWal();
}
