import { describe, expect, it } from "vitest";
import { displayTarget, maskSlackUrl, safeErrorMessage, severitiesAtLeast, slackUrlProblem } from "./targets";

const SLACK = "https://hooks.slack.com/services/T0ABCDEF/B0GHIJKL/abcdEFGHijklMNOPqrst1234";

describe("channel targets", () => {
  it("masks a Slack webhook URL down to its workspace and channel prefixes", () => {
    expect(maskSlackUrl(SLACK)).toBe("https://hooks.slack.com/services/T0…/B0…/••••");
    expect(maskSlackUrl("http://127.0.0.1:8080/services/T1/B2/secret")).toBe("http://127.0.0.1:8080/services/T1…/B2…/••••");
    expect(maskSlackUrl("https://hooks.slack.com/other/secret")).toBe("https://hooks.slack.com/••••");
    expect(maskSlackUrl("not a url")).toBe("••••");
    expect(displayTarget("slack", SLACK)).not.toContain("abcdEFGH");
    expect(displayTarget("email", "ops@example.com")).toBe("ops@example.com");
  });

  it("masks the whole webhook path in error messages", () => {
    expect(safeErrorMessage(new Error(`fetch failed for ${SLACK}`), [SLACK])).toBe("fetch failed for https://hooks.slack.com/••••");
    expect(safeErrorMessage(`POST ${SLACK}/extra failed`, [])).toBe("POST https://hooks.slack.com/•••• failed");
    expect(safeErrorMessage(`bad host HOOKS.slack.com/services/T0ABCDEF/B0GHIJKL/x`, [])).toBe("bad host hooks.slack.com/••••");
    const local = "http://127.0.0.1:8080/services/T1/B2/secret";
    expect(safeErrorMessage(new Error(`connect ECONNREFUSED ${local}`), [local])).toBe("connect ECONNREFUSED http://127.0.0.1:8080/••••");
    expect(safeErrorMessage("x".repeat(900), []).length).toBe(500);
  });

  it("accepts only Slack's incoming-webhook URLs, and local stand-ins only when allowed", () => {
    expect(slackUrlProblem(SLACK, false)).toBeNull();
    expect(slackUrlProblem("http://hooks.slack.com/services/T/B/x", false)).toMatch(/^This is not a Slack incoming-webhook URL/);
    expect(slackUrlProblem("https://hooks.slack.com.evil.example/services/T/B/x", false)).toMatch(/^This is not a Slack/);
    expect(slackUrlProblem("https://user:pw@hooks.slack.com/services/T/B/x", false)).toBe("The Slack webhook URL must not contain a user name or password.");
    expect(slackUrlProblem("hooks.slack.com/services/T/B/x", false)).toBe("Enter the full Slack webhook URL, starting with https://hooks.slack.com/services/.");
    expect(slackUrlProblem("http://127.0.0.1:9999/services/T/B/x", false)).toMatch(/^This is not a Slack/);
    expect(slackUrlProblem("http://127.0.0.1:9999/services/T/B/x", true)).toBeNull();
    expect(slackUrlProblem("http://10.0.0.5/hook", true)).toMatch(/^This is not a Slack/);
  });

  it("orders severities: a minimum includes everything more severe", () => {
    expect(severitiesAtLeast("critical")).toEqual(["critical"]);
    expect(severitiesAtLeast("warning")).toEqual(["critical", "warning"]);
    expect(severitiesAtLeast("info")).toEqual(["critical", "warning", "info"]);
  });
});
