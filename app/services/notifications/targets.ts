// Where a channel sends, and how its target is shown (pure; the environment-dependent part is in
// targets.server.ts): email addresses are shown as entered; a Slack
// incoming-webhook URL is a secret (anyone holding it can post to the channel) and is only ever shown
// masked. Severity order is defined once here.
import { maskSecrets } from "~/utils/mask-secrets";

export const SEVERITIES = ["critical", "warning", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];
export const CHANNEL_KINDS = ["email", "slack"] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

const RANK: Record<Severity, number> = { critical: 0, warning: 1, info: 2 };

/** The severities a channel with minimum `min` receives: "warning" → critical and warning. */
export function severitiesAtLeast(min: string): Severity[] {
  const limit = RANK[min as Severity] ?? RANK.critical;
  return SEVERITIES.filter((s) => RANK[s] <= limit);
}

export function severityRank(severity: string): number {
  return RANK[severity as Severity] ?? 3;
}

/**
 * null when `url` is an acceptable Slack incoming-webhook URL, else a message for the merchant. Slack webhooks
 * are https://hooks.slack.com/services/T…/B…/secret; with `allowLocal` (tests, development, demo) a local
 * http://127.0.0.1 or http://localhost endpoint stands in for Slack.
 */
export function slackUrlProblem(url: string, allowLocal: boolean): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "Enter the full Slack webhook URL, starting with https://hooks.slack.com/services/.";
  }
  if (parsed.username || parsed.password) return "The Slack webhook URL must not contain a user name or password.";
  if (parsed.protocol === "https:" && parsed.hostname === "hooks.slack.com" && /^\/services\/[^/]+\/[^/]+\/[^/]+$/.test(parsed.pathname)) return null;
  if (allowLocal && parsed.protocol === "http:" && (parsed.hostname === "127.0.0.1" || parsed.hostname === "localhost")) return null;
  return "This is not a Slack incoming-webhook URL. In Slack, add the Incoming Webhooks app and copy the URL that starts with https://hooks.slack.com/services/.";
}

/**
 * A Slack webhook URL for display: origin, the first path segments' first two characters, the rest hidden,
 * e.g. https://hooks.slack.com/services/T0…/B0…/•••• . Never reveals the final (secret) segment.
 */
export function maskSlackUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const parts = parsed.pathname.split("/").filter(Boolean);
    if (parts[0] === "services" && parts.length >= 2) {
      const ids = parts.slice(1, -1).map((p) => `${p.slice(0, 2)}…`);
      return `${parsed.origin}/services/${[...ids, "••••"].join("/")}`;
    }
    return `${parsed.origin}/••••`;
  } catch {
    return "••••";
  }
}

/** What Settings shows for a channel's target. */
export function displayTarget(kind: string, target: string): string {
  return kind === "slack" ? maskSlackUrl(target) : target;
}

/**
 * Masks the whole path of any webhook URL a transport error may echo (the channel's own, any Slack one),
 * and bounds the length: errors are stored, shown in Settings and logged.
 */
export function safeErrorMessage(error: unknown, secrets: readonly string[]): string {
  return maskSecrets(error instanceof Error ? error.message : String(error), secrets).slice(0, 500);
}
