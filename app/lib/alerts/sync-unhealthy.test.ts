import { describe, expect, it } from "vitest";
import { evaluateSyncRules, type SyncFacts } from "./sync-unhealthy";

const facts = (over: Partial<SyncFacts> = {}): SyncFacts =>
  Object.freeze({ shop: "s.myshopify.com", failedWebhooks: 0, totalWebhooks: 40, windowHours: 24, backfill: null, now: "2026-01-01T12:00:00.000Z", ...over });

describe("evaluateSyncRules", () => {
  it("fires on failed webhook deliveries with the counts", () => {
    const [a] = evaluateSyncRules(facts({ failedWebhooks: 3 }));
    expect(a).toMatchObject({ type: "sync_unhealthy", severity: "warning", dedupeKey: "sync_unhealthy:webhooks", entityType: "shop" });
    expect(a.message).toBe("3 of 40 webhook deliveries failed to apply in the last 24 hours: stock and demand may be out of date. Re-process them in Settings → Sync.");
  });

  it("fires on a stalled backfill after the threshold, not at it, and critically on a failed one", () => {
    const at = (startedAt: string, failed = false) => facts({ backfill: { stage: "orders", startedAt, failed } });
    expect(evaluateSyncRules(at("2026-01-01T06:00:00.000Z"))).toEqual([]);
    const [stalled] = evaluateSyncRules(at("2026-01-01T04:30:00.000Z"));
    expect(stalled).toMatchObject({ dedupeKey: "sync_unhealthy:backfill", severity: "warning" });
    expect(stalled.message).toBe("The initial import started 7 hours ago and has not finished (stage: orders).");
    expect(evaluateSyncRules(at("2026-01-01T11:59:00.000Z", true))[0]).toMatchObject({ severity: "critical" });
  });

  it("stays quiet when healthy and rejects bad thresholds", () => {
    expect(evaluateSyncRules(facts())).toEqual([]);
    expect(() => evaluateSyncRules(facts(), { minFailedWebhooks: 0 })).toThrow(new RangeError("minFailedWebhooks must be a positive integer"));
    expect(() => evaluateSyncRules(facts(), { stalledAfterHours: 0 })).toThrow(new RangeError("stalledAfterHours must be positive"));
  });
});
