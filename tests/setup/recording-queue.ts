// A job queue that records every enqueue before handing it on: tests assert what the webhook routes and the
// job handlers asked for, while the real queue (Job table or pg-boss) runs it.
import type { EnqueueOptions, JobData, JobHandler, JobQueue, RunDueOptions } from "~/jobs/queue.server";

/** The app's queue, recording every enqueue (the webhook routes and the job handlers both go through it). */
export class RecordingQueue implements JobQueue {
  readonly enqueued: { name: string; data: JobData; options?: EnqueueOptions }[] = [];
  constructor(private readonly inner: JobQueue) {}
  get backend() {
    return this.inner.backend;
  }
  enqueue(name: string, data: JobData, options?: EnqueueOptions) {
    this.enqueued.push({ name, data, options });
    return this.inner.enqueue(name, data, options);
  }
  register(name: string, handler: JobHandler) {
    this.inner.register(name, handler);
  }
  start() {
    return this.inner.start();
  }
  stop() {
    return this.inner.stop();
  }
  runDue(options?: RunDueOptions) {
    return this.inner.runDue(options);
  }
  of(shop: string, name: string) {
    return this.enqueued.filter((e) => e.name === name && e.data.shop === shop);
  }
}
