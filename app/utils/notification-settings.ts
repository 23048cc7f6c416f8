// The Settings → Notifications DTO, shared by the service that builds it
// (app/services/notifications/channels.server.ts) and the card that shows it (components can't import
// .server modules). Plain strings, numbers and ISO dates; Slack URLs arrive already masked.

export interface NotificationChannelDto {
  id: string;
  kind: string;
  label: string | null;
  /** Email address, or the masked Slack webhook URL. */
  target: string;
  minSeverity: string;
  dailyDigest: boolean;
  enabled: boolean;
  lastError: string | null;
  lastDeliveredAt: string | null;
  lastDigestDate: string | null;
  failedDeliveries: number;
  pendingDeliveries: number;
}

export interface NotificationDeliveryDto {
  id: string;
  channelId: string;
  channelName: string;
  kind: string;
  status: string;
  attempts: number;
  error: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

export interface NotificationSettingsDto {
  channels: NotificationChannelDto[];
  recent: NotificationDeliveryDto[];
  /** The SMTP server email channels use, password masked; null when email is not configured. */
  smtpServer: string | null;
  maxChannels: number;
}
