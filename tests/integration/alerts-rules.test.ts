// The remaining alert rules through evaluateAlerts on a real database: stocked out now, dead stock, demand
// anomaly, vendor reliability, sync health; dedupe, auto-resolve, mutes (audited) and shop isolation; and the
// re-evaluation after a webhook is applied (a failure there never fails the webhook).
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { createLevel, createStore, createVariant, demandDays } from "../factories";
import { evaluateAlerts } from "~/services/alerts/evaluate.server";
import { getAlerts, getMutes, muteAlerts, snoozeUntilDate, unmute } from "~/services/alerts/inbox.server";
import { planShop } from "~/services/planning/plan-shop.server";
import { JOB, registerJobs } from "~/jobs/index.server";
import { createJobQueue } from "~/jobs/queue.server";
import { listJobSummaries } from "~/models/jobs.server";
import { processWebhookEvent } from "~/services/sync/process-webhook.server";
import { addDays } from "~/lib/time";
import { createManyInSlices } from "../setup/bulk-insert";
import { planShops } from "../setup/plan-shops";

const NOW = new Date("2026-11-22T15:00:00Z");
const TODAY = "2026-11-22";
const DAY = 86_400_000;
const NONE = { flow: { kind: "none" } } as const;

/** A variant selling 5 a day with plenty on hand (no stock alert), planned at NOW. */
async function seedShop(label: string, options: { onHand?: number } = {}) {
  const { shop, location, vendor, product } = await createStore(label, {
    shop: { currencyCode: "EUR" },
    location: { shopifyId: "gid://shopify/Location/78412305521", name: "Main" },
    vendor: { statedLeadTimeDays: 10 },
  });
  const variant = await createVariant(shop, product.id, 1, { title: "Default Title", unitCost: "10", inventoryItemId: "gid://shopify/InventoryItem/47380000000037" });
  await createLevel(shop, variant.id, location.id, options.onHand ?? 150);
  await prisma.demandDay.createMany({ data: demandDays(shop, variant.id, location.id, { until: TODAY, days: 90, units: 5 }) });
  return { shop, variant, location, vendor, product };
}

const alertsOf = (shop: string, type?: string) => prisma.alert.findMany({ where: { shop, ...(type ? { type } : {}) }, orderBy: { firstSeenAt: "asc" } });

describe("alert rules through evaluateAlerts", () => {
  it("stocked_out_now follows current stock after the plan: raised once, updated, resolved", async () => {
    const a = await seedShop("so-now");
    const b = await seedShop("so-other");
    await planShops([a.shop, b.shop], { now: NOW });
    expect(await alertsOf(a.shop, "stocked_out_now")).toEqual([]);

    await prisma.inventoryLevel.updateMany({ where: { shop: a.shop }, data: { available: 0, onHand: 0 } });
    await evaluateAlerts(a.shop, NOW, NONE);
    const [raised] = await alertsOf(a.shop, "stocked_out_now");
    expect(raised).toMatchObject({ severity: "critical", status: "open", dedupeKey: `stocked_out_now:${a.variant.id}|${a.location.id}` });
    expect(raised.message).toBe("Tent at Main: out of stock (0 available) while about 5 units a day are expected to sell.");
    // One alert for the line: the plan (made with 150 on hand) suggests no order, so there is no "order now"
    // alert until the re-plan that follows every stock change; nor a retired stockout_before_arrival one.
    expect((await alertsOf(a.shop)).map((x) => x.type)).toEqual(["stocked_out_now"]);

    await prisma.inventoryLevel.updateMany({ where: { shop: a.shop }, data: { available: -2 } });
    await evaluateAlerts(a.shop, new Date(NOW.getTime() + 3_600_000), NONE);
    const again = await alertsOf(a.shop, "stocked_out_now");
    expect(again).toHaveLength(1);
    expect(again[0].id).toBe(raised.id);
    expect(again[0].message).toContain("(-2 available)");

    await prisma.inventoryLevel.updateMany({ where: { shop: a.shop }, data: { available: 150, onHand: 150 } });
    await evaluateAlerts(a.shop, NOW, NONE);
    expect((await alertsOf(a.shop, "stocked_out_now"))[0].status).toBe("resolved");
    expect(await prisma.alert.count({ where: { shop: b.shop } })).toBe(0);
  });

  it("dead_stock: no sale for deadStockDays with value above the minimum, with the markdown", async () => {
    const a = await seedShop("dead");
    // Sales stopped 120 days ago.
    await prisma.demandDay.deleteMany({ where: { shop: a.shop } });
    await prisma.demandDay.createMany({ data: Array.from({ length: 60 }, (_, i) => ({ shop: a.shop, variantId: a.variant.id, locationId: a.location.id, date: addDays(TODAY, -120 - i), units: 2 })) });
    await prisma.inventoryLevel.updateMany({ where: { shop: a.shop }, data: { onHand: 40, available: 40 } });
    await prisma.shop.update({ where: { shop: a.shop }, data: { deadStockDays: 90, deadStockMinValue: "300" } });
    await planShop(a.shop, { now: NOW });
    const [dead] = await alertsOf(a.shop, "dead_stock");
    expect(dead).toMatchObject({ severity: "warning", status: "open", entityId: `${a.variant.id}|${a.location.id}` });
    expect(dead.message).toBe("Tent at Main: 40 units (EUR 400.00 at cost) have not sold for 120 days. Mark down 30% or return to the vendor.");

    // Raising the minimum value above the stock's value clears the condition.
    await prisma.shop.update({ where: { shop: a.shop }, data: { deadStockMinValue: "401" } });
    await evaluateAlerts(a.shop, NOW, NONE);
    expect((await alertsOf(a.shop, "dead_stock"))[0].status).toBe("resolved");
  });

  it("demand_anomaly: a day far above the forecast band is a spike, one alert per series, resolved when back inside", async () => {
    const a = await seedShop("anomaly");
    await planShop(a.shop, { now: NOW });
    const tomorrow = new Date(NOW.getTime() + DAY);
    await prisma.demandDay.create({ data: { shop: a.shop, variantId: a.variant.id, locationId: a.location.id, date: TODAY, units: 60 } });
    await evaluateAlerts(a.shop, tomorrow, NONE);
    await evaluateAlerts(a.shop, tomorrow, NONE);
    const spikes = await alertsOf(a.shop, "demand_anomaly");
    expect(spikes).toHaveLength(1);
    expect(spikes[0]).toMatchObject({ severity: "info", status: "open" });
    expect(spikes[0].message).toMatch(/^Tent at Main: 60 units sold on 2026-11-22, far above the forecast of 5 \(95% range [\d.]+–[\d.]+\)\.$/);

    await prisma.demandDay.updateMany({ where: { shop: a.shop, date: TODAY }, data: { units: 5 } });
    await evaluateAlerts(a.shop, tomorrow, NONE);
    expect((await alertsOf(a.shop, "demand_anomaly"))[0].status).toBe("resolved");
  });

  it("demand_anomaly at scale: the band is read in SQL per series (> 500 lines), spikes and collapses raised, stocked-out days spared; updates and resolves in bulk", async () => {
    const a = await seedShop("anomaly-many");
    const second = await prisma.location.create({ data: { shop: a.shop, shopifyId: "gid://shopify/Location/2", name: "Annex" } });
    const products = await prisma.product.createManyAndReturn({
      data: Array.from({ length: 259 }, (_, i) => ({ shop: a.shop, shopifyId: `gid://shopify/Product/${100 + i}`, title: `Lamp ${i}`, vendorId: a.vendor.id })),
      select: { id: true },
    });
    const extra = await prisma.variant.createManyAndReturn({
      data: products.map((p, i) => ({ shop: a.shop, shopifyId: `gid://shopify/ProductVariant/${100 + i}`, productId: p.id, title: "Default Title", unitCost: "10" })),
      select: { id: true },
    });
    const variants = [a.variant.id, ...extra.map((v) => v.id)];
    const series = variants.flatMap((variantId) => [a.location.id, second.id].map((locationId) => ({ variantId, locationId })));
    expect(series.length).toBeGreaterThan(500);
    await prisma.inventoryLevel.createMany({ data: series.filter((s) => s.variantId !== a.variant.id || s.locationId !== a.location.id).map((s) => ({ shop: a.shop, ...s, onHand: 150, available: 150 })) });
    await createManyInSlices(
      (args) => prisma.demandDay.createMany(args),
      series.filter((s) => s.variantId !== a.variant.id || s.locationId !== a.location.id).flatMap((s) => Array.from({ length: 35 }, (_, i) => ({ shop: a.shop, ...s, date: addDays(TODAY, -1 - i), units: 5 }))),
    );
    await planShop(a.shop, { now: NOW });
    const run = await prisma.planRun.findFirstOrThrow({ where: { shop: a.shop, status: "complete" } });
    expect(await prisma.forecast.count({ where: { shop: a.shop, planRunId: run.id } })).toBe(series.length);

    // Yesterday (seen from tomorrow): spikes on series 0 and 300, collapses (0 sold) on 7 and 401, 402 sold 0 but was stocked out.
    const [spikeA, spikeB, dropA, dropB, stockedOut] = [series[0], series[300], series[7], series[401], series[402]];
    const day = (s: { variantId: string; locationId: string }, units: number) => ({ shop: a.shop, ...s, date: TODAY, units });
    await prisma.demandDay.createMany({ data: series.filter((s) => s !== dropA && s !== dropB && s !== stockedOut).map((s) => day(s, s === spikeA || s === spikeB ? 60 : 5)) });
    await prisma.inventorySnapshot.create({ data: { shop: a.shop, ...stockedOut, date: TODAY, available: 0, stockedOut: true } });
    const tomorrow = new Date(NOW.getTime() + DAY);
    await evaluateAlerts(a.shop, tomorrow, NONE);

    const anomalies = await alertsOf(a.shop, "demand_anomaly");
    const key = (s: { variantId: string; locationId: string }) => `${s.variantId}|${s.locationId}`;
    expect(anomalies.map((x) => x.entityId).sort()).toEqual([spikeA, spikeB, dropA, dropB].map(key).sort());
    // The numbers are the stored forecast's own: mean and 95% band of the plan's first day (index 0).
    for (const alert of anomalies) {
      const [variantId, locationId] = alert.entityId.split("|");
      const f = await prisma.forecast.findFirstOrThrow({ where: { shop: a.shop, planRunId: run.id, variantId, locationId } });
      const band = (f.bands as Record<string, { lower: number[]; upper: number[] }>)["95"];
      const spike = alert.entityId === key(spikeA) || alert.entityId === key(spikeB);
      expect(alert.data).toMatchObject({ date: TODAY, units: spike ? 60 : 0, forecastMean: (f.mean as number[])[0], lower95: band.lower[0], upper95: band.upper[0], direction: spike ? "spike" : "collapse" });
      expect(alert.severity).toBe(spike ? "info" : "warning");
    }
    expect(anomalies.find((x) => x.entityId === key(spikeB))!.message).toMatch(/^Lamp 149 at Main: 60 units sold on 2026-11-22, far above the forecast of 5 /);

    // A day later the same series spike differently: the alerts are updated in place (one UPDATE), the others resolve.
    await prisma.demandDay.createMany({ data: series.map((s) => ({ shop: a.shop, ...s, date: addDays(TODAY, 1), units: s === spikeA || s === spikeB ? 80 : 5 })) });
    await evaluateAlerts(a.shop, new Date(tomorrow.getTime() + DAY), NONE);
    const later = await alertsOf(a.shop, "demand_anomaly");
    expect(later.map((x) => x.id).sort()).toEqual(anomalies.map((x) => x.id).sort());
    const byEntity = new Map(later.map((x) => [x.entityId, x]));
    for (const s of [spikeA, spikeB]) {
      expect(byEntity.get(key(s))).toMatchObject({ status: "open", severity: "info", data: expect.objectContaining({ units: 80, date: addDays(TODAY, 1) }) });
      expect(byEntity.get(key(s))!.message).toContain("80 units sold on 2026-11-23");
      expect(byEntity.get(key(s))!.lastSeenAt.getTime()).toBe(tomorrow.getTime() + DAY);
    }
    for (const s of [dropA, dropB]) expect(byEntity.get(key(s))).toMatchObject({ status: "resolved", resolvedAt: new Date(tomorrow.getTime() + DAY) });
  });

  it("vendor_reliability_dropped: on-time deliveries of the last 90 days against the 90 before", async () => {
    const a = await seedShop("vendor");
    const po = async (n: number, sentDaysAgo: number, leadDays: number, receivedDaysAfterSent: number) =>
      prisma.purchaseOrder.create({
        data: {
          shop: a.shop, number: `PO-${n}`, vendorId: a.vendor.id, destinationLocationId: a.location.id, status: "received", createdBy: "x",
          sentAt: new Date(NOW.getTime() - sentDaysAgo * DAY), expectedAt: new Date(NOW.getTime() - (sentDaysAgo - leadDays) * DAY),
          lines: { create: [{ shop: a.shop, variantId: a.variant.id, quantityOrdered: 10, quantityReceived: 10, unitCost: "10" }] },
          receipts: { create: [{ shop: a.shop, idempotencyKey: crypto.randomUUID(), receivedBy: "x", receivedAt: new Date(NOW.getTime() - (sentDaysAgo - receivedDaysAfterSent) * DAY) }] },
        },
      });
    await po(1, 170, 10, 10);
    await po(2, 150, 10, 10);
    await po(3, 120, 10, 9);
    await evaluateAlerts(a.shop, NOW, NONE);
    expect(await alertsOf(a.shop, "vendor_reliability_dropped")).toEqual([]);
    await po(4, 60, 10, 25);
    await po(5, 40, 10, 24);
    await evaluateAlerts(a.shop, NOW, NONE);
    const [drop] = await alertsOf(a.shop, "vendor_reliability_dropped");
    expect(drop).toMatchObject({ severity: "warning", entityType: "vendor", entityId: a.vendor.id });
    expect(drop.message).toMatch(/^Acme: on-time deliveries fell from 100% to 0% and the vendor score from \d+ to \d+ \(last 90 days, 2 receipts/);
  });

  it("sync_unhealthy: failed webhooks and a stalled backfill, each its own alert, resolved when fixed", async () => {
    const a = await seedShop("sync");
    const failed = await prisma.webhookEvent.create({ data: { shop: a.shop, webhookId: "w1", topic: "orders/create", status: "failed", error: "boom", receivedAt: new Date(NOW.getTime() - 3_600_000) } });
    await prisma.webhookEvent.create({ data: { shop: a.shop, webhookId: "w2", topic: "orders/create", status: "processed", receivedAt: new Date(NOW.getTime() - 3_600_000) } });
    await prisma.backfillRun.create({ data: { shop: a.shop, status: "running", stage: "orders", startedAt: new Date(NOW.getTime() - 8 * 3_600_000) } });
    await evaluateAlerts(a.shop, NOW, NONE);
    const sync = await alertsOf(a.shop, "sync_unhealthy");
    expect(sync.map((s) => s.dedupeKey).sort()).toEqual(["sync_unhealthy:backfill", "sync_unhealthy:webhooks"]);
    expect(sync.find((s) => s.dedupeKey === "sync_unhealthy:webhooks")!.message).toMatch(/^1 of 2 webhook deliveries failed to apply in the last 24 hours/);

    await prisma.webhookEvent.update({ where: { id: failed.id }, data: { status: "processed" } });
    await evaluateAlerts(a.shop, NOW, NONE);
    const after = await alertsOf(a.shop, "sync_unhealthy");
    expect(after.find((s) => s.dedupeKey === "sync_unhealthy:webhooks")!.status).toBe("resolved");
    expect(after.find((s) => s.dedupeKey === "sync_unhealthy:backfill")!.status).toBe("open");
  });
});

describe("mutes", () => {
  it("mute a rule for a variant: its alert resolves and stays quiet, audited; unmute brings it back; other shops untouched", async () => {
    const a = await seedShop("mute-a", { onHand: 3 });
    const b = await seedShop("mute-b", { onHand: 3 });
    await planShops([a.shop, b.shop], { now: NOW });
    const open = await getAlerts(a.shop, { tab: "open", page: 1, pageSize: 50 }, NOW);
    const below = open.rows.find((r) => r.type === "below_reorder_point")!;
    expect(below.mute).toEqual({ entityType: "variant", entityId: a.variant.id, label: "this variant" });

    // Another shop cannot mute a's alert.
    expect(await muteAlerts(b.shop, [below.id], "intruder", NOW, NONE)).toEqual({ added: 0, skipped: 0 });
    expect(await muteAlerts(a.shop, [below.id], "staff-1", NOW, NONE)).toEqual({ added: 1, skipped: 0 });
    expect((await prisma.alert.findUniqueOrThrow({ where: { id: below.id } })).status).toBe("resolved");
    await evaluateAlerts(a.shop, NOW, NONE);
    expect((await prisma.alert.findUniqueOrThrow({ where: { id: below.id } })).status).toBe("resolved");
    // One alert per line: the muted "order now" alert was the line's only stock alert.
    expect((await alertsOf(a.shop)).filter((x) => x.status === "open")).toEqual([]);
    // b's identical condition still alerts.
    expect((await alertsOf(b.shop, "below_reorder_point"))[0].status).toBe("open");

    const mutes = await getMutes(a.shop);
    expect(mutes).toMatchObject([{ ruleType: "below_reorder_point", entityType: "variant", subject: "Tent", createdBy: "Staff member" }]);
    expect(await getMutes(b.shop)).toEqual([]);
    expect(await unmute(b.shop, mutes[0].id, "intruder", NOW, NONE)).toBe(false);
    expect(await unmute(a.shop, mutes[0].id, "staff-1", NOW, NONE)).toBe(true);
    expect((await prisma.alert.findUniqueOrThrow({ where: { id: below.id } })).status).toBe("open");
    const audit = await prisma.auditEntry.findMany({ where: { shop: a.shop, entityType: "alert_mute" }, orderBy: { at: "asc" } });
    expect(audit.map((e) => e.action)).toEqual(["alert_mute.created", "alert_mute.deleted"]);
  });

  it("snoozes until a local date, refuses past dates, and audits", async () => {
    const a = await seedShop("snooze", { onHand: 3 });
    await planShop(a.shop, { now: NOW });
    const [first] = (await getAlerts(a.shop, { tab: "open", page: 1, pageSize: 50 }, NOW)).rows;
    expect(await snoozeUntilDate(a.shop, [first.id], TODAY, "staff-1", NOW)).toEqual({ error: "Choose a date after today.", count: 0 });
    expect(await snoozeUntilDate(a.shop, [first.id], "2026-11-25", "staff-1", NOW)).toEqual({ error: null, count: 1 });
    const row = await prisma.alert.findUniqueOrThrow({ where: { id: first.id } });
    expect(row.snoozedUntil?.toISOString()).toBe("2026-11-25T00:00:00.000Z");
    expect((await getAlerts(a.shop, { tab: "open", page: 1, pageSize: 50 }, new Date("2026-11-24T23:59:00Z"))).rows.map((r) => r.id)).not.toContain(first.id);
    expect((await getAlerts(a.shop, { tab: "open", page: 1, pageSize: 50 }, new Date("2026-11-25T00:00:00Z"))).rows.map((r) => r.id)).toContain(first.id);
    expect(await prisma.auditEntry.count({ where: { shop: a.shop, action: "alert.snoozed", entityId: first.id } })).toBe(1);
  });
});

describe("after a webhook", () => {
  const levelEvent = (shop: string, available: number, item = 47380000000037) =>
    prisma.webhookEvent.create({
      data: {
        shop, webhookId: crypto.randomUUID(), topic: "inventory_levels/update", status: "received",
        payload: JSON.stringify({ inventory_item_id: item, location_id: 78412305521, available, updated_at: new Date().toISOString(), admin_graphql_api_id: "gid://shopify/InventoryLevel/1" }),
      },
    });

  it("an applied inventory update re-evaluates the stock rules; a failing one raises sync_unhealthy without failing differently", async () => {
    const a = await seedShop("hook-a");
    const b = await seedShop("hook-b");
    await planShop(a.shop, { now: NOW });
    expect(await alertsOf(a.shop, "stocked_out_now")).toEqual([]);

    const event = await levelEvent(a.shop, 0);
    expect(await processWebhookEvent(a.shop, event.id)).toBe("processed");
    expect((await alertsOf(a.shop, "stocked_out_now"))[0]).toMatchObject({ status: "open", severity: "critical" });
    expect(await prisma.alert.count({ where: { shop: b.shop } })).toBe(0);

    // Back in stock: the next update resolves it.
    expect(await processWebhookEvent(a.shop, (await levelEvent(a.shop, 200)).id)).toBe("processed");
    expect((await alertsOf(a.shop, "stocked_out_now"))[0].status).toBe("resolved");

    // Unknown inventory item: applying fails (and is re-thrown for the queue to retry, as before); the failure feeds sync_unhealthy.
    const bad = await levelEvent(a.shop, 5, 999);
    await expect(processWebhookEvent(a.shop, bad.id)).rejects.toThrow(/no variant with inventory item/);
    expect((await alertsOf(a.shop, "sync_unhealthy"))[0]).toMatchObject({ dedupeKey: "sync_unhealthy:webhooks", status: "open" });
  });

  it("through the queue, a burst of webhooks costs one debounced alerts evaluation per shop", async () => {
    const a = await seedShop("hook-burst");
    await planShop(a.shop, { now: NOW });
    const queue = registerJobs(createJobQueue(process.env.DATABASE_URL!, { supervise: false, schedule: false }));
    try {
      for (const available of [7, 3, 0]) {
        const event = await levelEvent(a.shop, available);
        await queue.enqueue(JOB.processWebhook, { shop: a.shop, webhookEventId: event.id });
      }
      // Applies the three webhooks; the alerts job waits out its delay, so nothing is raised yet. (The
      // database is shared with other files, whose due jobs this pass may run too: count ours only.)
      await queue.runDue();
      const ours = async (name: string) => (await listJobSummaries(a.shop)).filter((j) => j.name === name).map((j) => j.status);
      expect(await ours(JOB.processWebhook)).toEqual(["completed", "completed", "completed"]);
      expect(await alertsOf(a.shop, "stocked_out_now")).toEqual([]);
      expect(await ours(JOB.alertsAfterWebhook)).toEqual(["queued"]);
      // Once due, the single evaluation sees the final stock (0 available).
      await queue.runDue({ includeDelayed: true });
      expect(await ours(JOB.alertsAfterWebhook)).toEqual(["completed"]);
      // One critical alert for the line: "out of stock" or, once the re-plan that follows suggests an order,
      // "order now" (which then says it is out of stock now).
      const open = (await alertsOf(a.shop)).filter((x) => x.status === "open");
      expect(open.map((x) => [x.severity, x.entityId])).toEqual([["critical", `${a.variant.id}|${a.location.id}`]]);
      expect(open[0].message).toMatch(/out of stock/);
    } finally {
      await queue.stop();
    }
  });

  it("an alerting failure never fails the webhook processing", async () => {
    const a = await seedShop("hook-c");
    await planShop(a.shop, { now: NOW });
    // A setting the rules refuse (overstock threshold 0 → RangeError) makes every evaluation throw.
    await prisma.shop.update({ where: { shop: a.shop }, data: { overstockCoverDays: 0 } });
    await expect(evaluateAlerts(a.shop, NOW, NONE)).rejects.toThrow("overstockDays must be positive");
    const event = await levelEvent(a.shop, 0);
    expect(await processWebhookEvent(a.shop, event.id)).toBe("processed");
    expect((await prisma.webhookEvent.findUniqueOrThrow({ where: { id: event.id } })).status).toBe("processed");
    expect((await prisma.inventoryLevel.findFirstOrThrow({ where: { shop: a.shop } })).available).toBe(0);
  });
});
