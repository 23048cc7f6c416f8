import { type AlertCandidate } from "./rules";

/** Sync facts of one shop (see app/services/sync/health.server.ts). */
export interface SyncFacts {
  readonly shop: string;
  /** Webhook deliveries that failed to apply in the window. */
  readonly failedWebhooks: number;
  /** Webhook deliveries in the window. */
  readonly totalWebhooks: number;
  readonly windowHours: number;
  /** The unfinished backfill, if any: when it started (ISO), its stage, and whether it ended failed. */
  readonly backfill: { readonly stage: string; readonly startedAt: string; readonly failed: boolean } | null;
  /** "now" as an ISO instant (the library reads no clock). */
  readonly now: string;
}

export interface SyncRuleOptions {
  /** Failed deliveries that raise the alert. Default 1 (any failure: each is lost demand or stock data). */
  readonly minFailedWebhooks?: number;
  /** Hours an unfinished backfill may run before it counts as stalled. Default 6 (a large shop's import takes hours). */
  readonly stalledAfterHours?: number;
}

/**
 * sync_unhealthy (warning; critical when the backfill failed): webhook deliveries failed to apply in the
 * health window (at least `minFailedWebhooks`), or the initial import (backfill) is still unfinished more than
 * `stalledAfterHours` after it started (or ended failed). Two conditions, two dedupe keys, so fixing one resolves its alert.
 * @throws RangeError "minFailedWebhooks must be a positive integer", "stalledAfterHours must be positive"
 * @example evaluateSyncRules({ shop: "s", failedWebhooks: 3, totalWebhooks: 40, windowHours: 24, backfill: null, now: "2026-01-01T00:00:00Z" })
 * // [{ type: "sync_unhealthy", dedupeKey: "sync_unhealthy:webhooks", message: "3 of 40 webhook deliveries failed to apply in the last 24 hours …" }]
 */
export function evaluateSyncRules(facts: SyncFacts, options: SyncRuleOptions = {}): AlertCandidate[] {
  const minFailed = options.minFailedWebhooks ?? 1;
  const stalledAfter = options.stalledAfterHours ?? 6;
  if (!Number.isInteger(minFailed) || minFailed < 1) throw new RangeError("minFailedWebhooks must be a positive integer");
  if (!(stalledAfter > 0)) throw new RangeError("stalledAfterHours must be positive");
  const out: AlertCandidate[] = [];
  const scope = { entityType: "shop", entityId: facts.shop } as const;
  if (facts.failedWebhooks >= minFailed) {
    out.push({
      type: "sync_unhealthy",
      severity: "warning",
      dedupeKey: "sync_unhealthy:webhooks",
      entityType: "shop",
      entityId: facts.shop,
      muteScope: scope,
      data: { failedWebhooks: facts.failedWebhooks, totalWebhooks: facts.totalWebhooks, windowHours: facts.windowHours },
      message: `${facts.failedWebhooks} of ${facts.totalWebhooks} webhook deliveries failed to apply in the last ${facts.windowHours} hours: stock and demand may be out of date. Re-process them in Settings → Sync.`,
    });
  }
  if (facts.backfill) {
    const idleHours = (Date.parse(facts.now) - Date.parse(facts.backfill.startedAt)) / 3_600_000;
    if (facts.backfill.failed || idleHours > stalledAfter) {
      out.push({
        type: "sync_unhealthy",
        severity: facts.backfill.failed ? "critical" : "warning",
        dedupeKey: "sync_unhealthy:backfill",
        entityType: "shop",
        entityId: facts.shop,
        muteScope: scope,
        data: { stage: facts.backfill.stage, hoursRunning: Math.round(idleHours * 10) / 10, failed: facts.backfill.failed ? 1 : 0 },
        message: facts.backfill.failed
          ? `The initial import failed at the ${facts.backfill.stage} stage: history is incomplete. Restart it in Settings → Sync.`
          : `The initial import started ${Math.floor(idleHours)} hours ago and has not finished (stage: ${facts.backfill.stage}).`,
      });
    }
  }
  return out;
}
