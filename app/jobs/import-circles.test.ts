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

describe("no import circles in app/", () => {
  it("the lint rule reports two modules that import each other", async () => {
    const a = path.join(probeDir, "a.ts");
    const b = path.join(probeDir, "b.ts");
    writeFileSync(a, 'import { b } from "./b";\nexport const a = () => b;\n');
    writeFileSync(b, 'import { a } from "./a";\nexport const b = () => a;\n');
    const results = await new ESLint({ cwd: root }).lintFiles([a, b]);
    expect(cycleErrors(results)).toEqual(["a.ts: Dependency cycle detected.", "b.ts: Dependency cycle detected."]);
  });

  it("counts a lazy import() as an edge of the circle", async () => {
    // services/alerts once reached shopify.server this way: `await import("~/shopify.server")`.
    const c = path.join(probeDir, "c.ts");
    const d = path.join(probeDir, "d.ts");
    writeFileSync(c, 'import { d } from "./d";\nexport const c = () => d;\n');
    writeFileSync(d, `export const d = async () => (await import("~/utils/${path.basename(probeDir)}/c")).c;\n`);
    const results = await new ESLint({ cwd: root }).lintFiles([c, d]);
    expect(cycleErrors(results)).toEqual(["c.ts: Dependency cycle detected.", "d.ts: Dependency cycle detected."]);
  });

  it("reports no circle when the lazy import goes one way only", async () => {
    const e = path.join(probeDir, "e.ts");
    const f = path.join(probeDir, "f.ts");
    writeFileSync(e, "export const e = 1;\n");
    writeFileSync(f, 'export const f = async () => (await import("./e")).e;\n');
    expect(cycleErrors(await new ESLint({ cwd: root }).lintFiles([e, f]))).toEqual([]);
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
