// Names the test that blocks its worker's event loop. vitest's worker answers its parent over an RPC with a
// 60 s timeout; a test that keeps the loop busy that long ends the run with an anonymous
// `Timeout calling "onTaskUpdate"`. Every stall over STALL_REPORT_MS is printed at once and, when
// STALL_LOG names a file, appended to it so scripts/test/summary.mjs can list the worst ones.
import { appendFileSync } from "node:fs";
import { expect } from "vitest";

const TICK_MS = 200;
const STALL_REPORT_MS = 5_000;
// Captured now: fake timers in a test replace the globals, never these references.
const now = process.hrtime.bigint.bind(process.hrtime);
const realSetInterval = globalThis.setInterval;

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
