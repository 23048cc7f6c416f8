// Sends one message to one channel: email through the app's SMTP server (nodemailer), Slack as a JSON POST
// to the channel's incoming webhook. Errors come back with the webhook URL masked, so they can be stored
// and shown in Settings.
import { maskSmtpUrl, sendMail } from "~/utils/mailer.server";
import { safeErrorMessage } from "./targets.server";

export interface ChannelTarget {
  kind: string;
  target: string;
}

export interface NotificationMessage {
  /** Email subject; Slack's first line. */
  subject: string;
  /** Plain-text body (email) and Slack fallback text. */
  text: string;
  /** Slack Block Kit blocks (optional). */
  blocks?: unknown[];
}

/** A send that did not go through; `message` never contains a secret. */
export class NotificationSendError extends Error {
  override name = "NotificationSendError";
}

const SLACK_TIMEOUT_MS = 10_000;

export async function sendToChannel(channel: ChannelTarget, message: NotificationMessage): Promise<void> {
  try {
    if (channel.kind === "email") {
      await sendMail({ to: channel.target, subject: message.subject, text: message.text });
      return;
    }
    if (channel.kind === "slack") {
      const response = await fetch(channel.target, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ text: `${message.subject}\n${message.text}`, ...(message.blocks ? { blocks: message.blocks } : {}) }),
        signal: AbortSignal.timeout(SLACK_TIMEOUT_MS),
        redirect: "error",
      });
      if (!response.ok) {
        const body = (await response.text().catch(() => "")).slice(0, 200).trim();
        throw new Error(`Slack answered ${response.status}${body ? `: ${body}` : ""}`);
      }
      return;
    }
    throw new Error(`Unknown channel kind "${channel.kind}"`);
  } catch (error) {
    const reason = error instanceof Error && error.name === "TimeoutError" ? `Slack did not answer within ${SLACK_TIMEOUT_MS / 1000} s` : error;
    // Slack URLs and any smtp://user:password@ the transport may echo are masked before the message is kept.
    throw new NotificationSendError(maskSmtpUrl(safeErrorMessage(reason, [channel.target])));
  }
}
