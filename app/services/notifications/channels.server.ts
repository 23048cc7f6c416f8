// Settings → Notifications use cases: the channel list as a DTO (Slack URLs masked, never the full secret),
// add / edit / delete with an audit entry (targets masked there too), and "Send test".
import { recordAudit } from "~/models/audit.server";
import {
  countOpenDeliveriesByChannel,
  createChannel,
  createDelivery,
  deleteChannel as deleteChannelRow,
  findChannel,
  listChannels,
  listRecentDeliveries,
  updateChannel,
  type ChannelWrite,
} from "~/models/notifications.server";
import { inTransaction } from "~/models/transaction.server";
import { env } from "~/utils/env.server";
import { maskSmtpUrl } from "~/utils/mailer.server";
import { sendDelivery } from "./delivery.server";
import type { NotificationSettingsDto } from "~/utils/notification-settings";
import { displayTarget, slackUrlProblem, type ChannelKind, type Severity } from "./targets.server";

export type { NotificationChannelDto, NotificationDeliveryDto, NotificationSettingsDto } from "~/utils/notification-settings";

/** Channels per shop: enough for a team, small enough for one card. */
export const MAX_CHANNELS = 10;

export interface ChannelInput {
  kind: ChannelKind;
  label: string | null;
  /** null on edit: keep the stored target (the Slack URL is never sent back to the browser). */
  target: string | null;
  minSeverity: Severity;
  dailyDigest: boolean;
  enabled: boolean;
}

/** A merchant-readable problem with a channel change; `field` names the form field. */
export class ChannelInputError extends Error {
  override name = "ChannelInputError";
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export class ChannelNotFoundError extends Error {
  override name = "ChannelNotFoundError";
  constructor() {
    super("This notification channel no longer exists. Reload the page.");
  }
}

const channelName = (c: { kind: string; label: string | null; target: string }) => c.label || displayTarget(c.kind, c.target);

/** What an audit entry keeps of a channel: everything but the secret. */
function auditView(c: ChannelWrite) {
  return { kind: c.kind, label: c.label, target: displayTarget(c.kind, c.target), minSeverity: c.minSeverity, dailyDigest: c.dailyDigest, enabled: c.enabled };
}

export async function getNotificationSettings(shop: string): Promise<NotificationSettingsDto> {
  const [channels, recent, counts] = await Promise.all([listChannels(shop), listRecentDeliveries(shop, 15), countOpenDeliveriesByChannel(shop)]);
  const byId = new Map(channels.map((c) => [c.id, c]));
  return {
    channels: channels.map((c) => ({
      id: c.id,
      kind: c.kind,
      label: c.label,
      target: displayTarget(c.kind, c.target),
      minSeverity: c.minSeverity,
      dailyDigest: c.dailyDigest,
      enabled: c.enabled,
      lastError: c.lastError,
      lastDeliveredAt: c.lastDeliveredAt?.toISOString() ?? null,
      lastDigestDate: c.lastDigestDate,
      failedDeliveries: counts.get(`${c.id}|failed`) ?? 0,
      pendingDeliveries: counts.get(`${c.id}|pending`) ?? 0,
    })),
    recent: recent.map((d) => {
      const c = byId.get(d.channelId);
      return {
        id: d.id,
        channelId: d.channelId,
        channelName: c ? channelName(c) : "Deleted channel",
        kind: d.kind,
        status: d.status,
        attempts: d.attempts,
        error: d.error,
        createdAt: d.createdAt.toISOString(),
        deliveredAt: d.deliveredAt?.toISOString() ?? null,
      };
    }),
    smtpServer: env.SMTP_URL ? maskSmtpUrl(env.SMTP_URL) : null,
    maxChannels: MAX_CHANNELS,
  };
}

function checkTarget(kind: ChannelKind, target: string) {
  if (kind === "slack") {
    const problem = slackUrlProblem(target);
    if (problem) throw new ChannelInputError("target", problem);
  }
}

/** Adds a channel (no `id`) or changes one; audited with the target masked. Returns the channel id. */
export async function saveChannel(shop: string, actor: string, input: ChannelInput, id?: string): Promise<string> {
  return inTransaction(async (tx) => {
    if (!id) {
      if (!input.target) throw new ChannelInputError("target", input.kind === "slack" ? "Paste the Slack webhook URL." : "Enter an email address.");
      checkTarget(input.kind, input.target);
      if ((await listChannels(shop, tx)).length >= MAX_CHANNELS)
        throw new ChannelInputError("form", `A shop can have at most ${MAX_CHANNELS} notification channels. Delete one you no longer use first.`);
      const data: ChannelWrite = { ...input, target: input.target };
      const row = await createChannel(shop, data, tx);
      await recordAudit(shop, { actor, action: "notification_channel.created", entityType: "notification_channel", entityId: row.id, before: null, after: auditView(data) }, tx);
      return row.id;
    }
    const existing = await findChannel(shop, id, tx);
    if (!existing) throw new ChannelNotFoundError();
    if (!input.target && input.kind !== existing.kind)
      throw new ChannelInputError("target", input.kind === "slack" ? "Paste the Slack webhook URL for this channel." : "Enter an email address for this channel.");
    const target = input.target ?? existing.target;
    checkTarget(input.kind, target);
    const before: ChannelWrite = { kind: existing.kind as ChannelKind, label: existing.label, target: existing.target, minSeverity: existing.minSeverity as Severity, dailyDigest: existing.dailyDigest, enabled: existing.enabled };
    const after: ChannelWrite = { ...input, target };
    // A new target gets a clean slate: the old error described the old address.
    await updateChannel(shop, id, { ...after, ...(target !== existing.target ? { lastError: null } : {}) }, tx);
    await recordAudit(shop, { actor, action: "notification_channel.updated", entityType: "notification_channel", entityId: id, before: auditView(before), after: auditView(after) }, tx);
    return id;
  });
}

export async function removeChannel(shop: string, actor: string, id: string): Promise<void> {
  await inTransaction(async (tx) => {
    const existing = await findChannel(shop, id, tx);
    if (!existing) throw new ChannelNotFoundError();
    await deleteChannelRow(shop, id, tx);
    await recordAudit(
      shop,
      { actor, action: "notification_channel.deleted", entityType: "notification_channel", entityId: id, before: auditView(existing as ChannelWrite), after: null },
      tx,
    );
  });
}

/** Sends a test message now (no retries) and reports the outcome; the channel's last delivery/error follow it. */
export async function sendTestNotification(shop: string, actor: string, id: string, now = new Date()): Promise<{ ok: true } | { ok: false; error: string }> {
  const channel = await findChannel(shop, id);
  if (!channel) throw new ChannelNotFoundError();
  const delivery = await createDelivery(shop, id, "test");
  await recordAudit(shop, { actor, action: "notification_channel.tested", entityType: "notification_channel", entityId: id, before: null, after: { deliveryId: delivery.id } });
  try {
    await sendDelivery(shop, delivery.id, now);
    return { ok: true };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
