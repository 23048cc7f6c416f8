// Notification channels end to end on the database of this run: the real job queue (pg-boss on PostgreSQL,
// the Job table on SQLite), a real SMTP server (smtp-server capture) for email and a local HTTP endpoint
// standing in for Slack's incoming webhook. Retries go through the queue; secrets never come back in full.
import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { createLevel, createLocation, createProduct, createShop, createVariant, createVendor, uniqueShop } from "../factories";
import { JOB, registerJobs } from "~/jobs/index.server";
import { createJobQueue, type JobQueue } from "~/jobs/queue.server";
import { action, loader } from "~/routes/app.settings.notifications/route";
import { postSettings } from "../setup/settings-sections";
import { findChannel } from "~/models/notifications.server";
import { saveChannel, type ChannelInput } from "~/services/notifications/channels.server";
import { MAX_DELIVERY_ATTEMPTS, queueAlertDeliveries } from "~/services/notifications/delivery.server";
import { planShop } from "~/services/planning/plan-shop.server";
import { addDays, localDate } from "~/lib/time";
import { sealedWith } from "~/utils/encryption";
import { appKeyring } from "~/utils/encryption.server";
import { useSmtpServer } from "~/utils/mailer.server";
import { startSmtpCapture, type SmtpCapture } from "../../scripts/mail/smtp-capture";
import { APP, createSignedInShop } from "../setup/admin-request";

const queues: JobQueue[] = [];
const servers: { close(): Promise<void> }[] = [];
let smtp: SmtpCapture;

beforeAll(async () => {
  smtp = await startSmtpCapture();
  useSmtpServer(smtp.url);
});

afterAll(async () => {
  for (const q of queues) await q.stop();
  for (const s of servers) await s.close();
  useSmtpServer(undefined);
  await smtp.close();
});

/** A queue with every handler registered, its clock optionally pinned. */
function newQueue(now?: () => Date) {
  const queue = registerJobs(createJobQueue(process.env.DATABASE_URL!, { supervise: false, schedule: false }), { now });
  queues.push(queue);
  return queue;
}

/** What the worker does every minute (sweep → per-shop pass → send jobs), retries included, until idle. */
async function runDeliverySweep(queue: JobQueue) {
  await queue.enqueue(JOB.notificationSweep, { shop: "*" }, { singletonKey: "sweep" });
  return queue.runDue({ includeDelayed: true });
}

/** A local stand-in for Slack: answers 500 to the first `failFirst` posts, then 200 "ok". */
async function startSlack(failFirst = 0) {
  const requests: { path: string; body: { text: string; blocks?: unknown[] } }[] = [];
  let failures = failFirst;
  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk: Buffer) => (raw += chunk.toString()));
    req.on("end", () => {
      requests.push({ path: req.url ?? "", body: JSON.parse(raw) });
      if (failures > 0) {
        failures--;
        res.writeHead(500, { "content-type": "text/plain" }).end("internal_error");
      } else res.writeHead(200, { "content-type": "text/plain" }).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const handle = { close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
  servers.push(handle);
  const secret = `SeCrEt${crypto.randomUUID().replace(/-/g, "").slice(0, 16)}`;
  return { url: `http://127.0.0.1:${port}/services/T0TEST123/B0TEST456/${secret}`, secret, requests, failNext: (n: number) => (failures = n) };
}

async function newShop(label: string, ianaTimezone = "UTC") {
  return createShop(`Shop ${label}`, { shop: uniqueShop(label), ianaTimezone });
}

/** A shop with a stored offline session and a session token, for the real loader and action. */
const signedInShop = (label: string, staffId?: string) => createSignedInShop(label, { currencyCode: "CAD" }, staffId);

const post = (headers: Record<string, string>, fields: Record<string, string>) => postSettings(headers, fields, action);

async function load(headers: Record<string, string>) {
  const response = (await loader({ request: new Request(`${APP}/app/settings`, { headers }), params: {}, context: {} })) as Response;
  return { text: await response.clone().text(), data: await response.json() };
}

const channel = (over: Partial<ChannelInput> & Pick<ChannelInput, "kind" | "target">): ChannelInput => ({
  label: null,
  minSeverity: "critical",
  dailyDigest: false,
  enabled: true,
  ...over,
});

let alertSeq = 0;
function raiseAlert(shop: string, severity: string, message: string) {
  const n = ++alertSeq;
  return prisma.alert.create({
    data: { shop, type: "stockout_before_arrival", severity, dedupeKey: `test:${n}`, entityType: "variant_location", entityId: `v${n}|l1`, message, firstSeenAt: new Date(), lastSeenAt: new Date() },
  });
}

const deliveries = (shop: string) => prisma.notificationDelivery.findMany({ where: { shop }, orderBy: { createdAt: "asc" } });

describe("notification delivery", () => {
  it("emails an alert through SMTP, retrying a transient failure, and delivers it exactly once", async () => {
    const shop = await newShop("email");
    const to = `ops-${crypto.randomUUID().slice(0, 6)}@example.com`;
    const id = await saveChannel(shop, "tester", channel({ kind: "email", target: to }));
    const alert = await raiseAlert(shop, "critical", "Trail tent — Green at Warehouse runs out in 3 days, before the next order can arrive.");
    const queue = newQueue();

    smtp.failNext(2);
    await runDeliverySweep(queue);
    const mails = smtp.messages.filter((m) => m.to.includes(to));
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe("[Critical] Stockout before stock arrives — Shop email");
    expect(mails[0].text).toContain("Trail tent — Green at Warehouse runs out in 3 days");
    expect(await deliveries(shop)).toMatchObject([{ channelId: id, alertId: alert.id, kind: "alert", status: "delivered", attempts: 3, error: null }]);
    const row = await prisma.notificationChannel.findUniqueOrThrow({ where: { id } });
    expect(row.lastError).toBeNull();
    expect(row.lastDeliveredAt).not.toBeNull();

    // The next sweeps find nothing new: never two deliveries of one alert to one channel.
    await runDeliverySweep(queue);
    await Promise.all([queueAlertDeliveries(shop), queueAlertDeliveries(shop)]);
    expect(smtp.messages.filter((m) => m.to.includes(to))).toHaveLength(1);
    expect(await prisma.notificationDelivery.count({ where: { shop } })).toBe(1);
  });

  it("posts to Slack, retries 500s with backoff through the queue, and delivers exactly once", async () => {
    const shop = await newShop("slack");
    const slack = await startSlack(2);
    const id = await saveChannel(shop, "tester", channel({ kind: "slack", target: slack.url }));
    await raiseAlert(shop, "critical", "PO-1042 from Acme is 4 days overdue.");
    const queue = newQueue();
    await runDeliverySweep(queue);

    expect(slack.requests).toHaveLength(3);
    const last = slack.requests[2].body;
    expect(last.text).toContain("PO-1042 from Acme is 4 days overdue.");
    expect(JSON.stringify(last.blocks)).toContain("*Critical · Stockout before stock arrives*");
    expect(await deliveries(shop)).toMatchObject([{ channelId: id, status: "delivered", attempts: 3 }]);
    await runDeliverySweep(queue);
    expect(slack.requests).toHaveLength(3);
  });

  it(`gives up after ${MAX_DELIVERY_ATTEMPTS} attempts, shows the error in Settings, and never shows the webhook secret`, async () => {
    const { shop, headers } = await signedInShop("failing");
    const slack = await startSlack(1000);
    const id = await saveChannel(shop, "42", channel({ kind: "slack", target: slack.url, label: "#ops" }));
    await raiseAlert(shop, "critical", "Something runs out.");
    await runDeliverySweep(newQueue());

    expect(slack.requests).toHaveLength(MAX_DELIVERY_ATTEMPTS);
    expect(await deliveries(shop)).toMatchObject([{ status: "failed", attempts: MAX_DELIVERY_ATTEMPTS, error: "Slack answered 500: internal_error" }]);

    const { text, data } = await load(headers);
    expect(text).not.toContain(slack.secret);
    const [dto] = data.notifications.channels;
    expect(dto).toMatchObject({ id, kind: "slack", label: "#ops", failedDeliveries: 1, pendingDeliveries: 0 });
    expect(dto.target).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/services\/T0…\/B0…\/••••$/);
    expect(dto.lastError).toBe(`Not delivered after ${MAX_DELIVERY_ATTEMPTS} attempts: Slack answered 500: internal_error`);
    expect(data.notifications.recent[0]).toMatchObject({ channelName: "#ops", status: "failed", attempts: MAX_DELIVERY_ATTEMPTS });

    // The audit trail keeps the masked target only.
    const audit = await prisma.auditEntry.findMany({ where: { shop, entityType: "notification_channel" } });
    expect(audit.map((a) => a.action)).toEqual(["notification_channel.created"]);
    expect(JSON.stringify(audit)).not.toContain(slack.secret);
  });

  it("keeps the Slack URL sealed at rest; a channel saved before encryption still delivers and is sealed on edit", async () => {
    const shop = await newShop("sealed");
    const slack = await startSlack();
    const id = await saveChannel(shop, "tester", channel({ kind: "slack", target: slack.url }));
    const row = await prisma.notificationChannel.findUniqueOrThrow({ where: { id } });
    expect(sealedWith(row.target)).toBe(appKeyring.currentId);
    expect(row.target).not.toContain(slack.secret);

    const legacySlack = await startSlack();
    const legacy = await prisma.notificationChannel.create({ data: { shop, kind: "slack", target: legacySlack.url, createdAt: new Date(Date.now() - 1000) } });
    await raiseAlert(shop, "critical", "Both channels hear this.");
    await runDeliverySweep(newQueue());
    expect(slack.requests.map((r) => r.path)).toEqual([new URL(slack.url).pathname]);
    expect(legacySlack.requests.map((r) => r.path)).toEqual([new URL(legacySlack.url).pathname]);

    await saveChannel(shop, "tester", channel({ kind: "slack", target: null, label: "#legacy" }), legacy.id);
    const edited = await prisma.notificationChannel.findUniqueOrThrow({ where: { id: legacy.id } });
    expect(sealedWith(edited.target)).toBe(appKeyring.currentId);
    expect((await findChannel(shop, legacy.id))?.target).toBe(legacySlack.url);
  });

  it("sends no alert and no digest to an uninstalled shop, including deliveries queued before the uninstall", async () => {
    const shop = await newShop("uninstalled");
    const slack = await startSlack();
    await saveChannel(shop, "tester", channel({ kind: "slack", target: slack.url, dailyDigest: true }));
    await raiseAlert(shop, "critical", "Queued before the uninstall.");
    const [queued] = await queueAlertDeliveries(shop);
    expect(queued).toBeDefined();
    await prisma.shop.update({ where: { shop }, data: { active: false, uninstalledAt: new Date() } });
    await raiseAlert(shop, "critical", "Raised after the uninstall.");

    const queue = newQueue(() => new Date("2026-11-22T16:05:00Z")); // past 08:00 UTC: a digest would be due
    await runDeliverySweep(queue);
    await queue.enqueue(JOB.notificationDigest, { shop: "*" }, { singletonKey: "sweep" });
    await queue.runDue({ includeDelayed: true });
    await queue.enqueue(JOB.sendNotification, { shop, deliveryId: queued }, { singletonKey: `delivery:${queued}` });
    await queue.runDue({ includeDelayed: true });

    expect(slack.requests).toEqual([]);
    expect(await deliveries(shop)).toMatchObject([{ id: queued, status: "skipped", error: "The shop uninstalled Stockcast before delivery." }]);
  });

  it("sends only alerts at or above the channel's minimum severity, and only alerts raised after it was added", async () => {
    const shop = await newShop("severity");
    const slack = await startSlack();
    await raiseAlert(shop, "critical", "old critical, raised before the channel existed");
    await new Promise((r) => setTimeout(r, 5));
    await saveChannel(shop, "tester", channel({ kind: "slack", target: slack.url, minSeverity: "warning" }));
    await raiseAlert(shop, "critical", "new critical");
    await raiseAlert(shop, "warning", "new warning");
    await raiseAlert(shop, "info", "new info");
    await runDeliverySweep(newQueue());
    expect(slack.requests.map((r) => r.body.text.split("\n")[1]).sort()).toEqual(["new critical", "new warning"]);
  });

  it("sends the daily digest once per local day, after 8:00 in the shop's time zone", async () => {
    const shop = await newShop("digest", "America/Los_Angeles");
    const slack = await startSlack();
    const id = await saveChannel(shop, "tester", channel({ kind: "slack", target: slack.url, minSeverity: "critical", dailyDigest: true }));
    // The digest summarises open alerts; the immediate alerts go elsewhere (this channel only takes critical).
    await prisma.alert.createMany({
      data: [
        { shop, type: "overstock", severity: "info", dedupeKey: "d1", entityType: "variant_location", entityId: "a|b", message: "Too many lanterns." },
        { shop, type: "below_reorder_point", severity: "warning", dedupeKey: "d2", entityType: "variant_location", entityId: "c|d", message: "Socks below reorder point." },
        { shop, type: "overstock", severity: "info", dedupeKey: "d3", entityType: "variant_location", entityId: "e|f", message: "Resolved one.", status: "resolved" },
      ],
    });
    let now = new Date("2026-11-22T15:30:00Z"); // 07:30 in Los Angeles: too early
    const queue = newQueue(() => now);
    const digest = async () => {
      await queue.enqueue(JOB.notificationDigest, { shop: "*" }, { singletonKey: "sweep" });
      await queue.runDue({ includeDelayed: true });
    };
    await digest();
    expect(slack.requests).toHaveLength(0);

    now = new Date("2026-11-22T16:05:00Z"); // 08:05
    await digest();
    now = new Date("2026-11-22T23:00:00Z"); // later the same local day
    await digest();
    expect(slack.requests).toHaveLength(1);
    expect(slack.requests[0].body.text).toContain("Stockcast daily digest for Shop digest, 2026-11-22: 2 open alerts");
    expect(slack.requests[0].body.text).toContain("Open alerts: 0 critical, 1 warning, 1 info.");
    expect(slack.requests[0].body.text).not.toContain("Resolved one.");

    now = new Date("2026-11-23T07:30:00Z"); // 23:30 on the 22nd in Los Angeles, already the 23rd in UTC
    await digest();
    expect(slack.requests).toHaveLength(1);
    now = new Date("2026-11-23T16:30:00Z"); // 08:30 on the 23rd
    await digest();
    expect(slack.requests).toHaveLength(2);
    expect((await prisma.notificationChannel.findUniqueOrThrow({ where: { id } })).lastDigestDate).toBe("2026-11-23");
    expect((await deliveries(shop)).map((d) => [d.kind, d.status])).toEqual([
      ["digest", "delivered"],
      ["digest", "delivered"],
    ]);
  });

  it("a plan run completes while every channel fails; the failures stay with the notifications", async () => {
    const shop = await newShop("plan");
    const today = localDate(new Date(), "UTC");
    const location = await createLocation(shop);
    const vendor = await createVendor(shop, { statedLeadTimeDays: 10 });
    const product = await createProduct(shop, { vendorId: vendor.id });
    const variant = await createVariant(shop, product.id, 1, { title: "Green", sku: "TENT-1", unitCost: "12.50", price: "30" });
    await createLevel(shop, variant.id, location.id, 3);
    await prisma.demandDay.createMany({
      data: Array.from({ length: 90 }, (_, i) => ({ shop, variantId: variant.id, locationId: location.id, date: addDays(today, -(i + 1)), units: 5, revenue: "150" })),
    });
    const slack = await startSlack(1000);
    const to = `failing-${crypto.randomUUID().slice(0, 6)}@example.com`;
    await saveChannel(shop, "tester", channel({ kind: "slack", target: slack.url }));
    await saveChannel(shop, "tester", channel({ kind: "email", target: to }));

    smtp.failNext(1000);
    try {
      const summary = await planShop(shop);
      expect(summary.seriesPlanned).toBe(1);
      expect(await prisma.planRun.findUniqueOrThrow({ where: { id: summary.planRunId } })).toMatchObject({ status: "complete" });
      const alerts = await prisma.alert.findMany({ where: { shop, status: "open", severity: "critical" } });
      expect(alerts.length).toBeGreaterThan(0);
      // Planning never waits for a send: nothing was even attempted yet.
      expect(await prisma.notificationDelivery.count({ where: { shop } })).toBe(0);

      await runDeliverySweep(newQueue());
    } finally {
      smtp.failNext(0);
    }
    const rows = await deliveries(shop);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(["failed"]));
    expect(smtp.messages.filter((m) => m.to.includes(to))).toHaveLength(0);
    const channels = await prisma.notificationChannel.findMany({ where: { shop } });
    expect(channels.every((c) => c.lastError?.startsWith(`Not delivered after ${MAX_DELIVERY_ATTEMPTS} attempts`))).toBe(true);
    expect(await prisma.planRun.count({ where: { shop, status: "complete" } })).toBe(1);
  });
});

describe("Settings → Notifications", () => {
  it("validates channels with merchant-readable messages and saves nothing on error", async () => {
    const { shop, headers } = await signedInShop("validate");
    const bad = await post(headers, { intent: "save-channel", kind: "slack", target: "https://example.com/hook", minSeverity: "critical" });
    expect(bad.status).toBe(400);
    expect(bad.body.fieldErrors.target).toMatch(/^This is not a Slack incoming-webhook URL/);
    const email = await post(headers, { intent: "save-channel", kind: "email", target: "not-an-address", minSeverity: "loud" });
    expect(email.body.fieldErrors).toEqual({
      target: "Enter a valid email address, like ops@example.com.",
      minSeverity: "Choose which alerts to send: critical, warning or info.",
    });
    const empty = await post(headers, { intent: "save-channel", kind: "email", target: " ", minSeverity: "critical" });
    expect(empty.body.fieldErrors).toEqual({ target: "Enter an email address." });
    expect(await prisma.notificationChannel.count({ where: { shop } })).toBe(0);
    expect(await prisma.auditEntry.count({ where: { shop } })).toBe(0);
  });

  it("adds, edits (keeping the secret when left empty), tests and deletes a channel, audited", async () => {
    const { shop, headers } = await signedInShop("crud");
    const slack = await startSlack();
    const added = await post(headers, { intent: "save-channel", kind: "slack", label: "#buying", target: slack.url, minSeverity: "warning", dailyDigest: "true", enabled: "true" });
    expect(added).toMatchObject({ status: 200, body: { ok: true, message: "Channel added." } });
    const id = added.body.channelId as string;

    const edited = await post(headers, { intent: "save-channel", id, kind: "slack", label: "#buying-team", target: "", minSeverity: "critical", dailyDigest: "false", enabled: "true" });
    expect(edited.body).toMatchObject({ ok: true, message: "Channel saved." });
    expect(await findChannel(shop, id)).toMatchObject({ target: slack.url, label: "#buying-team", minSeverity: "critical", dailyDigest: false });

    const tested = await post(headers, { intent: "test-channel", id });
    expect(tested).toMatchObject({ status: 200, body: { ok: true, message: "Test message sent. Check that it arrived." } });
    expect(slack.requests.at(-1)!.body.text).toContain("This is a test from Stockcast.");

    slack.failNext(1);
    const failed = await post(headers, { intent: "test-channel", id });
    expect(failed).toMatchObject({ status: 502, body: { ok: false, message: "The test message was not delivered: Slack answered 500: internal_error" } });
    expect((await load(headers)).data.notifications.channels[0].lastError).toBe("Test failed: Slack answered 500: internal_error");

    const deleted = await post(headers, { intent: "delete-channel", id });
    expect(deleted.body).toMatchObject({ ok: true });
    expect(await prisma.notificationChannel.count({ where: { shop } })).toBe(0);
    expect(await prisma.notificationDelivery.count({ where: { shop } })).toBe(0);

    const audit = await prisma.auditEntry.findMany({ where: { shop, entityId: id }, orderBy: { at: "asc" } });
    expect(audit.map((a) => a.action)).toEqual([
      "notification_channel.created",
      "notification_channel.updated",
      "notification_channel.tested",
      "notification_channel.tested",
      "notification_channel.deleted",
    ]);
    expect(audit[1].before).toMatchObject({ label: "#buying", minSeverity: "warning" });
    expect(audit[1].after).toMatchObject({ label: "#buying-team", minSeverity: "critical" });
    expect(JSON.stringify(audit)).not.toContain(slack.secret);
  });

  it("keeps each shop's channels to itself", async () => {
    const a = await signedInShop("shop-a");
    const b = await signedInShop("shop-b");
    const to = "a-only@example.com";
    const added = await post(a.headers, { intent: "save-channel", kind: "email", target: to, minSeverity: "critical", enabled: "true" });
    const id = added.body.channelId as string;

    expect((await load(b.headers)).data.notifications.channels).toEqual([]);
    expect((await load(a.headers)).data.notifications.channels).toMatchObject([{ id, target: to }]);
    for (const intent of ["test-channel", "delete-channel"]) {
      expect(await post(b.headers, { intent, id })).toMatchObject({ status: 404, body: { ok: false } });
    }
    expect(await post(b.headers, { intent: "save-channel", id, kind: "email", target: "b@example.com", minSeverity: "info" })).toMatchObject({ status: 404 });
    expect(await findChannel(a.shop, id)).toMatchObject({ shop: a.shop, target: to, minSeverity: "critical" });
    expect(await prisma.notificationDelivery.count({ where: { channelId: id } })).toBe(0);
  });
});
