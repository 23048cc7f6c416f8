// Settings → Sync health and Import through the real route: a failed webhook event re-processed after the
// fact becomes processed; a CSV with a bad row imports nothing and names the line; the backfill button
// enqueues one job per shop (and is refused in demo mode).
import { fakeFlowTriggers, server } from "../setup/shopify-fake";
import crypto from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import prisma from "~/db.server";
import { getJobQueue } from "~/jobs/index.server";
import { cancelShopJobs, listJobSummaries } from "~/models/jobs.server";
import { loader } from "~/routes/app.settings.sync/route";
import { postSettings } from "../setup/settings-sections";
import { processWebhookEvent } from "~/services/sync/process-webhook.server";
import { APP, createSignedInShop } from "../setup/admin-request";
import { runImportJob } from "../setup/import-job";

const fixture = (name: string) => readFileSync(`tests/fixtures/webhooks/${name}.json`, "utf8");

afterAll(async () => {
  server.close();
  await getJobQueue().stop();
  globalThis.__stockcastJobQueue = undefined;
});

const signedInShop = (label: string) => createSignedInShop(label, { ianaTimezone: "UTC" });

const call = postSettings;

async function load(headers: Record<string, string>) {
  return ((await loader({ request: new Request(`${APP}/app/settings`, { headers }), params: {}, context: {} })) as Response).json();
}

function recordEvent(shop: string, topic: string, payload: string) {
  return prisma.webhookEvent.create({ data: { shop, webhookId: crypto.randomUUID(), topic, status: "received", payload } });
}

describe("Settings → Sync health", () => {
  it("re-processes a failed webhook event after the fact, and only the shop's own events", async () => {
    const { shop, headers } = await signedInShop("reprocess");
    // Applying the order raises alerts for the new shop, and each new alert goes to Shopify Flow.
    fakeFlowTriggers(shop);
    // A point-of-sale order whose location has not been synced yet fails...
    const order = await recordEvent(shop, "orders/create", fixture("orders_create"));
    await expect(processWebhookEvent(shop, order.id)).rejects.toThrow();
    expect(await prisma.webhookEvent.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: "failed" });

    const before = await load(headers);
    expect(before.sync.health.status).toBe("attention");
    expect(before.sync.health.webhooks).toMatchObject({ failed: 1, total: 1 });
    expect(before.sync.health.webhooks.recentFailures).toEqual([expect.objectContaining({ id: order.id, topic: "orders/create", error: expect.any(String) })]);

    // ...another shop cannot re-process it...
    const other = await signedInShop("intruder");
    await expect(call(other.headers, new URLSearchParams({ intent: "reprocess", eventId: order.id }))).rejects.toMatchObject({ status: 404 });
    expect(await prisma.webhookEvent.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: "failed" });

    // ...and once the location has arrived, Re-process applies it.
    const location = await recordEvent(shop, "locations/create", fixture("locations_create"));
    expect(await processWebhookEvent(shop, location.id)).toBe("processed");
    const { status, body } = await call(headers, new URLSearchParams({ intent: "reprocess", eventId: order.id }));
    expect(status).toBe(200);
    expect(body).toEqual({ intent: "reprocess", eventId: order.id, outcome: "processed", error: null });
    expect(await prisma.webhookEvent.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: "processed", error: null });
    expect(await prisma.orderLine.count({ where: { shop, orderGid: "gid://shopify/Order/6100000000001" } })).toBeGreaterThan(0);

    const after = await load(headers);
    expect(after.sync.health.webhooks).toMatchObject({ failed: 0, processed: 2, recentFailures: [] });
    expect(after.sync.health.status).toBe("ok");
  });

  it("enqueues one backfill job per shop from the button", async () => {
    const { shop, headers } = await signedInShop("rerun");
    const first = await call(headers, new URLSearchParams({ intent: "backfill" }));
    expect(first).toEqual({ status: 200, body: { intent: "backfill", ok: true, message: "Backfill queued. Progress appears here as it runs." } });
    const second = await call(headers, new URLSearchParams({ intent: "backfill" }));
    // A re-run within ten minutes is refused (rate-limits.test.ts); the queue's singleton holds one job.
    expect(second).toMatchObject({ status: 429, body: { ok: false, message: "A backfill was started for this shop a moment ago — try again in 10 minutes." } });
    const jobs = await listJobSummaries(shop);
    expect(jobs.filter((j) => j.name === "backfill").map((j) => j.status)).toEqual(["queued"]);
    expect((await load(headers)).sync.health.jobs.queued).toBe(1);
    await cancelShopJobs(shop); // not run here: backfill-job.test.ts runs it against the fake Shopify
  });
});

describe("Settings → Import", () => {
  async function shopWithCatalog(label: string) {
    const signedIn = await signedInShop(label);
    const { shop } = signedIn;
    await prisma.location.create({ data: { shop, shopifyId: "gid://shopify/Location/1", name: "Warehouse" } });
    const product = await prisma.product.create({ data: { shop, shopifyId: "gid://shopify/Product/1", title: "Tee" } });
    await prisma.variant.create({ data: { shop, shopifyId: "gid://shopify/ProductVariant/1", productId: product.id, title: "S", sku: "TEE-S" } });
    return signedIn;
  }

  function upload(fields: Record<string, string>, file?: { name: string; content: string }) {
    const form = new FormData();
    form.set("intent", "import");
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    if (file) form.set("file", new Blob([file.content], { type: "text/csv" }), file.name);
    return form;
  }

  it("imports nothing from a file with bad rows and names each line", async () => {
    const { shop, headers } = await shopWithCatalog("import-bad");
    const csv = "sku,date,qty,location\nTEE-S,2026-03-01,2,Warehouse\nTEE-S,2026-03-02,two,Warehouse\nNOPE,2026-03-03,1,\n";
    const { status, body } = await call(headers, upload({ kind: "demand" }, { name: "history.csv", content: csv }));
    expect(status).toBe(202);
    expect(body).toMatchObject({ intent: "import", ok: true, fileName: "history.csv", result: { status: "queued" } });
    expect(await runImportJob(shop, body.result.batchId)).toMatchObject({ status: "failed", rowCount: 3, errorCount: 2 });
    const [shown] = (await load(headers)).sync.imports;
    expect(shown).toMatchObject({ fileName: "history.csv", status: "failed", rowCount: 3, errorCount: 2 });
    expect(shown.errors.map((e: { line: number }) => e.line)).toEqual([3, 4]);
    expect(shown.errors[0].message).toMatch(/whole number/);
    expect(shown.errors[1].message).toBe('sku: SKU "NOPE" matches no product variant');
    expect(await prisma.orderLine.count({ where: { shop } })).toBe(0);
    expect(await prisma.demandDay.count({ where: { shop } })).toBe(0);
  });

  it("imports a good file once, then reports the same file as already imported", async () => {
    const { shop, headers } = await shopWithCatalog("import-good");
    const file = { name: "history.csv", content: "sku,date,qty\nTEE-S,2026-03-01,2\nTEE-S,2026-03-02,3\n" };
    const first = await call(headers, upload({ kind: "demand" }, file));
    expect(first.status).toBe(202);
    expect((await load(headers)).sync.imports).toEqual([expect.objectContaining({ fileName: "history.csv", status: "queued", percent: 0 })]);
    expect(await runImportJob(shop, first.body.result.batchId)).toMatchObject({ status: "completed", rowCount: 2, result: { written: 2 } });
    expect((await prisma.demandDay.findMany({ where: { shop }, orderBy: { date: "asc" } })).map((d) => [d.date, d.units])).toEqual([
      ["2026-03-01", 2],
      ["2026-03-02", 3],
    ]);
    const again = await call(headers, upload({ kind: "demand" }, file));
    expect(again.body.result).toMatchObject({ status: "duplicate", batchId: first.body.result.batchId });
    expect((await load(headers)).sync.imports).toEqual([expect.objectContaining({ fileName: "history.csv", status: "completed", rowCount: 2, written: 2 })]);
  });

  it("asks for the missing pieces: a file, a kind, the inventory snapshot date", async () => {
    const { headers } = await shopWithCatalog("import-fields");
    const noFile = await call(headers, upload({ kind: "demand" }));
    expect(noFile).toEqual({ status: 400, body: { intent: "import", ok: false, fieldErrors: { file: "Choose a CSV file to import." } } });
    const csv = { name: "inventory.csv", content: "SKU,Location,Available\nTEE-S,Warehouse,4\n" };
    const noDate = await call(headers, upload({ kind: "shopify-inventory" }, csv));
    expect(noDate.body.fieldErrors).toEqual({ snapshotDate: "Enter the date the inventory export was taken, as YYYY-MM-DD." });
    const badKind = await call(headers, upload({ kind: "spreadsheet" }, csv));
    expect(badKind.body.fieldErrors).toEqual({ kind: "Choose what kind of file this is." });
  });

  it("refuses a file over the size limit with a clear message", async () => {
    const { shop, headers } = await shopWithCatalog("import-big");
    const big = "sku,date,qty\n" + "TEE-S,2026-03-01,1\n".repeat(Math.ceil((21 * 1024 * 1024) / 19));
    const { status, body } = await call(headers, upload({ kind: "demand" }, { name: "huge.csv", content: big }));
    expect(status).toBe(413);
    expect(body.fieldErrors.file).toMatch(/larger than 20 MB/);
    expect(await prisma.importBatch.count({ where: { shop } })).toBe(0);
  });
});

describe("demo mode", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it("disables Run backfill again: there is no Shopify to read from", async () => {
    vi.stubEnv("STOCKCAST_DEMO", "1");
    vi.stubEnv("SHOPIFY_API_SECRET", "demo-secret");
    vi.stubEnv("NODE_ENV", "development");
    vi.resetModules();
    const route = await import("~/routes/app.settings.sync/route");
    const request = new Request("http://localhost/app/settings", { method: "POST", body: new URLSearchParams({ intent: "backfill" }) });
    const response = (await route.action({ request, params: {}, context: {} })) as Response;
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ intent: "backfill", ok: false, message: "The demo shop has no Shopify store to read from." });
  });
});
