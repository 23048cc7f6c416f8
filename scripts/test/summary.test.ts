// `npm test`'s closing summary: it adds up the runs and says why a run failed, naming the test that blocked
// its worker when the only error was outside any test (vitest's worker RPC timing out).
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

const RUNS = ["unit", "integration-sqlite", "integration-postgres", "e2e"];
let dir = "";

function report(passed: number, failedTests: { file: string; name: string }[] = [], skipped = 0) {
  return {
    numPassedTests: passed,
    numFailedTests: failedTests.length,
    numPendingTests: skipped,
    numTodoTests: 0,
    testResults: failedTests.map((t) => ({ name: path.resolve(t.file), assertionResults: [{ status: "failed", fullName: t.name }] })),
  };
}

function summarize(reports: Record<string, object | null>, failedSteps: string[] = [], stalls: object[] = []) {
  dir = mkdtempSync(path.join(os.tmpdir(), "stockcast-summary-"));
  for (const run of RUNS) if (reports[run]) writeFileSync(path.join(dir, `${run}.json`), JSON.stringify(reports[run]));
  if (stalls.length) writeFileSync(path.join(dir, "stalls.jsonl"), stalls.map((s) => JSON.stringify(s)).join("\n") + "\n");
  try {
    const out = execFileSync(process.execPath, ["scripts/test/summary.mjs", dir], { env: { ...process.env, FAILED_STEPS: failedSteps.join("\n") }, encoding: "utf8" });
    return { code: 0, lines: out.trim().split("\n") };
  } catch (error) {
    const e = error as { status: number; stdout: string };
    return { code: e.status, lines: e.stdout.trim().split("\n") };
  }
}

const allPassed = () => Object.fromEntries(RUNS.map((run) => [run, report(10, [], 1)]));

afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("the test summary", () => {
  it("adds up every run into one closing line and succeeds when all passed", () => {
    const { code, lines } = summarize(allPassed());
    expect(code).toBe(0);
    expect(lines).toEqual(["tests: 40 passed, 0 failed, 4 skipped"]);
  });

  it("names the test that blocked its worker when a run failed without a failing test", () => {
    const stalls = [
      { ms: 71_000, file: "prisma/seed/seed.test.ts", test: "seedDemoShop > re-seeding", run: "integration-sqlite" },
      { ms: 9_000, file: "tests/integration/replenishment.test.ts", test: "(between tests, or in a hook)", run: "integration-sqlite" },
      { ms: 8_000, file: "app/lib/x.test.ts", test: "other run", run: "unit" },
    ];
    const { code, lines } = summarize(allPassed(), ["integration-sqlite (exit 1)"], stalls);
    expect(code).toBe(1);
    const note = lines.find((l) => l.startsWith("integration-sqlite: every test passed"));
    expect(note).toContain("71.0 s in prisma/seed/seed.test.ts > seedDemoShop > re-seeding; 9.0 s in tests/integration/replenishment.test.ts");
    expect(note).not.toContain("other run");
    expect(lines.at(-1)).toBe("tests: 40 passed, 0 failed, 4 skipped");
  });

  it("names each failing test and counts a run that left no report as a failure", () => {
    const reports: Record<string, object | null> = { ...allPassed(), unit: report(9, [{ file: "app/lib/a.test.ts", name: "a > adds up" }]), e2e: null };
    const { code, lines } = summarize(reports, ["unit (exit 1)", "build"]);
    expect(code).toBe(1);
    expect(lines).toContain("unit: failed app/lib/a.test.ts > a > adds up");
    expect(lines).toContain("e2e: no report (the run did not start or did not finish)");
    expect(lines).toContain("step failed: build");
    expect(lines.at(-1)).toBe("tests: 29 passed, 2 failed, 2 skipped");
  });

  it("fails a step that failed outside vitest even when every test passed", () => {
    const { code, lines } = summarize(allPassed(), ["typecheck (exit 2)"]);
    expect(code).toBe(1);
    expect(lines).toContain("step failed: typecheck (exit 2)");
  });
});
