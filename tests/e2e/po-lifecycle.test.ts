// Issue 17, part 1 "Lifecycle", on the demo in Chromium: the overdue seeded PO on the list with its days late,
// its ETA edited; a partial receipt then "Close short", after which on order drops and the line's suggestion
// changes with no click on Re-plan; a line added to a draft.
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { launchSharedBrowser, newPage, poll, SCREENSHOTS } from "./browser";

const baseUrl = process.env.E2E_BASE_URL ?? inject("demoBaseUrl");
const browser = launchSharedBrowser();
const DEMO_SHOP = "stockcast-demo.myshopify.com";
const DAY = 86_400_000;
/** POs this file changed, so a later test does not pick them again. */
const used = new Set<string>();

async function db() {
  process.env.DATABASE_URL = inject("demoDatabaseUrl");
  return (await import("~/db.server")).default;
}

/** Clicks one of the page's header actions, opening "More actions" when Polaris rolled it up there. */
async function headerAction(page: Page, name: string) {
  const direct = page.getByRole("button", { name, exact: true });
  if ((await direct.count()) > 0 && (await direct.first().isVisible())) return direct.first().click();
  await page.getByRole("button", { name: "More actions" }).click();
  await page.getByText(name, { exact: true }).last().click();
}

const openPo = async (page: Page, id: string) => {
  await page.goto(`${baseUrl}/app/purchase-orders/${id}`);
  await page.waitForLoadState("networkidle");
};

describe("purchase orders after drafting", () => {
  it("the list shows the overdue seeded PO with its days late; a vendor-confirmed ETA takes it off overdue, with history", async () => {
    const prisma = await db();
    const page = await newPage(browser());
    await page.goto(`${baseUrl}/app/purchase-orders?overdue=true&sort=expected_asc`);
    await page.waitForLoadState("networkidle");
    const rows = await page.locator("tbody tr").allInnerTexts();
    const late = rows.map((r) => ({ row: r, days: Number(/(\d+) days? late/.exec(r)?.[1] ?? NaN) })).filter((r) => Number.isInteger(r.days));
    expect(late.length).toBeGreaterThan(0);
    expect(late.length).toBe(rows.length); // the filter shows overdue POs only
    const number = /PO-\d+/.exec(late[0].row)![0];
    const po = await prisma.purchaseOrder.findFirstOrThrow({ where: { shop: DEMO_SHOP, number } });
    used.add(po.id);
    expect(po.status).toMatch(/^(sent|partially_received)$/);
    // Days late on the shop's calendar: the expected day to today, both as the shop reads them.
    const shop = await prisma.shop.findUniqueOrThrow({ where: { shop: DEMO_SHOP } });
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: shop.ianaTimezone ?? "UTC" }).format(new Date());
    const expectedDay = po.expectedAt!.toISOString().slice(0, 10);
    expect(late[0].days).toBe(Math.round((Date.parse(today) - Date.parse(expectedDay)) / DAY));
    await page.screenshot({ path: `${SCREENSHOTS}/po-lifecycle-1-overdue-list.png`, fullPage: true });

    await page.getByText(number, { exact: true }).first().click();
    await page.waitForURL(new RegExp(`/app/purchase-orders/${po.id}$`));
    await page.waitForLoadState("networkidle");
    await poll(() => page.getByText(`${late[0].days} days late`).count()).toBeGreaterThan(0);
    await page.getByRole("button", { name: "Change dates" }).click();
    const dialog = page.getByRole("dialog");
    const eta = new Date(Date.parse(today) + 7 * DAY).toISOString().slice(0, 10);
    await dialog.getByLabel("Vendor-confirmed ETA").fill(eta);
    await page.screenshot({ path: `${SCREENSHOTS}/po-lifecycle-2-edit-eta.png`, fullPage: true });
    await dialog.getByRole("button", { name: "Save dates" }).click();
    await poll(() => page.getByText("Dates changed", { exact: true }).count()).toBeGreaterThan(0);
    await poll(() => page.getByText(/days? late/).count()).toBe(0);
    expect(await page.locator("body").innerText()).toMatch(/Vendor ETA none → /);
    await page.screenshot({ path: `${SCREENSHOTS}/po-lifecycle-3-eta-saved.png`, fullPage: true });
    expect((await prisma.purchaseOrder.findUniqueOrThrow({ where: { id: po.id } })).confirmedEta?.toISOString().slice(0, 10)).toBe(eta);
  });

  it("a partial receipt, then Close short: on order drops and the line's suggestion changes, with no click on Re-plan", async () => {
    const prisma = await db();
    const run = await prisma.planRun.findFirstOrThrow({ where: { shop: DEMO_SHOP, status: "complete" }, orderBy: { finishedAt: "desc" } });
    // A sent PO line whose open units keep its plan line at or above the reorder point: without them it falls below.
    const sent = await prisma.purchaseOrder.findMany({ where: { shop: DEMO_SHOP, status: "sent", id: { notIn: [...used] } }, include: { lines: true } });
    let pick: { poId: string; lineId: string; variantId: string; locationId: string; ordered: number } | null = null;
    for (const po of sent) {
      for (const l of po.lines) {
        const plan = await prisma.replenishmentLine.findFirst({ where: { shop: DEMO_SHOP, planRunId: run.id, variantId: l.variantId, locationId: po.destinationLocationId } });
        if (plan && l.quantityOrdered > 2 && plan.inventoryPosition - (l.quantityOrdered - 1) < plan.reorderPoint) {
          pick = { poId: po.id, lineId: l.id, variantId: l.variantId, locationId: po.destinationLocationId, ordered: l.quantityOrdered };
          break;
        }
      }
      if (pick) break;
    }
    expect(pick).not.toBeNull();
    const { poId, variantId, locationId, ordered } = pick!;
    used.add(poId);
    const planLine = () => prisma.replenishmentLine.findFirstOrThrow({ where: { shop: DEMO_SHOP, planRunId: run.id, variantId, locationId } });
    const before = await planLine();
    const variant = await prisma.variant.findFirstOrThrow({ where: { id: variantId }, include: { product: true } });

    // Receive one unit of the line, nothing of the others.
    const page = await newPage(browser());
    await openPo(page, poId);
    const inputs = page.getByLabel(/received now$/);
    await poll(() => inputs.count()).toBeGreaterThan(0);
    for (let i = 0; i < (await inputs.count()); i++) await inputs.nth(i).fill("0");
    await page.getByLabel(`Units of ${variant.product.title} ${variant.title} received now`).fill("1");
    await page.getByRole("button", { name: "Receive", exact: true }).click();
    await poll(() => page.getByText("Partially received", { exact: true }).count()).toBeGreaterThan(0);
    // The receipt moves one unit from on order to on hand: the position and the suggestion stay.
    await poll(async () => (await planLine()).onOrder).toBe(before.onOrder - 1);
    const afterReceipt = await planLine();

    await headerAction(page, "Close short");
    const dialog = page.getByRole("dialog");
    const outstanding = (await prisma.purchaseOrderLine.findMany({ where: { purchaseOrderId: poId } })).reduce((s, l) => s + l.quantityOrdered - l.quantityReceived, 0);
    await poll(() => dialog.innerText()).toContain(`The ${outstanding.toLocaleString("en-US")} units not yet received will no longer count as on order`);
    await page.screenshot({ path: `${SCREENSHOTS}/po-lifecycle-4-close-short-confirm.png`, fullPage: true });
    const closedAt = Date.now();
    await dialog.getByRole("button", { name: "Close short" }).click();
    await poll(() => page.getByText("Closed", { exact: true }).count()).toBeGreaterThan(0);
    await poll(() => page.getByText(`${outstanding.toLocaleString("en-US")} units no longer on order`).count()).toBe(1);
    await page.screenshot({ path: `${SCREENSHOTS}/po-lifecycle-5-closed-short.png`, fullPage: true });

    // The plan follows on its own: this PO's open units leave on order and the suggestion rises.
    await poll(async () => (await planLine()).onOrder).toBe(afterReceipt.onOrder - (ordered - 1));
    const after = await planLine();
    console.info(`[po lifecycle] close short re-planned in ${((Date.now() - closedAt) / 1000).toFixed(1)} s`);
    expect(after.inventoryPosition).toBe(afterReceipt.inventoryPosition - (ordered - 1));
    expect(after.suggestedQty).toBeGreaterThan(afterReceipt.suggestedQty);
    await page.goto(`${baseUrl}/app/replenishment?q=${encodeURIComponent(variant.sku ?? variant.product.title)}`);
    await page.waitForLoadState("networkidle");
    await page.screenshot({ path: `${SCREENSHOTS}/po-lifecycle-6-replenishment-after-close-short.png`, fullPage: true });
  });

  it("adds a line of the vendor to a draft through the search", async () => {
    const prisma = await db();
    const draft = await prisma.purchaseOrder.findFirstOrThrow({ where: { shop: DEMO_SHOP, status: "draft", id: { notIn: [...used] } }, include: { lines: true }, orderBy: { createdAt: "asc" } });
    const candidate = await prisma.variant.findFirstOrThrow({
      where: { shop: DEMO_SHOP, deletedAt: null, sku: { not: null }, product: { vendorId: draft.vendorId }, id: { notIn: draft.lines.map((l) => l.variantId) } },
      include: { product: true },
    });
    const page = await newPage(browser());
    await openPo(page, draft.id);
    await page.getByLabel("Add a line").fill(candidate.sku!);
    const title = candidate.title === "Default Title" ? candidate.product.title : `${candidate.product.title} — ${candidate.title}`;
    const add = page.getByRole("button", { name: `Add ${title}` });
    await poll(() => add.count()).toBe(1);
    await page.screenshot({ path: `${SCREENSHOTS}/po-lifecycle-7-add-line-search.png`, fullPage: true });
    await add.click();
    await page.getByLabel("Quantity", { exact: true }).fill("7");
    await page.getByRole("button", { name: "Add line" }).click();
    await poll(() => page.getByText(`${title} added: 7 at`).count()).toBe(1);
    await page.screenshot({ path: `${SCREENSHOTS}/po-lifecycle-8-line-added.png`, fullPage: true });
    const line = await prisma.purchaseOrderLine.findFirstOrThrow({ where: { purchaseOrderId: draft.id, variantId: candidate.id } });
    expect(line.quantityOrdered).toBe(7);
    expect((await prisma.purchaseOrder.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("draft");
  });
});
