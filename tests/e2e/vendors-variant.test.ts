// Vendor page and variant page of the demo shop in Chromium: edit a vendor (saved, shown in the history),
// save a variant's planning overrides, add a manual forecast override and delete it behind a confirmation.
import { describe, expect, inject, it } from "vitest";
import { createPrismaClient } from "~/db.server";
import { launchSharedBrowser, newPage, pageErrors, poll, SCREENSHOTS } from "./browser";

const baseUrl = process.env.E2E_BASE_URL ?? inject("demoBaseUrl");
const SHOP = "stockcast-demo.myshopify.com";
const browser = launchSharedBrowser();

describe("vendor and variant pages", () => {
  it("opens a vendor from the list and saves an edit that shows in its history", async () => {
    const page = await newPage(browser());
    const errors = pageErrors(page);
    await page.goto(`${baseUrl}/app/vendors`);
    await page.waitForLoadState("networkidle");
    await page.locator('a[href^="/app/vendors/"]').first().click();
    await page.waitForURL(/\/app\/vendors\/[^/]+$/);
    await poll(() => page.getByText("Scorecard, last 12 months").count()).toBe(1);
    const leadTime = page.getByLabel("Stated lead time");
    const before = await leadTime.inputValue();
    const next = String(Number(before) === 30 ? 31 : 30);
    await leadTime.fill(next);
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await poll(() => page.getByText(/Saved\. The new lead time/).count()).toBe(1);
    await poll(() => page.getByText(`Stated lead time ${before} days → ${next} days`).count()).toBe(1);
    await page.screenshot({ path: `${SCREENSHOTS}/vendor-detail.png`, fullPage: true });
    expect(errors).toEqual([]);
  });

  it("saves planning overrides and adds, then deletes, a forecast override on a variant page", async () => {
    const db = createPrismaClient(inject("demoDatabaseUrl"));
    let variantId: string;
    try {
      const run = await db.planRun.findFirstOrThrow({ where: { shop: SHOP, status: "complete" }, orderBy: { finishedAt: "desc" } });
      const line = await db.replenishmentLine.findFirstOrThrow({ where: { shop: SHOP, planRunId: run.id, suggestedQty: { gt: 0 } }, orderBy: { variantId: "asc" } });
      variantId = line.variantId;
    } finally {
      await db.$disconnect();
    }
    const page = await newPage(browser());
    const errors = pageErrors(page);
    await page.goto(`${baseUrl}/app/forecasts/${variantId}`);
    await page.waitForLoadState("networkidle");
    await poll(() => page.getByText("Planning overrides").count()).toBeGreaterThan(0);

    await page.getByLabel("Case pack").fill("5");
    await page.getByRole("button", { name: "Save overrides" }).click();
    await poll(() => page.getByText(/Saved\. The next plan run uses the new values\./).count()).toBe(1);
    await poll(() => page.getByText(/case pack .* → 5/).count()).toBe(1);

    await page.getByRole("button", { name: "Override forecast" }).click();
    await page.getByLabel(/^Units per day at/).fill("7");
    await page.getByLabel("Note (optional)").fill("Browser test promo");
    await page.getByRole("button", { name: "Save override", exact: true }).click();
    await poll(() => page.getByText("7 units/day").count()).toBe(1);
    // Saved for the next plan; an override re-plans its variant within seconds, so the badge may already say so.
    await poll(() => page.getByText(/^(From next plan|In this plan)$/).count()).toBe(1);
    await poll(() => page.getByText(/Forecast overridden to 7\/day/).count()).toBe(1);
    await page.screenshot({ path: `${SCREENSHOTS}/variant-overrides.png`, fullPage: true });

    await page.getByRole("button", { name: /^Delete override/ }).click();
    const dialog = page.getByRole("dialog");
    await poll(() => dialog.getByText("Delete this forecast override?").count()).toBe(1);
    await dialog.getByRole("button", { name: "Delete override" }).click();
    await poll(() => page.getByText("No overrides: the forecast is purely statistical.").count()).toBe(1);
    await poll(() => page.getByText(/Forecast override removed \(7\/day/).count()).toBe(1);
    expect(errors).toEqual([]);
  });
});
