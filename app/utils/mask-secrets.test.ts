import { Writable } from "node:stream";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { maskLogFields, maskSecrets, maskUrlPath } from "./mask-secrets";

const SLACK = "https://hooks.slack.com/services/T0ABCDEF/B0GHIJKL/abcdEFGHijklMNOPqrst1234";

describe("masking secrets in errors and logs", () => {
  it("keeps only the origin of a Slack webhook URL", () => {
    expect(maskUrlPath(SLACK)).toBe("https://hooks.slack.com/••••");
    expect(maskUrlPath("not a url")).toBe("••••");
    expect(maskSecrets(`Failed to parse URL from ${SLACK} (400)`)).toBe("Failed to parse URL from https://hooks.slack.com/•••• (400)");
    expect(maskSecrets("no secret here")).toBe("no secret here");
  });

  it("masks Slack URLs in string fields of a pino log line (and one level down)", () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk: Buffer, _enc, done) => (lines.push(chunk.toString()), done()) });
    const log = pino({ formatters: { log: maskLogFields } }, sink);
    log.error({ kind: "job", error: `fetch failed: ${SLACK}`, detail: { url: SLACK }, n: 3 });
    expect(lines.join("")).not.toContain("T0ABCDEF");
    expect(JSON.parse(lines[0])).toMatchObject({ error: "fetch failed: https://hooks.slack.com/••••", detail: { url: "https://hooks.slack.com/••••" }, n: 3 });
  });
});
