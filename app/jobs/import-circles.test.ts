// The lint rule that keeps import circles out of app/ (eslint.config.js, import/no-cycle) must really fire:
// without the TypeScript parser setting it silently checked nothing. Two probe modules that import each
// other are linted with the project's own configuration (`npm run lint` checks the real modules; the circle
// jobs → services → shopify.server → jobs is gone).
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
});
