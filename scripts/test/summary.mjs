// Adds up the JSON reports of every vitest run in `npm test` into one closing line, after naming what failed.
// A run that failed without a failing test ended on an error outside any test, typically vitest's worker
// RPC timing out (`Timeout calling "onTaskUpdate"`) because a test blocked its event loop: the longest
// stalls that tests/setup/stall-watch.ts recorded in that run name the test.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

const dir = process.argv[2];
const RUNS = ["unit", "integration-sqlite", "integration-postgres", "e2e"];
const failedSteps = (process.env.FAILED_STEPS ?? "").split("\n").filter(Boolean);
const failedRun = (run) => failedSteps.some((s) => s.startsWith(`${run} `));

const stallsFile = path.join(dir, "stalls.jsonl");
const stalls = existsSync(stallsFile)
  ? readFileSync(stallsFile, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l)).sort((a, b) => b.ms - a.ms)
  : [];
const describeStall = (s) => `${(s.ms / 1000).toFixed(1)} s in ${s.file} > ${s.test}`;

let passed = 0, failed = 0, skipped = 0;
const notes = [];
for (const run of RUNS) {
  const file = path.join(dir, `${run}.json`);
  if (!existsSync(file)) {
    failed += 1;
    notes.push(`${run}: no report (the run did not start or did not finish)`);
    continue;
  }
  const r = JSON.parse(readFileSync(file, "utf8"));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + (r.numTodoTests ?? 0);
  for (const suite of r.testResults ?? []) {
    for (const t of suite.assertionResults ?? []) {
      if (t.status === "failed") notes.push(`${run}: failed ${path.relative(process.cwd(), suite.name)} > ${t.fullName}`);
    }
  }
  if (failedRun(run) && r.numFailedTests === 0) {
    const own = stalls.filter((s) => s.run === run).slice(0, 3);
    notes.push(
      `${run}: every test passed but the run failed on an error outside any test (see "Unhandled Errors" above). ` +
        (own.length
          ? `Longest event-loop stalls in this run (a stall over 60 s times out vitest's worker RPC): ${own.map(describeStall).join("; ")}`
          : "No event-loop stall over 5 s was recorded in this run."),
    );
  }
}
for (const step of failedSteps) if (!RUNS.some((run) => step.startsWith(`${run} `))) notes.push(`step failed: ${step}`);

if (stalls.length) {
  console.log(`longest event-loop stalls (over 5 s; vitest's worker RPC times out at 60 s):`);
  for (const s of stalls.slice(0, 5)) console.log(`  ${s.run}: ${describeStall(s)}`);
}
for (const note of notes) console.log(note);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 || failedSteps.length > 0 ? 1 : 0);
