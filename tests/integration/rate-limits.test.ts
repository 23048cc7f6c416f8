// Expensive actions run once at a time per shop, through the real routes (issue 15, finding 7): re-plan,
// CSV import, backfill re-run and exports. The lease is an ActionLease row, so the test holds one the way
// another process would and checks the plain-words refusal. Runs on both databases.
import { afterAll, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { getJobQueue } from "~/jobs/index.server";
import { handlePlanJob, PLAN_JOB } from "~/jobs/planning.server";
import { cancelShopJobs, countPendingJobs } from "~/models/jobs.server";
import * as exportRoute from "~/routes/app.replenishment_.export";
import * as replenishmentRoute from "~/routes/app.replenishment";
import { settingsAction } from "../setup/settings-sections";
import { singleFlight, type ExpensiveAction } from "~/services/single-flight.server";
import { APP, callRoute, createSignedInShop } from "../setup/admin-request";
import { runImportJob } from "../setup/import-job";
import { stopTestQueues } from "../setup/test-queues";

afterAll(stopTestQueues);

const signedInShop = (label: string) => createSignedInShop(label, { ianaTimezone: "UTC" });

function replan(headers: Record<string, string>) {
  const request = new Request(`${APP}/app/replenishment`, { method: "POST", headers, body: new URLSearchParams({ intent: "plan" }) });
  return callRoute(() => replenishmentRoute.action({ request, params: {}, context: {} }));
}

function settings(headers: Record<string, string>, body: URLSearchParams | FormData) {
  const request = new Request(`${APP}/app/settings`, { method: "POST", headers, body });
  return callRoute(() => settingsAction({ request, params: {}, context: {} }));
}

/** Holds `action`'s lease for `shop` (as a run in another process would) until the returned release is called. */
async function holdLease(shop: string, action: ExpensiveAction) {
  let release!: () => void;
  let started!: () => void;
  const running = new Promise<void>((resolve) => (started = resolve));
  const held = singleFlight(shop, action, () => {
    started();
    return new Promise<void>((resolve) => (release = resolve));
  });
  await running;
  return async () => {
    release();
    await held;
  };
}

describe("single-flight of expensive actions", () => {
  it("queues one plan for 10 concurrent 'Re-plan now' clicks, and runs it once", async () => {
    const { shop, headers } = await signedInShop("replan-burst");
    const responses = await Promise.all(Array.from({ length: 10 }, () => replan(headers)));
    // Every click is answered at once (the screen then shows "Re-planning…"); one plan waits.
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(302));
    expect(await countPendingJobs(shop, [PLAN_JOB])).toBe(1);
    expect(await prisma.planRun.count({ where: { shop } })).toBe(0);
    await getJobQueue().runDue({ includeDelayed: true });
    expect(await prisma.planRun.count({ where: { shop } })).toBe(1);
    expect(await countPendingJobs(shop, [PLAN_JOB])).toBe(0);
    // Done: the next click queues another.
    expect((await replan(headers)).status).toBe(302);
    expect(await countPendingJobs(shop, [PLAN_JOB])).toBe(1);
    await getJobQueue().runDue({ includeDelayed: true });
    expect(await prisma.planRun.count({ where: { shop } })).toBe(2);
  });

  it("a queued plan waits while another process holds the re-plan lease, and takes over a lease whose holder died", async () => {
    const { shop } = await signedInShop("replan-held");
    const release = await holdLease(shop, "replan");
    await handlePlanJob({ shop, trigger: "manual" }, getJobQueue());
    expect(await prisma.planRun.count({ where: { shop } })).toBe(0);
    expect(await countPendingJobs(shop, [PLAN_JOB])).toBe(1); // back in the queue
    await release();
    // A holder killed mid-run never finishes its lease: once it lapses the next plan runs.
    await prisma.actionLease.update({ where: { shop_action: { shop, action: "replan" } }, data: { finishedAt: null, busyUntil: new Date(Date.now() - 1000) } });
    await handlePlanJob({ shop, trigger: "manual" });
    expect(await prisma.planRun.count({ where: { shop } })).toBe(1);
    // Shops do not share a lease.
    const other = await signedInShop("replan-other");
    const releaseOther = await holdLease(other.shop, "replan");
    await handlePlanJob({ shop, trigger: "manual" });
    expect(await prisma.planRun.count({ where: { shop } })).toBe(2);
    await releaseOther();
  });

  it("refuses a second CSV import while one runs, in the import card's words", async () => {
    const { shop, headers } = await signedInShop("import-held");
    const form = new FormData();
    form.set("intent", "import");
    form.set("kind", "demand");
    form.set("file", new Blob(["sku,date,qty\nNOPE,2026-03-01,2\n"], { type: "text/csv" }), "history.csv");
    const release = await holdLease(shop, "import");
    const refused = await settings(headers, form);
    expect(refused.status).toBe(429);
    const message = "An import is already running for this shop — try again in a minute.";
    expect(await refused.json()).toEqual({ intent: "import", ok: false, fieldErrors: { form: message, file: message } });
    expect(await prisma.importBatch.count({ where: { shop } })).toBe(0);
    await release();
    const accepted = await settings(headers, form);
    expect(accepted.status).toBe(202); // queued for the import job
    const { result } = (await accepted.json()) as { result: { status: string; batchId: string } };
    expect(result.status).toBe("queued");
    expect((await runImportJob(shop, result.batchId)).status).toBe("failed"); // ran: the SKU matches nothing
  });

  it("queues a backfill re-run at most once per ten minutes", async () => {
    const { shop, headers } = await signedInShop("backfill-rate");
    expect((await settings(headers, new URLSearchParams({ intent: "backfill" }))).status).toBe(200);
    const again = await settings(headers, new URLSearchParams({ intent: "backfill" }));
    expect(again.status).toBe(429);
    expect(await again.json()).toEqual({ intent: "backfill", ok: false, message: "A backfill was started for this shop a moment ago — try again in 10 minutes." });
    expect(Number(again.headers.get("Retry-After"))).toBeGreaterThan(590);
    await cancelShopJobs(shop);
  });

  it("refuses an export while another export of the shop is being prepared", async () => {
    const { shop, headers } = await signedInShop("export-held");
    const download = () => callRoute(() => exportRoute.loader({ request: new Request(`${APP}/app/replenishment/export`, { headers }), params: {}, context: {} }));
    const release = await holdLease(shop, "export");
    const refused = await download();
    expect(refused.status).toBe(429);
    expect(await refused.text()).toBe("An export is already running for this shop — try again in a minute.");
    await release();
    expect((await download()).status).toBe(200);
  });
});
