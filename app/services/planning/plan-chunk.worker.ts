import { parentPort, workerData } from "node:worker_threads";
import { forecastChunk, type ChunkInput, type PlanContext } from "./plan-chunk";

// A plan-run worker thread (plan-pool.server.ts): one chunk at a time, with the run's context given once.
const context = workerData as PlanContext;
parentPort!.on("message", (message: { id: number; input: ChunkInput }) => {
  try {
    parentPort!.postMessage({ id: message.id, result: forecastChunk(context, message.input) });
  } catch (error) {
    parentPort!.postMessage({ id: message.id, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
  }
});
parentPort!.postMessage({ ready: true });
