import { createRequire } from "node:module";
import path from "node:path";
import { Worker } from "node:worker_threads";
import prisma, { isPostgres } from "~/db.server";
import { env } from "~/utils/env.server";
import { logger } from "~/utils/logger.server";

// SQLite's WAL is folded back into the database file by a checkpoint, which fsyncs. better-sqlite3 is
// synchronous, so a checkpoint triggered by a commit (every 1,000 pages by default) stalls every request
// in the process for that fsync — the webhook latency spikes of seconds seen under bursts. The in-process
// job poller takes the checkpoint over: automatic checkpoints off, a passive checkpoint when idle. The
// checkpoint itself runs on a connection of its own in a worker thread: during a CSV import one second of
// writes took 150–265 ms to checkpoint, which on the web process's connection held every request that long.

/** Turns SQLite's automatic checkpoints off for this connection (PostgreSQL: nothing to do). */
export async function takeOverWalCheckpoints(): Promise<void> {
  if (!isPostgres) await prisma.$queryRawUnsafe("PRAGMA wal_autocheckpoint = 0");
}

let lastCheckpointAt = 0;

/** Copies what it can of the WAL into the database without waiting on readers or writers (off the event loop). */
export async function checkpointWal(): Promise<void> {
  if (isPostgres) return;
  const checkpointer = checkpointThread();
  if (checkpointer) await checkpointer.run();
  else await prisma.$queryRawUnsafe("PRAGMA wal_checkpoint(PASSIVE)");
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

// The worker: one better-sqlite3 connection to the same file, a passive checkpoint per message.
const CHECKPOINTER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma("wal_autocheckpoint = 0");
parentPort.on("message", (id) => {
  try {
    db.pragma("wal_checkpoint(PASSIVE)");
    parentPort.postMessage({ id, ok: true });
  } catch (error) {
    parentPort.postMessage({ id, ok: false, error: String(error && error.message || error) });
  }
});
`;

interface Checkpointer {
  run(): Promise<void>;
}

declare global {
  var __stockcastCheckpointer: { file: string; checkpointer: Checkpointer | null } | undefined;
}

/** The process's checkpoint thread for the app database (null when it cannot start: checkpoint in-process). */
function checkpointThread(): Checkpointer | null {
  const file = path.resolve(env.DATABASE_URL.slice("file:".length));
  if (globalThis.__stockcastCheckpointer?.file === file) return globalThis.__stockcastCheckpointer.checkpointer;
  let checkpointer: Checkpointer | null = null;
  try {
    const require = createRequire(import.meta.url);
    const driver = createRequire(require.resolve("@prisma/adapter-better-sqlite3")).resolve("better-sqlite3");
    const worker = new Worker(CHECKPOINTER_SOURCE, { eval: true, workerData: { driver, file } });
    worker.unref();
    const waiting = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
    let next = 0;
    worker.on("message", (m: { id: number; ok: boolean; error?: string }) => {
      const w = waiting.get(m.id);
      waiting.delete(m.id);
      if (waiting.size === 0) worker.unref(); // an idle thread never keeps the process alive
      if (m.ok) w?.resolve();
      else w?.reject(new Error(`WAL checkpoint failed: ${m.error}`));
    });
    const fail = (error: unknown) => {
      logger.warn({ kind: "wal-checkpoint", outcome: "thread-stopped", error: error instanceof Error ? error.message : String(error) });
      for (const w of waiting.values()) w.reject(new Error("the WAL checkpoint thread stopped"));
      waiting.clear();
      globalThis.__stockcastCheckpointer = { file, checkpointer: null };
    };
    worker.on("error", fail);
    worker.on("exit", (code) => code !== 0 && fail(new Error(`exit ${code}`)));
    checkpointer = {
      run: () =>
        new Promise<void>((resolve, reject) => {
          const id = next++;
          waiting.set(id, { resolve, reject });
          worker.ref();
          worker.postMessage(id);
        }),
    };
  } catch (error) {
    logger.warn({ kind: "wal-checkpoint", outcome: "no-thread", error: error instanceof Error ? error.message : String(error) });
  }
  globalThis.__stockcastCheckpointer = { file, checkpointer };
  return checkpointer;
}
