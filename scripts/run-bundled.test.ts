// The bundled CLI runner: `npm run forecast` runs the same code as the TypeScript sources, and a changed
// source is rebuilt before the next run (never a stale bundle).
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runForecast } from "./forecast/run";

const run = (...args: string[]) => execFileSync(process.execPath, ["scripts/run-bundled.mjs", ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

describe("run-bundled", () => {
  const tag = crypto.randomUUID().slice(0, 8);
  const entry = `scripts/zz-bundled-${tag}.ts`;
  const helper = `scripts/zz-bundled-${tag}-value.ts`;
  afterAll(() => {
    const cached = path.join("node_modules", ".cache", "stockcast-cli", entry.replace(/[^A-Za-z0-9]+/g, "_"));
    for (const f of [entry, helper, `${cached}.mjs`, `${cached}.inputs.json`]) rmSync(f, { force: true });
  });

  it("runs the forecast CLI with the output of the TypeScript sources", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "stockcast-bundled-"));
    const input = path.join(dir, "h.csv");
    const rows = ["series_id,date,qty"];
    for (const id of ["a", "b"]) for (let d = 0; d < 120; d++) rows.push(`${id},${new Date(Date.UTC(2026, 0, 1 + d)).toISOString().slice(0, 10)},${(d * (id === "a" ? 3 : 7)) % 5}`);
    writeFileSync(input, rows.join("\n") + "\n");
    run("scripts/forecast.ts", "--input", input, "--horizon", "14", "--out", path.join(dir, "bundled.csv"), "--levels", "0.9,0.99");
    await runForecast({ input, horizon: 14, out: path.join(dir, "sources.csv"), holdout: 0, detectClosed: true, levels: [{ p: 0.9, label: "0.9" }, { p: 0.99, label: "0.99" }] });
    const bundled = readFileSync(path.join(dir, "bundled.csv"), "utf8");
    expect(bundled.split("\n").length).toBe(2 * 14 + 2);
    expect(bundled).toBe(readFileSync(path.join(dir, "sources.csv"), "utf8"));
  });

  it("rebuilds when a file the bundle was built from changes", () => {
    writeFileSync(helper, "export const value = 1;\n");
    writeFileSync(entry, `import { value } from "./zz-bundled-${tag}-value";\nconsole.log(value, process.argv.slice(2).join(" "));\n`);
    expect(run(entry, "x", "y").trim()).toBe("1 x y");
    writeFileSync(helper, "export const value = 2;\n");
    // a later mtime than the bundle's, even on a file system with coarse timestamps
    const later = new Date(Date.now() + 5_000);
    utimesSync(helper, later, later);
    expect(run(entry).trim()).toBe("2");
  });
});
