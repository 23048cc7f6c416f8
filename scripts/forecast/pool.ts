/**
 * Forecasts series on worker threads for the CLI, results in input order. Each worker runs the same entry
 * file (scripts/forecast.ts) and answers with forecastForCli's rows for one series at a time; at most
 * IN_FLIGHT series per worker wait, so memory stays O(threads), not O(file).
 */
import { Worker } from "node:worker_threads";

/** What every worker needs besides the series: fixed for the run, cloned once. */
export interface WorkerSetup {
  forecastWorker: true;
  horizon: number;
  freq: "day" | "week";
  levels: readonly { label: string; p: number }[];
  analogues: unknown;
}

/** One series sent to a worker. */
export interface SeriesJob {
  seq: number;
  id: string;
  y: Float64Array;
  closedMask?: Uint8Array;
  stockoutMask?: Uint8Array;
}

/** A worker's answer: the CSV rows and method, or the error message. */
export interface SeriesRowsAnswer {
  seq: number;
  text: string;
  method: string;
  ms: number;
}
export type SeriesAnswer = SeriesRowsAnswer | { seq: number; error: string };

const IN_FLIGHT = 8;

export class ForecastPool {
  private readonly workers: Worker[];
  private readonly busy: number[];
  private readonly done = new Map<number, SeriesAnswer>();
  private next = 0;
  private sent = 0;
  private failure: Error | null = null;
  private wake: (() => void) | null = null;

  constructor(entry: URL, threads: number, setup: WorkerSetup, private readonly onAnswer: (a: SeriesRowsAnswer) => Promise<void>) {
    this.workers = Array.from({ length: threads }, () => new Worker(entry, { workerData: setup }));
    this.busy = this.workers.map(() => 0);
    this.workers.forEach((w, i) => {
      w.on("message", (a: SeriesAnswer) => {
        this.busy[i]--;
        this.done.set(a.seq, a);
        this.signal();
      });
      w.on("error", (e) => {
        this.failure ??= e;
        this.signal();
      });
    });
  }

  private signal() {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  private wait() {
    return new Promise<void>((resolve) => (this.wake = resolve));
  }

  /** Writes every finished answer that is next in input order. */
  private async drain() {
    for (let a = this.done.get(this.next); a; a = this.done.get(this.next)) {
      this.done.delete(this.next++);
      if ("error" in a) throw new Error(a.error);
      await this.onAnswer(a);
    }
  }

  /** Sends one series to the least busy worker, first waiting while every worker has IN_FLIGHT queued. */
  async submit(job: Omit<SeriesJob, "seq">) {
    for (;;) {
      if (this.failure) throw this.failure;
      await this.drain();
      const i = this.busy.indexOf(Math.min(...this.busy));
      if (this.busy[i] < IN_FLIGHT) {
        this.busy[i]++;
        const transfer = [job.y.buffer, job.closedMask?.buffer, job.stockoutMask?.buffer].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
        this.workers[i].postMessage({ ...job, seq: this.sent++ }, transfer);
        return;
      }
      await this.wait();
    }
  }

  /** Waits for every answer, writes them, and stops the workers. */
  async finish() {
    try {
      while (this.next < this.sent) {
        if (this.failure) throw this.failure;
        await this.drain();
        if (this.next < this.sent) await this.wait();
      }
    } finally {
      await Promise.all(this.workers.map((w) => w.terminate()));
    }
  }
}
