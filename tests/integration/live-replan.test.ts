// Issue "Live plan": every change a plan depends on is re-planned within seconds, through the real actions and
// the job queue, without waiting for the nightly run.
import crypto from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { fakeFlowTriggers, server } from "../setup/shopify-fake";
import prisma from "~/db.server";
import { createLevel, createStore, createVariant, demandDays } from "../factories";
import { getJobQueue, JOB } from "~/jobs/index.server";
import { handleTouchedPlanJob, PLAN_BUSY_RETRY_MS, PLAN_TOUCHED_DELAY_MS } from "~/jobs/planning.server";
import { listJobSummaries } from "~/models/jobs.server";
import * as poRoute from "~/routes/app.purchase-orders_.$id";
import * as poListRoute from "~/routes/app.purchase-orders";
import * as vendorRoute from "~/routes/app.vendors_.$id";
import * as variantRoute from "~/routes/app.forecasts.$variantId";
import * as replenishmentRoute from "~/routes/app.replenishment";
import { shopTimeLabel } from "~/utils/dates";
import { planShop } from "~/services/planning/plan-shop.server";
import { reevaluateStockAlerts } from "~/services/alerts/evaluate.server";
import { getReplenishment } from "~/services/replenishment.server";
import { singleFlight } from "~/services/single-flight.server";
import { planTouchedVariants } from "~/services/planning/plan-touched.server";
import { addDays, localDate } from "~/lib/time";
import { getAsStaff, postAsStaff, storeAdminSession } from "../setup/admin-request";

const APPROVER = "5102";

/** A shop selling 3 a day of each of two variants of one vendor, with none on hand and one sent PO of 40 for the first. */
async function seedShop(label: string) {
  const store = `live-${label}-${crypto.randomUUID().slice(0, 8)}`;
  const shop = `${store}.myshopify.com`;
  await storeAdminSession(shop);
  fakeFlowTriggers(shop); // alerts follow each re-plan and notify Shopify Flow
  // No ordering cost: the order quantity is what the stock position needs, not a larger economic batch.
  const { location, vendor, product } = await createStore(label, { shop: { shop, orderingCost: "0" }, vendor: { statedLeadTimeDays: 10 }, product: { title: "Mug" } });
  await prisma.staffRole.create({ data: { shop, staffId: APPROVER, name: "Avery Approver", role: "approver" } });
  const today = localDate(new Date(), "UTC");
  const variants = [];
  for (let n = 1; n <= 2; n++) {
    const v = await createVariant(shop, product.id, n, { sku: `MUG-${n}`, unitCost: "4.00", price: "12" });
    await createLevel(shop, v.id, location.id, 0);
    await prisma.demandDay.createMany({ data: demandDays(shop, v.id, location.id, { until: today, days: 120, units: 3, revenue: () => "36" }) });
    variants.push(v);
  }
  const po = await prisma.purchaseOrder.create({
    data: {
      shop, number: "PO-1001", vendorId: vendor.id, destinationLocationId: location.id, currency: "USD", createdBy: APPROVER, status: "sent",
      expectedAt: new Date(Date.now() + 5 * 86_400_000),
      lines: { create: [{ shop, variantId: variants[0].id, quantityOrdered: 40, unitCost: "4.00" }] },
    },
  });
  await planShop(shop);
  return { store, shop, vendor, variants, po, location };
}

afterAll(() => server.close());

const lineOf = (shop: string, variantId: string) => prisma.replenishmentLine.findFirstOrThrow({ where: { shop, variantId } });
const jobsOf = async (shop: string) => (await listJobSummaries(shop)).filter((j) => j.name === JOB.planTouched).map((j) => j.status);

/** Runs whatever the queue has due a little after the re-plan delay. */
const runReplan = () => getJobQueue().runDue({ includeDelayed: true, now: new Date(Date.now() + PLAN_TOUCHED_DELAY_MS + 1000) });

describe("the plan follows every change within seconds", () => {
  it("a cancelled PO leaves on order and the suggestion rises, through the PO action and the queue", async () => {
    const a = await seedShop("po");
    const before = await lineOf(a.shop, a.variants[0].id);
    expect(before.onOrder).toBe(40);
    const response = await postAsStaff(poRoute.action, `/app/purchase-orders/${a.po.id}`, a.store, APPROVER, { intent: "cancel", version: "1", reason: "Vendor out of stock" }, { id: a.po.id });
    expect(response.status).toBe(200);
    // Queued a few seconds out, not run inside the request.
    expect(await jobsOf(a.shop)).toEqual(["queued"]);
    expect((await lineOf(a.shop, a.variants[0].id)).onOrder).toBe(40);
    await runReplan();
    expect(await jobsOf(a.shop)).toEqual(["completed"]);
    const after = await lineOf(a.shop, a.variants[0].id);
    expect(after.onOrder).toBe(0);
    expect(after.inventoryPosition).toBe(before.inventoryPosition - 40);
    expect(after.suggestedQty).toBeGreaterThan(before.suggestedQty);
  });

  it("a vendor's new lead time re-plans every one of its variants", async () => {
    const a = await seedShop("vendor");
    const before = await Promise.all(a.variants.map((v) => lineOf(a.shop, v.id)));
    const vendor = await prisma.vendor.findUniqueOrThrow({ where: { id: a.vendor.id } });
    const response = await postAsStaff(vendorRoute.action, `/app/vendors/${a.vendor.id}`, a.store, APPROVER, { intent: "update", updatedAt: vendor.updatedAt.toISOString(), contactName: "Dana Reyes", email: "orders@acme.example", phone: "+1 (604) 555-0199", currency: "usd", statedLeadTimeDays: "40", moq: "", notes: "" }, { id: a.vendor.id });
    expect(response.status).toBe(200);
    expect(await jobsOf(a.shop)).toEqual(["queued"]);
    await runReplan();
    const after = await Promise.all(a.variants.map((v) => lineOf(a.shop, v.id)));
    for (let i = 0; i < after.length; i++) {
      expect(after[i].leadTimeDays).toBeGreaterThan(before[i].leadTimeDays);
      expect(after[i].reorderPoint).toBeGreaterThan(before[i].reorderPoint);
    }
  });

  it("adding and removing a forecast override re-plans that variant only", async () => {
    const a = await seedShop("override");
    const [main, other] = a.variants;
    const before = await lineOf(a.shop, main.id);
    const otherBefore = await lineOf(a.shop, other.id);
    const today = localDate(new Date(), "UTC");
    const post = (fields: Record<string, string>) => postAsStaff(variantRoute.action, `/app/forecasts/${main.id}`, a.store, APPROVER, fields, { variantId: main.id });
    const added = await post({ intent: "add_forecast_override", locationId: a.location.id, startDate: today, endDate: addDays(today, 60), dailyUnits: "30" });
    expect(added.status).toBe(200);
    await runReplan();
    const raised = await lineOf(a.shop, main.id);
    expect(raised.leadTimeDemand).toBeGreaterThan(before.leadTimeDemand * 5);
    expect(await lineOf(a.shop, other.id)).toEqual(otherBefore);

    const override = await prisma.forecastOverride.findFirstOrThrow({ where: { shop: a.shop, variantId: main.id } });
    const removed = await post({ intent: "delete_forecast_override", overrideId: override.id });
    expect(removed.status).toBe(200);
    // The removed override leaves no row behind: its audit entry is what marks the variant as touched.
    expect(await planTouchedVariants(a.shop)).toMatchObject({ variants: 1, seriesPlanned: 1 });
    expect((await lineOf(a.shop, main.id)).leadTimeDemand).toBeCloseTo(before.leadTimeDemand, 6);
  });

  it("a drafted line is not drafted twice: its suggestion is net of the draft, its urgency is not", async () => {
    const a = await seedShop("drafts");
    const line = await lineOf(a.shop, a.variants[1].id);
    expect(line).toMatchObject({ onOrder: 0, urgency: "critical" });
    expect(line.suggestedQty).toBeGreaterThan(0);
    const draft = (lineId: string) => postAsStaff(poListRoute.action, "/app/purchase-orders", a.store, APPROVER, [["intent", "create_from_plan"], ["lineId", lineId]]);
    expect((await draft(line.id)).status).toBe(302);
    const po = await prisma.purchaseOrder.findFirstOrThrow({ where: { shop: a.shop, status: "draft" }, include: { lines: true } });
    expect(po.lines).toEqual([expect.objectContaining({ variantId: a.variants[1].id, quantityOrdered: line.suggestedQty })]);
    await runReplan();
    const after = await lineOf(a.shop, a.variants[1].id);
    // Nothing is ordered yet: same position and urgency; nothing more to order.
    expect(after).toMatchObject({ onOrder: 0, inventoryPosition: line.inventoryPosition, urgency: "critical", suggestedQty: 0 });
    expect(after.reason).toContain(`and ${line.suggestedQty} more in draft purchase orders, so order nothing more: send the drafts.`);
    expect(after.draftedUnits).toBe(line.suggestedQty);
    // The screen links the draft beside on order.
    const screen = await getReplenishment(a.shop, { sort: "stockout", page: 1, pageSize: 50 });
    expect(screen.rows.find((r) => r.id === after.id)?.drafts).toEqual([{ id: po.id, number: po.number, units: line.suggestedQty }]);
    expect(screen.rows.find((r) => r.variantId === a.variants[0].id)?.drafts).toEqual([]);
    // Selecting the re-planned line again drafts nothing.
    const again = await draft(after.id);
    expect(again.status).toBe(400);
    expect(await again.json()).toEqual({ error: "Nothing to order: the selected lines are all at 0 units" });
    expect(await prisma.purchaseOrder.count({ where: { shop: a.shop, status: "draft" } })).toBe(1);
  });

  it("waits for a re-plan already running for the shop, then runs after it", async () => {
    const a = await seedShop("busy");
    let finishManual!: () => void;
    // "Re-plan now" (or another job) holds the shop's re-plan lease.
    const manual = singleFlight(a.shop, "replan", () => new Promise<void>((resolve) => (finishManual = resolve)));
    await prisma.inventoryLevel.updateMany({ where: { shop: a.shop, variantId: a.variants[1].id }, data: { available: 500, onHand: 500 } });
    const now = new Date();
    await handleTouchedPlanJob({ shop: a.shop }, now, getJobQueue());
    // It did not run beside the other re-plan: it is queued again, PLAN_BUSY_RETRY_MS later; the line is as it was.
    const waiting = await prisma.job.findMany({ where: { shop: a.shop, name: JOB.planTouched, status: "queued" } });
    if (waiting.length) expect(waiting.map((j) => j.runAt.getTime())).toEqual([now.getTime() + PLAN_BUSY_RETRY_MS]);
    else expect(await jobsOf(a.shop)).toEqual(["queued"]); // PostgreSQL: pg-boss holds the queue
    expect((await lineOf(a.shop, a.variants[1].id)).onHand).toBe(0);
    finishManual();
    await manual;
    await handleTouchedPlanJob({ shop: a.shop }, new Date(), getJobQueue());
    expect((await lineOf(a.shop, a.variants[1].id)).onHand).toBe(500);
  });

  it("the re-plan brings the alerts of the variants it patched up to date, and leaves the others to their own evaluation", async () => {
    const a = await seedShop("alerts");
    const openAlert = (variantId: string) => prisma.alert.findFirst({ where: { shop: a.shop, variantId, type: "below_reorder_point", status: { not: "resolved" } } });
    expect(await openAlert(a.variants[0].id)).not.toBeNull();
    expect(await openAlert(a.variants[1].id)).not.toBeNull();
    // Both are well stocked now, but only the first was touched: the second's row keeps its updatedAt (raw SQL).
    await prisma.inventoryLevel.updateMany({ where: { shop: a.shop, variantId: a.variants[0].id }, data: { available: 5000, onHand: 5000 } });
    await prisma.$executeRaw`UPDATE "InventoryLevel" SET "available" = 5000, "onHand" = 5000 WHERE "shop" = ${a.shop} AND "variantId" = ${a.variants[1].id}`;
    await handleTouchedPlanJob({ shop: a.shop }, new Date(), getJobQueue());
    expect(await openAlert(a.variants[0].id)).toBeNull();
    expect(await openAlert(a.variants[1].id)).not.toBeNull();
    // The whole shop's stock evaluation (after webhooks) reaches the second.
    await reevaluateStockAlerts(a.shop);
    expect(await openAlert(a.variants[1].id)).toBeNull();
  });

  it("each planning screen says when its plan changed and shows a re-plan on its way", async () => {
    const a = await seedShop("status");
    const status = async () => (await (await getAsStaff(replenishmentRoute.loader, "/app/replenishment", a.store, APPROVER)).json()).status;
    const before = await status();
    const run = await prisma.planRun.findFirstOrThrow({ where: { shop: a.shop, status: "complete" } });
    expect(before).toEqual({ updatedAt: run.finishedAt!.toISOString(), updatedLabel: shopTimeLabel(run.finishedAt!, "UTC"), replanning: false });
    // "Re-plan now" answers at once and the screen shows the queued re-plan.
    expect((await postAsStaff(replenishmentRoute.action, "/app/replenishment", a.store, APPROVER, { intent: "plan" })).status).toBe(302);
    expect((await status()).replanning).toBe(true);
    const variantPage = await (await getAsStaff(variantRoute.loader, `/app/forecasts/${a.variants[0].id}`, a.store, APPROVER, { variantId: a.variants[0].id })).json();
    expect(variantPage.status.replanning).toBe(true);
    await runReplan();
    const after = await status();
    expect(after.replanning).toBe(false);
    expect(Date.parse(after.updatedAt)).toBeGreaterThan(Date.parse(before.updatedAt));
    // An incremental patch moves "updated" too, not only a full run.
    const full = after.updatedAt;
    await prisma.inventoryLevel.updateMany({ where: { shop: a.shop, variantId: a.variants[1].id }, data: { onHand: 9, available: 9 } });
    await planTouchedVariants(a.shop);
    expect(Date.parse((await status()).updatedAt)).toBeGreaterThan(Date.parse(full));
  });
});
