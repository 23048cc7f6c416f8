// Names the test that blocks its worker's event loop. vitest's worker answers its parent over an RPC with a
// 60 s timeout; a test that keeps the loop busy that long ends the run with an anonymous
// `Timeout calling "onTaskUpdate"`. Every stall over STALL_REPORT_MS is printed at once and, when
// STALL_LOG names a file, appended to it so scripts/test/summary.mjs can list the worst ones.
import { appendFileSync } from "node:fs";
import { beforeEach, expect } from "vitest";

const TICK_MS = 200;
const STALL_REPORT_MS = 5_000;
// Captured now: fake timers in a test replace the globals, never these references.
const now = process.hrtime.bigint.bind(process.hrtime);
const realSetInterval = globalThis.setInterval;
const realSetImmediate = globalThis.setImmediate;
const realSetTimeout = globalThis.setTimeout;

const log = process.env.STALL_LOG;
const testName = () => expect.getState().currentTestName ?? "(between tests, or in a hook)";
let last = now();
// The test running when the loop was last free: the stall began there, whatever runs once it ends.
let lastSeen = testName();

const timer = realSetInterval(() => {
  const t = now();
  const gapMs = Number(t - last) / 1e6 - TICK_MS;
  last = t;
  const began = lastSeen;
  lastSeen = testName();
  if (gapMs < STALL_REPORT_MS) return;
  const state = expect.getState();
  const file = state.testPath ? state.testPath.replace(`${process.cwd()}/`, "") : "(unknown file)";
  const test = began === lastSeen ? began : `${began} (until ${lastSeen})`;
  const line = `event loop blocked ${(gapMs / 1000).toFixed(1)} s in ${file} > ${test}`;
  process.stderr.write(`[stall] ${line}\n`);
  if (log) appendFileSync(log, `${JSON.stringify({ ms: Math.round(gapMs), file, test, run: process.env.STALL_RUN ?? "" })}\n`);
}, TICK_MS);
timer.unref();

// vitest runs a file's synchronous tests back to back in microtasks, so a file of quick CPU-bound tests
// (the demo generator, the forecasting contract) blocked the loop for 43 s as one stretch beside two busy
// loops. A full turn of the loop before each test lets the worker answer its RPC between tests: a timer,
// then an immediate, passes the poll phase (where RPC replies arrive) from whichever phase we are in.
beforeEach(async () => {
  await new Promise<void>((resolve) => realSetTimeout(resolve, 0));
  await new Promise<void>((resolve) => realSetImmediate(resolve));
});
