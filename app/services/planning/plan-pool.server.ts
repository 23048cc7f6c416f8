import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { env } from "~/utils/env.server";
import { logger } from "~/utils/logger.server";
import { forecastChunk, type ChunkInput, type ChunkResult, type PlanContext } from "./plan-chunk";
import { yieldToEventLoop } from "~/utils/event-loop";

/** Forecasts plan chunks: in worker threads for large shops, else on the calling thread. */
export interface ChunkRunner {
  readonly threads: number;
  run(input: ChunkInput): Promise<ChunkResult>;
  close(): Promise<void>;
}

/** Series below which threads are not worth their start-up (~0.7 s each: the worker compiles the library). */
export const THREADED_MIN_SERIES = 4000;
/** Variants per slice on the calling thread: requests waiting on the event loop get through between slices. */
const SLICE_VARIANTS = 16;

/** Worker threads for a plan of `series` series: PLAN_THREADS if set, else one per core (at most 4), none for small shops. */
export function planThreads(series: number): number {
  if (env.PLAN_THREADS !== undefined) return env.PLAN_THREADS;
  return series >= THREADED_MIN_SERIES ? Math.min(4, os.availableParallelism()) : 0;
}

export async function createChunkRunner(context: PlanContext, threads: number): Promise<ChunkRunner> {
  if (threads > 0) {
    const pool = await startWorkers(context, threads).catch((error: unknown) => {
      logger.warn({ kind: "plan-threads", outcome: "unavailable", error: error instanceof Error ? error.message : String(error) });
      return null;
    });
    if (pool) return pool;
  }
  return {
    threads: 0,
    async run(input) {
      const total: ChunkResult = { forecasts: [], pending: [], seriesTotal: 0, seriesPlanned: 0, skippedReasons: {} };
      for (let i = 0; i < input.variants.length; i += SLICE_VARIANTS) {
        if (i > 0) await yieldToEventLoop();
        const variants = input.variants.slice(i, i + SLICE_VARIANTS);
        // Each slice unpacks only its own variants' demand.
        const ids = new Set(variants.map((v) => v.id));
        const demand = input.demand.filter((d) => ids.has(d.variantId));
        const stockouts = input.stockouts.filter((o) => ids.has(o.variantId));
        mergeResult(total, forecastChunk(context, { ...input, variants, demand, stockouts }));
      }
      return total;
    },
    async close() {},
  };
}

export function mergeResult(into: ChunkResult, part: ChunkResult): void {
  for (const f of part.forecasts) into.forecasts.push(f);
  for (const p of part.pending) into.pending.push(p);
  into.seriesTotal += part.seriesTotal;
  into.seriesPlanned += part.seriesPlanned;
  for (const [reason, n] of Object.entries(part.skippedReasons)) into.skippedReasons[reason] = (into.skippedReasons[reason] ?? 0) + n;
}

/**
 * The worker's TypeScript source: next to this module when running from source (tsx, vitest, vite dev),
 * else under the working directory (the production bundle runs from the app's root, `npm start`).
 */
function workerSource(): string | null {
  const candidates = [fileURLToPath(new URL("./plan-chunk.worker.ts", import.meta.url)), path.resolve("app/services/planning/plan-chunk.worker.ts")];
  return candidates.find((file) => existsSync(file)) ?? null;
}

/**
 * Workers load the TypeScript source through tsx's ESM API (tsx is a runtime dependency, as for `npm start`).
 * Resolved through tsx's own exports map: require.resolve would pick its CommonJS build, which cannot
 * register the loader in a worker.
 */
function tsxEsmApi(): string {
  const manifest = createRequire(import.meta.url).resolve("tsx/package.json");
  const exports = JSON.parse(readFileSync(manifest, "utf8")).exports["./esm/api"] as { import: { default: string } };
  return pathToFileURL(path.join(path.dirname(manifest), exports.import.default)).href;
}

type Pending = { resolve: (r: ChunkResult) => void; reject: (e: Error) => void };

async function startWorkers(context: PlanContext, threads: number): Promise<ChunkRunner> {
  const source = workerSource();
  if (!source) throw new Error("plan worker source not found");
  const tsxApi = tsxEsmApi();
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((m) => (m.tsImport ?? m.default.tsImport)(${JSON.stringify(source)}, { parentURL: ${JSON.stringify(pathToFileURL(source).href)} }))`;
  const pending = new Map<number, Pending>();
  const idle: Worker[] = [];
  const queue: { id: number; input: ChunkInput }[] = [];
  let nextId = 0;
  let failure: Error | null = null;
  const created: Worker[] = [];

  const dispatch = () => {
    while (idle.length && queue.length) idle.pop()!.postMessage(queue.shift()!);
  };
  const fail = (error: Error) => {
    failure ??= error;
    for (const p of pending.values()) p.reject(failure);
    pending.clear();
  };
  const workers = await Promise.all(
    Array.from(
      { length: threads },
      () =>
        new Promise<Worker>((resolve, reject) => {
          const worker = new Worker(bootstrap, { eval: true, workerData: context });
          created.push(worker);
          worker.on("message", (m: { ready?: true; id?: number; result?: ChunkResult; error?: string }) => {
            if (m.ready) return resolve(worker);
            const p = pending.get(m.id!);
            pending.delete(m.id!);
            if (m.error !== undefined) p?.reject(new Error(m.error));
            else p?.resolve(m.result!);
            idle.push(worker);
            dispatch();
          });
          worker.on("error", (error) => {
            reject(error);
            fail(error);
          });
          worker.on("exit", (code) => {
            if (code !== 0) fail(new Error(`plan worker exited with code ${code}`));
          });
        }),
    ),
  ).catch(async (error: Error) => {
    await Promise.all(created.map((w) => w.terminate()));
    throw error;
  });
  idle.push(...workers);
  return {
    threads,
    run(input) {
      if (failure) return Promise.reject(failure);
      return new Promise<ChunkResult>((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        queue.push({ id, input });
        dispatch();
      });
    },
    async close() {
      failure ??= new Error("plan workers closed");
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
