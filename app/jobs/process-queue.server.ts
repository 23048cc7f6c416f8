// The process's job queue, as a leaf: it imports the queue and no handler, so code the handlers depend on
// (Shopify's auth hooks in shopify.server.ts) can enqueue without an import circle. The job registry
// (index.server.ts) hands in its set-up — registering every handler, starting SQLite's in-process poller —
// which runs on the queue once, whenever the queue or the set-up comes second.
import { BACKFILL_JOB } from "~/utils/job-names";
import { env } from "~/utils/env.server";
import { createJobQueue, type JobQueue } from "./queue.server";

declare global {
  var __stockcastJobQueue: JobQueue | undefined;
  var __stockcastJobQueueSetUp: ((queue: JobQueue) => void) | undefined;
}

/** Queues this module created and has not set up yet (a test may install a queue it set up itself). */
const awaitingSetUp = new WeakSet<JobQueue>();

function setUp(queue: JobQueue): JobQueue {
  const setUpQueue = globalThis.__stockcastJobQueueSetUp;
  if (setUpQueue && awaitingSetUp.has(queue)) {
    awaitingSetUp.delete(queue);
    setUpQueue(queue);
  }
  return queue;
}

/** The job registry's set-up for the process queue (runs at once if the queue exists already). */
export function setUpProcessQueue(fn: (queue: JobQueue) => void): void {
  globalThis.__stockcastJobQueueSetUp = fn;
  if (globalThis.__stockcastJobQueue) setUp(globalThis.__stockcastJobQueue);
}

/** This process's queue (created on first use; pg-boss with supervision and schedules outside tests). */
export function getProcessQueue(): JobQueue {
  if (!globalThis.__stockcastJobQueue) {
    const test = env.NODE_ENV === "test";
    const queue = createJobQueue(env.DATABASE_URL, { supervise: !test, schedule: !test });
    awaitingSetUp.add(queue);
    globalThis.__stockcastJobQueue = queue;
  }
  return setUp(globalThis.__stockcastJobQueue);
}

export const backfillSingletonKey = (shop: string) => `backfill:${shop}`;

/** Enqueues the shop's backfill; resolves to the job id, or null when one is already pending. */
export function enqueueBackfill(queue: JobQueue, shop: string): Promise<string | null> {
  return queue.enqueue(BACKFILL_JOB, { shop }, { singletonKey: backfillSingletonKey(shop) });
}
