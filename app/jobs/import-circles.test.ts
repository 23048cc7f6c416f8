// The lint rules that keep import circles out of app/ (eslint.config.js, import/no-cycle) and keep app/jobs an
// entry point (import/no-restricted-paths) must really fire: without the TypeScript parser setting no-cycle
// silently checked nothing. Probe modules are linted with the project's own configuration (`npm run lint`
// checks the real modules; the circle jobs → services → shopify.server → jobs is gone).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { afterAll, describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../..");
const probeDir = mkdtempSync(path.join(root, "app/utils/cycle-probe-"));
afterAll(() => rmSync(probeDir, { recursive: true, force: true }));

const cycleErrors = (results: ESLint.LintResult[]) => results.flatMap((r) => r.messages.filter((m) => m.ruleId === "import/no-cycle").map((m) => `${path.basename(r.filePath)}: ${m.message}`));

/** Writes probe modules (file name → source) into the probe folder and returns what no-cycle says of them. */
async function lintProbes(modules: Record<string, string>): Promise<string[]> {
  const files = Object.entries(modules).map(([name, source]) => {
    writeFileSync(path.join(probeDir, name), source);
    return path.join(probeDir, name);
  });
  return cycleErrors(await new ESLint({ cwd: root }).lintFiles(files));
}

describe("no import circles in app/", () => {
  it("the lint rule reports two modules that import each other", async () => {
    expect(
      await lintProbes({ "a.ts": 'import { b } from "./b";\nexport const a = () => b;\n', "b.ts": 'import { a } from "./a";\nexport const b = () => a;\n' })
    ).toEqual(["a.ts: Dependency cycle detected.", "b.ts: Dependency cycle detected."]);
  });

  it("counts a lazy import() as an edge of the circle", async () => {
    // services/alerts once reached shopify.server this way: `await import("~/shopify.server")`.
    const lazy = `export const d = async () => (await import("~/utils/${path.basename(probeDir)}/c")).c;\n`;
    expect(await lintProbes({ "c.ts": 'import { d } from "./d";\nexport const c = () => d;\n', "d.ts": lazy })).toEqual([
      "c.ts: Dependency cycle detected.",
      "d.ts: Dependency cycle detected.",
    ]);
  });

  it("reports no circle when the lazy import goes one way only", async () => {
    expect(await lintProbes({ "e.ts": "export const e = 1;\n", "f.ts": 'export const f = async () => (await import("./e")).e;\n' })).toEqual([]);
  });
});

describe("app/jobs is an entry point", () => {
  const jobsImport = 'import { getJobQueue } from "~/jobs/index.server";\nexport const q = getJobQueue;\n';
  const zoneErrors = async (filePath: string) =>
    (await new ESLint({ cwd: root, overrideConfig: { rules: { "import/no-cycle": "off" } } }).lintText(jobsImport, { filePath: path.join(root, filePath) })).flatMap((r) =>
      r.messages.filter((m) => m.ruleId === "import/no-restricted-paths").map((m) => m.message)
    );

  it("services, models, shopify, utils and components may not import a job", async () => {
    for (const file of ["app/services/probe.server.ts", "app/models/probe.server.ts", "app/shopify/probe.ts", "app/utils/probe.ts", "app/components/probe.ts"]) {
      expect((await zoneErrors(file)).join("\n"), file).toContain("Only routes, the server entry and scripts import app/jobs.");
    }
  });

  it("a route may", async () => {
    expect(await zoneErrors("app/routes/probe.tsx")).toEqual([]);
  });
});
