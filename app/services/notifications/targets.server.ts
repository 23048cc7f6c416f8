// The environment-dependent part of channel targets: whether a local endpoint may stand in for Slack.
import { env } from "~/utils/env.server";
import { slackUrlProblem as problemFor } from "./targets";

export { CHANNEL_KINDS, displayTarget, maskSlackUrl, safeErrorMessage, SEVERITIES, severitiesAtLeast, severityRank, type ChannelKind, type Severity } from "./targets";

/** Outside production (tests, development) and in demo mode a local http endpoint may stand in for Slack. */
export function localSlackAllowed(): boolean {
  return env.NODE_ENV !== "production" || env.demoMode;
}

/** null when `url` is an acceptable Slack incoming-webhook URL in this environment, else a message. */
export function slackUrlProblem(url: string): string | null {
  return problemFor(url, localSlackAllowed());
}
