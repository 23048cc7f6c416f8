import nodemailer from "nodemailer";
import type { Transporter } from "nodemailer";
import { env } from "~/utils/env.server";

export interface MailAttachment {
  filename: string;
  content: Buffer | string;
  contentType: string;
}

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  replyTo?: string;
  attachments?: MailAttachment[];
}

/** Raised when no SMTP server is configured; the message tells the merchant what to set. */
export class MailNotConfiguredError extends Error {
  constructor() {
    super("Email is not configured: set SMTP_URL (smtp://user:password@host:port) and restart the app.");
    this.name = "MailNotConfiguredError";
  }
}

let cached: { url: string; transporter: Transporter } | null = null;
let smtpUrlOverride: string | undefined;

/** Points outgoing mail at another SMTP server (tests start a local capture on a random port). */
export function useSmtpServer(url: string | undefined): void {
  smtpUrlOverride = url;
}

function transporterFor(url: string): Transporter {
  // Short timeouts: a merchant waits on "Send to vendor", and a hung server must fail fast and retryably.
  if (cached?.url !== url) {
    const u = new URL(url);
    const secure = u.protocol === "smtps:";
    cached = {
      url,
      transporter: nodemailer.createTransport({
        host: u.hostname,
        port: u.port ? Number(u.port) : secure ? 465 : 587,
        secure,
        auth: u.username ? { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } : undefined,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 20_000,
      }),
    };
  }
  return cached.transporter;
}

/**
 * Sends one email through SMTP_URL (the demo and the tests point it at a local smtp-server capture,
 * so the same code path runs everywhere). Throws MailNotConfiguredError without SMTP_URL.
 * `smtpUrl` lets a caller (a per-shop channel) pass its own server.
 */
export async function sendMail(mail: OutgoingMail, smtpUrl: string | undefined = smtpUrlOverride ?? env.SMTP_URL): Promise<{ messageId: string }> {
  if (!smtpUrl) throw new MailNotConfiguredError();
  const info = await transporterFor(smtpUrl).sendMail({ from: env.MAIL_FROM, ...mail });
  return { messageId: String(info.messageId) };
}

/** Hides the password of an smtp:// URL for display and logs. */
export function maskSmtpUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:••••@");
}
