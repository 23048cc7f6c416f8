// The Settings → Sync health DTO, shared by the service that builds it and the card that shows it
// (components can't import .server modules). Plain numbers, strings and ISO dates.
export interface SyncHealth {
  windowHours: number;
  webhooks: {
    received: number;
    processed: number;
    failed: number;
    total: number;
    recentFailures: { id: string; webhookId: string; topic: string; error: string | null; attempts: number; receivedAt: string }[];
  };
  jobs: {
    queued: number;
    running: number;
    failed: number;
    recent: { id: string; name: string; status: string; attempts: number; maxAttempts: number; lastError: string | null; runAt: string; createdAt: string }[];
  };
  status: "ok" | "attention";
  /** The shop's time zone was refused at sync or is unknown here, so local days count in another zone. */
  timeZoneWarning: string | null;
}
