// Job queues that integration tests open on the run's database, stopped together (with the app's own
// queue) after a file's tests, so no poller or pg-boss connection outlives them.
import { getJobQueue } from "~/jobs/index.server";
import { createJobQueue } from "~/jobs/queue.server";

const open: { stop(): Promise<void> }[] = [];

/** A queue that neither supervises nor schedules, stopped by stopTestQueues. */
export function openTestQueue() {
  return trackTestQueue(createJobQueue(process.env.DATABASE_URL!, { supervise: false, schedule: false }));
}

/** Registers a queue built elsewhere for stopTestQueues; returns it. */
export function trackTestQueue<Q extends { stop(): Promise<void> }>(queue: Q): Q {
  open.push(queue);
  return queue;
}

/** For afterAll: stops every tracked queue and the app's shared one. */
export async function stopTestQueues() {
  for (const queue of open.splice(0)) await queue.stop();
  await getJobQueue().stop();
  globalThis.__stockcastJobQueue = undefined;
}
