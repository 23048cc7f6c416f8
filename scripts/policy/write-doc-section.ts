/**
 * Replaces the "## Policy simulation" section of docs/benchmarks.md with a header, the reproducing
 * commands and the bench output read from stdin; creates the file with both sections if absent.
 *   npm run -s bench:policy -- --input <csv> | npx tsx scripts/policy/write-doc-section.ts docs/benchmarks.md notes.md
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";

const [docPath, notesPath] = process.argv.slice(2);
if (!docPath) throw new Error("usage: write-doc-section.ts <benchmarks.md> [notes.md]");
const table = readFileSync(0, "utf8").trim();
const notes = notesPath ? readFileSync(notesPath, "utf8").trim() : "";
const HEADING = "## Policy simulation";
const section = [HEADING, "", notes, "", table, ""].join("\n");
const skeleton = "# Benchmarks\n\n## Forecast accuracy and speed\n\n(see the forecasting library's benchmark)\n\n" + HEADING + "\n";
const doc = existsSync(docPath) ? readFileSync(docPath, "utf8") : skeleton;
const start = doc.indexOf(HEADING);
let out: string;
if (start < 0) out = `${doc.trimEnd()}\n\n${section}`;
else {
  const next = doc.indexOf("\n## ", start + HEADING.length);
  out = doc.slice(0, start) + section + (next < 0 ? "" : `\n${doc.slice(next + 1)}`);
}
writeFileSync(docPath, out.endsWith("\n") ? out : `${out}\n`);
