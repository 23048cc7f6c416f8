// Errors and logs never carry a Slack webhook path: the whole path is the secret's neighbourhood (workspace,
// channel and token), so only the origin survives, e.g. "https://hooks.slack.com/••••".
const SLACK_URL = /(?:https?:\/\/)?hooks\.slack(?:-gov)?\.com\/[^\s"'<>)]*/gi;

/** `url` reduced to its origin and a mask; "••••" when it is not a URL. */
export function maskUrlPath(url: string): string {
  try {
    return `${new URL(url).origin}/••••`;
  } catch {
    return "••••";
  }
}

/** Every Slack webhook URL in `text`, and each of `secrets` (e.g. a channel's own URL), masked whole. */
export function maskSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) if (secret) out = out.split(secret).join(maskUrlPath(secret));
  return out.replace(SLACK_URL, (m) => (m.toLowerCase().startsWith("http") ? maskUrlPath(m) : "hooks.slack.com/••••"));
}

/** A pino `formatters.log`: masks secrets in string fields (one level of nesting is enough for our log lines). */
export function maskLogFields(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value === "string") out[key] = maskSecrets(value);
    else if (value && typeof value === "object" && !Array.isArray(value))
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typeof v === "string" ? maskSecrets(v) : v]));
    else out[key] = value;
  }
  return out;
}
