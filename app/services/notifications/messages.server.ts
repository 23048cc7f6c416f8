// The words of each notification: one alert, the daily digest, the test message. Plain text for email and
// Slack's fallback, Block Kit sections for Slack.
import { env } from "~/utils/env.server";
import type { NotificationMessage } from "./send.server";
import { severityRank } from "./targets.server";

export interface AlertForMessage {
  type: string;
  severity: string;
  message: string;
}

const SEVERITY_LABEL: Record<string, string> = { critical: "Critical", warning: "Warning", info: "Info" };
const TYPE_LABEL: Record<string, string> = {
  stockout_before_arrival: "Stockout before stock arrives",
  below_reorder_point: "Order now",
  overstock: "Overstock",
  po_overdue: "Purchase order overdue",
};

const severityLabel = (s: string) => SEVERITY_LABEL[s] ?? s;
const typeLabel = (t: string) => TYPE_LABEL[t] ?? t.replace(/_/g, " ");

/** Stockcast's Alerts screen inside the shop's Shopify admin, when the app's client id is known. */
export function alertsUrl(shop: string): string | null {
  if (env.demoMode || !env.SHOPIFY_API_KEY) return null;
  return `https://admin.shopify.com/store/${shop.replace(/\.myshopify\.com$/, "")}/apps/${env.SHOPIFY_API_KEY}/app/alerts`;
}

function withLink(text: string, url: string | null) {
  return url ? `${text}\n\nOpen Stockcast → Alerts: ${url}` : text;
}

export function alertMessage(shopName: string, alert: AlertForMessage, url: string | null): NotificationMessage {
  const subject = `[${severityLabel(alert.severity)}] ${typeLabel(alert.type)} — ${shopName}`;
  return {
    subject,
    text: withLink(alert.message, url),
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: `*${severityLabel(alert.severity)} · ${typeLabel(alert.type)}*\n${alert.message}` } },
      ...(url ? [{ type: "context", elements: [{ type: "mrkdwn", text: `<${url}|Open in Stockcast>` }] }] : []),
    ],
  };
}

/** The daily digest: counts by severity, then up to `limit` alerts, most severe first. */
export function digestMessage(shopName: string, date: string, alerts: readonly AlertForMessage[], url: string | null, limit = 25): NotificationMessage {
  const counts = ["critical", "warning", "info"].map((s) => [s, alerts.filter((a) => a.severity === s).length] as const);
  const summary = counts.map(([s, n]) => `${n} ${severityLabel(s).toLowerCase()}`).join(", ");
  const sorted = [...alerts].sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
  const lines = sorted.slice(0, limit).map((a) => `• [${severityLabel(a.severity)}] ${a.message}`);
  if (sorted.length > limit) lines.push(`…and ${sorted.length - limit} more.`);
  const subject = `Stockcast daily digest for ${shopName}, ${date}: ${alerts.length} open alert${alerts.length === 1 ? "" : "s"}`;
  const body = alerts.length === 0 ? "No open alerts. Nothing needs your attention today." : `Open alerts: ${summary}.\n\n${lines.join("\n")}`;
  return {
    subject,
    text: withLink(body, url),
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: `*Daily digest — ${date}*\n${alerts.length === 0 ? "No open alerts." : `Open alerts: ${summary}.`}` } },
      ...(lines.length > 0 ? [{ type: "section", text: { type: "mrkdwn", text: lines.join("\n").slice(0, 2900) } }] : []),
      ...(url ? [{ type: "context", elements: [{ type: "mrkdwn", text: `<${url}|Open in Stockcast>` }] }] : []),
    ],
  };
}

export function testMessage(shopName: string): NotificationMessage {
  return {
    subject: `Stockcast test notification for ${shopName}`,
    text: "This is a test from Stockcast. If you can read it, alerts will reach you here.",
  };
}
